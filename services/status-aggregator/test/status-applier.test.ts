import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, followEvents, openBus, type PublicEvent, type StatusUpdate } from "@berth/bus";
import { stagedTask } from "@berth/core";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { applyUpdate } from "../src/status-applier.js";

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

async function eventsOf(taskId: string): Promise<PublicEvent[]> {
  const out: PublicEvent[] = [];
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 300);
  await followEvents(bus.js, { fromSeq: 1, eventTypes: ["status_update_event"], signal: ac.signal }, (e) => {
    if (e.event.taskId === taskId) out.push(e.event);
  });
  return out;
}

describe("applyUpdate", () => {
  it("applies each update once, drops late ones, and never leaves a terminal state", async () => {
    const task = stagedTask({
      taskId: "app.t1",
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

    expect(await applyUpdate(bus, update("TASK_RUNNING", 2), "a1", log)).toBe("applied");
    expect(await applyUpdate(bus, update("TASK_RUNNING", 2), "a1", log)).toBe("duplicate");
    expect(await applyUpdate(bus, update("TASK_STARTING", 1), "a1", log)).toBe("ignored");
    expect(await applyUpdate(bus, update("TASK_FAILED", 3), "a1", log)).toBe("applied");
    expect(await applyUpdate(bus, update("TASK_RUNNING", 4), "a1", log)).toBe("ignored");
    expect(await applyUpdate(bus, update("TASK_RUNNING", 5, "u-other"), "a1", log)).toBe("ignored");
    expect(await applyUpdate(bus, { ...update("TASK_RUNNING", 9), taskId: "nobody" }, "a1", log)).toBe("unknown-task");
    // An update about this task from another agent's subject, or naming another agent, changes nothing.
    expect(await applyUpdate(bus, update("TASK_KILLED", 10), "a2", log)).toBe("wrong-agent");
    expect(await applyUpdate(bus, { ...update("TASK_KILLED", 11), agentId: "a2" }, "a2", log)).toBe("wrong-agent");

    const rec = await bus.tasks.get("app.t1");
    expect(rec?.value).toMatchObject({ state: "TASK_FAILED", lastSequence: 3, startedAtMs: 1002, endedAtMs: 1003 });
    const events = await eventsOf("app.t1");
    expect(events.map((e) => e.taskStatus)).toEqual(["TASK_RUNNING", "TASK_FAILED"]);
  });
});
