import type { Principal } from "./access.js";
import type { Reservation } from "./ledger.js";
import { roundResource } from "./resources.js";
import { bookQuota, type Quota, type QuotaLedger, type Usage } from "./team.js";

/**
 * Frameworks: the schedulers that share the agents. Every task and booking
 * names the one that owns it; Marathon's apps belong to `marathon`, built in.
 * A scheduler plans only its own tasks, so a second one's tasks are never
 * taken for strays.
 */

/** The framework Berth's Marathon API schedules for: the owner of every app's tasks. */
export const MARATHON_FRAMEWORK_ID = "marathon";

/** active: subscribed; inactive: gone, its tasks live on until its failover timeout; completed: torn down. */
export type FrameworkState = "active" | "inactive" | "completed";

export interface Framework {
  id: string;
  name: string;
  /** The team it acts for; empty for one that acts for every team (marathon). */
  team: string;
  /** Its role: the share of the cluster fair sharing counts it in. */
  role: string;
  /** How long its tasks live on while it is gone before they are killed; 0: killed at once. */
  failoverTimeoutSeconds: number;
  state: FrameworkState;
  /** SUPPRESSed: it wants no offers until it REVIVEs (an active framework without it wants them). */
  suppressed?: boolean;
  /**
   * The Mesos capabilities Berth honours that it declared when it last subscribed (PARTITION_AWARE,
   * TASK_KILLING_STATE): they change which task states it is told (core `stateToldTo`).
   */
  capabilities?: string[];
  /** Scheduled by a Berth service (the job scheduler), not by a subscribed framework: it never fails over. */
  builtIn?: boolean;
  registeredAtMs: number;
  /** When it was last seen subscribed (or its state last changed). */
  updatedAtMs: number;
}

/**
 * How long after a framework completed its task records are still followed by
 * the scheduler-api (its kills' ends come in, its records are tidied); after,
 * a cluster where short-lived frameworks come and go (a Spark driver each)
 * does not follow them for ever.
 */
export const COMPLETED_FRAMEWORK_FOLLOWED_MS = 10 * 60_000;

/**
 * The key filters of the task records the scheduler-api follows: every
 * framework's (`<frameworkId>.<taskId>`) but Marathon's, a completed one's
 * until COMPLETED_FRAMEWORK_FOLLOWED_MS after it completed.
 */
export function frameworkTaskKeys(frameworks: Iterable<Pick<Framework, "id" | "state" | "updatedAtMs">>, nowMs: number): string[] {
  const keys: string[] = [];
  for (const f of frameworks) {
    if (f.id === MARATHON_FRAMEWORK_ID) continue;
    if (f.state === "completed" && nowMs - f.updatedAtMs > COMPLETED_FRAMEWORK_FOLLOWED_MS) continue;
    keys.push(`${f.id}.>`);
  }
  return keys;
}

/** The framework that owns a task or a booking; records and bookings of earlier versions name none and are marathon's. */
export function frameworkOf(x: { frameworkId?: string | null }): string {
  return x.frameworkId || MARATHON_FRAMEWORK_ID;
}

export function isMarathonTask(x: { frameworkId?: string | null }): boolean {
  return frameworkOf(x) === MARATHON_FRAMEWORK_ID;
}

/** Marathon as the registry holds it: always there, shared by every team. */
export function marathonFramework(nowMs: number): Framework {
  return {
    id: MARATHON_FRAMEWORK_ID,
    name: "marathon",
    team: "",
    role: "*",
    failoverTimeoutSeconds: 0,
    state: "active",
    registeredAtMs: nowMs,
    updatedAtMs: nowMs,
  };
}

/** Whether a principal may see a framework: the admin every one, a team its own and the shared ones. */
export function frameworkVisibleTo(f: Pick<Framework, "team">, p: Principal): boolean {
  return p.role === "admin" || f.team === "" || f.team === p.team;
}

/** What a framework holds: the sum of its bookings. */
export interface FrameworkUsage {
  cpus: number;
  mem: number;
  disk: number;
  tasks: number;
}

