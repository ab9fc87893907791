import type { HealthCheck, HealthStatus } from "./health-check.js";
import { HEALTH_UNKNOWN } from "./health-check.js";
import { taskIpAddresses, type TaskRecord } from "./task-state.js";

/** An event in Marathon's JSON shape. */
export interface MarathonEvent {
  eventType: string;
  timestamp: string;
  [field: string]: unknown;
}

/** Marathon's instance condition for a Mesos task state: TASK_RUNNING → Running. */
export function conditionOf(state: string): string {
  const word = state.replace(/^TASK_/, "").toLowerCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * An event as it is stored: Marathon's, and the events published at the same
 * moment that ride on it (`carries`), told right after it. One write stands
 * for them all: a change's deployment_info carries its group_change_success,
 * api_post_event and the app's other change events; a deployment's step end
 * carries the deployment's end; a failed health check carries the task's turn
 * to unhealthy, and a task's status its kill for failing its checks.
 */
export type StoredMarathonEvent = MarathonEvent & { carries?: MarathonEvent[] };

/** The types stored on another type's event (`carries`), by the carrier's type; they may also stand alone. */
const CARRIERS: Readonly<Record<string, string>> = {
  api_post_event: "deployment_info",
  group_change_success: "deployment_info",
  app_terminated_event: "deployment_info",
  add_health_check_event: "deployment_info",
  remove_health_check_event: "deployment_info",
  deployment_success: "deployment_step_success",
  deployment_failed: "deployment_step_failure",
  health_status_changed_event: "failed_health_check_event",
  unhealthy_instance_kill_event: "status_update_event",
};

/** An event that carries others, as stored; `carried` empty stores it alone. */
export function carrying(e: MarathonEvent, carried: readonly MarathonEvent[]): StoredMarathonEvent {
  return carried.length > 0 ? { ...e, carries: [...carried] } : e;
}

/**
 * The events a stored event stands for where clients receive them (/v2/events,
 * callbacks): itself, then those it carries, each followed by the instance
 * event Marathon publishes beside it: instance_changed_event beside a
 * status_update_event, instance_health_changed_event beside a
 * health_status_changed_event. Those are derived here, not stored: each of
 * their fields is in the event they ride on (in Berth an instance is one
 * task), so storing them doubled every status update's writes.
 */
export function eventsAtEdge(stored: StoredMarathonEvent): MarathonEvent[] {
  const { carries, ...e } = stored;
  const carried = Array.isArray(carries) ? (carries as MarathonEvent[]) : [];
  return [e, ...carried].flatMap((one) => {
    const instance = instanceEventOf(one);
    return instance ? [one, instance] : [one];
  });
}

/** The types derived at the edge (eventsAtEdge), by the type each is derived from. */
const DERIVED_FROM: Readonly<Record<string, string>> = {
  instance_changed_event: "status_update_event",
  instance_health_changed_event: "health_status_changed_event",
};

/** Marathon's instance event beside a task's status or health event, or none. */
function instanceEventOf(e: MarathonEvent): MarathonEvent | undefined {
  if (e.eventType === "status_update_event") {
    return {
      eventType: "instance_changed_event",
      timestamp: e.timestamp,
      instanceId: e.taskId,
      condition: conditionOf(String(e.taskStatus ?? "")),
      runSpecId: e.appId,
      agentId: e.slaveId,
      host: e.host,
      runSpecVersion: e.version,
    };
  }
  if (e.eventType === "health_status_changed_event") {
    return {
      eventType: "instance_health_changed_event",
      timestamp: e.timestamp,
      instanceId: e.instanceId,
      runSpecId: e.appId,
      runSpecVersion: e.version,
      healthy: e.alive,
    };
  }
  return undefined;
}

/**
 * The stored event types that may hold a type clients ask for: a derived type is in the stored
 * types of the one it is derived from; a carried type is stored alone or on its carrier.
 */
export function storedTypesOf(eventType: string): string[] {
  const from = DERIVED_FROM[eventType];
  if (from) return storedTypesOf(from);
  const carrier = CARRIERS[eventType];
  return carrier ? [eventType, carrier] : [eventType];
}

/** What of an agent's status update the events tell. */
export interface UpdateFacts {
  state: string;
  message: string;
  timestampMs: number;
}

/** Marathon's status_update_event for a task after an update. */
export function statusEvent(task: TaskRecord, update: UpdateFacts): MarathonEvent {
  return {
    eventType: "status_update_event",
    timestamp: new Date(update.timestampMs).toISOString(),
    slaveId: task.agentId,
    taskId: task.taskId,
    taskStatus: update.state,
    message: update.message,
    appId: task.appId,
    host: task.hostname,
    ipAddresses: taskIpAddresses(task),
    ports: task.ports,
    version: task.version,
  };
}

/** Marathon's unhealthy_instance_kill_event: a task killed for failing its health checks. */
export function unhealthyKillEvent(task: TaskRecord, update: UpdateFacts): MarathonEvent {
  return {
    eventType: "unhealthy_instance_kill_event",
    timestamp: new Date(update.timestampMs).toISOString(),
    appId: task.appId,
    taskId: task.taskId,
    instanceId: task.taskId,
    version: task.version,
    reason: update.message,
    host: task.hostname,
    slaveId: task.agentId,
  };
}

/**
 * Marathon's health events for a health update, each with what names it in its
 * message id: a failed check (failed_health_check_event), and a change between
 * alive and not (health_status_changed_event).
 */
export function healthEvents(
  task: TaskRecord,
  before: HealthStatus | undefined,
  update: UpdateFacts,
  checks: readonly HealthCheck[],
): [MarathonEvent, "failed-health-check" | "health-changed"][] {
  const timestamp = new Date(update.timestampMs).toISOString();
  const prev = before ?? HEALTH_UNKNOWN;
  const now = task.health;
  const out: [MarathonEvent, "failed-health-check" | "health-changed"][] = [];
  if (now.consecutiveFailures > prev.consecutiveFailures || (now.lastFailureMs > prev.lastFailureMs && now.state === "UNHEALTHY")) {
    const healthCheck = checks[0] ?? null;
    out.push([
      {
        eventType: "failed_health_check_event",
        timestamp,
        appId: task.appId,
        taskId: task.taskId,
        instanceId: task.taskId,
        version: task.version,
        healthCheck,
        cause: now.lastFailureCause,
      },
      "failed-health-check",
    ]);
  }
  if ((now.state === "HEALTHY") !== (prev.state === "HEALTHY") && now.state !== "HEALTH_UNKNOWN") {
    out.push([
      {
        eventType: "health_status_changed_event",
        timestamp,
        appId: task.appId,
        instanceId: task.taskId,
        taskId: task.taskId,
        version: task.version,
        alive: now.state === "HEALTHY",
      },
      "health-changed",
    ]);
  }
  return out;
}

/**
 * Events of one moment, each with what names it, as the one stored event that stands for them
 * all: the first, carrying the rest (told right after it, in order), named as the first.
 */
export function asOneWrite<Name>(events: readonly [MarathonEvent, Name][]): [StoredMarathonEvent, Name][] {
  const [first, ...rest] = events;
  if (!first) return [];
  const carried = rest.map(([e]) => e);
  return [[carrying(first[0], carried), first[1]]];
}
