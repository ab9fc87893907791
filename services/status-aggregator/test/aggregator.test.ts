import { afterAll, beforeAll, expect, it } from "vitest";
import { type Bus, channels, CONSUMERS, openBus, publishDurable, STREAMS } from "@berth/bus";
import { eventually, type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { Registry } from "prom-client";
import { buildAggregator } from "../src/app.js";
import { stageTask, statusUpdate } from "./fixtures.js";

const log = pino({ level: "silent" });
let nats: NatsServer;
let bus: Bus;
let aggregator: ReturnType<typeof buildAggregator>;
const registry = new Registry();

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "test-aggregator-app", logger: log });
  aggregator = buildAggregator({
    config: { natsUrl: nats.url, natsTls: nats.tls, jsReplicas: 1, httpHost: "127.0.0.1", httpPort: 0, metricsToken: undefined },
    bus,
    registry,
    logger: log,
  });
  await aggregator.start();
});

afterAll(async () => {
  await aggregator?.stop();
  await bus?.close();
  await nats?.stop();
});

const running = (taskId: string, timestampMs: number) =>
  statusUpdate({ uuid: `u-${taskId}`, taskId, state: "TASK_RUNNING", sequence: 10, timestampMs });
const stage = (taskId: string) => stageTask(bus, taskId);
/** Publishes one update as agent a1 would. */
const send = (update: ReturnType<typeof running>, msgId: string) =>
  publishDurable(bus.js, channels.agentStatus, "a1", { updates: [update] }, msgId);

/** How many updates the aggregator has consumed with this outcome. */
const consumed = async (outcome: string) =>
  ((await registry.getSingleMetric("berth_status_updates_total")?.get())?.values ?? []).find((v) => v.labels.outcome === outcome)?.value ??
  0;

/** The aggregator's consumer holds nothing: every message was acknowledged, none waits to be tried again. */
const drained = async () => {
  const info = await (await bus.js.consumers.get(STREAMS.status, CONSUMERS.statusAggregator)).info();
  return info.num_pending === 0 && info.num_ack_pending === 0;
};

it("applies an update that came before its task's record could be read, once the record is there", async () => {
  const before = await consumed("unknown-task");
  await send(running("app.early", Date.now()), "m-early");
  // The update was read while the task had no record, and kept to be tried again.
  await eventually(async () => (await consumed("unknown-task")) > before, { timeoutMs: 5_000, what: "the update read early" });
  expect(await drained()).toBe(false);
  await stage("app.early");
  await eventually(async () => (await bus.tasks.get("app.early"))?.value.state === "TASK_RUNNING", {
    timeoutMs: 5_000,
    what: "the early update applied",
  });
});

it("drops an update about a task that never existed once it is old", async () => {
  await eventually(drained, { timeoutMs: 5_000, what: "earlier updates done" });
  const before = await consumed("unknown-task");
  await send(running("app.never", Date.now() - 60_000), "m-old");
  // Then an update of a known task from the same agent: it is not held up behind the dropped one.
  await stage("app.known");
  await send(running("app.known", Date.now()), "m-known");
  await eventually(async () => (await bus.tasks.get("app.known"))?.value.state === "TASK_RUNNING", { timeoutMs: 5_000, what: "applied" });
  // The old one was read once and acknowledged: not kept to be tried again.
  expect(await consumed("unknown-task")).toBe(before + 1);
  await eventually(drained, { timeoutMs: 5_000, what: "the old update acknowledged" });
  expect(await consumed("unknown-task")).toBe(before + 1);
});

it("shows where each applied update's time went: the stages add up to the whole", async () => {
  await stage("app.timed");
  await send(running("app.timed", Date.now()), "m-timed");
  await eventually(async () => (await bus.tasks.get("app.timed"))?.value.state === "TASK_RUNNING", { timeoutMs: 5_000, what: "applied" });
  const metrics = await registry.getMetricsAsJSON();
  const values = (name: string) =>
    (metrics.find((m) => m.name === name)?.values ?? []) as { value: number; labels: Record<string, unknown>; metricName?: string }[];
  const whole = values("berth_status_update_latency_seconds");
  const count = whole.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
  const total = whole.find((v) => v.metricName?.endsWith("_sum"))?.value ?? NaN;
  const stages = values("berth_status_update_stage_seconds").filter((v) => v.metricName?.endsWith("_sum"));
  expect(count).toBeGreaterThanOrEqual(1);
  expect(stages.map((v) => v.labels.stage).sort()).toEqual(["events", "queue", "record", "send"]);
  for (const v of values("berth_status_update_stage_seconds").filter((x) => x.metricName?.endsWith("_count"))) expect(v.value).toBe(count);
  const parts = stages.reduce((n, v) => n + v.value, 0);
  // The whole is read from a millisecond clock just after the last stage ends.
  expect(Math.abs(total - parts)).toBeLessThan(0.002 * count);
});
