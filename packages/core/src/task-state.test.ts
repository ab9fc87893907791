import { describe, expect, it } from "vitest";
import { applyStatus, isTerminal, type StatusChange, taskIpAddresses, TaskStates } from "./task-state.js";
import { task } from "./test-fixtures.js";

function update(state: string, sequence: number, over: Partial<StatusChange> = {}): StatusChange {
  return {
    taskId: "web.1",
    state,
    message: "",
    sequence,
    timestampMs: 5000 + sequence,
    containerId: "",
    exitCode: 0,
    hasExitCode: false,
    ...over,
  };
}

describe("applyStatus", () => {
  it("walks the normal path and stamps start and end", () => {
    let r = task();
    for (const [i, s] of ["TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_KILLED"].entries()) {
      const out = applyStatus(r, update(s, i + 1, { containerId: "c1" }));
      expect(out.changed).toBe(true);
      if (out.changed) r = out.record;
    }
    expect(r).toMatchObject({ state: "TASK_KILLED", startedAtMs: 5002, endedAtMs: 5004, containerId: "c1", lastSequence: 4 });
  });

  it("keeps the container's own addresses once the agent says them, and answers them as Marathon's ipAddresses", () => {
    const hostOnly = task({ hostname: "10.0.0.5" });
    expect(taskIpAddresses(hostOnly)).toEqual([{ ipAddress: "10.0.0.5", protocol: "IPv4" }]);
    const running = applyStatus(hostOnly, update("TASK_RUNNING", 1, { ipAddresses: ["172.18.0.7", "fd00::7"] }));
    if (!running.changed) throw new Error(running.why);
    expect(taskIpAddresses(running.record)).toEqual([
      { ipAddress: "172.18.0.7", protocol: "IPv4" },
      { ipAddress: "fd00::7", protocol: "IPv6" },
    ]);
    // A later update that says nothing of addresses (a health verdict) keeps them.
    const later = applyStatus(running.record, update("TASK_RUNNING", 2));
    expect(later.changed && later.record.ipAddresses).toEqual(["172.18.0.7", "fd00::7"]);
  });

  it("drops duplicates and late updates", () => {
    const running = applyStatus(task(), update("TASK_RUNNING", 2));
    if (!running.changed) throw new Error("fixture");
    expect(applyStatus(running.record, update("TASK_RUNNING", 2))).toEqual({ changed: false, why: "duplicate or late update" });
    expect(applyStatus(running.record, update("TASK_STARTING", 1)).changed).toBe(false);
  });

  it("never moves back along the running path", () => {
    const r = task({ state: "TASK_RUNNING", lastSequence: 3 });
    expect(applyStatus(r, update("TASK_STARTING", 4))).toEqual({ changed: false, why: "TASK_RUNNING does not go back to TASK_STARTING" });
  });

  it.each(TaskStates.filter(isTerminal))("never leaves the terminal %s", (s) => {
    for (const next of TaskStates) expect(applyStatus(task({ state: s, lastSequence: 1 }), update(next, 9)).changed).toBe(false);
  });

  it("lets an unreachable task come back to running", () => {
    expect(applyStatus(task({ state: "TASK_UNREACHABLE", lastSequence: 3 }), update("TASK_RUNNING", 4)).changed).toBe(true);
  });

  it("keeps an unreachable task away since the first report when its agent is found silent again", () => {
    const away = task({ state: "TASK_UNREACHABLE", lastSequence: 3, updatedAtMs: 5003 });
    expect(applyStatus(away, update("TASK_UNREACHABLE", 4))).toEqual({ changed: false, why: "already unreachable" });
    const back = applyStatus(away, update("TASK_RUNNING", 5));
    if (!back.changed) throw new Error(back.why);
    expect(applyStatus(back.record, update("TASK_UNREACHABLE", 6))).toMatchObject({ changed: true, record: { updatedAtMs: 5006 } });
  });

  it("records the exit code of an ended task", () => {
    const r = applyStatus(task(), update("TASK_FAILED", 1, { exitCode: 3, hasExitCode: true, message: "exited with code 3" }));
    expect(r.changed && r.record).toMatchObject({ state: "TASK_FAILED", exitCode: 3, hasExitCode: true, message: "exited with code 3" });
  });

  it("ignores unknown states and other tasks", () => {
    expect(applyStatus(task(), update("TASK_NAPPING", 1)).changed).toBe(false);
    expect(applyStatus(task(), update("TASK_RUNNING", 1, { taskId: "other" })).changed).toBe(false);
  });
});
