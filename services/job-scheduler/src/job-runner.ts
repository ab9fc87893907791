import { type AgentCommands, isCasConflict, type KvCache, type TypedKv } from "@berth/bus";
import {
  admitRun,
  commandDue,
  countMissed,
  dueTicks,
  EMPTY_HISTORY,
  isRunActive,
  isTerminal,
  type JobDefinition,
  type JobHistory,
  type JobRecord,
  type JobRun,
  jobRunKey,
  type JobSchedule,
  type JobTickCursor,
  parseCron,
  recordRun,
  runIdOfTick,
  runStep,
  type TaskRecord,
  teamOfJob,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import { JOB_FRAMEWORK_PREFIX, jobFrameworkId, type RunLauncher } from "./run-launcher.js";

export interface JobRunnerStores {
  runs: TypedKv<JobRun>;
  history: TypedKv<JobHistory>;
  ticks: TypedKv<JobTickCursor>;
  tasks: TypedKv<TaskRecord>;
}

export interface JobRunnerViews {
  jobs: KvCache<JobRecord>;
  history: KvCache<JobHistory>;
  runs: KvCache<JobRun>;
  ticks: KvCache<JobTickCursor>;
  tasks: KvCache<TaskRecord>;
}

export interface JobRunnerOptions {
  historyLimit: number;
  maxCatchUp: number;
  /** How long an ended attempt's task record stays (its logs are read through it). */
  keepEndedTaskMs: number;
  /** A launch the agent has not answered this long after it was recorded or sent is sent again. */
  launchResendAfterMs: number;
  now: () => number;
  onRunEnded?: (run: JobRun) => void;
  onRunLaunched?: (run: JobRun, nowMs: number) => void;
  /** Publishes a job event once: `msgId` names it, so a second publish of it is dropped by the stream. */
  publish: (event: JobEvent, msgId: string) => Promise<unknown>;
}

/** job_run_started, job_run_finished, job_run_failed and job_run_missed (also for a skipped tick). */
export interface JobEvent {
  eventType: string;
  timestamp: string;
  jobId: string;
  runId: string;
  [field: string]: unknown;
}

/**
 * What the acting job scheduler does at each step: turns each schedule's
 * ticks into run records (by compare-and-set on the key the tick determines,
 * so a tick has one, whoever else tries), takes each active run one step
 * (launch, follow, retry, stop: core's runStep) and counts each ended run in
 * its job's history once.
 */
export class JobRunner {
  /** When a command was last sent for a task (core's commandDue decides when another is due). */
  private readonly sentAt = new Map<string, number>();
  /** Ended attempts' task ids, and when their records are to be removed. */
  private readonly endedTasks = new Map<string, number>();
  private sweptLeftovers = false;
  /** Teams whose runs wanted room at the last step. */
  private teamsWanting = new Set<string>();

  constructor(
    private readonly stores: JobRunnerStores,
    private readonly views: JobRunnerViews,
    private readonly launcher: RunLauncher,
    private readonly commands: AgentCommands,
    private readonly opts: JobRunnerOptions,
    private readonly log: Logger,
  ) {}

  async step(): Promise<void> {
    const now = this.opts.now();
    await this.tickAll(now);
    await this.advanceAll(now);
  }

  /** Every enabled schedule's ticks up to `now` given their run records. */
  async tickAll(now: number): Promise<void> {
    for (const rec of this.views.jobs.values()) {
      for (const s of rec.schedules) if (s.enabled) await this.tick(rec, s, now);
    }
  }

  /** Every active run taken a step, and every ended one counted; then which teams' runs want room. */
  async advanceAll(now: number): Promise<void> {
    await this.removeEndedTasks(now);
    await this.advanceRuns(now);
    const wanting = new Set<string>();
    const teams = new Set<string>();
    for (const run of this.views.runs.values()) {
      if (!isRunActive(run)) continue;
      teams.add(teamOfJob(run.jobId));
      if (run.waitingForRoom) wanting.add(teamOfJob(run.jobId));
    }
    for (const team of new Set([...teams, ...this.teamsWanting])) await this.launcher.wantRoom(team, wanting.has(team));
    this.teamsWanting = wanting;
  }

  private async advanceRuns(now: number): Promise<void> {
    for (const [key, entry] of this.views.runs.entriesList()) {
      const run = entry.value;
      if (isRunActive(run)) await this.advance(key, run, entry.revision, now);
      else if (!run.recorded) await this.record(key, run);
    }
  }

  /** A schedule's ticks since its cursor: each gets its run record (to run, missed or skipped), then the cursor moves on. */
  private async tick(rec: JobRecord, s: JobSchedule, now: number): Promise<void> {
    const cronParse = parseCron(s.cron);
    if (!cronParse.ok) return;
    const cursorKey = jobRunKey(rec.job.id, s.id);
    const cursor = this.views.ticks.get(cursorKey);
    if (!cursor) {
      await this.movedCursor(cursorKey, this.stores.ticks.create(cursorKey, { afterMs: now }));
      return;
    }
    const due = dueTicks(cronParse.schedule, s, cursor.value.afterMs, now, this.opts.maxCatchUp);
    if (due.run.length === 0 && due.missed.length === 0 && due.missedUncounted === 0) return;
    const base = { jobId: rec.job.id, scheduleId: s.id, createdAtMs: now, attempts: [] };
    for (const m of due.missed) {
      await this.createRun({
        ...base,
        id: runIdOfTick(m.tickMs, s.id),
        tickMs: m.tickMs,
        status: "MISSED",
        reason: m.reason,
        completedAtMs: now,
      });
    }
    for (const tickMs of due.run) {
      const id = runIdOfTick(tickMs, s.id);
      const active = [...this.views.runs.values()].filter((r) => r.jobId === rec.job.id && isRunActive(r) && r.id !== id);
      const admitted = admitRun(
        s.concurrencyPolicy,
        active.map((r) => r.id),
      );
      if (!admitted.start) {
        await this.createRun({ ...base, id, tickMs, status: "SKIPPED", reason: admitted.reason, completedAtMs: now });
        continue;
      }
      for (const stopId of admitted.stop) {
        await this.stores.runs.mutate(jobRunKey(rec.job.id, stopId), (cur) =>
          cur && isRunActive(cur) && !cur.stopRequested
            ? { ...cur, stopRequested: `replaced by run ${id} (concurrencyPolicy REPLACE)` }
            : undefined,
        );
      }
      await this.createRun({ ...base, id, tickMs, status: "INITIAL" });
    }
    if (due.missedUncounted > 0) {
      await this.stores.history.mutate(rec.job.id, (h) => countMissed(h ?? EMPTY_HISTORY, due.missedUncounted));
    }
    // Moved on only from where this step read it: a second scheduler acting at once fails here, and its runs' creates failed above.
    await this.movedCursor(cursorKey, this.stores.ticks.update(cursorKey, { afterMs: now }, cursor.revision));
  }

  /**
   * Waits until this scheduler's view holds the cursor it moved, so its next step starts from there: from
   * the cursor it read before, that step would take this one's ticks again, and could not move the
   * cursor on from a revision that is no longer its. A move another scheduler made first is theirs to see.
   */
  private async movedCursor(cursorKey: string, write: Promise<number>): Promise<void> {
    const revision = await write.catch(ignoreConflict);
    if (revision !== undefined) await this.views.ticks.waitFor(revision);
  }

  private async createRun(run: JobRun): Promise<void> {
    try {
      const revision = await this.stores.runs.create(jobRunKey(run.jobId, run.id), run);
      await this.views.runs.waitFor(revision);
      if (run.status === "MISSED" || run.status === "SKIPPED") await this.announce("job_run_missed", run);
      this.log.info({ jobId: run.jobId, runId: run.id, status: run.status, reason: run.reason }, "a schedule ticked");
    } catch (err) {
      ignoreConflict(err);
    }
  }

  private async advance(key: string, run: JobRun, revision: number, now: number): Promise<void> {
    const job = this.views.jobs.get(run.jobId)?.value.job;
    const attempt = run.attempts.at(-1);
    const task = attempt ? this.views.tasks.get(attempt.taskId)?.value : undefined;
    if (task) await this.resendDue(task, job, now);
    if (task && !run.startTold) await this.tellStarted(key, run);
    const step = runStep(run, job, task, jobFrameworkId(teamOfJob(run.jobId)), now);
    if (step.kind === "wait") return;
    if (step.kind === "kill") {
      if (task && task.goal !== "KILL") {
        await this.stores.tasks.mutate(step.taskId, (cur) =>
          cur && !isTerminal(cur.state) && cur.goal !== "KILL" ? { ...cur, goal: "KILL" } : undefined,
        );
        await this.commands.kill(task, step.reason, now);
        this.sentAt.set(step.taskId, now);
      }
      return;
    }
    let current = { run, revision };
    if (step.run !== run) {
      try {
        current = { run: step.run, revision: await this.stores.runs.update(key, step.run, revision) };
      } catch (err) {
        return ignoreConflict(err);
      }
      await this.views.runs.waitFor(current.revision);
      await this.forgetEndedTask(run, step.run);
      // Counted at once, so that whoever hears of the end and then reads the job finds it in the history.
      if (!isRunActive(step.run)) return this.record(key, step.run);
    }
    if (step.kind !== "launch" || !job) return;
    const outcome = await this.launcher.launch(job, step.taskId, now);
    const waiting = outcome.launched ? undefined : outcome.reason;
    const forRoom = !outcome.launched && outcome.forRoom === true;
    if (waiting !== current.run.waiting || forRoom !== Boolean(current.run.waitingForRoom)) {
      const { waiting: _, waitingForRoom: __, ...rest } = current.run;
      const next = { ...rest, ...(waiting === undefined ? {} : { waiting }), ...(forRoom ? { waitingForRoom: true } : {}) };
      await this.stores.runs.update(key, next, current.revision).catch(ignoreConflict);
    }
    if (!outcome.launched) return;
    if (attempt?.taskId !== step.taskId) this.opts.onRunLaunched?.(current.run, now);
    // Also when an attempt recorded before a crash is launched after it: the event may not have gone out (a repeat is dropped).
  }

  /**
   * job_run_started, told once the run's first task has a record, then
   * marked told on the run: told again after a crash between the two (the
   * stream drops the repeat by its message id), never not told.
   */
  private async tellStarted(key: string, run: JobRun): Promise<void> {
    await this.announce("job_run_started", run, { taskId: run.attempts[0]?.taskId });
    const r = await this.stores.runs.mutate(key, (cur) => (cur && !cur.startTold ? { ...cur, startTold: true } : undefined));
    if (r.changed) await this.views.runs.waitFor(r.revision);
  }

  private async announce(eventType: string, run: JobRun, extra: Record<string, unknown> = {}): Promise<void> {
    const event: JobEvent = {
      eventType,
      timestamp: new Date(this.opts.now()).toISOString(),
      jobId: run.jobId,
      runId: run.id,
      status: run.status,
      ...(run.scheduleId === undefined ? {} : { scheduleId: run.scheduleId, tick: new Date(run.tickMs ?? 0).toISOString() }),
      ...(run.reason === undefined ? {} : { reason: run.reason }),
      tasks: run.attempts.map((a) => ({
        id: a.taskId,
        status: a.state ?? "TASK_STAGING",
        ...(a.exitCode === undefined ? {} : { exitCode: a.exitCode }),
      })),
      ...extra,
    };
    await this.opts.publish(event, `job-${run.jobId}-${run.id}-${eventType}`);
  }

  /**
   * A kill the agent has not acted on is sent again, and a launch it never
   * answered (this process stopped between recording the task and sending
   * it, or the command was lost): as the dispatcher does for apps' tasks.
   */
  private async resendDue(task: TaskRecord, job: JobDefinition | undefined, now: number): Promise<void> {
    const due = commandDue(task, this.sentAt.get(task.taskId), now, this.opts.launchResendAfterMs, task.configVersion);
    if (due === undefined) return;
    if (due === "kill") await this.commands.kill(task, "kill requested", now);
    else if (job) await this.launcher.resend(job, task, now);
    else return;
    this.sentAt.set(task.taskId, now);
  }

  /**
   * An attempt whose end the run has recorded: its task record is removed
   * `keepEndedTaskMs` later (so its logs can be read while its agent still
   * has the container).
   */
  private async forgetEndedTask(before: JobRun, after: JobRun): Promise<void> {
    const last = before.attempts.at(-1);
    const recorded = last && after.attempts.find((a) => a.taskId === last.taskId);
    if (!recorded?.state || !isTerminal(recorded.state)) return;
    this.sentAt.delete(recorded.taskId);
    this.endedTasks.set(recorded.taskId, this.opts.now() + this.opts.keepEndedTaskMs);
  }

  /** Removes the ended tasks' records that are due; at the first step, also those a previous process left. */
  private async removeEndedTasks(now: number): Promise<void> {
    if (!this.sweptLeftovers) {
      this.sweptLeftovers = true;
      for (const t of this.views.tasks.values()) {
        if (isTerminal(t.state) && t.frameworkId?.startsWith(JOB_FRAMEWORK_PREFIX) && !this.endedTasks.has(t.taskId)) {
          this.endedTasks.set(t.taskId, now + this.opts.keepEndedTaskMs);
        }
      }
    }
    for (const [taskId, dueMs] of this.endedTasks) {
      if (dueMs > now) continue;
      this.endedTasks.delete(taskId);
      const t = this.views.tasks.get(taskId);
      if (t && isTerminal(t.value.state)) await this.stores.tasks.delete(taskId, t.revision).catch(() => undefined);
    }
  }

  /** An ended run counted in its job's history, once (by run id), then marked as counted. */
  private async record(key: string, run: JobRun): Promise<void> {
    if (this.views.jobs.get(run.jobId)) {
      const h = await this.stores.history.mutate(run.jobId, (cur) => recordRun(cur ?? EMPTY_HISTORY, run, this.opts.historyLimit));
      if (h.changed) await this.views.history.waitFor(h.revision);
    }
    // Told once the history shows it, before the run is marked counted: a crash between the two tells it again
    // (the stream drops the repeat by its message id), never not.
    if (run.status === "SUCCESS") await this.announce("job_run_finished", run);
    if (run.status === "FAILED") await this.announce("job_run_failed", run);
    const r = await this.stores.runs.mutate(key, (cur) => (cur && !cur.recorded ? { ...cur, recorded: true } : undefined));
    if (r.changed) await this.views.runs.waitFor(r.revision);
    this.opts.onRunEnded?.(run);
  }
}

function ignoreConflict(err: unknown): void {
  if (!isCasConflict(err)) throw err;
}
