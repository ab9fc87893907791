import { constraintRefusal, countsByValue, fieldValue } from "./constraints.js";
import { type AgentOffer, consume, copyOffer } from "./ledger.js";
import { commandRefusal, networkRefusal } from "./networks.js";
import { countPorts, rangesContain, takePorts } from "./resources.js";

/** What one task needs from an agent. */
export interface TaskNeed {
  taskId: string;
  appId: string;
  cpus: number;
  mem: number;
  disk: number;
  portCount: number;
  requiredPorts: readonly number[];
  constraints: readonly (readonly string[])[];
  /** The Docker network the task joins ("host", "bridge", or a network's name): only an agent that offers it will do. */
  network?: string;
  /** A command task (an app without a container): only an agent with a command image will do. */
  command?: boolean;
  /** The framework that owns it (frameworkOf); absent: marathon. */
  frameworkId?: string;
  /** Only this agent will do: a framework launches on the agent whose offer it accepted. */
  agentId?: string;
}

export type MatchResult = { ok: true; agentId: string; hostname: string; ports: number[] } | { ok: false; reasons: string[] };

/** Refusals that say an agent lacks room (as against a constraint, a network, a pinned agent). */
const ROOM_REFUSALS = ["insufficient cpus", "insufficient mem", "insufficient disk", "insufficient ports", "required ports not free"];

/**
 * Whether a task left unplaced waits for room: some agent refused it only for
 * what it had free (its other reasons are of the form "<why> on k of n agents").
 * One that every agent refuses for a constraint or a network waits for no room.
 */
export function waitsForRoom(reasons: readonly string[]): boolean {
  return reasons.some((r) => ROOM_REFUSALS.some((why) => r.startsWith(`${why} on `)));
}

/** Why an agent cannot take a task, or undefined when it can. */
export function refusal(
  need: TaskNeed,
  offer: AgentOffer,
  all: readonly AgentOffer[],
  counts: (field: string) => Map<string, number> = memoCounts(all, need.appId),
): string | undefined {
  if (need.agentId !== undefined && need.agentId !== offer.agentId) return "not the agent asked for";
  const f = offer.free;
  if (f.cpus < need.cpus) return "insufficient cpus";
  if (f.mem < need.mem) return "insufficient mem";
  if (f.disk < need.disk) return "insufficient disk";
  if (need.requiredPorts.length > 0) {
    if (!need.requiredPorts.every((p) => rangesContain(f.ports, p))) return "required ports not free";
  } else if (countPorts(f.ports) < need.portCount) return "insufficient ports";
  if (need.network !== undefined) {
    const why = networkRefusal(need.network, offer);
    if (why) return why;
  }
  if (need.command) {
    const why = commandRefusal(offer);
    if (why) return why;
  }
  for (const c of need.constraints) {
    const why = constraintRefusal(c, need.appId, offer, all, counts);
    if (why) return why;
  }
  return undefined;
}

/** Agents this placer should use first (its own share of the cluster, when several placers share it). */
export type Preferred = (agentId: string) => boolean;

/**
 * How many agents that fit are enough to choose among: every agent in a small
 * cluster, a tenth of a big one (at least 100). As Kubernetes' scheduler does
 * with percentageOfNodesToScore, a big cluster is not searched whole for every
 * task; the search starts at a different agent for each task, so the tasks of
 * a batch still spread over all of them.
 */
export function enoughCandidates(agents: number): number {
  return Math.max(100, Math.ceil(agents / 10));
}

/**
 * Picks an agent for one task: among the agents that fit (enough of them, from
 * `start` on), the one with fewest tasks of the same app (spread), then a
 * preferred one, then the most free cpus, then the lowest id, so the choice is
 * deterministic. When none fits, every agent was asked, and the reasons list
 * how many refused, and why.
 */
