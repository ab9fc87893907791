import type { AgentState } from "@berth/core";
import type { AgentLedger, AgentRecord } from "./codec.js";

/**
 * An agent as placement and offers see it: what it registered with (the
 * generated type's absent fields filled in, once, here) and what is booked on
 * it. `offerOf` (core) turns it into what is free.
 */
export function agentStateOf(
  agentId: string,
  reg: AgentRecord["registration"],
  ledger: AgentLedger | undefined,
  schedulable: boolean,
): AgentState {
  const resources = reg?.resources ?? {};
  return {
    agentId,
    hostname: reg?.hostname ?? "",
    attributes: { ...(reg?.attributes ?? {}) },
    total: {
      cpus: resources.cpus ?? 0,
      mem: resources.mem ?? 0,
      disk: resources.disk ?? 0,
      ports: (resources.ports ?? []).map((p) => ({ begin: p.begin ?? 0, end: p.end ?? 0 })),
    },
    reservations: ledger?.reservations ?? [],
    schedulable,
  };
}

/** What all registered agents have, summed: the cluster fair shares are shares of. */
export function clusterTotal(agents: Iterable<AgentRecord>): { cpus: number; mem: number; disk: number } {
  const total = { cpus: 0, mem: 0, disk: 0 };
  for (const a of agents) {
    const t = agentStateOf("", a.registration, undefined, true).total;
    total.cpus += t.cpus;
    total.mem += t.mem;
    total.disk += t.disk;
  }
  return total;
}
