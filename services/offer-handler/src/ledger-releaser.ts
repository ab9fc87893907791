import type { AgentLedger, BusHandles, KvCache } from "@berth/bus";
import { isTerminal, release, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";

/**
 * Frees a task's booking once its record says it ended. Driven by the task
 * records (every change of which the offer-handler follows), and read against
 * the ledgers it follows, so the common case, a change of a task that is not
 * ending or whose booking is already gone, costs no request at all. Seeing the
 * same ended task again changes nothing.
 */
export async function releaseIfEnded(
  bus: BusHandles<"ledger">,
  ledgers: KvCache<AgentLedger>,
  task: TaskRecord,
  log: Logger,
): Promise<void> {
  if (!isTerminal(task.state)) return;
  const booked = (l: AgentLedger | undefined) => (l?.reservations ?? []).some((x) => x.taskId === task.taskId);
  if (!booked(ledgers.get(task.agentId)?.value)) return;
  const r = await bus.ledger.mutate(task.agentId, (cur) =>
    cur && booked(cur) ? { agentId: task.agentId, reservations: release(cur.reservations, task.taskId) } : undefined,
  );
  if (r.changed) log.debug({ taskId: task.taskId, agentId: task.agentId }, "released resources");
}
