import { type RoleClaim, weightedDominantShare } from "./framework.js";
import { countPorts, type PortRange, rangesContain, type Resources, roundResource, subtractPorts } from "./resources.js";

type Scalars = { cpus: number; mem: number; disk: number };

/** A framework that wants an agent's free resources, with its role's claim. */
export interface SplitClaim extends RoleClaim {
  frameworkId: string;
}

/** One framework's part of an agent's free resources: what its offer says. */
export interface OfferPart {
  frameworkId: string;
  resources: Resources;
}

/**
 * Splits an agent's free resources among the frameworks that want them,
 * fairly by their roles: each resource (cpus, mem, disk) is poured into the
 * roles holding the smallest weighted share of it first, until their shares
 * of it are level or it runs out (water-filling, resource by resource: a
 * proportional slice of everything would count a framework as taking all
 * the free memory of an agent whose memory is plentiful). So a role far
 * below the others gets all of it; roles at the same share get parts in
 * proportion to their weights; a role above the level gets none of it this
 * round. Frameworks of one role share its part equally. A part too small for
 * `smallest` goes to no one, and the rest is split again among the others,
 * so what is offered can be used. Ports go with the cpus.
 */
export function splitOffer(claims: readonly SplitClaim[], free: Resources, total: Scalars, smallest: Scalars): OfferPart[] {
  let wanting = [...claims];
  for (;;) {
    const fractions = roleFractions(wanting, free, total);
    const parts = wanting.map((c) => ({ claim: c, frameworkId: c.frameworkId, fraction: fractions.get(c.role) ?? NONE }));
    const given = parts.filter((p) => p.fraction.cpus > 0 || p.fraction.mem > 0 || p.fraction.disk > 0);
    const tooSmall = given.filter((p) => !fits(scaled(free, p.fraction), smallest));
    if (tooSmall.length === 0) return portioned(free, given);
    // Leave out the framework whose part is smallest (of those, the one holding most), then split again.
    const share = (c: SplitClaim) => weightedDominantShare(c, total);
    const least = tooSmall.reduce((a, b) =>
      b.fraction.cpus < a.fraction.cpus || (b.fraction.cpus === a.fraction.cpus && share(b.claim) >= share(a.claim)) ? b : a,
    );
    wanting = wanting.filter((c) => c.frameworkId !== least.frameworkId);
  }
}

const RESOURCES = ["cpus", "mem", "disk"] as const;
const NONE: Scalars = { cpus: 0, mem: 0, disk: 0 };

/** Each role's fraction of each free resource, and (within it) each of its frameworks' equal share. */
function roleFractions(claims: readonly SplitClaim[], free: Scalars, total: Scalars): Map<string, Scalars> {
  const roles = new Map<string, { claim: RoleClaim; frameworks: number }>();
  for (const c of claims) {
    const r = roles.get(c.role);
    roles.set(c.role, { claim: c, frameworks: (r?.frameworks ?? 0) + 1 });
  }
  const out = new Map<string, Scalars>([...roles.keys()].map((role) => [role, { ...NONE }]));
  for (const r of RESOURCES) {
    if (total[r] <= 0 || free[r] <= 0) continue;
    const amount = free[r] / total[r];
    const filled = waterFill(
      [...roles.values()].map(({ claim }) => ({
        role: claim.role,
        share: claim.used[r] / total[r] / (claim.weight > 0 ? claim.weight : 1),
        weight: claim.weight > 0 ? claim.weight : 1,
      })),
      amount,
    );
    for (const [role, fraction] of filled) out.get(role)![r] = fraction / roles.get(role)!.frameworks;
  }
  return out;
}

/**
 * Water-filling of `amount` (of one resource, as a share of the cluster's)
 * into roles by their weighted shares: the level L the lowest k roles reach
 * together, where the sum over them of (L - share) x weight is the amount.
 * Each role's fraction of the amount.
 */
