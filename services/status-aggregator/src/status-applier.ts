import { type Bus, publishEvent, type PublicEvent, type StatusUpdate, type Versioned } from "@berth/bus";
import { type AppDefinition, applyStatus, appKey, HEALTH_UNKNOWN, type HealthStatus, isTerminal, type TaskRecord } from "@berth/core";
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

const HEALTH_REASON = "REASON_TASK_HEALTH_CHECK_STATUS_UPDATED";

/** How many task records the applier remembers from its own writes. */
const REMEMBERED = 5_000;

/**
 * Applies status updates to task records with compare-and-set, then publishes
 * the public events. Safe to run twice for the same update: the record changes
 * once, and each event's message id makes a second publish a no-op.
 *
 * It remembers the records it last wrote, so the next update of a busy task
 * writes without reading first; when another writer got there in between, the
 * compare-and-set fails and it reads. App definitions (for health events) come
 * from a cache of the apps bucket.
 */
export class StatusApplier {
  private readonly written = new Map<string, Versioned<TaskRecord>>();

  constructor(
    private readonly bus: Bus,
    private readonly apps: { get(key: string): { value: AppDefinition } | undefined },
    private readonly log: Logger,
  ) {}

  /**
   * `sender` is the agent whose subject the update came on: NATS lets each agent
   * publish only on its own, so an update about a task placed on another agent
   * (or one whose body names another agent) is dropped.
   */
  async apply(update: StatusUpdate, sender: string | undefined): Promise<ApplyOutcome> {
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
    const r = await this.bus.tasks.mutate(
      update.taskId,
      (cur) => {
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
      },
      20,
      this.written.get(update.taskId),
    );
    const task = r.value;
    this.remember(update.taskId, r.changed && task && !isTerminal(task.state) ? { value: task, revision: r.revision } : undefined);
    if ((outcome === "applied" || outcome === "duplicate") && task) await this.publishEvents(task, before, update);
    if (outcome !== "applied") this.log.debug({ taskId: update.taskId, state: update.state, outcome }, "status update not applied");
    return outcome;
  }

  private remember(taskId: string, entry: Versioned<TaskRecord> | undefined): void {
    this.written.delete(taskId);
    if (!entry) return;
    this.written.set(taskId, entry);
    if (this.written.size > REMEMBERED) this.written.delete(this.written.keys().next().value as string);
  }

  private async publishEvents(task: TaskRecord, before: TaskRecord | undefined, update: StatusUpdate): Promise<void> {
    const js = this.bus.js;
    if (update.reason === HEALTH_REASON && update.state === "TASK_RUNNING") {
      await Promise.all(
        healthEvents(task, before, update, this.apps.get(appKey(task.appId))?.value).map(([e, id]) => publishEvent(js, e, id)),
      );
      return;
    }
    const events: [PublicEvent, string][] = [
      [statusEvent(task, update), `status-${update.uuid}`],
      [instanceEvent(task, update), `instance-${update.uuid}`],
    ];
    if (update.reason === HEALTH_REASON && update.state === "TASK_KILLED") {
      events.push([
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
      ]);
    }
    await Promise.all(events.map(([e, id]) => publishEvent(js, e, id)));
  }
}

/** Marathon's health events for a health update: a failed check, and a change between alive and not. */
function healthEvents(
  task: TaskRecord,
  before: TaskRecord | undefined,
  update: StatusUpdate,
  app: AppDefinition | undefined,
): [PublicEvent, string][] {
  const timestamp = new Date(update.timestampMs).toISOString();
  const prev = before?.health ?? HEALTH_UNKNOWN;
  const now = task.health;
  const out: [PublicEvent, string][] = [];
  if (now.consecutiveFailures > prev.consecutiveFailures || (now.lastFailureMs > prev.lastFailureMs && now.state === "UNHEALTHY")) {
    out.push([
      {
        eventType: "failed_health_check_event",
        timestamp,
        appId: task.appId,
        taskId: task.taskId,
        instanceId: task.taskId,
        version: task.version,
        healthCheck: app?.healthChecks[0] ?? null,
        cause: now.lastFailureCause,
      },
      `failed-health-check-${update.uuid}`,
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
      `health-changed-${update.uuid}`,
    ]);
  }
  return out;
}