export function matchTask(
  need: TaskNeed,
  offers: readonly AgentOffer[],
  counts = new AppCounts(offers, need.appId),
  preferred: Preferred = () => true,
  start = 0,
): MatchResult {
  let best: AgentOffer | undefined;
  const refusals = new Map<string, number>();
  const enough = enoughCandidates(offers.length);
  let fitting = 0;
  for (let k = 0; k < offers.length && fitting < enough; k++) {
    const offer = offers[(start + k) % offers.length] as AgentOffer;
    const why = refusal(need, offer, offers, counts.of);
    if (why) {
      refusals.set(why, (refusals.get(why) ?? 0) + 1);
      continue;
    }
    fitting++;
    if (!best || better(offer, best, need.appId, preferred)) best = offer;
  }
  if (!best) {
    if (offers.length === 0) return { ok: false, reasons: ["no agents are registered and healthy"] };
    return {
      ok: false,
      reasons: [...refusals]
        .sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : 1))
        .map(([why, n]) => `${why} on ${n} of ${offers.length} agent${offers.length === 1 ? "" : "s"}`),
    };
  }
  const ports = need.requiredPorts.length > 0 ? [...need.requiredPorts] : takePorts(best.free.ports, need.portCount);
  if (!ports) return { ok: false, reasons: ["insufficient ports"] };
  return { ok: true, agentId: best.agentId, hostname: best.hostname, ports };
}

function memoCounts(offers: readonly AgentOffer[], appId: string): (field: string) => Map<string, number> {
  return new AppCounts(offers, appId).of;
}

/**
 * One app's task counts by the value of each constraint field, over all
 * offers: worked out once per field, then kept current as tasks of the app are
 * placed, so a batch does not count the whole cluster again for every task.
 */
class AppCounts {
  private readonly memo = new Map<string, Map<string, number>>();

  constructor(
    private readonly offers: readonly AgentOffer[],
    private readonly appId: string,
  ) {}

  readonly of = (field: string): Map<string, number> => {
    let m = this.memo.get(field);
    if (!m) this.memo.set(field, (m = countsByValue(this.offers, this.appId, field)));
    return m;
  };

  /** One more task of the app on `offer`. */
  placedOn(offer: AgentOffer): void {
    for (const [field, m] of this.memo) {
      const v = fieldValue(offer, field);
      if (v !== undefined) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
}

function better(a: AgentOffer, b: AgentOffer, appId: string, preferred: Preferred): boolean {
  const ca = a.appTaskCounts.get(appId) ?? 0;
  const cb = b.appTaskCounts.get(appId) ?? 0;
  if (ca !== cb) return ca < cb;
  const pa = preferred(a.agentId);
  if (pa !== preferred(b.agentId)) return pa;
  if (a.free.cpus !== b.free.cpus) return a.free.cpus > b.free.cpus;
  return a.agentId < b.agentId;
}

/**
 * Places a batch in order; each placement is taken out of the batch's own copy
 * of its agent's offer before the next task is matched, so the offers given
 * are left as they were (a caller may keep them for the next batch).
 */
export function matchTasks(needs: readonly TaskNeed[], offers: readonly AgentOffer[], preferred?: Preferred): Map<string, MatchResult> {
  const results = new Map<string, MatchResult>();
  const work = offers.slice();
  // With a share, its agents are tried alone first (matching looks at a fraction of the cluster), then all.
  const own = preferred ? work.filter((o) => preferred(o.agentId)) : [];
  /** Where each agent's offer is in `work` and in `own` (-1: not there), and whether it is this batch's copy yet. */
  const where = new Map<string, { inWork: number; inOwn: number; copied: boolean }>();
  work.forEach((o, i) => where.set(o.agentId, { inWork: i, inOwn: -1, copied: false }));
  own.forEach((o, j) => {
    const w = where.get(o.agentId);
    if (w) w.inOwn = j;
  });
  const countsByApp = new Map<string, AppCounts>();
  let searched = 0;
  for (const need of needs) {
    let counts = countsByApp.get(need.appId);
    if (!counts) countsByApp.set(need.appId, (counts = new AppCounts(work, need.appId)));
    const start = searched++ * 37; // a different place in the list for each task
    let r = own.length > 0 ? matchTask(need, own, counts, undefined, start) : undefined;
    if (!r?.ok) r = matchTask(need, work, counts, preferred, start);
    results.set(need.taskId, r);
    const at = r.ok ? where.get(r.agentId) : undefined;
    if (r.ok && at) {
      if (!at.copied) {
        const copy = copyOffer(work[at.inWork] as AgentOffer);
        work[at.inWork] = copy;
        if (at.inOwn >= 0) own[at.inOwn] = copy;
        at.copied = true;
      }
      const offer = work[at.inWork] as AgentOffer;
      consume(offer, need, r.ports);
      counts.placedOn(offer);
    }
  }
  return results;
}
