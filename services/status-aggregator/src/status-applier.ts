import { type Bus, publishEvent, type StatusUpdate } from "@berth/bus";
import { applyStatus, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";

export type ApplyOutcome = "applied" | "duplicate" | "ignored" | "unknown-task";

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
export async function applyUpdate(bus: Bus, update: StatusUpdate, log: Logger): Promise<ApplyOutcome> {
  let outcome = "ignored" as ApplyOutcome;
  const change = {
    taskId: update.taskId,
    state: update.state,
    message: update.message,
    sequence: update.sequence,
    timestampMs: update.timestampMs,
    containerId: update.containerId,
    exitCode: update.exitCode,
    hasExitCode: update.hasExitCode,
  };
  const r = await bus.tasks.mutate(update.taskId, (cur) => {
    if (!cur) {
      outcome = "unknown-task";
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
  if ((outcome === "applied" || outcome === "duplicate") && r.value) {
    await publishEvent(bus.js, statusEvent(r.value, update), `status-${update.uuid}`);
    await publishEvent(bus.js, instanceEvent(r.value, update), `instance-${update.uuid}`);
  }
  if (outcome !== "applied") log.debug({ taskId: update.taskId, state: update.state, outcome }, "status update not applied");
  return outcome;
}
