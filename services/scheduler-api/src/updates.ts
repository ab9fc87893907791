import type { BusHandles, KvCache } from "@berth/bus";
import { frameworkOf, isMarathonTask, isTerminal, mesosStatus, statusUuid, type TaskRecord, UnackedUpdates } from "@berth/core";
import { idOf, type Json, list, obj, unknownTaskStatus } from "./calls.js";
import { berthTaskId, type FrameworkRegistry, frameworkTaskId } from "./frameworks.js";
import type { Session } from "./session.js";

/**
 * Frameworks' status updates, from their tasks' records: each told once, and
 * again until the framework acknowledges it (core's UnackedUpdates keeps the
 * schedule, as Mesos's agents retry); a framework that subscribes again is
 * told at once what it has not acknowledged. An acknowledged end's record
 * goes. RECONCILE answers from the records too.
 */
export class FrameworkUpdates {
  private readonly unacked: UnackedUpdates;

  constructor(
    private readonly bus: BusHandles<"tasks">,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly sessionOf: (frameworkId: string) => Session | undefined,
    private readonly registry: Pick<FrameworkRegistry, "liveTasks">,
    private readonly opts: { updateRetryMs?: number; now: () => number },
  ) {
    this.unacked = new UnackedUpdates(opts.updateRetryMs);
  }

  /** A task's record changed: its framework hears of a new state (STAGING is the framework's own to assume, as with Mesos). */
  tell(task: TaskRecord): void {
    if (isMarathonTask(task) || task.state === "TASK_STAGING") return;
    const s = this.sessionOf(frameworkOf(task));
    const uuid = statusUuid(frameworkTaskId(task), task.lastSequence, task.state);
    const noted = { frameworkId: frameworkOf(task), key: `${task.state}:${task.lastSequence}`, uuid };
    if (this.unacked.note(task.taskId, noted, Boolean(s?.isOpen), this.opts.now()) && s) this.send(s, task);
  }

  /** A task's record is gone: nothing of it is told any more. */
  forget(taskId: string): void {
    this.unacked.forget(taskId);
  }

  /** A framework subscribed (again): what it has not acknowledged, at once. */
  subscribed(s: Session, now: number): void {
    for (const taskId of this.unacked.of(s.framework.id)) this.resend(s, taskId, now);
  }

  /** Tells again each update whose retry time has come. */
  retry(now: number): void {
    for (const taskId of this.unacked.due(now, (id) => this.sessionOf(id)?.isOpen === true)) {
      const s = this.sessionOf(this.tasks.get(taskId)?.value.frameworkId ?? "");
      if (s) this.resend(s, taskId, now);
      else this.unacked.forget(taskId);
    }
  }

  /** ACKNOWLEDGE: the update waits no longer; an acknowledged end's record has told all it will, and goes. */
  async acknowledge(s: Session, ack: Json): Promise<void> {
    const taskId = berthTaskId(s.framework.id, idOf(ack.task_id));
    this.unacked.acknowledge(taskId, ack.uuid);
    const task = this.tasks.get(taskId)?.value;
    if (!task || !isTerminal(task.state)) return;
    if (ack.uuid !== statusUuid(frameworkTaskId(task), task.lastSequence, task.state)) return;
    await this.bus.tasks.mutate(taskId, (cur) => (cur && isTerminal(cur.state) ? null : undefined));
  }

  /** RECONCILE: the named tasks' states (TASK_UNKNOWN when unknown, TASK_LOST to a framework not partition-aware), or every live task's when none is named. */
  reconcile(s: Session, reconcile: Json, now: number): void {
    const named = list(reconcile.tasks).map((t) => idOf(obj(t).task_id));
    const tasks =
      named.length > 0
        ? named.map((id) => ({ id, task: this.tasks.get(berthTaskId(s.framework.id, id))?.value }))
        : this.registry.liveTasks(s.framework.id).map((task) => ({ id: frameworkTaskId(task), task }));
    for (const { id, task } of tasks) {
      s.sendUpdate(task ? mesosStatus(task, id, { reconciling: true }) : unknownTaskStatus(id, "Reconciliation: task is unknown", now));
    }
  }

  /** Sends a task's update again, as its record has it now. */
  private resend(s: Session, taskId: string, now: number): void {
    const task = this.tasks.get(taskId)?.value;
    if (!task) return this.unacked.forget(taskId);
    if (this.send(s, task)) this.unacked.sent(taskId, now);
  }

  /** Tells the framework its task's update; one it is not told (TASK_KILLING without TASK_KILLING_STATE) waits for no acknowledgement. */
  private send(s: Session, task: TaskRecord): boolean {
    const told = s.sendUpdate(mesosStatus(task, frameworkTaskId(task)));
    if (!told) this.unacked.forget(task.taskId);
    return told;
  }
}
