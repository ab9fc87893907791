import type { Bus, StatusUpdate } from "@berth/bus";
import { isTerminal, release } from "@berth/core";
import type { Logger } from "@berth/runtime";

/** Frees a task's booking once the task has ended; a repeated or late update changes nothing. */
export async function releaseOnTerminal(bus: Bus, update: StatusUpdate, log: Logger): Promise<void> {
  if (!isTerminal(update.state)) return;
  const r = await bus.ledger.mutate(update.agentId, (cur) => {
    if (!cur) return undefined;
    const reservations = cur.reservations ?? [];
    if (!reservations.some((x) => x.taskId === update.taskId)) return undefined;
    return { agentId: update.agentId, reservations: release(reservations, update.taskId) };
  });
  if (r.changed) log.debug({ taskId: update.taskId, agentId: update.agentId }, "released resources");
}
