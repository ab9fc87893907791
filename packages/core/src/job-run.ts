import type { JobDefinition } from "./job-definition.js";
import { retryAfterFailure } from "./job-ticks.js";
import { isTerminal } from "./task-state.js";

/**
 * A job's run, as the job scheduler keeps it (one record per run, keyed by
 * job and run id). A scheduled run's id is its tick's, so a tick has one
 * record whatever happens; ticks not run get a record too (MISSED, SKIPPED).
 * At most one attempt (one task) of a run is alive at a time.
 */
export type JobRunStatus = "INITIAL" | "STARTING" | "ACTIVE" | "SUCCESS" | "FAILED" | "MISSED" | "SKIPPED";

export interface JobRunAttempt {
  readonly taskId: string;
  readonly createdAtMs: number;
  /** The task's last state as the run saw it, its exit code and when it ended. */
  readonly state?: string;
  readonly exitCode?: number;
  readonly message?: string;
  readonly startedAtMs?: number;
  readonly endedAtMs?: number;
}

export interface JobRun {
  readonly id: string;
  readonly jobId: string;
  readonly status: JobRunStatus;
  readonly createdAtMs: number;
  readonly completedAtMs?: number;
  /** Scheduled runs: the schedule and the tick. */
  readonly scheduleId?: string;
  readonly tickMs?: number;
  /** Why it failed, was missed or skipped. */
  readonly reason?: string;
  readonly attempts: readonly JobRunAttempt[];
  /** Asked to stop (by a user or a REPLACE): its task is killed and it fails. */
  readonly stopRequested?: string;
  /** Why its task is not launched yet (no room, over quota): what /v1/queue says. */
  readonly waiting?: string;
  /** Its task waits because no agent has room for it. */
  readonly waitingForRoom?: boolean;
  /** job_run_started has been told. */
  readonly startTold?: boolean;
  /** Its end is counted in the job's history. */
  readonly recorded?: boolean;
}

export function isRunActive(run: Pick<JobRun, "status">): boolean {
  return run.status === "INITIAL" || run.status === "STARTING" || run.status === "ACTIVE";
}

/** The task as the run's current attempt sees it; undefined: not launched yet, or its record is gone. */
export interface AttemptTask {
  readonly state: string;
  readonly exitCode?: number;
  readonly hasExitCode?: boolean;
  readonly message: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
}

/** What the scheduler does next for an active run. */
export type RunStep =
  | { readonly kind: "wait" }
  /** Record the run as changed (and nothing else). */
  | { readonly kind: "update"; readonly run: JobRun }
  /** Record the new attempt, then launch its task. */
  | { readonly kind: "launch"; readonly run: JobRun; readonly taskId: string }
  /** Kill the attempt's task. */
  | { readonly kind: "kill"; readonly taskId: string; readonly reason: string };

/** The task id of a run's attempt: unique per job, run and attempt. */
export function attemptTaskId(frameworkId: string, run: Pick<JobRun, "jobId" | "id">, attempt: number): string {
  return `${frameworkId}.${run.jobId}_${run.id}_${attempt}`;
}

/**
 * The next step for an active run, from its record, the job, its current
 * attempt's task and the time. Pure: the scheduler applies the step by
 * compare-and-set on the run, so a step taken twice is taken once.
 */
