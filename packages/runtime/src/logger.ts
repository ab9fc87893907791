import { pino, type Logger } from "pino";

export type { Logger } from "pino";

/** JSON logs on stdout, one line each, with secrets redacted. */
export function createLogger(service: string, level = process.env.BERTH_LOG_LEVEL ?? "info"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ["*.token", "*.password", "*.authorization", "headers.authorization", "*.pullConfig"], censor: "[redacted]" },
  });
}
