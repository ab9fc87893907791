import { envNumber, envString } from "@berth/runtime";

export interface ApiConfig {
  natsUrl: string;
  host: string;
  port: number;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  bodyLimitBytes: number;
  eventBufferBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    natsUrl: envString(env, "BERTH_NATS_URL", "nats://127.0.0.1:4222"),
    host: envString(env, "BERTH_API_HOST", "127.0.0.1"),
    port: envNumber(env, "BERTH_API_PORT", 8080),
    bodyLimitBytes: envNumber(env, "BERTH_API_BODY_LIMIT", 1024 * 1024),
    eventBufferBytes: envNumber(env, "BERTH_API_EVENT_BUFFER_BYTES", 1024 * 1024),
  };
}
