import { type ServiceConfig, serviceConfig } from "@berth/runtime";

export type AggregatorConfig = ServiceConfig;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AggregatorConfig {
  return serviceConfig(env, 9104);
}
