/**
 * Status updates a framework has not acknowledged yet, and when each is told
 * again: as Mesos's agents do, an update is resent until the framework
 * acknowledges it, after 10 s at first, then twice as long each time, at most
 * 10 minutes apart; a framework that subscribes again is told at once every
 * update it has not acknowledged. Only a task's latest update waits: a newer
 * one takes its place.
 */

export const UPDATE_RETRY_MIN_MS = 10_000;
export const UPDATE_RETRY_MAX_MS = 600_000;

export interface UnackedUpdate {
  frameworkId: string;
  /** The update's state and sequence, as `${state}:${sequence}`: what makes it new. */
  key: string;
  /** The uuid its acknowledgement must carry. */
  uuid: string;
  /** When it was last sent; 0 when never (its framework had no stream). */
  sentAtMs: number;
  attempts: number;
}

/** How long after its `attempts`-th sending an update is sent again. */
export function updateRetryDelayMs(attempts: number, minMs = UPDATE_RETRY_MIN_MS): number {
  return Math.min(minMs * 2 ** Math.max(0, attempts - 1), Math.max(minMs, UPDATE_RETRY_MAX_MS));
}

export class UnackedUpdates {
  private readonly byTask = new Map<string, UnackedUpdate>();

  constructor(private readonly minRetryMs = UPDATE_RETRY_MIN_MS) {}

  /**
   * Notes a task's update; true when it is new (not the one already waiting).
   * `sent`: whether it went out now (its framework has a stream).
   */
  note(taskId: string, u: Omit<UnackedUpdate, "sentAtMs" | "attempts">, sent: boolean, nowMs: number): boolean {
    if (this.byTask.get(taskId)?.key === u.key) return false;
    this.byTask.set(taskId, { ...u, sentAtMs: sent ? nowMs : 0, attempts: sent ? 1 : 0 });
    return true;
  }

  /** An acknowledgement: true when it was for the update waiting (which then waits no longer). */
  acknowledge(taskId: string, uuid: unknown): boolean {
    if (this.byTask.get(taskId)?.uuid !== uuid) return false;
    this.byTask.delete(taskId);
    return true;
  }

  /** Updates to send again now, of frameworks that have a stream: their retry time has come, or they were never sent. */
  due(nowMs: number, hasStream: (frameworkId: string) => boolean): string[] {
    const out: string[] = [];
    for (const [taskId, u] of this.byTask) {
      if (!hasStream(u.frameworkId)) continue;
      if (u.attempts === 0 || nowMs - u.sentAtMs >= updateRetryDelayMs(u.attempts, this.minRetryMs)) out.push(taskId);
    }
    return out;
  }

  /** Every update waiting for a framework, to tell it at once when it subscribes again. */
  of(frameworkId: string): string[] {
    return [...this.byTask].filter(([, u]) => u.frameworkId === frameworkId).map(([taskId]) => taskId);
  }

  sent(taskId: string, nowMs: number): void {
    const u = this.byTask.get(taskId);
    if (u) this.byTask.set(taskId, { ...u, sentAtMs: nowMs, attempts: u.attempts + 1 });
  }

  /** The task is gone (its record removed): nothing of it waits. */
  forget(taskId: string): void {
    this.byTask.delete(taskId);
  }
}
