import {
  type AgentTaskEvent,
  agentTaskStep,
  containerSpec,
  type HealthStatus,
  LABELS,
  podContainerSpecs,
  STARTING_AFTER_MS,
  type TaskEnd,
  type TaskSpec,
} from "@berth/core";
import { type KillCommand, type LaunchCommand, openTask, type SealingKeys, type WireTaskSpec } from "@berth/bus";
import type { Logger } from "@berth/runtime";
import type { ContainerExit, ContainerRuntime, ContainerState } from "../runtime/container-runtime.js";
import type { HealthChecker } from "./health-checker.js";
import type { ImageAccess } from "../runtime/image-access.js";
import { endedMember, membersByTask, startContainers, stopMembers } from "./task-containers.js";
import { type LocalTask, type RunningContainer, runningContainer, taskFromContainer, taskFromSpec } from "./local-task.js";
import { prepareTask } from "./task-preparation.js";
import type { Sandboxes } from "./sandboxes.js";
import type { Fetcher } from "./fetcher.js";
import type { StatusReporter } from "../status/status-reporter.js";
import { LaunchAdmission, type TaskRecordReader } from "./launch-admission.js";

export interface TaskRunnerOptions {
  agentId: string;
  hostname: string;
  /** How long an exited container is kept (for its logs) before it is removed. */
  gcDelayMs: number;
  /** The agent's keys: a launch's values from the secret store come sealed to them. */
  sealing: SealingKeys;
  /** Gets each task's image, checking that the task may have it. */
  images: ImageAccess;
  /** The image a command task (an app without a container) runs in; undefined: this agent runs none. */
  commandImage?: string;
  /** Where command tasks' sandboxes are. */
  sandboxes: Sandboxes;
  /** Downloads a task's fetch URIs into its sandbox. */
  fetcher: Fetcher;
  /** How long a launch may take before TASK_STARTING is said (default core's STARTING_AFTER_MS). */
  startingAfterMs?: number;
  /**
   * Reads a task's record as the cluster holds it now: a launch that waited past `staleLaunchAfterMs`
   * starts only if it is still wanted (core's staleLaunchRefusal). Absent: every launch starts.
   */
  taskRecord?: TaskRecordReader;
  staleLaunchAfterMs?: number;
  /** Why this agent can take no launch now (its work dir is full), or undefined. Absent: it always can. */
  cannotLaunch?: () => string | undefined;
}

/**
 * Runs tasks on the container runtime and turns what happens to them into
 * status updates: STARTING of a slow launch, RUNNING once the runtime says so, then FINISHED,
 * FAILED or KILLED. What follows an event is decided by core's agentTaskStep;
 * this class does the runtime's side; whether a launch starts at all, LaunchAdmission. Every entry
 * point is idempotent.
 */
