import { HEALTH_UNKNOWN, type HealthStatus } from "./health-check.js";
import { MARATHON_FRAMEWORK_ID } from "./framework.js";

/** Mesos task states, by their wire names. */
export const TaskStates = [
  "TASK_STAGING",
  "TASK_STARTING",
  "TASK_RUNNING",
  "TASK_KILLING",
  "TASK_FINISHED",
  "TASK_FAILED",
  "TASK_KILLED",
  "TASK_ERROR",
  "TASK_LOST",
  "TASK_UNREACHABLE",
  "TASK_DROPPED",
  "TASK_GONE",
  "TASK_UNKNOWN",
] as const;
export type TaskState = (typeof TaskStates)[number];

const TERMINAL: ReadonlySet<string> = new Set([
  "TASK_FINISHED",
  "TASK_FAILED",
  "TASK_KILLED",
  "TASK_ERROR",
  "TASK_LOST",
  "TASK_DROPPED",
  "TASK_GONE",
]);

/** Order of the running path; a task only moves forward along it. */
const RANK: Readonly<Record<string, number>> = {
  TASK_STAGING: 0,
  TASK_STARTING: 1,
  TASK_RUNNING: 2,
  TASK_KILLING: 3,
};

export function isTaskState(s: string): s is TaskState {
  return (TaskStates as readonly string[]).includes(s);
}

export function isTerminal(state: string): boolean {
  return TERMINAL.has(state);
}

/** A task that ended without being asked to: what backoff and replacement react to. */
export function isFailure(state: string): boolean {
  return state === "TASK_FAILED" || state === "TASK_ERROR" || state === "TASK_LOST" || state === "TASK_DROPPED" || state === "TASK_GONE";
}

export type TaskGoal = "RUNNING" | "KILL";

/** A task as the cluster knows it; the same fields as the protocol's TaskRecord. */
export interface TaskRecord {
  taskId: string;
  appId: string;
  agentId: string;
  hostname: string;
  ports: number[];
  state: TaskState;
  message: string;
  version: string;
  configVersion: string;
  stagedAtMs: number;
  startedAtMs: number;
  updatedAtMs: number;
  lastSequence: number;
  containerId: string;
  goal: TaskGoal;
  exitCode: number;
  hasExitCode: boolean;
  endedAtMs: number;
  killGracePeriodSeconds: number;
  health: HealthStatus;
  /** The app's service ports when the task was launched. */
  servicePorts: number[];
  /** The container's own addresses, off the host's network; empty (or absent in older records): its agent's. */
  ipAddresses?: string[];
  /** The framework that owns it (frameworkOf); absent in records of earlier versions: marathon. */
  frameworkId?: string;
}

export interface StatusChange {
  taskId: string;
  state: string;
  message: string;
  sequence: number;
  timestampMs: number;
  containerId: string;
  exitCode: number;
  hasExitCode: boolean;
  /** The agent's latest health verdict; absent when the update says nothing of health. */
  health?: HealthStatus | null;
  /** The container's own addresses, when the agent has them. */
  ipAddresses?: string[];
}

export type ApplyResult = { changed: true; record: TaskRecord } | { changed: false; why: string };

/**
 * Applies an agent's status update to a task. Duplicates and late updates
 * (sequence not newer) are dropped; a terminal task never changes again; a task
 * never moves back along STAGING → STARTING → RUNNING → KILLING, except out of
 * UNREACHABLE or UNKNOWN when its agent answers again.
 */
export function applyStatus(record: TaskRecord, update: StatusChange): ApplyResult {
  if (update.taskId !== record.taskId) return { changed: false, why: "update is for another task" };
  if (!isTaskState(update.state)) return { changed: false, why: `unknown state ${update.state}` };
  if (isTerminal(record.state)) return { changed: false, why: `task is already ${record.state}` };
  if (update.sequence <= record.lastSequence) return { changed: false, why: "duplicate or late update" };
  // Its agent found silent again before it was heard from: the task has been away since the first
  // report, which the unreachableStrategy counts from and which alone is told.
  if (record.state === "TASK_UNREACHABLE" && update.state === "TASK_UNREACHABLE") {
    return { changed: false, why: "already unreachable" };
  }
  const from = RANK[record.state];
  const to = RANK[update.state];
  if (from !== undefined && to !== undefined && to < from) {
    return { changed: false, why: `${record.state} does not go back to ${update.state}` };
  }
  const next: TaskRecord = {
    ...record,
    state: update.state,
    message: update.message,
    lastSequence: update.sequence,
    updatedAtMs: update.timestampMs,
  };
  if (update.containerId) next.containerId = update.containerId;
  if (update.health?.state) next.health = { ...update.health };
  if (update.ipAddresses && update.ipAddresses.length > 0) next.ipAddresses = [...update.ipAddresses];
  if (update.state === "TASK_RUNNING" && record.startedAtMs === 0) next.startedAtMs = update.timestampMs;
  if (isTerminal(update.state)) {
    next.endedAtMs = update.timestampMs;
    next.exitCode = update.exitCode;
    next.hasExitCode = update.hasExitCode;
  }
  return { changed: true, record: next };
}

/**
 * Marathon's ipAddresses of a task: the container's own addresses when it runs
 * on a network of its own, else its agent's (the host's network).
 */
export function taskIpAddresses(t: Pick<TaskRecord, "hostname" | "ipAddresses">): { ipAddress: string; protocol: "IPv4" | "IPv6" }[] {
  const own = t.ipAddresses ?? [];
  const addresses = own.length > 0 ? own : [t.hostname];
  return addresses.map((ipAddress) => ({ ipAddress, protocol: ipAddress.includes(":") ? "IPv6" : "IPv4" }));
}

/** A new task record, as the dispatcher writes it once the task is placed. */
export function stagedTask(fields: {
  taskId: string;
  appId: string;
  agentId: string;
  hostname: string;
  ports: number[];
  version: string;
  configVersion: string;
  killGracePeriodSeconds: number;
  nowMs: number;
  servicePorts?: number[];
  frameworkId?: string;
}): TaskRecord {
  return {
    ...fields,
    servicePorts: fields.servicePorts ?? [],
    frameworkId: fields.frameworkId ?? MARATHON_FRAMEWORK_ID,
    state: "TASK_STAGING",
    message: "",
    stagedAtMs: fields.nowMs,
    startedAtMs: 0,
    updatedAtMs: fields.nowMs,
    lastSequence: 0,
    containerId: "",
    goal: "RUNNING",
    exitCode: 0,
    hasExitCode: false,
    endedAtMs: 0,
    health: { ...HEALTH_UNKNOWN },
  };
}
