import { type PortRange, type Resources, roundResource, subtractPorts } from "./resources.js";

/** One booking of resources on an agent for a task. */
export interface Reservation {
  taskId: string;
  appId: string;
  cpus: number;
  mem: number;
  disk: number;
  ports: number[];
  reservedAtMs: number;
  /** The framework that owns the task (frameworkOf); absent in bookings of earlier versions: marathon. */
  frameworkId?: string;
}

export interface AgentOffer {
  agentId: string;
  hostname: string;
  attributes: Record<string, string>;
  free: Resources;
  /** How many tasks of each app the agent holds: what constraints are judged on. */
  appTaskCounts: Map<string, number>;
}

export interface AgentState {
  agentId: string;
  hostname: string;
  attributes: Record<string, string>;
  total: Resources;
  reservations: readonly Reservation[];
  /** Unhealthy or unreachable agents get no offers. */
  schedulable: boolean;
}

/** What is free on an agent: its total less every reservation. */
export function offerOf(agent: AgentState): AgentOffer {
  let cpus = agent.total.cpus;
  let mem = agent.total.mem;
  let disk = agent.total.disk;
  const ports: number[] = [];
  const appTaskCounts = new Map<string, number>();
  for (const r of agent.reservations) {
    cpus -= r.cpus;
    mem -= r.mem;
    disk -= r.disk;
    ports.push(...r.ports);
    appTaskCounts.set(r.appId, (appTaskCounts.get(r.appId) ?? 0) + 1);
  }
  const freePorts: PortRange[] = subtractPorts(agent.total.ports, ports);
  return {
    agentId: agent.agentId,
    hostname: agent.hostname,
    attributes: agent.attributes,
    free: { cpus: roundResource(cpus), mem: roundResource(mem), disk: roundResource(disk), ports: freePorts },
    appTaskCounts,
  };
}

/** Adds a reservation unless the task already has one (idempotent); returns the new list. */
export function reserve(reservations: readonly Reservation[], r: Reservation): Reservation[] {
  return reservations.some((x) => x.taskId === r.taskId) ? [...reservations] : [...reservations, r];
}

/** Removes a task's reservation if present (idempotent). */
export function release(reservations: readonly Reservation[], taskId: string): Reservation[] {
  return reservations.filter((r) => r.taskId !== taskId);
}

/** An offer that `consume` can change without changing this one (it replaces the port list, never edits it). */
export function copyOffer(offer: AgentOffer): AgentOffer {
  return { ...offer, free: { ...offer.free }, appTaskCounts: new Map(offer.appTaskCounts) };
}

/** Takes a placed task out of an offer, so the next task in a batch sees what is left. */
export function consume(offer: AgentOffer, need: { appId: string; cpus: number; mem: number; disk: number }, ports: number[]): void {
  offer.free.cpus = roundResource(offer.free.cpus - need.cpus);
  offer.free.mem = roundResource(offer.free.mem - need.mem);
  offer.free.disk = roundResource(offer.free.disk - need.disk);
  offer.free.ports = subtractPorts(offer.free.ports, ports);
  offer.appTaskCounts.set(need.appId, (offer.appTaskCounts.get(need.appId) ?? 0) + 1);
}
