import { describe, expect, it } from "vitest";
import type { JobDefinition } from "./job-definition.js";
import { type AttemptTask, EMPTY_HISTORY, type JobRun, recordRun, runStep } from "./job-run.js";
import { parseJob } from "./job-validation.js";

function job(run: Record<string, unknown> = {}): JobDefinition {
  const r = parseJob({ id: "ops.report", run: { cmd: "report", maxLaunchDelay: 60, ...run } });
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.job;
}

const T0 = Date.UTC(2026, 11, 5, 10, 0, 0);
const FW = "metronome-ops";
const fresh: JobRun = { id: "r1", jobId: "ops.report", status: "INITIAL", createdAtMs: T0, attempts: [] };
const task = (state: string, over: Partial<AttemptTask> = {}): AttemptTask => ({
  state,
  message: "",
  startedAtMs: 0,
  endedAtMs: 0,
  ...over,
});
/** The run after its first attempt was recorded, and the id that attempt's task has. */
const attempted = (over: Partial<JobRun> = {}): JobRun => ({
  ...fresh,
  status: "STARTING",
  attempts: [{ taskId: `${FW}.ops.report_r1_1`, createdAtMs: T0 }],
  ...over,
});

describe("a run's next step", () => {
  it("records a first attempt and launches it", () => {
    expect(runStep(fresh, job(), undefined, FW, T0 + 10)).toEqual({
      kind: "launch",
      taskId: "metronome-ops.ops.report_r1_1",
      run: { ...fresh, status: "STARTING", attempts: [{ taskId: "metronome-ops.ops.report_r1_1", createdAtMs: T0 + 10 }] },
    });
  });

  it("launches a recorded attempt with no task again, under the same id (the scheduler stopped between the two)", () => {
    const run = attempted();
    expect(runStep(run, job(), undefined, FW, T0 + 1000)).toEqual({ kind: "launch", taskId: run.attempts[0]!.taskId, run });
  });

  it("marks the run ACTIVE once its task runs, with when it started, and then waits", () => {
    const step = runStep(attempted(), job(), task("TASK_RUNNING", { startedAtMs: T0 + 500 }), FW, T0 + 600);
    expect(step).toMatchObject({ kind: "update", run: { status: "ACTIVE", attempts: [{ state: "TASK_RUNNING", startedAtMs: T0 + 500 }] } });
    if (step.kind !== "update") return;
    expect(runStep(step.run, job(), task("TASK_RUNNING"), FW, T0 + 700)).toEqual({ kind: "wait" });
  });

  it("ends the run SUCCESS when its task finishes, keeping the exit code", () => {
    const done = task("TASK_FINISHED", { exitCode: 0, hasExitCode: true, startedAtMs: T0 + 1, endedAtMs: T0 + 9 });
    expect(runStep(attempted({ status: "ACTIVE" }), job(), done, FW, T0 + 10)).toMatchObject({
      kind: "update",
      run: { status: "SUCCESS", completedAtMs: T0 + 10, attempts: [{ state: "TASK_FINISHED", exitCode: 0, endedAtMs: T0 + 9 }] },
    });
  });

  it("fails the run when its task fails under NEVER, saying why with the exit code", () => {
    const failed = task("TASK_FAILED", { exitCode: 2, hasExitCode: true, message: "Command exited with status 2" });
    expect(runStep(attempted({ status: "ACTIVE" }), job(), failed, FW, T0 + 10)).toMatchObject({
      kind: "update",
      run: {
        status: "FAILED",
        reason: "the task failed and the job's restart policy is NEVER: TASK_FAILED (exit code 2) Command exited with status 2",
      },
    });
  });

  it("under ON_FAILURE ends the attempt and starts another, one at a time, until the deadline", () => {
    const j = job({ restart: { policy: "ON_FAILURE", activeDeadlineSeconds: 30 } });
    const failed = task("TASK_FAILED", { exitCode: 1, hasExitCode: true });
    const retried = runStep(attempted({ status: "ACTIVE" }), j, failed, FW, T0 + 10_000);
    expect(retried).toMatchObject({ kind: "update", run: { status: "STARTING", attempts: [{ state: "TASK_FAILED" }] } });
    if (retried.kind !== "update") return;
    expect(runStep(retried.run, j, failed, FW, T0 + 10_100)).toMatchObject({ kind: "launch", taskId: `${FW}.ops.report_r1_2` });
    expect(runStep(attempted({ status: "ACTIVE" }), j, failed, FW, T0 + 30_000)).toMatchObject({
      kind: "update",
      run: { status: "FAILED" },
    });
  });

  it("stops a run asked to stop: kills its live task, waits while it is killed, then fails the run with the reason", () => {
    const stopping = attempted({ status: "ACTIVE", stopRequested: "stopped by alice" });
    expect(runStep(stopping, job(), task("TASK_RUNNING"), FW, T0)).toEqual({
      kind: "kill",
      taskId: `${FW}.ops.report_r1_1`,
      reason: "stopped by alice",
    });
    expect(runStep(stopping, job(), task("TASK_KILLING"), FW, T0)).toEqual({ kind: "wait" });
    expect(runStep(stopping, job(), task("TASK_KILLED"), FW, T0 + 5)).toMatchObject({
      kind: "update",
      run: { status: "FAILED", reason: "stopped by alice", completedAtMs: T0 + 5, attempts: [{ state: "TASK_KILLED" }] },
    });
    // A run stopped before its task was ever launched ends at once.
    expect(runStep({ ...fresh, stopRequested: "stopped by alice" }, job(), undefined, FW, T0)).toMatchObject({
      kind: "update",
      run: { status: "FAILED" },
    });
  });

  it("stops the runs of a job that was removed", () => {
    expect(runStep(attempted({ status: "ACTIVE" }), undefined, task("TASK_RUNNING"), FW, T0)).toMatchObject({
      kind: "kill",
      reason: "the job was removed",
    });
  });

  it("gives up on an attempt not started within maxLaunchDelay, through the stop path", () => {
    const late = runStep(attempted(), job(), undefined, FW, T0 + 61_000);
    expect(late).toEqual({ kind: "update", run: { ...attempted(), stopRequested: "not started within maxLaunchDelay (60 s)" } });
    expect(runStep(attempted(), job(), task("TASK_STAGING"), FW, T0 + 61_000)).toMatchObject({
      kind: "update",
      run: { stopRequested: expect.any(String) },
    });
    expect(runStep(attempted(), job(), task("TASK_RUNNING"), FW, T0 + 61_000)).toMatchObject({ kind: "update", run: { status: "ACTIVE" } });
  });

  it("does nothing for a run that has ended", () => {
    expect(runStep({ ...fresh, status: "SUCCESS" }, job(), undefined, FW, T0)).toEqual({ kind: "wait" });
    expect(runStep({ ...fresh, status: "MISSED" }, job(), undefined, FW, T0)).toEqual({ kind: "wait" });
  });
});

describe("a job's history", () => {
  const ended = (id: string, status: JobRun["status"], at: number): JobRun => ({ ...fresh, id, status, completedAtMs: at });

  it("counts each ended run once, by its id, and keeps the newest up to the limit", () => {
    let h = recordRun(EMPTY_HISTORY, ended("a", "SUCCESS", T0 + 1), 2)!;
    h = recordRun(h, ended("b", "FAILED", T0 + 2), 2)!;
    h = recordRun(h, ended("c", "MISSED", T0 + 3), 2)!;
    h = recordRun(h, ended("d", "SKIPPED", T0 + 4), 2)!;
    expect(h).toMatchObject({
      successCount: 1,
      failureCount: 1,
      missedCount: 1,
      skippedCount: 1,
      lastSuccessAtMs: T0 + 1,
      lastFailureAtMs: T0 + 2,
    });
    expect(h.runs.map((r) => r.id)).toEqual(["d", "c"]);
    expect(recordRun(h, ended("d", "SKIPPED", T0 + 4), 2)).toBeUndefined();
  });

  it("does not count a run still going", () => {
    expect(recordRun(EMPTY_HISTORY, fresh, 10)).toBeUndefined();
  });
});
