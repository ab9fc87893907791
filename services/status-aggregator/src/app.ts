import { agentOfSubject, type Bus, channels, consumeDurable, CONSUMERS, isConnected, publishEvent, cacheOf } from "@berth/bus";
import { conditionOf, isTerminal } from "@berth/core";
import { type Logger, preciseNowMs, serveServiceHttp, STATUS_LATENCY_BUCKETS } from "@berth/runtime";
import { Counter, Histogram, type Registry } from "prom-client";
import type { AggregatorConfig } from "./config.js";
import { StatusApplier } from "./status-applier.js";

/** How long after it was made an update about a task without a record is tried again before it is dropped. */
export const UNKNOWN_TASK_RETRY_MS = 10_000;

export interface AggregatorDeps {
  config: AggregatorConfig;
  bus: Bus;
  registry: Registry;
  logger: Logger;
}

/** The status-aggregator: consumes every agent's status updates durably and owns task state. */
export function buildAggregator(deps: AggregatorDeps): { start(): Promise<{ httpPort: number }>; stop(): Promise<void> } {
  const { bus, logger, config } = deps;
  const updates = new Counter({
    name: "berth_status_updates_total",
    help: "Status updates consumed, by outcome.",
    labelNames: ["outcome"],
    registers: [deps.registry],
  });
  const latency = new Histogram({
    name: "berth_status_update_latency_seconds",
    help: "Time from an agent's status update to its task record changing.",
    buckets: STATUS_LATENCY_BUCKETS,
    registers: [deps.registry],
  });
  const stages = new Histogram({
    name: "berth_status_update_stage_seconds",
    help: "Where an applied status update's time goes: send (agent to stream), queue (stream to aggregator), record (task record written), events (its events stored).",
    labelNames: ["stage"],
    buckets: STATUS_LATENCY_BUCKETS,
    registers: [deps.registry],
  });
  const seconds = (ms: number) => Math.max(0, ms) / 1000;
  const stops: (() => Promise<void> | void)[] = [];
  const apps = cacheOf(bus.buckets, "apps");
  apps.onSkip((key, reason) => logger.warn({ key, reason }, "left a stored app out"));
  const applier = new StatusApplier(bus, apps, logger);
  return {
    async start() {
      await apps.start();
      stops.push(() => apps.stop());
      const consumer = await consumeDurable(
        bus.js,
        channels.agentStatus,
        undefined,
        CONSUMERS.statusAggregator,
        async (d) => {
          const startMs = preciseNowMs();
          const sender = agentOfSubject(d.subject);
          let early = false;
          for (const { update, outcome, recordedMs, publishedMs } of await applier.apply(d.value.updates, sender)) {
            // A launched task's record is written before its command is sent, but a read may still miss
            // it (a replica that has not caught up): a young update about an unknown task is tried again.
            const young = Date.now() - update.timestampMs < UNKNOWN_TASK_RETRY_MS;
            if (outcome === "unknown-task" && young) early = true;
            // A task nobody knows ended (its record long gone, or never written): Marathon's unknown_instance_terminated_event.
            if (outcome === "unknown-task" && !young && isTerminal(update.state)) {
              await publishEvent(
                bus.js,
                {
                  eventType: "unknown_instance_terminated_event",
                  timestamp: new Date(update.timestampMs).toISOString(),
                  instanceId: update.taskId,
                  runSpecId: update.appId,
                  condition: conditionOf(update.state),
                },
                `unknown-instance-${update.uuid}`,
              );
            }
            if (outcome === "wrong-agent") {
              logger.warn(
                { subject: d.subject, taskId: update.taskId, agentId: update.agentId },
                "status update from an agent the task is not on; dropped",
              );
            }
            updates.inc({ outcome });
            if (outcome === "applied") {
              latency.observe(seconds(Date.now() - update.timestampMs));
              // The first two span clocks (agent, NATS, aggregator); on one host, or with synchronised clocks, they add up to the whole.
              stages.observe({ stage: "send" }, seconds(d.storedMs - update.timestampMs));
              stages.observe({ stage: "queue" }, seconds(startMs - d.storedMs));
              stages.observe({ stage: "record" }, seconds(recordedMs - startMs));
              stages.observe({ stage: "events" }, seconds(publishedMs - recordedMs));
            }
          }
          // The message's other updates are applied already; when it comes again they are duplicates.
          if (early) d.nak(250);
          else d.ack();
        },
        (err) => logger.error({ err: String(err) }, "status updates not applied; will be redelivered"),
        // Each agent's messages in order (so each task's updates are); different agents' at once.
        { keyOf: (_, subject) => subject, concurrency: 256 },
      );
      stops.push(() => consumer.stop());
      const http = await serveServiceHttp("status-aggregator", config, deps.registry, logger, () => isConnected(bus.nc));
      stops.push(() => http.close());
      return { httpPort: http.port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}
