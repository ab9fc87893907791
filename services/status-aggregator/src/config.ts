import { envNumber, envString } from "@berth/runtime";

export interface AggregatorConfig {
  natsUrl: string;
  httpHost: string;
  httpPort: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AggregatorConfig {
  return {
    natsUrl: envString(env, "BERTH_NATS_URL", "nats://127.0.0.1:4222"),
    httpHost: envString(env, "BERTH_HTTP_HOST", "127.0.0.1"),
    httpPort: envNumber(env, "BERTH_HTTP_PORT", 9104),
  };
}
