import type { Logger } from "pino";

/**
 * Runs until SIGINT or SIGTERM, then stops cleanly once; a second signal
 * exits at once. Unexpected errors are logged; they do not end the process.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "stopping");
    stop()
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      });
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
}
