import { isTerminal, type TaskRecord, type TaskState } from "./task-state.js";

/**
 * One task's life on its agent, as a pure state machine: the agent feeds it
 * what happened (a kill command, the container started or exited, a failed
 * health check, a limit passed, a pod member ended) and carries out the
 * effects it returns. Every event is safe to feed twice: a task that ended
 * stays ended, and a stop is asked for once.
 */

/** Where a task is on its agent: its container being made, running, or ended (its end reported). */
export type AgentTaskPhase = "launching" | "running" | "ended";

/** How a task ends, as its terminal status update says it. */
export interface TaskEnd {
  state: Extract<TaskState, "TASK_FINISHED" | "TASK_FAILED" | "TASK_KILLED">;
  message: string;
  reason: string;
  /** The container's exit code, when it ran. */
  exitCode?: number;
}

/** What the agent's decisions about one task rest on. */
export interface AgentTaskFacts {
  phase: AgentTaskPhase;
  /** A stop was asked for: by a kill command, or by the agent for a reason of its own. */
  stopping: boolean;
  /** When the agent stopped the task for a reason of its own: how the task ends. */
  stoppedFor?: Omit<TaskEnd, "exitCode">;
  /** A container of the task exited while its launch was still in flight: look again once it is started. */
  exitedDuringLaunch: boolean;
  /** TASK_STARTING was reported (the launch took longer than STARTING_AFTER_MS). */
  toldStarting: boolean;
}

/**
 * How long a launch may take before the agent says TASK_STARTING. A task whose
 * container runs sooner is first reported RUNNING: STARTING is optional in
 * Mesos, and saying it for every task cost a status message, a task-record
 * write and an event each. A slow launch (an image pull, a busy daemon) says
 * it, so the launch's owner hears that the agent is at work.
 */
export const STARTING_AFTER_MS = 1_000;

export type AgentTaskEvent =
  /** The kill command. */
  | { kind: "kill" }
  /** Its health checks failed too often. */
  | { kind: "unhealthy"; cause: string }
  /** It passed a limit it was given (its disk). */
  | { kind: "over-limit"; message: string; reason: string }
  /** One of a pod instance's other containers ended. */
  | { kind: "member-ended"; name: string; exitCode: number }
  /** The runtime said a container exited while the launch was in flight. */
  | { kind: "exit-during-launch" }
  /** STARTING_AFTER_MS passed since the launch came. */
  | { kind: "launch-slow" }
  /** Its launch failed before its container ran (preparation, secrets, the runtime refused). */
  | { kind: "launch-failed"; end: TaskEnd }
  /** Its container runs. */
  | { kind: "started" }
  /** Its container has stopped, as the runtime reports it. */
  | { kind: "exited"; exitCode: number; oomKilled: boolean; error: string };

export type AgentTaskEffect =
  /** Report TASK_STARTING. */
  | { kind: "starting" }
  /** Report TASK_RUNNING and start its health and readiness checks. */
  | { kind: "running" }
  /** Report TASK_KILLING and stop its containers: SIGTERM, SIGKILL after the grace period. */
  | { kind: "stop" }
  /** Report how it ended, stop its checks and any pod members still running, and remove it later. */
  | { kind: "end"; end: TaskEnd };

export interface AgentTaskStep {
  next: AgentTaskFacts;
  effects: AgentTaskEffect[];
}

export function newAgentTask(phase: Exclude<AgentTaskPhase, "ended"> = "launching"): AgentTaskFacts {
  return { phase, stopping: false, exitedDuringLaunch: false, toldStarting: false };
}

const unchanged = (t: AgentTaskFacts): AgentTaskStep => ({ next: t, effects: [] });

/** The agent stops a running task for a reason of its own, once. */
function stopFor(t: AgentTaskFacts, stoppedFor: Omit<TaskEnd, "exitCode">): AgentTaskStep {
  if (t.phase !== "running" || t.stopping) return unchanged(t);
  return { next: { ...t, stopping: true, stoppedFor }, effects: [{ kind: "stop" }] };
}

