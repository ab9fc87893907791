import { Checker } from "./checker.js";
import type { ValidationDetail } from "./errors.js";
import { teamOf } from "./app-id.js";
import { type Framework, frameworkOf, isMarathonTask, MARATHON_FRAMEWORK_ID, type RoleClaim, weightedDominantShare } from "./framework.js";
import type { Reservation } from "./ledger.js";
import { roundResource } from "./resources.js";

/**
 * Roles' weights, set by the admin: a role with weight 2 is served as if it
 * held half of what it holds, so it gets about twice the share of a role of
 * weight 1 when frameworks compete for the agents. A role not named weighs 1.
 */
export interface RoleWeights {
  weights: Record<string, number>;
}

export const DEFAULT_ROLE_WEIGHT = 1;
export const MAX_ROLE_WEIGHT = 1_000;
const ROLE_NAME = /^(\*|[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,127})$/;

export function weightOf(w: RoleWeights | undefined, role: string): number {
  return w?.weights[role] ?? DEFAULT_ROLE_WEIGHT;
}

/** Whether a role name is one a weight may be set for: `*`, or letters, digits, `_ . - /` (not `.`, `..`, nor a leading `-`). */
export function isRoleName(role: string): boolean {
  return ROLE_NAME.test(role) && role !== "." && role !== ".." && !role.includes("//") && !role.endsWith("/");
}

/** Reads `{"weight": n}` for a role, as the admin sends it. */
export function parseRoleWeight(role: string, raw: unknown): { ok: true; weight: number } | { ok: false; details: ValidationDetail[] } {
  const c = new Checker();
  if (!isRoleName(role))
    c.fail("/role", "a role is '*' or up to 128 letters, digits and '_', '.', '-', '/', not starting with '-', '.' or '/'");
  const input = c.object("/", raw);
  let weight: number | undefined;
  if (input) {
    for (const key of Object.keys(input)) if (key !== "weight" && key !== "role") c.fail(`/${key}`, "is not a field of a role's weight");
    if (input.role !== undefined && input.role !== role) c.fail("/role", `does not match the role in the path ('${role}')`);
    weight = c.number("/weight", input.weight, { exclusiveMin: 0, max: MAX_ROLE_WEIGHT });
  }
  return c.ok && weight !== undefined ? { ok: true, weight } : { ok: false, details: c.details };
}

/** The weights with one role's set (or, with `weight` undefined, back to the default). */
export function withWeight(w: RoleWeights | undefined, role: string, weight: number | undefined): RoleWeights {
  const weights = { ...(w?.weights ?? {}) };
  if (weight === undefined || weight === DEFAULT_ROLE_WEIGHT) delete weights[role];
  else weights[role] = weight;
  return { weights };
}

/**
 * The role a team's Marathon tasks count in. Marathon serves every team, so
 * a role is (team, framework): each team's apps are a role of their own,
 * weighed and shared like any framework's.
 */
export function marathonRole(team: string): string {
  return `${team}/marathon`;
}

/**
 * Each role's claim for fair order, from the frameworks that hold its share
 * and every booking: what its tasks hold, summed, and its weight. Every
 * framework's role is there, holding nothing or not; Marathon's tasks count
 * in their team's `marathonRole`.
 */
export function roleClaims(
  frameworks: Iterable<Pick<Framework, "id" | "role">>,
  bookings: Iterable<Reservation>,
  weights: RoleWeights | undefined,
): Map<string, RoleClaim & { frameworks: string[] }> {
  const claims = new Map<string, RoleClaim & { frameworks: string[] }>();
  const claimOf = (role: string) => {
    const c = claims.get(role) ?? { role, weight: weightOf(weights, role), used: { cpus: 0, mem: 0, disk: 0 }, frameworks: [] };
    claims.set(role, c);
    return c;
  };
  const roleOf = new Map<string, string>();
  for (const f of frameworks) {
    if (f.id === MARATHON_FRAMEWORK_ID) continue;
    roleOf.set(f.id, f.role);
    claimOf(f.role).frameworks.push(f.id);
  }
  for (const b of bookings) {
    const marathon = isMarathonTask(b);
    const role = marathon ? marathonRole(teamOf(b.appId)) : roleOf.get(frameworkOf(b));
    if (role === undefined) continue;
    const c = claimOf(role);
    if (marathon && c.frameworks.length === 0) c.frameworks.push(MARATHON_FRAMEWORK_ID);
    c.used = {
      cpus: roundResource(c.used.cpus + b.cpus),
      mem: roundResource(c.used.mem + b.mem),
      disk: roundResource(c.used.disk + b.disk),
    };
  }
  return claims;
}

/** Whether some other role holds a lower weighted dominant share than `claim`'s: it is owed room first. */
export function someRoleBelow(claim: RoleClaim, others: Iterable<RoleClaim>, total: { cpus: number; mem: number; disk: number }): boolean {
  const mine = weightedDominantShare(claim, total);
  for (const o of others) if (o.role !== claim.role && weightedDominantShare(o, total) < mine) return true;
  return false;
}

/**
 * The Marathon roles whose launches waiting for room would fit in what is
 * free on an agent: in a split of that agent they are owed a part like any
 * framework, which no framework is offered.
 */
export function marathonRolesFitting(
  waiting: Iterable<{ appId: string; forRoom?: number; each?: { cpus: number; mem: number; disk: number } }>,
  free: { cpus: number; mem: number; disk: number },
): string[] {
  const roles = new Set<string>();
  for (const q of waiting) {
    const each = q.each;
    if ((q.forRoom ?? 0) > 0 && each && each.cpus <= free.cpus && each.mem <= free.mem && each.disk <= free.disk) {
      roles.add(marathonRole(teamOf(q.appId)));
    }
  }
  return [...roles];
}

/**
 * The Marathon role a launch of `claim`'s role (holding `need`) is owed
 * behind, if any: one whose launches wait for room, would fit on some agent
 * in what is free there plus what this launch would take (the room this
 * launch finds is room they could use, though the caller's view of what is
 * free may lag), and hold a lower weighted dominant share of the cluster.
 * The dispatcher's fair round serves that role first; a job run's launch
 * waits for it (for a bounded while: the caller's).
 */
export function marathonRoleOwedFirst(
  claim: RoleClaim,
  need: { cpus: number; mem: number; disk: number },
  claims: ReadonlyMap<string, RoleClaim>,
  waiting: Iterable<{ appId: string; forRoom?: number; each?: { cpus: number; mem: number; disk: number } }>,
  freeOnAgents: Iterable<{ cpus: number; mem: number; disk: number }>,
  total: { cpus: number; mem: number; disk: number },
  weights: RoleWeights | undefined,
): string | undefined {
  const mine = weightedDominantShare(claim, total);
  const queued = [...waiting];
  const fitting = new Set<string>();
  for (const free of freeOnAgents) {
    const room = { cpus: free.cpus + need.cpus, mem: free.mem + need.mem, disk: free.disk + need.disk };
    for (const role of marathonRolesFitting(queued, room)) fitting.add(role);
  }
  for (const role of [...fitting].sort()) {
    if (role === claim.role) continue;
    const c = claims.get(role) ?? { role, weight: weightOf(weights, role), used: { cpus: 0, mem: 0, disk: 0 } };
    if (weightedDominantShare(c, total) < mine) return role;
  }
  return undefined;
}
