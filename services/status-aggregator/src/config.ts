import { envNumber, envString } from "@berth/runtime";

export interface AggregatorConfig {
  natsUrl: string;
  /** JetStream replicas for the streams and buckets this process creates: 1 on one server, 3 on a cluster. */
  jsReplicas: number;
  httpHost: string;
  httpPort: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AggregatorConfig {
  return {
    natsUrl: envString(env, "BERTH_NATS_URL", "nats://127.0.0.1:4222"),
    jsReplicas: envNumber(env, "BERTH_JS_REPLICAS", 1),
    httpHost: envString(env, "BERTH_HTTP_HOST", "127.0.0.1"),
    httpPort: envNumber(env, "BERTH_HTTP_PORT", 9104),
  };
}
