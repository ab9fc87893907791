import { type BusHandles, publishEvent, type PublicEvent, type StatusUpdate, type Versioned } from "@berth/bus";
import {
  type AppDefinition,
  applyStatus,
  appKey,
  asOneWrite,
  HEALTH_UNKNOWN,
  healthEvents,
  type HealthStatus,
  isTerminal,
  statusEvent,
  type TaskRecord,
  unhealthyKillEvent,
  isMarathonTask,
} from "@berth/core";
import { type Logger, preciseNowMs } from "@berth/runtime";

export type ApplyOutcome = "applied" | "duplicate" | "ignored" | "unknown-task" | "wrong-agent";

/** What became of one update: the task's record before and after it (after = before unless applied). */
export interface Step {
  update: StatusUpdate;
  outcome: ApplyOutcome;
  before: TaskRecord | undefined;
  after: TaskRecord | undefined;
  /** When its task's record was written (or found to need no write), and when its events were stored: ms since the epoch. */
  recordedMs: number;
  publishedMs: number;
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
    private readonly bus: BusHandles<"js" | "tasks">,
    private readonly apps: { get(key: string): { value: AppDefinition } | undefined },
    private readonly log: Logger,
    private readonly clock: () => number = preciseNowMs,
  ) {}

  /**
   * Applies an agent's message of updates: each task's updates in order, folded
   * into one compare-and-set of its record, then its events in the same order.
   * `sender` is the agent whose subject the message came on: NATS lets each
   * agent publish only on its own, so an update about a task placed on another
   * agent (or one whose body names another agent) is dropped.
   */
  async apply(updates: StatusUpdate[], sender: string | undefined): Promise<Step[]> {
    const byTask = new Map<string, StatusUpdate[]>();
    for (const u of updates) {
      const list = byTask.get(u.taskId);
      if (list) list.push(u);
      else byTask.set(u.taskId, [u]);
    }
    const steps = await Promise.all([...byTask].map(([taskId, list]) => this.applyTask(taskId, list, sender)));
    return steps.flat();
  }

  private async applyTask(taskId: string, updates: StatusUpdate[], sender: string | undefined): Promise<Step[]> {
    let steps: Step[] = [];
    const r = await this.bus.tasks.mutate(
      taskId,
      (cur) => {
        steps = [];
        let record = cur;
        for (const update of updates) {
          const step: Step = { update, outcome: "ignored", before: record, after: record, recordedMs: 0, publishedMs: 0 };
          steps.push(step);
          if (!record) step.outcome = "unknown-task";
          else if (sender !== update.agentId || record.agentId !== sender) step.outcome = "wrong-agent";
          else {
            const applied = applyStatus(record, changeOf(update));
            if (applied.changed) {
              step.outcome = "applied";
              record = step.after = applied.record;
            } else {
              // The same update seen again (a redelivery after a crash): still make sure its event went out.
              step.outcome = record.lastSequence === update.sequence && record.state === update.state ? "duplicate" : "ignored";
            }
          }
        }
        return record !== cur ? record : undefined;
      },
      20,
      this.written.get(taskId),
    );
    const recordedMs = this.clock();
    const task = r.value;
    this.remember(taskId, r.changed && task && !isTerminal(task.state) ? { value: task, revision: r.revision } : undefined);
    const events: [PublicEvent, string][] = [];
    for (const step of steps) {
      if ((step.outcome === "applied" || step.outcome === "duplicate") && step.after)
        events.push(...this.eventsOf(step.update, step.before, step.after));
      else this.log.debug({ taskId, state: step.update.state, outcome: step.outcome }, "status update not applied");
    }
    // Published together: one connection keeps them in this order in the stream.
    await Promise.all(events.map(([e, id]) => publishEvent(this.bus.js, e, id)));
    const publishedMs = this.clock();
    for (const step of steps) Object.assign(step, { recordedMs, publishedMs });
    return steps;
  }

  private remember(taskId: string, entry: Versioned<TaskRecord> | undefined): void {
    this.written.delete(taskId);
    if (!entry) return;
    this.written.set(taskId, entry);
    if (this.written.size > REMEMBERED) this.written.delete(this.written.keys().next().value as string);
  }

  private eventsOf(update: StatusUpdate, before: TaskRecord | undefined, task: TaskRecord): [PublicEvent, string][] {
    // Marathon's events tell of Marathon's tasks; another framework learns of its own from their records.
    if (!isMarathonTask(task)) return [];
    if (update.reason === HEALTH_REASON && update.state === "TASK_RUNNING") {
      const checks = this.apps.get(appKey(task.appId))?.value.healthChecks ?? [];
      // A failed check that turns the task unhealthy is one write: failed_health_check_event carrying health_status_changed_event.
      return asOneWrite(healthEvents(task, before?.health, update, checks).map(([e, kind]) => [e, `${kind}-${update.uuid}`]));
    }
    // RUNNING said again (by an agent re-adopting its container after a restart, or answering a
    // launch sent again) moves the record on but changes no status: the RUNNING told is the one that
    // started the task, or the one that brought it back from TASK_UNREACHABLE (as Marathon tells it).
    // A redelivery of the first is still told again (its message id drops a repeat).
    const back = before?.state === "TASK_UNREACHABLE";
    if (update.state === "TASK_RUNNING" && task.startedAtMs !== update.timestampMs && !back) return [];
    const events: [PublicEvent, string][] = [[statusEvent(task, update), `status-${update.uuid}`]];
    if (update.reason === HEALTH_REASON && update.state === "TASK_KILLED") {
      events.push([unhealthyKillEvent(task, update), `unhealthy-kill-${update.uuid}`]);
    }
    // A kill for failing health checks rides on its status_update_event: one write.
    return asOneWrite(events);
  }
}

/** The change an update makes to a task record. */
function changeOf(update: StatusUpdate) {
  return {
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
}
