import { describe, expect, it } from "vitest";
import { UnackedUpdates, updateRetryDelayMs } from "./status-retries.js";

const update = (key: string, frameworkId = "fw-1") => ({ frameworkId, key, uuid: `uuid-${key}` });
const open = () => true;

describe("status updates until acknowledged", () => {
  it("waits 10 s before the first resend, then twice as long each time, at most 10 minutes", () => {
    expect([1, 2, 3, 4].map((n) => updateRetryDelayMs(n))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(updateRetryDelayMs(20)).toBe(600_000);
    expect(updateRetryDelayMs(2, 1_000)).toBe(2_000);
  });

  it("resends an update until its acknowledgement comes, and not after", () => {
    const u = new UnackedUpdates(1_000);
    expect(u.note("t1", update("TASK_RUNNING:5"), true, 0)).toBe(true);
    expect(u.due(999, open)).toEqual([]);
    expect(u.due(1_000, open)).toEqual(["t1"]);
    u.sent("t1", 1_000);
    expect(u.due(2_999, open)).toEqual([]);
    expect(u.due(3_000, open)).toEqual(["t1"]);
    // An acknowledgement of another update (an older uuid) leaves it waiting.
    expect(u.acknowledge("t1", "uuid-TASK_STARTING:4")).toBe(false);
    expect(u.acknowledge("t1", "uuid-TASK_RUNNING:5")).toBe(true);
    expect(u.due(100_000, open)).toEqual([]);
  });

  it("tells an update once, keeps only a task's latest, and holds one for a framework without a stream until it has one", () => {
    const u = new UnackedUpdates(1_000);
    expect(u.note("t1", update("TASK_RUNNING:5"), true, 0)).toBe(true);
    expect(u.note("t1", update("TASK_RUNNING:5"), true, 10)).toBe(false);
    expect(u.note("t1", update("TASK_FINISHED:6"), false, 20)).toBe(true);
    expect(u.acknowledge("t1", "uuid-TASK_RUNNING:5")).toBe(false);
    expect(u.due(20, () => false)).toEqual([]);
    // Never sent: due as soon as its framework has a stream.
    expect(u.due(20, open)).toEqual(["t1"]);
    expect(u.of("fw-1")).toEqual(["t1"]);
    expect(u.of("fw-2")).toEqual([]);
    u.forget("t1");
    expect(u.of("fw-1")).toEqual([]);
  });
});
