import { describe, expect, it } from "vitest";
import { type AgentTaskEvent, type AgentTaskFacts, agentTaskStep, endOfExit, newAgentTask, staleLaunchRefusal } from "./agent-task.js";

/** Feeds events in order from a fresh launching task; returns the facts and every effect, in order. */
function run(events: AgentTaskEvent[], from: AgentTaskFacts = newAgentTask()) {
  let t = from;
  const effects: unknown[] = [];
  for (const e of events) {
    const step = agentTaskStep(t, e);
    t = step.next;
    effects.push(...step.effects);
  }
  return { t, effects };
}

const exit = (exitCode: number, more: { oomKilled?: boolean; error?: string } = {}): AgentTaskEvent => ({
  kind: "exited",
  exitCode,
  oomKilled: more.oomKilled ?? false,
  error: more.error ?? "",
});

describe("a task's life on its agent", () => {
  it("runs once started, and ends as its exit code says", () => {
    expect(run([{ kind: "started" }]).effects).toEqual([{ kind: "running" }]);
    expect(run([{ kind: "started" }, exit(0)]).effects.at(-1)).toEqual({
      kind: "end",
      end: { state: "TASK_FINISHED", message: "Container exited with code 0", reason: "", exitCode: 0 },
    });
    expect(run([{ kind: "started" }, exit(3)]).effects.at(-1)).toEqual({
      kind: "end",
      end: { state: "TASK_FAILED", message: "Container exited with code 3", reason: "REASON_COMMAND_EXECUTOR_FAILED", exitCode: 3 },
    });
  });

  it("says why a container that failed was out of memory or refused by the runtime", () => {
    const t = { ...newAgentTask(), phase: "running" as const };
    expect(endOfExit(t, { exitCode: 137, oomKilled: true, error: "" }).message).toBe(
      "Container exited with code 137 (out of memory: killed at its memory limit)",
    );
    expect(endOfExit(t, { exitCode: 127, oomKilled: false, error: "exec: not found" }).message).toBe(
      "Container exited with code 127 (exec: not found)",
    );
  });

  it("stops a running task on a kill command once, and reports it killed on request", () => {
    const { t, effects } = run([{ kind: "started" }, { kind: "kill" }, { kind: "kill" }, exit(143)]);
    expect(effects).toEqual([
      { kind: "running" },
      { kind: "stop" },
      { kind: "end", end: { state: "TASK_KILLED", message: "killed on request", reason: "REASON_TASK_KILLED", exitCode: 143 } },
    ]);
    expect(t.phase).toBe("ended");
  });

  it("stops a task killed while launching as soon as it runs", () => {
    const { effects } = run([{ kind: "kill" }, { kind: "started" }]);
    expect(effects).toEqual([{ kind: "running" }, { kind: "stop" }]);
  });

  it("ends a task whose launch failed, with the reason given, and ignores everything after", () => {
    const end = { state: "TASK_FAILED" as const, message: "Failed to start container: boom", reason: "REASON_CONTAINER_LAUNCH_FAILED" };
    const { t, effects } = run([{ kind: "launch-failed", end }, { kind: "started" }, exit(0), { kind: "kill" }]);
    expect(effects).toEqual([{ kind: "end", end }]);
    expect(t.phase).toBe("ended");
  });

  it("kills an unhealthy task as killed for its health, once", () => {
    const { effects } = run([
      { kind: "started" },
      { kind: "unhealthy", cause: "3 failures" },
      { kind: "unhealthy", cause: "4" },
      exit(137),
    ]);
    expect(effects.slice(1)).toEqual([
      { kind: "stop" },
      {
        kind: "end",
        end: { state: "TASK_KILLED", message: "killed: 3 failures", reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED", exitCode: 137 },
      },
    ]);
  });

  it("fails a task over its limit with the limit's reason", () => {
    const { effects } = run([
      { kind: "started" },
      { kind: "over-limit", message: "disk 12 MiB over its 10", reason: "REASON_CONTAINER_LIMITATION_DISK" },
      exit(137),
    ]);
    expect(effects.at(-1)).toEqual({
      kind: "end",
      end: { state: "TASK_FAILED", message: "disk 12 MiB over its 10", reason: "REASON_CONTAINER_LIMITATION_DISK", exitCode: 137 },
    });
  });

  it("ends a pod instance with the member container that ended, finished or failed by its code", () => {
    const failed = run([{ kind: "started" }, { kind: "member-ended", name: "writer", exitCode: 2 }, exit(143)]);
    expect(failed.effects.at(-1)).toEqual({
      kind: "end",
      end: {
        state: "TASK_FAILED",
        message: "Container 'writer' of the pod exited with code 2",
        reason: "REASON_COMMAND_EXECUTOR_FAILED",
        exitCode: 143,
      },
    });
    const finished = run([{ kind: "started" }, { kind: "member-ended", name: "job", exitCode: 0 }, exit(143)]);
    expect(finished.effects.at(-1)).toMatchObject({ end: { state: "TASK_FINISHED", reason: "" } });
  });

  it("lets the first reason to stop a task decide how it ends", () => {
    const { effects } = run([
      { kind: "started" },
      { kind: "kill" },
      { kind: "unhealthy", cause: "late" },
      { kind: "over-limit", message: "late", reason: "R" },
      exit(143),
    ]);
    expect(effects.filter((e) => (e as { kind: string }).kind === "stop")).toHaveLength(1);
    expect(effects.at(-1)).toMatchObject({ end: { state: "TASK_KILLED", reason: "REASON_TASK_KILLED" } });
  });

  it("notes an exit told while launching (a member's too) and does not end the task on it", () => {
    expect(run([{ kind: "exit-during-launch" }]).t).toMatchObject({ phase: "launching", exitedDuringLaunch: true });
    expect(run([{ kind: "member-ended", name: "m", exitCode: 1 }]).t).toMatchObject({ phase: "launching", exitedDuringLaunch: true });
    expect(run([{ kind: "exit-during-launch" }]).effects).toEqual([]);
    // Once started, the note is spent.
    expect(run([{ kind: "exit-during-launch" }, { kind: "started" }]).t.exitedDuringLaunch).toBe(false);
  });

  it("ignores the agent's own reasons to stop a task that does not run yet", () => {
    for (const e of [
      { kind: "unhealthy", cause: "x" },
      { kind: "over-limit", message: "x", reason: "R" },
    ] as AgentTaskEvent[]) {
      expect(run([e]).effects).toEqual([]);
      expect(run([e]).t.stopping).toBe(false);
    }
  });

  it("ends a task found stopped after a restart as its exit says, and starts one that was only created", () => {
    expect(run([exit(1)], newAgentTask("running")).effects).toEqual([
      { kind: "end", end: expect.objectContaining({ state: "TASK_FAILED", exitCode: 1 }) },
    ]);
    expect(run([{ kind: "started" }], newAgentTask("running")).effects).toEqual([]);
  });

  it("says STARTING once of a slow launch, and not of one that runs, ended or was asked to stop", () => {
    const slow = run([{ kind: "launch-slow" }, { kind: "launch-slow" }, { kind: "started" }]);
    expect(slow.effects).toEqual([{ kind: "starting" }, { kind: "running" }]);
    expect(slow.t.toldStarting).toBe(true);
    expect(run([{ kind: "started" }, { kind: "launch-slow" }]).effects).toEqual([{ kind: "running" }]);
    expect(run([{ kind: "kill" }, { kind: "launch-slow" }]).effects).toEqual([]);
    const end = { state: "TASK_FAILED" as const, message: "no image", reason: "R" };
    expect(run([{ kind: "launch-failed", end }, { kind: "launch-slow" }]).effects).toEqual([{ kind: "end", end }]);
  });

  it("answers every event on an ended task with nothing", () => {
    const ended = run([{ kind: "started" }, exit(0)]).t;
    const all: AgentTaskEvent[] = [
      { kind: "kill" },
      { kind: "unhealthy", cause: "x" },
      { kind: "over-limit", message: "x", reason: "R" },
      { kind: "member-ended", name: "m", exitCode: 1 },
      { kind: "exit-during-launch" },
      { kind: "launch-slow" },
      { kind: "launch-failed", end: { state: "TASK_FAILED", message: "x", reason: "R" } },
      { kind: "started" },
      exit(1),
    ];
    for (const e of all) expect(agentTaskStep(ended, e)).toEqual({ next: ended, effects: [] });
  });
});

describe("a launch that waited for its agent", () => {
  it("starts only a task the cluster still wants", () => {
    expect(staleLaunchRefusal({ state: "TASK_STAGING", goal: "RUNNING" })).toBeUndefined();
    // Unreachable and kept (unreachableStrategy): the task may come back, so its launch still starts.
    expect(staleLaunchRefusal({ state: "TASK_UNREACHABLE", goal: "RUNNING" })).toBeUndefined();
    expect(staleLaunchRefusal(undefined)).toMatch(/no longer has this task/);
    expect(staleLaunchRefusal({ state: "TASK_STAGING", goal: "KILL" })).toMatch(/killed while its launch waited/);
    expect(staleLaunchRefusal({ state: "TASK_LOST", goal: "RUNNING" })).toBe("the task ended (TASK_LOST) while its launch waited");
  });
});
