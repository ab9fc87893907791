/** Mesos's scheduler calls and events as JSON: reading a call's fields, and the updates Berth makes itself. */

/** A call's error as Mesos answers it: an HTTP status and a plain-text body that says what to fix. */
export class CallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const idOf = (v: unknown): string => {
  const value = obj(v).value;
  return typeof value === "string" ? value : "";
};

/** Mesos's default refuse_seconds for a DECLINE or an ACCEPT that leaves resources unused. */
const DEFAULT_REFUSE_SECONDS = 5;

/** Why a launch did not happen, as the task's update says it. */
export interface Refusal {
  state: "TASK_ERROR" | "TASK_DROPPED";
  message: string;
}

/** A status the scheduler-api tells of a task itself (SOURCE_MASTER): one it refused or does not know. */
export function masterStatus(taskId: string, state: string, message: string, nowMs: number, agentId?: string): Json {
  return {
    task_id: { value: taskId },
    state,
    message,
    source: "SOURCE_MASTER",
    reason: state === "TASK_ERROR" ? "REASON_TASK_INVALID" : "REASON_INVALID_OFFERS",
    timestamp: nowMs / 1000,
    ...(agentId ? { agent_id: { value: agentId } } : {}),
  };
}

/** A task Berth does not know, as reconciliation tells it (TASK_UNKNOWN; TASK_LOST to a framework not partition-aware). */
export function unknownTaskStatus(taskId: string, message: string, nowMs: number): Json {
  return { ...masterStatus(taskId, "TASK_UNKNOWN", message, nowMs), reason: "REASON_RECONCILIATION" };
}

export function refuseSeconds(filters: unknown): number {
  const v = Number(obj(filters).refuse_seconds);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_REFUSE_SECONDS;
}

export function failoverOf(info: Json, fallback: number): number {
  const v = Number(info.failover_timeout);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** The framework's role: the one it names, or its team's. */
export function roleOf(info: Json, team: string): string {
  const roles = list(info.roles).filter((r): r is string => typeof r === "string");
  if (roles[0]) return roles[0];
  return typeof info.role === "string" && info.role !== "*" ? info.role : team;
}
