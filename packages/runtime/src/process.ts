import { collectDefaultMetrics, Registry } from "prom-client";
import { createLogger, type Logger } from "./logger.js";
import { stopOnSignals } from "./signals.js";

/**
 * The whole of a service's main: a logger, a metrics registry with the
 * process's own series, the service started by `run`, and a clean stop on
 * SIGINT/SIGTERM through the function `run` returns.
 */
export async function runProcess(
  service: string,
  run: (ctx: { logger: Logger; registry: Registry }) => Promise<() => Promise<void>>,
): Promise<void> {
  const logger = createLogger(service);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: `berth_${service.replaceAll("-", "_")}_` });
  let stop: (() => Promise<void>) | undefined;
  stopOnSignals(logger, async () => {
    await stop?.();
  });
  try {
    stop = await run({ logger, registry });
  } catch (err) {
    logger.fatal({ err }, "could not start");
    process.exit(1);
  }
}
