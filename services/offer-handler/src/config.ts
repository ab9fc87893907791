import { randomUUID } from "node:crypto";
import { envNumber, envString, type ServiceConfig, serviceConfig } from "@berth/runtime";

export interface OfferHandlerConfig extends ServiceConfig {
  /** An agent silent for this long gets no new tasks. */
  agentTimeoutMs: number;
  /** This instance's name among the offer-handlers sharing placement. */
  instanceId: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OfferHandlerConfig {
  return {
    ...serviceConfig(env, 9102),
    agentTimeoutMs: envNumber(env, "BERTH_AGENT_TIMEOUT_MS", 20_000),
    instanceId: envString(env, "BERTH_INSTANCE_ID", `offer-handler-${randomUUID().slice(0, 8)}`),
  };
}
