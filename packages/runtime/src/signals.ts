import type { Logger } from "pino";

/** A clean stop that takes longer than this ends the process anyway: whoever asked for the stop is waiting. */
export const STOP_DEADLINE_MS = 15_000;

/**
 * Runs until SIGINT or SIGTERM, then stops cleanly once; a second signal, or
 * a stop still running after STOP_DEADLINE_MS, exits at once. Unexpected
 * errors are logged; they do not end the process.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "stopping");
    setTimeout(() => {
      logger.error({ deadlineMs: STOP_DEADLINE_MS }, "a clean stop did not finish in time; exiting");
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
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
