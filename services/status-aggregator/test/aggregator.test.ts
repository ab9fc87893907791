import { afterAll, beforeAll, expect, it } from "vitest";
import { type Bus, codecs, openBus, publishDurable, subjects } from "@berth/bus";
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
  publishDurable(bus.js, subjects.agentStatus("a1"), codecs.statusUpdates, { updates: [update] }, msgId);

it("applies an update that came before its task's record could be read, once the record is there", async () => {
  await send(running("app.early", Date.now()), "m-early");
  await new Promise((r) => setTimeout(r, 500));
  await stage("app.early");
  await eventually(async () => (await bus.tasks.get("app.early"))?.value.state === "TASK_RUNNING", {
    timeoutMs: 5_000,
    what: "the early update applied",
  });
});

it("drops an update about a task that never existed once it is old", async () => {
  await send(running("app.never", Date.now() - 60_000), "m-old");
  // Then an update of a known task from the same agent: it is not held up behind the dropped one.
  await stage("app.known");
  await send(running("app.known", Date.now()), "m-known");
  await eventually(async () => (await bus.tasks.get("app.known"))?.value.state === "TASK_RUNNING", { timeoutMs: 5_000, what: "applied" });
  expect(await bus.tasks.get("app.never")).toBeUndefined();
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