/** Reservations summed by the key each is given (its framework, its team). */
export function usageBy(reservations: Iterable<Reservation>, keyOf: (r: Reservation) => string): Map<string, FrameworkUsage> {
  const out = new Map<string, FrameworkUsage>();
  for (const r of reservations) {
    const id = keyOf(r);
    const u = out.get(id) ?? { cpus: 0, mem: 0, disk: 0, tasks: 0 };
    out.set(id, {
      cpus: roundResource(u.cpus + r.cpus),
      mem: roundResource(u.mem + r.mem),
      disk: roundResource(u.disk + r.disk),
      tasks: u.tasks + 1,
    });
  }
  return out;
}

/** Bookings summed by the framework that owns each (frameworkOf), rounded as resources are. */
export function usageByFramework(reservations: Iterable<Reservation>): Map<string, FrameworkUsage> {
  return usageBy(reservations, frameworkOf);
}

/** The entry a team's quota ledger counts a framework's tasks under: where they live (`appId`), marked, so no app's key is taken. */
export function frameworkEntry(appId: string): string {
  return `${appId} (framework)`;
}

/**
 * A team's holding: its apps' bookings (its quota ledger) and, beside them,
 * its frameworks' tasks' bookings on the agents, each framework one entry
 * (frameworkEntry). Marathon's bookings are its apps', counted by the ledger.
 */
export function ledgerWithFrameworks(apps: QuotaLedger | undefined, teamBookings: Iterable<Reservation>): QuotaLedger {
  const out: Record<string, Usage> = { ...(apps?.apps ?? {}) };
  for (const r of teamBookings) {
    if (isMarathonTask(r)) continue;
    const key = frameworkEntry(r.appId);
    const u = out[key] ?? { cpus: 0, mem: 0, disk: 0, instances: 0 };
    out[key] = {
      cpus: roundResource(u.cpus + r.cpus),
      mem: roundResource(u.mem + r.mem),
      disk: roundResource(u.disk + r.disk),
      instances: u.instances + 1,
    };
  }
  return { apps: out };
}

/** A ledger as it is stored: its apps' entries only (ledgerWithFrameworks's are counted, never stored). */
export function withoutFrameworks(ledger: QuotaLedger): QuotaLedger {
  return { apps: Object.fromEntries(Object.entries(ledger.apps).filter(([key]) => !key.endsWith(" (framework)"))) };
}

/**
 * Why launching one more task of a framework would take its team over its
 * quota, or undefined: its apps and its frameworks' tasks count together
 * (ledgerWithFrameworks); `appId` is where the framework's tasks live.
 */
export function frameworkLaunchRefusal(
  quota: Quota,
  apps: QuotaLedger | undefined,
  teamBookings: Iterable<Reservation>,
  appId: string,
  need: { cpus: number; mem: number; disk: number },
): string | undefined {
  const ledger = ledgerWithFrameworks(apps, teamBookings);
  const key = frameworkEntry(appId);
  const before = ledger.apps[key] ?? { cpus: 0, mem: 0, disk: 0, instances: 0 };
  const next = {
    cpus: roundResource(before.cpus + need.cpus),
    mem: roundResource(before.mem + need.mem),
    disk: roundResource(before.disk + need.disk),
    instances: before.instances + 1,
  };
  const r = bookQuota(ledger, quota, key, next);
  return r.ok ? undefined : r.reason;
}

/** A role's claim for fair order: what its frameworks hold, and its weight (1 unless the admin set one). */
export interface RoleClaim {
  role: string;
  weight: number;
  used: { cpus: number; mem: number; disk: number };
}

/**
 * A role's weighted dominant share of the cluster: the largest of its shares
 * of cpus, mem and disk (what it holds over what all agents have), divided by
 * its weight. Dominant resource fairness serves the lowest first.
 */
export function weightedDominantShare(c: RoleClaim, total: { cpus: number; mem: number; disk: number }): number {
  const share = (used: number, all: number) => (all > 0 ? used / all : 0);
  const dominant = Math.max(share(c.used.cpus, total.cpus), share(c.used.mem, total.mem), share(c.used.disk, total.disk));
  return dominant / (c.weight > 0 ? c.weight : 1);
}

/** Claims in the order dominant resource fairness serves them: lowest weighted dominant share first, then by role name. */
export function fairOrder<C extends RoleClaim>(claims: readonly C[], total: { cpus: number; mem: number; disk: number }): C[] {
  return claims
    .map((c) => ({ c, share: weightedDominantShare(c, total) }))
    .sort((a, b) => a.share - b.share || (a.c.role < b.c.role ? -1 : a.c.role > b.c.role ? 1 : 0))
    .map((x) => x.c);
}
