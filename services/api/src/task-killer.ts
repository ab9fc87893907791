import type { BusHandles } from "@berth/bus";
import { isTerminal, type TaskRecord } from "@berth/core";

/**
 * Marks tasks to be killed (compare-and-set on their records); the
 * launch-dispatcher sends the kill commands and, unless the app was scaled
 * down too, starts replacements.
 */
export class TaskKiller {
  constructor(private readonly bus: BusHandles<"tasks">) {}

  async kill(taskIds: readonly string[]): Promise<TaskRecord[]> {
    const out: TaskRecord[] = [];
    for (const taskId of taskIds) {
      const r = await this.bus.tasks.mutate(taskId, (cur) =>
        cur && !isTerminal(cur.state) && cur.goal !== "KILL" ? { ...cur, goal: "KILL" } : undefined,
      );
      if (r.value) out.push(r.value);
    }
    return out;
  }
}