export class TaskRunner {
  private readonly tasks = new Map<string, LocalTask>();
  private readonly admission: LaunchAdmission;
  private readonly gcTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly reporter: StatusReporter,
    private readonly health: HealthChecker,
    private readonly opts: TaskRunnerOptions,
    private readonly log: Logger,
  ) {
    this.admission = new LaunchAdmission(opts.taskRecord, opts.staleLaunchAfterMs);
  }

  reportRunning(taskId: string, message: string): void {
    const task = this.tasks.get(taskId);
    if (task?.life.phase === "running") this.report(task, "TASK_RUNNING", message);
  }

  /** When the task's container started (0 when it has not). */
  startedAt(taskId: string): number {
    return this.tasks.get(taskId)?.startedAtMs ?? 0;
  }

  isRunning(taskId: string): boolean {
    return this.tasks.get(taskId)?.life.phase === "running";
  }

  /** Whether the agent tracks the task (launching, running, or ended and not yet removed). */
  knows(taskId: string): boolean {
    return this.tasks.has(taskId);
  }

  /** Containers this agent runs right now, for metrics and heartbeats. */
  running(): RunningContainer[] {
    return [...this.tasks.values()].filter((t) => t.life.phase === "running").map(runningContainer);
  }

  /**
   * Ends a running task that passed a limit it was given (its disk): killed
   * with the grace period, reported as FAILED with why, as Mesos's isolators do.
   */
  killOverLimit(taskId: string, message: string, reason: string): void {
    const task = this.tasks.get(taskId);
    if (task && this.step(task, { kind: "over-limit", message, reason }))
      this.log.warn({ taskId, cause: message }, "killing a task over its limit");
  }

  /**
   * Feeds the task's state machine one event and carries out what it decides.
   * Returns whether it decided anything.
   */
  private step(task: LocalTask, event: AgentTaskEvent, c?: ContainerState): boolean {
    const { next, effects } = agentTaskStep(task.life, event);
    task.life = next;
    for (const effect of effects) {
      if (effect.kind === "starting") this.report(task, "TASK_STARTING", "");
      else if (effect.kind === "running") {
        task.startedAtMs = Date.now();
        this.report(task, "TASK_RUNNING", "", c);
        this.watchHealth(task);
      } else if (effect.kind === "stop") void this.stop(task);
      else this.end(task, effect.end);
    }
    return effects.length > 0;
  }

  /** Re-adopts the containers this agent started before a restart, and reports the ones that ended meanwhile. */
  async recover(): Promise<void> {
    const all = await this.runtime.list({ [LABELS.agent]: this.opts.agentId });
    // A pod instance's other containers go with its first.
    const members = membersByTask(all);
    for (const c of all) {
      const taskId = c.labels[LABELS.task];
      if (!taskId || c.labels[LABELS.member] || this.tasks.has(taskId)) continue;
      const task = taskFromContainer(c, taskId, members.get(taskId) ?? []);
      this.tasks.set(taskId, task);
      if (c.status === "created") {
        // The agent died between creating and starting it: carry the launch on.
        await this.startCreated(task, c.id);
      } else if (c.running) {
        this.log.info({ taskId, containerId: c.id }, "re-adopted running container");
        this.report(task, "TASK_RUNNING", "re-adopted after agent restart", c);
        this.watchHealth(task);
        const ended = await endedMember(this.runtime, task.members);
        if (ended) this.step(task, { kind: "member-ended", name: ended.name, exitCode: ended.exitCode });
      } else {
        this.step(task, exited(c));
      }
    }
    await this.opts.sandboxes.sweep((taskId) => this.tasks.has(taskId));
  }

  async launch(cmd: LaunchCommand): Promise<void> {
    // The task as it came: its values from the secret store still sealed.
    const spec = cmd.task as WireTaskSpec | null | undefined;
    if (!spec?.taskId) return;
    if (this.tasks.has(spec.taskId)) {
      // A redelivered command, or the dispatcher asking again because it never heard back: if the
      // task runs, say so again (a new update), so a RUNNING lost on the way is made good.
      this.reportRunning(spec.taskId, "launch received again; the task is running");
      return;
    }
    if (this.admission.isOver(spec.taskId)) {
      this.log.info({ taskId: spec.taskId }, "launch of a task that is over here (ended, or killed before it came); not started");
      return this.reportNotLaunched(spec.taskId, killedBeforeLaunch("task is over on this agent; not launched again"));
    }
    const cannot = this.opts.cannotLaunch?.();
    if (cannot) {
      // Not over here: a launch sent again once there is room starts.
      this.log.warn({ taskId: spec.taskId, cause: cannot }, "launch refused");
      const message = `agent ${this.opts.agentId} refused the launch: ${cannot}`;
      return this.reportNotLaunched(
        spec.taskId,
        { state: "TASK_DROPPED", message, reason: "REASON_CONTAINER_LAUNCH_FAILED" },
        spec.appId ?? "",
      );
    }
    if (this.admission.waited(cmd.issuedAtMs)) {
      const why = await this.admission.staleRefusal(spec.taskId);
      // A copy of this launch may have come while the record was read: that one goes on.
      if (this.tasks.has(spec.taskId) || this.admission.isOver(spec.taskId)) return;
      if (why) return this.refuseStale(spec.taskId, why, cmd.issuedAtMs);
    }
    const task = taskFromSpec(spec);
    this.tasks.set(task.taskId, task);
    // No TASK_STAGING of its own: the dispatcher's record says it, as Mesos's master does. The first
    // word from here is RUNNING, STARTING if the launch is slow, or how it failed; until then, the dispatcher resends.
    const slow = setTimeout(() => this.step(task, { kind: "launch-slow" }), this.opts.startingAfterMs ?? STARTING_AFTER_MS);
    try {
      await this.start(task, spec);
    } finally {
      clearTimeout(slow);
    }
  }

  /** Prepares and starts a launched task's containers, feeding its state machine what happens. */
  private async start(task: LocalTask, spec: WireTaskSpec): Promise<void> {
    const log = this.log.child({ taskId: task.taskId, appId: task.appId });
    let opened: TaskSpec;
    try {
      opened = openTask(spec, this.opts.sealing);
    } catch (err) {
      log.warn({ err: String(err) }, "cannot open the task's secrets");
      const message = `Cannot open the task's secrets: ${(err as Error).message}`;
      return void this.step(task, launchFailed(message, "REASON_CONTAINER_PREPARE_FAILED"));
    }
    const ready = await prepareTask(opened, this.opts, () => task.life.stopping);
    if (!ready.ok) {
      log.warn({ cause: ready.message }, "task preparation failed");
      return void this.step(task, { kind: "launch-failed", end: { state: ready.state, message: ready.message, reason: ready.reason } });
    }
    task.image = ready.image;
    let state: ContainerState;
    try {
      const where = { agentId: this.opts.agentId, hostname: this.opts.hostname, ...(ready.sandbox ? { sandbox: ready.sandbox } : {}) };
      const specs = opened.members?.length ? podContainerSpecs(opened, where) : [containerSpec({ ...opened, image: ready.image }, where)];
      const started = await startContainers(this.runtime, specs);
      state = started.first;
      task.members = started.members;
    } catch (err) {
      log.warn({ err: String(err) }, "container start failed");
      return void this.step(task, launchFailed(`Failed to start container: ${(err as Error).message}`));
    }
    task.containerId = state.id;
    task.pid = state.pid;
    // An exit the runtime told of while the launch was in flight: look again now that it is started.
    const lookAgain = !state.running || task.life.exitedDuringLaunch;
    const after = lookAgain ? ((await this.runtime.inspect(state.id).catch(() => undefined)) ?? state) : state;
    if (!after.running) return void this.step(task, exited(after));
    log.info({ containerId: state.id }, "task running");
    this.step(task, { kind: "started" }, state);
    const ended = lookAgain ? await endedMember(this.runtime, task.members) : undefined;
    if (ended) this.step(task, { kind: "member-ended", name: ended.name, exitCode: ended.exitCode });
  }

  private async startCreated(task: LocalTask, containerId: string): Promise<void> {
    try {
      const state = await this.runtime.startExisting(containerId);
      task.containerId = state.id;
      task.pid = state.pid;
      if (!state.running) return void this.step(task, exited(state));
      this.log.info({ taskId: task.taskId, containerId }, "started a container created before a restart");
      this.step(task, { kind: "started" }, state);
    } catch (err) {
      this.step(task, launchFailed(`Failed to start container: ${(err as Error).message}`));
    }
  }

  async kill(cmd: KillCommand): Promise<void> {
    const task = this.tasks.get(cmd.taskId);
    if (!task) {
      this.admission.rememberOver(cmd.taskId);
      return this.reportNotLaunched(cmd.taskId, {
        state: "TASK_KILLED",
        message: "task is not running on this agent",
        reason: "REASON_RECONCILIATION",
      });
    }
    if (cmd.gracePeriodSeconds > 0) task.graceSeconds = cmd.gracePeriodSeconds;
    this.step(task, { kind: "kill" });
  }

  /** A launch that waited, for a task the cluster gave up meanwhile: it starts nothing, says so, and the task is over here. */
  private refuseStale(taskId: string, why: string, issuedAtMs: number): void {
    this.log.info({ taskId, waitedMs: Date.now() - Number(issuedAtMs) }, `launch not started: ${why}`);
    this.admission.rememberOver(taskId);
    this.reportNotLaunched(taskId, killedBeforeLaunch(`not launched: ${why}`));
  }

  /** Says how a task this agent runs no container for ended (or why its launch started nothing). */
  private reportNotLaunched(taskId: string, { state, message, reason }: NotLaunched, appId = ""): void {
    this.reporter.report({ taskId, appId, state, message, containerId: "", exitCode: 0, hasExitCode: false, reason });
  }

  /** A container exited: reports it once, whoever or whatever stopped it. */
  async onExit(e: ContainerExit): Promise<void> {
    const taskId = e.labels[LABELS.task];
    const task = taskId ? this.tasks.get(taskId) : undefined;
    if (!task || task.life.phase === "ended") return;
    if (task.life.phase === "launching") return void this.step(task, { kind: "exit-during-launch" });
    const state = await this.runtime.inspect(e.containerId).catch(() => undefined);
    if (state?.running) return; // a stale event for a container that runs again
    const member = e.labels[LABELS.member];
    if (member) return void this.step(task, { kind: "member-ended", name: member, exitCode: state?.exitCode ?? e.exitCode });
    this.step(task, exited(state ?? { exitCode: e.exitCode, oomKilled: false, error: "" }));
  }

  stopTimers(): void {
    for (const t of this.gcTimers) clearTimeout(t);
    this.health.stopAll();
  }

  /** Runs the task's health checks; reports changes, and kills the task after too many failures. */
  private watchHealth(task: LocalTask): void {
    this.health.startReadiness(task, task.readinessChecks, () => {
      if (task.life.phase !== "running") return;
      task.health = { ...task.health, ready: true };
      this.report(task, "TASK_RUNNING", "ready", undefined, task.health);
    });
    this.health.start(task, task.healthChecks, (health, kill) => {
      if (task.life.phase !== "running") return;
      task.health = { ...health, ready: task.health.ready };
      this.report(task, "TASK_RUNNING", health.lastFailureCause, undefined, task.health);
      if (kill && this.step(task, { kind: "unhealthy", cause: kill }))
        this.log.warn({ taskId: task.taskId, cause: kill }, "killing an unhealthy task");
    });
  }

  /** SIGTERM, SIGKILL after the grace period; retried while the runtime cannot be reached. */
  private async stop(task: LocalTask): Promise<void> {
    this.report(task, "TASK_KILLING", `stopping with a grace period of ${task.graceSeconds}s`);
    const members = stopMembers(this.runtime, task.members, task.graceSeconds);
    for (let attempt = 1; task.life.phase === "running"; attempt++) {
      try {
        await this.runtime.stop(task.containerId, task.graceSeconds);
        break;
      } catch (err) {
        this.log.warn({ err: String(err), taskId: task.taskId, attempt }, "stop failed; retrying");
        await new Promise((r) => setTimeout(r, Math.min(1_000 * attempt, 10_000)));
      }
    }
    await members;
  }

  private end(task: LocalTask, { state, message, reason, exitCode }: TaskEnd): void {
    this.health.stop(task.taskId);
    // A pod instance whose first container ended takes the others down with it.
    if (task.members.length > 0) void stopMembers(this.runtime, task.members, task.graceSeconds);
    this.reporter.report({
      taskId: task.taskId,
      appId: task.appId,
      state,
      message,
      containerId: task.containerId,
      exitCode: exitCode ?? 0,
      hasExitCode: exitCode !== undefined,
      reason,
    });
    this.scheduleRemoval(task);
  }

  private scheduleRemoval(task: LocalTask): void {
    const timer = setTimeout(() => {
      this.gcTimers.delete(timer);
      this.tasks.delete(task.taskId);
      this.admission.rememberOver(task.taskId);
      this.reporter.forget(task.taskId);
      for (const id of [task.containerId, ...task.members.map((m) => m.containerId)].filter(Boolean)) {
        this.runtime
          .remove(id)
          .catch((err: unknown) => this.log.warn({ err: String(err), taskId: task.taskId }, "container removal failed"));
      }
      this.opts.sandboxes
        .remove(task.taskId)
        .catch((err: unknown) => this.log.warn({ err: String(err), taskId: task.taskId }, "sandbox removal failed"));
    }, this.opts.gcDelayMs);
    this.gcTimers.add(timer);
  }

  private report(
    task: LocalTask,
    state: string,
    message: string,
    c?: Pick<ContainerState, "id"> & Partial<ContainerState>,
    health?: HealthStatus,
  ): void {
    if (c?.ipAddresses) task.ipAddresses = c.ipAddresses;
    this.reporter.report({
      taskId: task.taskId,
      appId: task.appId,
      state,
      message,
      containerId: c?.id ?? task.containerId,
      exitCode: 0,
      hasExitCode: false,
      reason: health ? "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED" : "",
      ...(health ? { health } : {}),
      ipAddresses: task.ipAddresses,
    });
  }
}

/** How a task ends that this agent ran no container for. */
type NotLaunched = Omit<TaskEnd, "state" | "exitCode"> & { state: "TASK_KILLED" | "TASK_DROPPED" };

function killedBeforeLaunch(message: string): NotLaunched {
  return { state: "TASK_KILLED", message, reason: "REASON_TASK_KILLED_DURING_LAUNCH" };
}

function launchFailed(message: string, reason = "REASON_CONTAINER_LAUNCH_FAILED"): AgentTaskEvent {
  return { kind: "launch-failed", end: { state: "TASK_FAILED", message, reason } };
}

function exited(c: Pick<ContainerState, "exitCode" | "oomKilled" | "error">): AgentTaskEvent {
  return { kind: "exited", exitCode: c.exitCode, oomKilled: c.oomKilled, error: c.error };
}
