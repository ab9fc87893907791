import type { TaskRecord } from "@berth/core";
import type { KvCache } from "./kv-cache.js";

/** Called with a task's record before and after a change; `undefined` when it did not exist or was removed. */
export type TaskChangeListener = (before: TaskRecord | undefined, after: TaskRecord | undefined) => void;

/**
 * A task cache's records grouped by app, kept current from the cache's
 * changes, so answering one app's tasks never scans every task. It holds
 * the records `owns` accepts (a scheduler's own tasks) and no others. Build
 * it before the cache starts, so it sees every record.
 */
export class TasksByApp {
  private readonly byApp = new Map<string, Map<string, TaskRecord>>();
  private readonly appOfTask = new Map<string, string>();
  private readonly listeners: TaskChangeListener[] = [];

  constructor(cache: KvCache<TaskRecord>, owns: (t: TaskRecord) => boolean = () => true) {
    cache.onChange((taskId, entry) => this.apply(taskId, entry && owns(entry.value) ? entry.value : undefined));
  }

  /** One app's tasks, in no particular order. */
  of(appId: string): TaskRecord[] {
    return [...(this.byApp.get(appId)?.values() ?? [])];
  }

  /** Every app that has at least one task. */
  appIds(): IterableIterator<string> {
    return this.byApp.keys();
  }

  onChange(listener: TaskChangeListener): void {
    this.listeners.push(listener);
  }

  private apply(taskId: string, after: TaskRecord | undefined): void {
    const appId = this.appOfTask.get(taskId);
    let before: TaskRecord | undefined;
    if (appId !== undefined) {
      const m = this.byApp.get(appId);
      before = m?.get(taskId);
      if (m?.delete(taskId) && m.size === 0) this.byApp.delete(appId);
      this.appOfTask.delete(taskId);
    }
    if (after) {
      this.appOfTask.set(taskId, after.appId);
      const m = this.byApp.get(after.appId) ?? new Map<string, TaskRecord>();
      m.set(taskId, after);
      this.byApp.set(after.appId, m);
    }
    for (const l of this.listeners) l(before, after);
  }
}
