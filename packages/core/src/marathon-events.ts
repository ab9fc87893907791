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
 * The events a stored event stands for where clients receive them (/v2/events,
 * callbacks): itself, and beside a status_update_event the
 * instance_changed_event Marathon publishes with it. That one is derived here,
 * not stored: each of its fields is in the status update (in Berth an
 * instance is one task), so storing it doubled every status update's writes.
 */
export function eventsAtEdge(e: MarathonEvent): MarathonEvent[] {
  if (e.eventType !== "status_update_event") return [e];
  const instance: MarathonEvent = {
    eventType: "instance_changed_event",
    timestamp: e.timestamp,
    instanceId: e.taskId,
    condition: conditionOf(String(e.taskStatus ?? "")),
    runSpecId: e.appId,
    agentId: e.slaveId,
    host: e.host,
    runSpecVersion: e.version,
  };
  return [e, instance];
}

/** The stored event type that carries a type clients ask for: instance_changed_event rides on status_update_event. */
export function storedTypeOf(eventType: string): string {
  return eventType === "instance_changed_event" ? "status_update_event" : eventType;
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
