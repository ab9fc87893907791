import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, followEvents, openBus, type PublicEvent, type StatusUpdate } from "@berth/bus";
import { stagedTask } from "@berth/core";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { StatusApplier } from "../src/status-applier.js";

const log = pino({ level: "silent" });
let nats: NatsServer;
let bus: Bus;

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, name: "test-aggregator", logger: log });
});

afterAll(async () => {
  await bus?.close();
  await nats?.stop();
});

function update(state: string, sequence: number, uuid = `u-${sequence}`): StatusUpdate {
  return {
    uuid,
    taskId: "app.t1",
    appId: "/app",
    agentId: "a1",
    state,
    message: "",
    sequence,
    timestampMs: 1000 + sequence,
    containerId: "c1",
    exitCode: 0,
    hasExitCode: false,
    hostname: "h",
    reason: "",
  };
}

/** A staged task on agent a1, as the dispatcher writes it. */
async function stage(taskId: string): Promise<void> {
  const task = stagedTask({
    taskId,
    appId: "/app",
    agentId: "a1",
    hostname: "h",
    ports: [31000],
    version: "v",
    configVersion: "v",
    killGracePeriodSeconds: 1,
    nowMs: 1,
  });
  await bus.tasks.create(task.taskId, task);
}

async function eventsOf(taskId: string): Promise<PublicEvent[]> {
  const out: PublicEvent[] = [];
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 300);
  await followEvents(bus.js, { fromSeq: 1, eventTypes: ["status_update_event"], signal: ac.signal }, (e) => {
    if (e.event.taskId === taskId) out.push(e.event);
  });
  return out;
}

describe("StatusApplier", () => {
  it("applies each update once, drops late ones, and never leaves a terminal state", async () => {
    await stage("app.t1");
    const applier = new StatusApplier(bus, { get: () => undefined }, log);
    const applyUpdate = (u: StatusUpdate, sender: string) => applier.apply(u, sender);

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

  it("does not undo another writer's change made after its own last write", async () => {
    await stage("app.t2");
    const applier = new StatusApplier(bus, { get: () => undefined }, log);
    const of = (u: StatusUpdate) => ({ ...u, taskId: "app.t2", uuid: `t2-${u.uuid}` });
    expect(await applier.apply(of(update("TASK_RUNNING", 2)), "a1")).toBe("applied");
    await bus.tasks.mutate("app.t2", (cur) => (cur ? { ...cur, goal: "KILL" } : undefined));
    expect(await applier.apply(of(update("TASK_KILLED", 3)), "a1")).toBe("applied");
    expect((await bus.tasks.get("app.t2"))?.value).toMatchObject({ state: "TASK_KILLED", goal: "KILL", lastSequence: 3 });
  });
});
