import type { AgentLedger, BusHandles, KvCache } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/** A booking younger than this may belong to a task whose record is being written. */
const GRACE_MS = 60_000;

/**
 * Releases bookings whose task no longer exists: a launch that died between
 * placement and its task record, or a task forgotten while its agent was
 * unreachable. Without this, such resources would stay booked for ever.
 */
export async function releaseOrphanBookings(
  bus: BusHandles<"ledger">,
  ledgers: KvCache<AgentLedger>,
  /** Which tasks exist. */
  tasks: { get(taskId: string): unknown },
  now: number,
  log: Logger,
): Promise<number> {
  let released = 0;
  for (const [agentId, { value }] of ledgers.entriesList()) {
    const stale = value.reservations.filter((r) => !tasks.get(r.taskId) && now - Number(r.reservedAtMs) > GRACE_MS).map((r) => r.taskId);
    if (stale.length === 0) continue;
    const r = await bus.ledger.mutate(agentId, (cur) => {
      if (!cur) return undefined;
      const kept = cur.reservations.filter((x) => !stale.includes(x.taskId) || tasks.get(x.taskId));
      return kept.length === cur.reservations.length ? undefined : { agentId, reservations: kept };
    });
    if (r.changed) {
      released += stale.length;
      log.info({ agentId, tasks: stale }, "released bookings of tasks that no longer exist");
    }
  }
  return released;
}