export function agentTaskStep(t: AgentTaskFacts, e: AgentTaskEvent): AgentTaskStep {
  if (t.phase === "ended") return unchanged(t);
  switch (e.kind) {
    case "kill":
      if (t.stopping) return unchanged(t);
      // A task still launching is stopped once it runs (see "started").
      return { next: { ...t, stopping: true }, effects: t.phase === "running" ? [{ kind: "stop" }] : [] };
    case "unhealthy":
      return stopFor(t, { state: "TASK_KILLED", message: `killed: ${e.cause}`, reason: "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED" });
    case "over-limit":
      return stopFor(t, { state: "TASK_FAILED", message: e.message, reason: e.reason });
    case "member-ended":
      // As Mesos's default executor ends a task group: with the container that ended, named.
      if (t.phase === "launching") return { next: { ...t, exitedDuringLaunch: true }, effects: [] };
      return stopFor(t, {
        state: e.exitCode === 0 ? "TASK_FINISHED" : "TASK_FAILED",
        message: `Container '${e.name}' of the pod exited with code ${e.exitCode}`,
        reason: e.exitCode === 0 ? "" : "REASON_COMMAND_EXECUTOR_FAILED",
      });
    case "launch-slow":
      // Said once, of a launch still in flight that nobody asked to stop (a stopped one ends with its own word).
      if (t.phase !== "launching" || t.stopping || t.toldStarting) return unchanged(t);
      return { next: { ...t, toldStarting: true }, effects: [{ kind: "starting" }] };
    case "exit-during-launch":
      return t.phase === "launching" ? { next: { ...t, exitedDuringLaunch: true }, effects: [] } : unchanged(t);
    case "launch-failed":
      return { next: { ...t, phase: "ended" }, effects: [{ kind: "end", end: e.end }] };
    case "started":
      if (t.phase !== "launching") return unchanged(t);
      return {
        next: { ...t, phase: "running", exitedDuringLaunch: false },
        effects: t.stopping ? [{ kind: "running" }, { kind: "stop" }] : [{ kind: "running" }],
      };
    case "exited":
      return { next: { ...t, phase: "ended" }, effects: [{ kind: "end", end: endOfExit(t, e) }] };
  }
}

/** How a task whose container stopped ends: as the agent stopped it, as it was killed, or as its exit code says. */
export function endOfExit(t: AgentTaskFacts, exit: { exitCode: number; oomKilled: boolean; error: string }): TaskEnd {
  if (t.stoppedFor) return { ...t.stoppedFor, exitCode: exit.exitCode };
  if (t.stopping) return { state: "TASK_KILLED", message: "killed on request", reason: "REASON_TASK_KILLED", exitCode: exit.exitCode };
  if (exit.exitCode === 0) return { state: "TASK_FINISHED", message: "Container exited with code 0", reason: "", exitCode: 0 };
  const why = exit.oomKilled ? " (out of memory: killed at its memory limit)" : exit.error ? ` (${exit.error})` : "";
  return {
    state: "TASK_FAILED",
    message: `Container exited with code ${exit.exitCode}${why}`,
    reason: "REASON_COMMAND_EXECUTOR_FAILED",
    exitCode: exit.exitCode,
  };
}

/**
 * How long a launch may have waited for its agent before the agent asks, before starting it, whether the
 * cluster still wants the task: a launch queued while its agent was paused or cut off may be for a task
 * the cluster has since given up and replaced.
 */
export const STALE_LAUNCH_AFTER_MS = 5_000;

/**
 * Why a launch that waited should start nothing, judged from its task's record as the cluster holds it
 * now; undefined when the task is still wanted. A record gone means the cluster expunged the task (an
 * unreachable one it replaced, or one it ended and forgot): every launch's record is written before the
 * launch is sent.
 */
export function staleLaunchRefusal(record: Pick<TaskRecord, "state" | "goal"> | undefined): string | undefined {
  if (!record) return "the cluster no longer has this task (it was given up while its launch waited)";
  if (record.goal === "KILL") return "the task was killed while its launch waited";
  if (isTerminal(record.state)) return `the task ended (${record.state}) while its launch waited`;
  return undefined;
}
