import { randomUUID } from "node:crypto";
import { envNumber, envString } from "@berth/runtime";

export interface OfferHandlerConfig {
  natsUrl: string;
  /** JetStream replicas for the streams and buckets this process creates: 1 on one server, 3 on a cluster. */
  jsReplicas: number;
  httpHost: string;
  httpPort: number;
  /** An agent silent for this long gets no new tasks. */
  agentTimeoutMs: number;
  /** This instance's name among the offer-handlers sharing placement. */
  instanceId: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): OfferHandlerConfig {
  return {
    natsUrl: envString(env, "BERTH_NATS_URL", "nats://127.0.0.1:4222"),
    jsReplicas: envNumber(env, "BERTH_JS_REPLICAS", 1),
    httpHost: envString(env, "BERTH_HTTP_HOST", "127.0.0.1"),
    httpPort: envNumber(env, "BERTH_HTTP_PORT", 9102),
    agentTimeoutMs: envNumber(env, "BERTH_AGENT_TIMEOUT_MS", 20_000),
    instanceId: envString(env, "BERTH_INSTANCE_ID", `offer-handler-${randomUUID().slice(0, 8)}`),
  };
}
