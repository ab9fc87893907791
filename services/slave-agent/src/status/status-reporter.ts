import { randomUUID } from "node:crypto";
import { channels, type JetStreamClient, publishDurable, type StatusUpdate, updatesInOneMessage } from "@berth/bus";
import type { Logger } from "@berth/runtime";
import type { StatusCheckpoint } from "./checkpoint.js";

export type StatusFields = Omit<StatusUpdate, "uuid" | "agentId" | "hostname" | "sequence" | "timestampMs" | "ipAddresses"> &
  Partial<Pick<StatusUpdate, "ipAddresses">>;

/**
 * Sends status updates to BERTH_STATUS in order, resending with backoff until
 * the stream acknowledges them. The updates made while the previous message
 * waited for its acknowledgement (or within the same turn of the event loop)
 * go together in the next message, so a busy agent sends one message where it
 * would send dozens. The updates made in one turn are checkpointed to disk
 * together at the end of that turn, before any is sent, and forgotten once
 * stored, so an agent killed after that sends them when it restarts (one
 * killed within the turn never showed them to anyone: its restart finds the
 * containers as they are). A message's id is made from its updates' uuids, so
 * a resend is never stored twice.
 */
export class StatusReporter {
  /** Updates not yet stored, oldest first; `file` is the checkpoint holding each, once written. */
  private readonly queue: { update: StatusUpdate; file?: string }[] = [];
  /** The first `saved` queued updates are on disk; the rest (made this turn) are not yet. */
  private saved = 0;
  /** How many updates each checkpoint file holds that are not yet stored. */
  private readonly unstored = new Map<string, number>();
  private checkpointDue = false;
  private draining = false;
  private readonly lastSequence = new Map<string, number>();
  private idleWaiters: (() => void)[] = [];
  /** Why the last checkpoint could not be written (a full disk, say); undefined once one is. */
  private checkpointFailure: string | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly agent: { agentId: string; hostname: string },
    private readonly log: Logger,
    private readonly checkpoint?: StatusCheckpoint,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sends the updates a previous run checkpointed but did not get stored; returns how many. Call before any `report`. */
  replay(): number {
    if (this.queue.length > 0) throw new Error("replay() must come before any report()");
    let replayed = 0;
    for (const { file, updates } of this.checkpoint?.pending() ?? []) {
      this.unstored.set(file, updates.length);
      for (const update of updates) {
        this.queue.push({ update, file });
        this.lastSequence.set(update.taskId, Math.max(this.lastSequence.get(update.taskId) ?? 0, update.sequence));
      }
      replayed += updates.length;
    }
    this.saved = this.queue.length;
    if (replayed > 0) void this.drain();
    return replayed;
  }

  /** Queues an update; sequences grow per task, also across agent restarts (they start from the clock). */
  report(fields: StatusFields): StatusUpdate {
    const t = this.now();
    const seq = Math.max((this.lastSequence.get(fields.taskId) ?? 0) + 1, t * 1000);
    this.lastSequence.set(fields.taskId, seq);
    const update: StatusUpdate = {
      ipAddresses: [],
      ...fields,
      uuid: randomUUID(),
      agentId: this.agent.agentId,
      hostname: this.agent.hostname,
      sequence: seq,
      timestampMs: t,
    };
    this.queue.push({ update });
    if (this.checkpoint && !this.checkpointDue) {
      this.checkpointDue = true;
      setImmediate(() => this.checkpointQueued());
    }
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

  /**
   * Why updates cannot be checkpointed now, or undefined. Updates that could not be are saved again
   * first (the disk may have room again); with none waiting, the next save tells.
   */
  checkpointProblem(): string | undefined {
    if (this.checkpointFailure && this.saved === this.queue.length) this.checkpointFailure = undefined;
    this.checkpointQueued();
    return this.checkpointFailure;
  }

  /**
   * Writes every queued update not yet on disk to one checkpoint file. One that cannot be written
   * (a full disk) leaves them queued unsaved: they are sent all the same (only a crash before they
   * are stored would lose them) and saved again with the next.
   */
  private checkpointQueued(): void {
    this.checkpointDue = false;
    if (!this.checkpoint) return;
    if (this.saved === this.queue.length) return;
    const unsaved = this.queue.slice(this.saved);
    let file: string;
    try {
      file = this.checkpoint.save(unsaved.map((p) => p.update));
    } catch (err) {
      if (!this.checkpointFailure)
        this.log.error({ err: String(err), updates: unsaved.length }, "status updates cannot be checkpointed; sending them unsaved");
      this.checkpointFailure = `status updates cannot be checkpointed: ${(err as Error).message}`;
      return;
    }
    if (this.checkpointFailure) this.log.info("status updates are checkpointed again");
    this.checkpointFailure = undefined;
    for (const p of unsaved) p.file = file;
    this.unstored.set(file, unsaved.length);
    this.saved = this.queue.length;
  }

  /** Forgets each checkpoint file whose updates are all stored now. */
  private stored(batch: { file?: string }[]): void {
    for (const { file } of batch) {
      if (file === undefined) continue;
      const left = (this.unstored.get(file) ?? 1) - 1;
      if (left > 0) this.unstored.set(file, left);
      else {
        this.unstored.delete(file);
        this.checkpoint?.forget(file);
      }
    }
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
        // Nothing is sent before it is on disk (unless the disk has no room: see checkpointQueued).
        this.checkpointQueued();
        batch ??= this.queue.slice(
          0,
          updatesInOneMessage(this.queue, (p) => p.update),
        );
        const updates = batch.map((p) => p.update);
        const first = updates[0] as StatusUpdate;
        const msgId = updates.length === 1 ? first.uuid : `${first.uuid}+${updates.length}`;
        try {
          await publishDurable(this.js, channels.agentStatus, this.agent.agentId, { updates }, msgId);
          this.queue.splice(0, batch.length);
          this.saved = Math.max(0, this.saved - batch.length);
          this.stored(batch);
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