export function runStep(
  run: JobRun,
  job: JobDefinition | undefined,
  task: AttemptTask | undefined,
  frameworkId: string,
  nowMs: number,
): RunStep {
  if (!isRunActive(run)) return { kind: "wait" };
  const attempt = run.attempts.at(-1);
  const live = task !== undefined && !isTerminal(task.state);
  const why = run.stopRequested ?? (job === undefined ? "the job was removed" : undefined);
  if (why !== undefined || job === undefined) {
    if (live) return task.state === "TASK_KILLING" ? { kind: "wait" } : { kind: "kill", taskId: attempt!.taskId, reason: why ?? "stopped" };
    return { kind: "update", run: { ...ended(run, attempt, task), status: "FAILED", completedAtMs: nowMs, reason: why ?? "stopped" } };
  }
  const attemptEnded = attempt?.state !== undefined && isTerminal(attempt.state);
  if (attempt === undefined || attemptEnded) {
    const taskId = attemptTaskId(frameworkId, run, run.attempts.length + 1);
    return { kind: "launch", taskId, run: { ...run, status: "STARTING", attempts: [...run.attempts, { taskId, createdAtMs: nowMs }] } };
  }
  const deadlineMs = attempt.createdAtMs + job.run.maxLaunchDelay * 1000;
  const started = task !== undefined && task.state !== "TASK_STAGING" && task.state !== "TASK_STARTING";
  if (!started && nowMs > deadlineMs) {
    return { kind: "update", run: { ...run, stopRequested: `not started within maxLaunchDelay (${job.run.maxLaunchDelay} s)` } };
  }
  // Recorded but not launched (the scheduler stopped between the two): launch it, under the same id.
  if (task === undefined) return { kind: "launch", taskId: attempt.taskId, run };
  if (live) {
    return task.state === "TASK_RUNNING" && run.status !== "ACTIVE"
      ? { kind: "update", run: { ...withTask(run, attempt, task), status: "ACTIVE" } }
      : { kind: "wait" };
  }
  const done = withTask(run, attempt, task);
  if (task.state === "TASK_FINISHED") return { kind: "update", run: { ...done, status: "SUCCESS", completedAtMs: nowMs } };
  const retry = retryAfterFailure(job.run.restart, run.createdAtMs, nowMs);
  if (retry.retry) return { kind: "update", run: { ...done, status: "STARTING" } };
  const exit = task.hasExitCode ? ` (exit code ${task.exitCode})` : "";
  return {
    kind: "update",
    run: { ...done, status: "FAILED", completedAtMs: nowMs, reason: `${retry.reason}: ${task.state}${exit} ${task.message}`.trim() },
  };
}

function withTask(run: JobRun, attempt: JobRunAttempt, task: AttemptTask): JobRun {
  const seen: JobRunAttempt = {
    ...attempt,
    state: task.state,
    message: task.message,
    ...(task.startedAtMs > 0 ? { startedAtMs: task.startedAtMs } : {}),
    ...(task.endedAtMs > 0 ? { endedAtMs: task.endedAtMs } : {}),
    ...(task.hasExitCode ? { exitCode: task.exitCode } : {}),
  };
  return { ...run, attempts: [...run.attempts.slice(0, -1), seen] };
}

function ended(run: JobRun, attempt: JobRunAttempt | undefined, task: AttemptTask | undefined): JobRun {
  if (attempt === undefined || (attempt.state !== undefined && isTerminal(attempt.state))) return run;
  if (task !== undefined) return withTask(run, attempt, task);
  return { ...run, attempts: [...run.attempts.slice(0, -1), { ...attempt, state: "TASK_DROPPED", message: "never launched" }] };
}

/** A job's history: counts that never reset while the job exists, and its latest ended runs. */
export interface JobHistory {
  readonly successCount: number;
  readonly failureCount: number;
  readonly missedCount: number;
  readonly skippedCount: number;
  readonly lastSuccessAtMs?: number;
  readonly lastFailureAtMs?: number;
  /** Newest first, at most the history limit. */
  readonly runs: readonly JobRun[];
}

export const EMPTY_HISTORY: JobHistory = { successCount: 0, failureCount: 0, missedCount: 0, skippedCount: 0, runs: [] };

/** The history with an ended run counted, once: a run already in it (by id) leaves it as it was (undefined). */
export function recordRun(history: JobHistory, run: JobRun, limit: number): JobHistory | undefined {
  if (isRunActive(run) || history.runs.some((r) => r.id === run.id)) return undefined;
  const at = run.completedAtMs ?? run.createdAtMs;
  const counted: JobHistory =
    run.status === "SUCCESS"
      ? { ...history, successCount: history.successCount + 1, lastSuccessAtMs: Math.max(at, history.lastSuccessAtMs ?? 0) }
      : run.status === "FAILED"
        ? { ...history, failureCount: history.failureCount + 1, lastFailureAtMs: Math.max(at, history.lastFailureAtMs ?? 0) }
        : run.status === "MISSED"
          ? { ...history, missedCount: history.missedCount + 1 }
          : { ...history, skippedCount: history.skippedCount + 1 };
  const runs = [{ ...run, recorded: true }, ...history.runs].sort(
    (a, b) => (b.completedAtMs ?? b.createdAtMs) - (a.completedAtMs ?? a.createdAtMs),
  );
  return { ...counted, runs: runs.slice(0, Math.max(0, limit)) };
}

/** Ticks missed beyond those recorded one by one: counted only. */
export function countMissed(history: JobHistory, n: number): JobHistory {
  return n > 0 ? { ...history, missedCount: history.missedCount + n } : history;
}
