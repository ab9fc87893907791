import { type Bus, publishEvent, type StatusUpdate } from "@berth/bus";
import { applyStatus, appKey, HEALTH_UNKNOWN, type HealthStatus, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";

export type ApplyOutcome = "applied" | "duplicate" | "ignored" | "unknown-task" | "wrong-agent";

/** Marathon's status_update_event for a task after an update. */
export function statusEvent(task: TaskRecord, update: StatusUpdate): Record<string, unknown> & { eventType: string; timestamp: string } {
  return {
    eventType: "status_update_event",
    timestamp: new Date(update.timestampMs).toISOString(),
    slaveId: task.agentId,
    taskId: task.taskId,
    taskStatus: update.state,
    message: update.message,
    appId: task.appId,
    host: task.hostname,
    ipAddresses: [],
    ports: task.ports,
    version: task.version,
  };
}

/** Marathon's instance condition for a Mesos task state: TASK_RUNNING → Running. */
export function conditionOf(state: string): string {
  const word = state.replace(/^TASK_/, "").toLowerCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Marathon's instance_changed_event: one instance per task in Berth. */
export function instanceEvent(task: TaskRecord, update: StatusUpdate): Record<string, unknown> & { eventType: string; timestamp: string } {
  return {
    eventType: "instance_changed_event",
    timestamp: new Date(update.timestampMs).toISOString(),
    instanceId: task.taskId,
    condition: conditionOf(update.state),
    runSpecId: task.appId,
    agentId: task.agentId,
    host: task.hostname,
    runSpecVersion: task.version,
  };
}

/**
 * Applies one status update to its task record with compare-and-set, then
 * publishes the public event. Safe to run twice for the same update: the
 * record changes once, and the event's message id makes the second publish a no-op.
 */
const HEALTH_REASON = "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED";

/**
 * `sender` is the agent whose subject the update came on: NATS lets each agent
 * publish only on its own, so an update about a task placed on another agent
 * (or one whose body names another agent) is dropped.
 */
export async function applyUpdate(bus: Bus, update: StatusUpdate, sender: string | undefined, log: Logger): Promise<ApplyOutcome> {
  let outcome = "ignored" as ApplyOutcome;
  let before: TaskRecord | undefined;
  const change = {
    taskId: update.taskId,
    state: update.state,
    message: update.message,
    sequence: update.sequence,
    timestampMs: update.timestampMs,
    containerId: update.containerId,
    exitCode: update.exitCode,
    hasExitCode: update.hasExitCode,
    health: update.health ? { ...HEALTH_UNKNOWN, ...(update.health as Partial<HealthStatus>) } : null,
  };
  const r = await bus.tasks.mutate(update.taskId, (cur) => {
    before = cur;
    if (!cur) {
      outcome = "unknown-task";
      return undefined;
    }
    if (sender !== update.agentId || cur.agentId !== sender) {
      outcome = "wrong-agent";
      return undefined;
    }
    const applied = applyStatus(cur, change);
    if (applied.changed) {
      outcome = "applied";
      return applied.record;
    }
    // The same update seen again (a redelivery after a crash): still make sure its event went out.
    outcome = cur.lastSequence === update.sequence && cur.state === update.state ? "duplicate" : "ignored";
    return undefined;
  });
  const task = r.value;
  if ((outcome === "applied" || outcome === "duplicate") && task) {
    if (update.reason === HEALTH_REASON && update.state === "TASK_RUNNING") {
      await publishHealthEvents(bus, task, before, update);
    } else {
      await publishEvent(bus.js, statusEvent(task, update), `status-${update.uuid}`);
      await publishEvent(bus.js, instanceEvent(task, update), `instance-${update.uuid}`);
      if (update.reason === HEALTH_REASON && update.state === "TASK_KILLED") {
        await publishEvent(
          bus.js,
          {
            eventType: "unhealthy_instance_kill_event",
            timestamp: new Date(update.timestampMs).toISOString(),
            appId: task.appId,
            taskId: task.taskId,
            instanceId: task.taskId,
            version: task.version,
            reason: update.message,
            host: task.hostname,
            slaveId: task.agentId,
          },
          `unhealthy-kill-${update.uuid}`,
        );
      }
    }
  }
  if (outcome !== "applied") log.debug({ taskId: update.taskId, state: update.state, outcome }, "status update not applied");
  return outcome;
}

/** Marathon's health events: a failed check, and a change between alive and not. */
async function publishHealthEvents(bus: Bus, task: TaskRecord, before: TaskRecord | undefined, update: StatusUpdate): Promise<void> {
  const timestamp = new Date(update.timestampMs).toISOString();
  const prev = before?.health ?? HEALTH_UNKNOWN;
  const now = task.health;
  if (now.consecutiveFailures > prev.consecutiveFailures || (now.lastFailureMs > prev.lastFailureMs && now.state === "UNHEALTHY")) {
    const app = await bus.apps.get(appKey(task.appId));
    await publishEvent(
      bus.js,
      {
        eventType: "failed_health_check_event",
        timestamp,
        appId: task.appId,
        taskId: task.taskId,
        instanceId: task.taskId,
        version: task.version,
        healthCheck: app?.value.healthChecks[0] ?? null,
        cause: now.lastFailureCause,
      },
      `failed-health-check-${update.uuid}`,
    );
  }
  if ((now.state === "HEALTHY") !== (prev.state === "HEALTHY") && now.state !== "HEALTH_UNKNOWN") {
    await publishEvent(
      bus.js,
      {
        eventType: "health_status_changed_event",
        timestamp,
        appId: task.appId,
        instanceId: task.taskId,
        taskId: task.taskId,
        version: task.version,
        alive: now.state === "HEALTHY",
      },
      `health-changed-${update.uuid}`,
    );
  }
}
