import { STALE_LAUNCH_AFTER_MS, staleLaunchRefusal, type TaskRecord } from "@berth/core";

/** How many ids of tasks that are over here (ended, or killed before their launch) an agent keeps. */
const REMEMBERED_OVER = 10_000;

/** Reads a task's record as the cluster holds it now. */
export type TaskRecordReader = (taskId: string) => Promise<Pick<TaskRecord, "state" | "goal"> | undefined>;

/** A record that cannot be read leaves the launch to start, as it did before the check. */
const STILL_WANTED = { state: "TASK_STAGING", goal: "RUNNING" } as const;

/**
 * Whether a launch that reached the agent starts. Not for a task that is over
 * here: ended and forgotten, or killed before its launch came (a command
 * delivered again after NATS lost its acknowledgement, or one that came after
 * its kill), as Mesos's agent drops a task killed before it was launched; the
 * latest REMEMBERED_OVER are kept, in memory (after a restart the agent's
 * reconciliation removes a container whose task the cluster has ended). Nor,
 * when the launch waited past `staleAfterMs` (its agent paused, cut off, or
 * busy), for a task the cluster has given up meanwhile (core's
 * staleLaunchRefusal): only such a launch costs a read of its record.
 */
export class LaunchAdmission {
  private readonly over = new Set<string>();

  constructor(
    /** Absent: a launch that waited starts like any other. */
    private readonly read: TaskRecordReader | undefined,
    private readonly staleAfterMs = STALE_LAUNCH_AFTER_MS,
    private readonly now: () => number = Date.now,
  ) {}

  isOver(taskId: string): boolean {
    return this.over.has(taskId);
  }

  rememberOver(taskId: string): void {
    this.over.add(taskId);
    if (this.over.size > REMEMBERED_OVER) this.over.delete(this.over.values().next().value as string);
  }

  /** Whether a launch issued then waited long enough that its task's record must be read before it starts. */
  waited(issuedAtMs: number): boolean {
    return this.read !== undefined && this.now() - Number(issuedAtMs) > this.staleAfterMs;
  }

  /** Why the task of a launch that waited should not start; undefined when the cluster still wants it. */
  async staleRefusal(taskId: string): Promise<string | undefined> {
    if (!this.read) return undefined;
    return staleLaunchRefusal(await this.read(taskId).catch(() => STILL_WANTED));
  }
}
