import { randomUUID } from "node:crypto";
import { codecs, type JetStreamClient, publishDurable, type StatusUpdate, subjects } from "@berth/bus";
import type { Logger } from "@berth/runtime";
import type { StatusCheckpoint } from "./checkpoint.js";

export type StatusFields = Omit<StatusUpdate, "uuid" | "agentId" | "hostname" | "sequence" | "timestampMs">;

/**
 * Sends status updates to BERTH_STATUS, one at a time in order, resending each
 * with backoff until the stream acknowledges it. Each update is checkpointed to
 * disk before it is sent and forgotten once stored, so an agent killed at any
 * moment sends it after it restarts. The uuid doubles as the stream's message
 * id, so a resend is never stored twice.
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
      while (this.queue.length > 0) {
        const head = this.queue[0];
        if (!head) break;
        const next = head.update;
        try {
          await publishDurable(this.js, subjects.agentStatus(this.agent.agentId), codecs.statusUpdate, next, next.uuid);
          this.queue.shift();
          if (head.file) this.checkpoint?.forget(head.file);
          delay = 100;
          this.log.debug({ taskId: next.taskId, state: next.state }, "status update stored");
        } catch (err) {
          this.log.warn(
            { err: String(err), taskId: next.taskId, state: next.state, retryInMs: delay },
            "status update not stored; resending",
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
