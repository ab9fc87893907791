import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, followEvents, openBus, type PublicEvent, type StatusUpdate, type StoredEvent, STREAMS } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { StatusApplier } from "../src/status-applier.js";
import { stageTask, statusUpdate } from "./fixtures.js";

const log = pino({ level: "silent" });
let nats: NatsServer;
let bus: Bus;

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "test-aggregator", logger: log });
});

afterAll(async () => {
  await bus?.close();
  await nats?.stop();
});

function update(state: string, sequence: number, uuid = `u-${sequence}`): StatusUpdate {
  return statusUpdate({ uuid, taskId: "app.t1", state, sequence, timestampMs: 1000 + sequence });
}

const stage = (taskId: string) => stageTask(bus, taskId);

/** A task of its own (`app.<n>`), staged: `applyUpdate` gives it one update from its agent a1 and answers the outcome. */
async function ownTask(n: string) {
  await stage(`app.${n}`);
  const applier = new StatusApplier(bus, { get: () => undefined }, log);
  const of = (u: StatusUpdate) => ({ ...u, taskId: `app.${n}`, uuid: `${n}-${u.uuid}` });
  return async (u: StatusUpdate) => (await applier.apply([of(u)], "a1"))[0]?.outcome;
}

/** Every event of the task as clients receive it: every event stored so far is read, up to the stream's last. */
async function toldOf(taskId: string): Promise<StoredEvent[]> {
  const last = (await (await bus.js.streams.get(STREAMS.events)).info()).state.last_seq;
  const out: StoredEvent[] = [];
  if (last === 0) return out;
  const ac = new AbortController();
  await followEvents(bus.js, { fromSeq: 1, signal: ac.signal }, (e) => {
    if (e.event.taskId === taskId || e.event.instanceId === taskId) out.push(e);
    if (e.seq >= last) ac.abort();
  });
  return out;
}

/** The task's status_update_events. */
async function eventsOf(taskId: string): Promise<PublicEvent[]> {
  return (await toldOf(taskId)).map((e) => e.event).filter((e) => e.eventType === "status_update_event");
}