function waterFill(levels: { role: string; share: number; weight: number }[], amount: number): Map<string, number> {
  const sorted = [...levels].sort((a, b) => a.share - b.share || (a.role < b.role ? -1 : 1));
  let level = 0;
  let k = 0;
  for (let sumW = 0, sumSW = 0; k < sorted.length; k++) {
    const next = sorted[k]!;
    if (k > 0 && level <= next.share) break;
    sumW += next.weight;
    sumSW += next.share * next.weight;
    level = (amount + sumSW) / sumW;
  }
  const out = new Map<string, number>();
  for (const r of sorted.slice(0, k)) {
    const fraction = ((level - r.share) * r.weight) / amount;
    if (fraction > 0) out.set(r.role, fraction);
  }
  return out;
}

function scaled(free: Scalars, fraction: Scalars): Scalars {
  return {
    cpus: Math.floor(free.cpus * fraction.cpus * 1000) / 1000,
    mem: Math.floor(free.mem * fraction.mem),
    disk: Math.floor(free.disk * fraction.disk),
  };
}

function fits(have: Scalars, need: Scalars): boolean {
  return have.cpus >= need.cpus && have.mem >= need.mem && have.disk >= need.disk;
}

/** The parts' resources: scalars by fraction (rounded down), and the agent's ports cut into consecutive runs by fraction. */
function portioned(free: Resources, parts: readonly { frameworkId: string; fraction: Scalars }[]): OfferPart[] {
  if (parts.length === 1) return [{ frameworkId: parts[0]!.frameworkId, resources: free }];
  const ports = free.ports.flatMap((r) => Array.from({ length: r.end - r.begin + 1 }, (_, i) => r.begin + i));
  let next = 0;
  return parts.map((p, i) => {
    const count = i === parts.length - 1 ? ports.length - next : Math.floor(countPorts(free.ports) * p.fraction.cpus);
    const mine = ports.slice(next, next + count);
    next += count;
    const s = scaled(free, p.fraction);
    return {
      frameworkId: p.frameworkId,
      resources: { cpus: roundResource(s.cpus), mem: s.mem, disk: s.disk, ports: rangesOf(mine) },
    };
  });
}

function rangesOf(ports: readonly number[]): PortRange[] {
  const out: PortRange[] = [];
  for (const p of ports) {
    const last = out[out.length - 1];
    if (last && last.end === p - 1) last.end = p;
    else out.push({ begin: p, end: p });
  }
  return out;
}

/** What several offers of one agent give together: a launch may use them as one. */
export function offeredTogether(parts: readonly Resources[]): Resources {
  return {
    cpus: roundResource(parts.reduce((n, p) => n + p.cpus, 0)),
    mem: roundResource(parts.reduce((n, p) => n + p.mem, 0)),
    disk: roundResource(parts.reduce((n, p) => n + p.disk, 0)),
    ports: parts.flatMap((p) => p.ports),
  };
}

/** What a task launched from offers holds: its scalars, and the host ports it names. */
export interface OfferedNeed extends Scalars {
  requiredPorts: readonly number[];
}

/** Why a task does not fit what its offers have left (its TASK_ERROR message, as a Mesos master words it), or undefined. */
export function beyondOffers(need: OfferedNeed, left: Resources): string | undefined {
  const missing = need.requiredPorts.filter((p) => !rangesContain(left.ports, p));
  if (missing.length > 0) return `Task uses ports the offers do not have (left): ${missing.join(", ")}`;
  if (fits(left, need)) return undefined;
  const say = (r: Scalars) => `cpus ${roundResource(r.cpus)}, mem ${roundResource(r.mem)}, disk ${roundResource(r.disk)}`;
  return `Task uses more resources (${say(need)}) than its offers have left (${say(left)})`;
}

/** What the offers have left once a task took its part. */
export function afterTaking(left: Resources, need: OfferedNeed): Resources {
  return {
    cpus: roundResource(left.cpus - need.cpus),
    mem: roundResource(left.mem - need.mem),
    disk: roundResource(left.disk - need.disk),
    ports: subtractPorts(left.ports, need.requiredPorts),
  };
}
