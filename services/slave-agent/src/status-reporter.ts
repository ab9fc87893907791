import { randomUUID } from "node:crypto";
import { codecs, type JetStreamClient, publishDurable, type StatusUpdate, subjects, updatesInOneMessage } from "@berth/bus";
import type { Logger } from "@berth/runtime";
import type { StatusCheckpoint } from "./checkpoint.js";

export type StatusFields = Omit<StatusUpdate, "uuid" | "agentId" | "hostname" | "sequence" | "timestampMs">;

/**
 * Sends status updates to BERTH_STATUS in order, resending with backoff until
 * the stream acknowledges them. The updates made while the previous message
 * waited for its acknowledgement (or within the same turn of the event loop)
 * go together in the next message, so a busy agent sends one message where it
 * would send dozens. Each update is checkpointed to disk before it is sent and
 * forgotten once stored, so an agent killed at any moment sends it after it
 * restarts. A message's id is made from its updates' uuids, so a resend is
 * never stored twice.
 */
export class StatusReporter {
  private readonly queue: { update: StatusUpdate; file: string }[] = [];
  private draining = false;
  private readonly lastSequence = new Map<string, number>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly js: JetStreamClient,
    private readonly agent: { agentId: string; hostname: string },
    private readonly log: Logger,
    private readonly checkpoint?: StatusCheckpoint,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sends the updates a previous run checkpointed but did not get stored; returns how many. */
  replay(): number {
    const pending = this.checkpoint?.pending() ?? [];
    for (const p of pending) {
      this.queue.push(p);
      this.lastSequence.set(p.update.taskId, Math.max(this.lastSequence.get(p.update.taskId) ?? 0, p.update.sequence));
    }
    if (pending.length > 0) void this.drain();
    return pending.length;
  }

  /** Queues an update; sequences grow per task, also across agent restarts (they start from the clock). */
  report(fields: StatusFields): StatusUpdate {
    const t = this.now();
    const seq = Math.max((this.lastSequence.get(fields.taskId) ?? 0) + 1, t * 1000);
    this.lastSequence.set(fields.taskId, seq);
    const update: StatusUpdate = {
      ...fields,
      uuid: randomUUID(),
      agentId: this.agent.agentId,
      hostname: this.agent.hostname,
      sequence: seq,
      timestampMs: t,
    };
    this.queue.push({ update, file: this.checkpoint?.save(update) ?? "" });
    void this.drain();
    return update;
  }

  forget(taskId: string): void {
    this.lastSequence.delete(taskId);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when every queued update has been stored. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      let delay = 100;
      // Updates made in the same turn as the first (a launch's STAGING, STARTING and RUNNING) go together.
      await new Promise((r) => setImmediate(r));
      // A resend carries the same updates as the first try, so its id matches and the stream drops a copy.
      let batch: typeof this.queue | undefined;
      while (this.queue.length > 0) {
        batch ??= this.queue.slice(
          0,
          updatesInOneMessage(this.queue, (p) => p.update),
        );
        const updates = batch.map((p) => p.update);
        const first = updates[0] as StatusUpdate;
        const msgId = updates.length === 1 ? first.uuid : `${first.uuid}+${updates.length}`;
        try {
          await publishDurable(this.js, subjects.agentStatus(this.agent.agentId), codecs.statusUpdates, { updates }, msgId);
          this.queue.splice(0, batch.length);
          for (const p of batch) if (p.file) this.checkpoint?.forget(p.file);
          batch = undefined;
          delay = 100;
          this.log.debug({ updates: updates.length }, "status updates stored");
        } catch (err) {
          this.log.warn(
            { err: String(err), updates: updates.length, taskId: first.taskId, state: first.state, retryInMs: delay },
            "status updates not stored; resending",
          );
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 10_000);
        }
      }
    } finally {
      this.draining = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