describe("StatusApplier", () => {
  it("applies each update once, drops late ones, and never leaves a terminal state", async () => {
    await stage("app.t1");
    const applier = new StatusApplier(bus, { get: () => undefined }, log);
    const applyUpdate = async (u: StatusUpdate, sender: string) => (await applier.apply([u], sender))[0]?.outcome;

    expect(await applyUpdate(update("TASK_RUNNING", 2), "a1")).toBe("applied");
    expect(await applyUpdate(update("TASK_RUNNING", 2), "a1")).toBe("duplicate");
    expect(await applyUpdate(update("TASK_STARTING", 1), "a1")).toBe("ignored");
    expect(await applyUpdate(update("TASK_FAILED", 3), "a1")).toBe("applied");
    expect(await applyUpdate(update("TASK_RUNNING", 4), "a1")).toBe("ignored");
    expect(await applyUpdate(update("TASK_RUNNING", 5, "u-other"), "a1")).toBe("ignored");
    expect(await applyUpdate({ ...update("TASK_RUNNING", 9), taskId: "nobody" }, "a1")).toBe("unknown-task");
    // An update about this task from another agent's subject, or naming another agent, changes nothing.
    expect(await applyUpdate(update("TASK_KILLED", 10), "a2")).toBe("wrong-agent");
    expect(await applyUpdate({ ...update("TASK_KILLED", 11), agentId: "a2" }, "a2")).toBe("wrong-agent");

    const rec = await bus.tasks.get("app.t1");
    expect(rec?.value).toMatchObject({ state: "TASK_FAILED", lastSequence: 3, startedAtMs: 1002, endedAtMs: 1003 });
    const events = await eventsOf("app.t1");
    expect(events.map((e) => e.taskStatus)).toEqual(["TASK_RUNNING", "TASK_FAILED"]);
  });

  it("tells RUNNING once: an agent saying it again after a restart moves the record on without a second event", async () => {
    const applyUpdate = await ownTask("t5");
    expect(await applyUpdate(update("TASK_RUNNING", 2))).toBe("applied");
    // The agent restarted and re-adopted the container; then the first RUNNING is redelivered.
    expect(await applyUpdate(update("TASK_RUNNING", 3))).toBe("applied");
    expect(await applyUpdate(update("TASK_RUNNING", 3))).toBe("duplicate");
    expect(await applyUpdate(update("TASK_KILLED", 4))).toBe("applied");
    expect((await bus.tasks.get("app.t5"))?.value).toMatchObject({ state: "TASK_KILLED", lastSequence: 4, startedAtMs: 1002 });
    expect((await eventsOf("app.t5")).map((e) => e.taskStatus)).toEqual(["TASK_RUNNING", "TASK_KILLED"]);
  });

  it("tells a RUNNING that was lost on the way when the agent says it again", async () => {
    const applyUpdate = await ownTask("t6");
    // Sequence 2 never arrived; the agent's restatement (sequence 3) is the first RUNNING the record sees.
    expect(await applyUpdate(update("TASK_RUNNING", 3))).toBe("applied");
    expect((await eventsOf("app.t6")).map((e) => e.taskStatus)).toEqual(["TASK_RUNNING"]);
  });

  it("tells an unreachable task once however often its agent is found silent, and tells it running again when it is back", async () => {
    const applyUpdate = await ownTask("t7");
    expect(await applyUpdate(update("TASK_RUNNING", 2))).toBe("applied");
    expect(await applyUpdate(update("TASK_UNREACHABLE", 3))).toBe("applied");
    // The agent answered one heartbeat and fell silent again before it said anything of its tasks.
    expect(await applyUpdate(update("TASK_UNREACHABLE", 4))).toBe("ignored");
    expect(await applyUpdate(update("TASK_UNREACHABLE", 3))).toBe("duplicate");
    expect(await applyUpdate(update("TASK_RUNNING", 5))).toBe("applied");
    expect(await applyUpdate(update("TASK_RUNNING", 6))).toBe("applied");
    expect((await bus.tasks.get("app.t7"))?.value).toMatchObject({ state: "TASK_RUNNING", startedAtMs: 1002, lastSequence: 6 });
    expect((await eventsOf("app.t7")).map((e) => e.taskStatus)).toEqual(["TASK_RUNNING", "TASK_UNREACHABLE", "TASK_RUNNING"]);
  });

  it("stores a failed check that turns a task unhealthy, and a kill for it, as one write each, told as Marathon tells them", async () => {
    await stage("app.t8");
    const checks = [{ protocol: "COMMAND", command: { value: "false" } }];
    const applier = new StatusApplier(bus, { get: () => ({ value: { id: "/app", healthChecks: checks } as never }) }, log);
    const health = (sequence: number, state: string, h: object) => ({
      ...update(state, sequence),
      taskId: "app.t8",
      uuid: `t8-${sequence}`,
      reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED",
      health: h,
    });
    const applied = async (u: StatusUpdate) => (await applier.apply([u], "a1"))[0]?.outcome;
    expect(await applied({ ...update("TASK_RUNNING", 1), taskId: "app.t8", uuid: "t8-1" })).toBe("applied");
    expect(await applied(health(2, "TASK_RUNNING", { state: "HEALTHY", lastSuccessMs: 1002 }))).toBe("applied");
    const failing = { state: "UNHEALTHY", consecutiveFailures: 1, lastFailureMs: 1003, lastFailureCause: "exit 1" };
    expect(await applied(health(3, "TASK_RUNNING", failing))).toBe("applied");
    expect(await applied(health(4, "TASK_KILLED", failing))).toBe("applied");
    const told = await toldOf("app.t8");
    expect(told.map((e) => e.event.eventType)).toEqual([
      "status_update_event",
      "instance_changed_event",
      "health_status_changed_event",
      "instance_health_changed_event",
      "failed_health_check_event",
      "health_status_changed_event",
      "instance_health_changed_event",
      "status_update_event",
      "instance_changed_event",
      "unhealthy_instance_kill_event",
    ]);
    expect(told.map((e) => e.event.alive ?? e.event.healthy)).toEqual([
      ...[undefined, undefined, true, true],
      ...[undefined, false, false],
      ...[undefined, undefined, undefined],
    ]);
    // Four updates, four stored events: the failure carries the turn to unhealthy, the status the kill.
    expect(new Set(told.map((e) => e.seq)).size).toBe(4);
    expect(told.slice(4, 7).map((e) => e.derived)).toEqual([0, 1, 2]);
    expect(told.slice(7).map((e) => e.derived)).toEqual([0, 1, 2]);
  });

  it("does not undo another writer's change made after its own last write", async () => {
    const applyUpdate = await ownTask("t2");
    expect(await applyUpdate(update("TASK_RUNNING", 2))).toBe("applied");
    await bus.tasks.mutate("app.t2", (cur) => (cur ? { ...cur, goal: "KILL" } : undefined));
    expect(await applyUpdate(update("TASK_KILLED", 3))).toBe("applied");
    expect((await bus.tasks.get("app.t2"))?.value).toMatchObject({ state: "TASK_KILLED", goal: "KILL", lastSequence: 3 });
  });

  it("applies one message's updates of a task in order with one write, and each task of it on its own", async () => {
    await stage("app.t3");
    await stage("app.t4");
    const applier = new StatusApplier(bus, { get: () => undefined }, log);
    const of = (taskId: string, u: StatusUpdate) => ({ ...u, taskId, uuid: `${taskId}-${u.uuid}` });
    // Revisions are the bucket's stream sequence: the last write so far is t4's staging.
    const revisionBefore = (await bus.tasks.get("app.t4"))?.revision ?? 0;
    const steps = await applier.apply(
      [
        of("app.t3", update("TASK_STARTING", 1)),
        of("app.t4", update("TASK_RUNNING", 1)),
        of("app.t3", update("TASK_RUNNING", 2)),
        of("app.t3", update("TASK_RUNNING", 2)),
        of("app.t3", update("TASK_STARTING", 1, "late")),
        { ...of("app.t3", update("TASK_KILLED", 3)), agentId: "a2" },
        of("nobody", update("TASK_RUNNING", 1)),
      ],
      "a1",
    );
    expect(steps.map((s) => `${s.update.taskId} ${s.update.state} ${s.outcome}`)).toEqual([
      "app.t3 TASK_STARTING applied",
      "app.t3 TASK_RUNNING applied",
      "app.t3 TASK_RUNNING duplicate",
      "app.t3 TASK_STARTING ignored",
      "app.t3 TASK_KILLED wrong-agent",
      "app.t4 TASK_RUNNING applied",
      "nobody TASK_RUNNING unknown-task",
    ]);
    const t3 = await bus.tasks.get("app.t3");
    expect(t3?.value).toMatchObject({ state: "TASK_RUNNING", lastSequence: 2 });
    const t4 = await bus.tasks.get("app.t4");
    expect(t4?.value).toMatchObject({ state: "TASK_RUNNING", lastSequence: 1 });
    // Two writes in all: t3's two changes went into one compare-and-set of its record.
    expect(Math.max(t3?.revision ?? 0, t4?.revision ?? 0)).toBe(revisionBefore + 2);
    expect((await eventsOf("app.t3")).map((e) => e.taskStatus)).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
    expect((await eventsOf("app.t4")).map((e) => e.taskStatus)).toEqual(["TASK_RUNNING"]);
  });
});
