import { type Random, seededRandom } from "./random.js";

/** What a team's client asks of the API. `pick` chooses among what exists when it runs. */
export type Operation =
  | { kind: "create"; app: string; instances: number; healthChecked: boolean }
  | { kind: "scale"; app: string; instances: number }
  | { kind: "update"; app: string; version: number }
  | { kind: "restart"; app: string }
  | { kind: "delete"; app: string }
  | { kind: "kill-task"; app: string; pick: number }
  | { kind: "read" };

/** What the nemesis does. Processes are named as the cluster names them ("api", "slave-agent", ...). */
export type Fault =
  | { kind: "kill"; process: string }
  | { kind: "pause"; process: string; ms: number }
  | { kind: "nats-kill"; pick: number }
  | { kind: "nats-pause"; pick: number; ms: number }
  | { kind: "docker-kill"; pick: number }
  | { kind: "docker-rm"; pick: number }
  /** The Docker daemon stopped (SIGTERM, its containers live on: live-restore) and started again `ms` after it is down. */
  | { kind: "docker-restart"; ms: number }
  /** The first agent's work dir filled up, and freed `ms` later. */
  | { kind: "agent-disk-full"; ms: number }
  /** JetStream's store filled up to its limit (a stream of the nemesis's own), and freed `ms` later. */
  | { kind: "store-full"; ms: number };

export type Step = { atMs: number; team: number; op: Operation } | { atMs: number; fault: Fault };

export interface PlanOptions {
  durationMs: number;
  /** Mean time between a team's operations, and between faults. */
  opEveryMs: number;
  faultEveryMs: number;
  teams: number;
  appsPerTeam: number;
  /** The processes the nemesis may kill or pause. */
  processes: readonly string[];
  /** The longest pause: past the leases' and the agents' timeouts. */
  maxPauseMs: number;
  /** Whether the nemesis restarts the Docker daemon (one fault in fifty); off, a seed names the schedule it named before. */
  dockerRestarts?: boolean;
  /** Whether the nemesis fills the agent's work dir and JetStream's store (one fault in fifty each); off, as `dockerRestarts`. */
  fullDisks?: boolean;
}

export const teamName = (team: number) => `chaos-${String.fromCharCode(97 + team)}`;
export const appId = (team: number, k: number) => `/${teamName(team)}/app${k}`;

/** The most instances an operation asks for: the agent's room is sized for every app at this. */
export const MAX_INSTANCES = 3;

/** A time around `mean` (half to one and a half of it). */
const around = (r: Random, mean: number) => Math.round(mean / 2 + r.next() * mean);

function operation(r: Random, team: number, o: PlanOptions, exists: Set<string>, versions: Map<string, number>): Operation {
  const app = appId(team, r.int(o.appsPerTeam));
  if (!exists.has(app)) {
    if (r.chance(0.15)) return { kind: "read" };
    exists.add(app);
    return { kind: "create", app, instances: r.between(1, MAX_INSTANCES), healthChecked: r.chance(0.5) };
  }
  const roll = r.next();
  if (roll < 0.3) return { kind: "scale", app, instances: r.between(0, MAX_INSTANCES) };
  if (roll < 0.5) {
    const version = (versions.get(app) ?? 0) + 1;
    versions.set(app, version);
    return { kind: "update", app, version };
  }
  if (roll < 0.6) return { kind: "restart", app };
  if (roll < 0.75) return { kind: "kill-task", app, pick: r.int(1000) };
  if (roll < 0.85) {
    exists.delete(app);
    return { kind: "delete", app };
  }
  return { kind: "read" };
}

function fault(r: Random, o: PlanOptions): Fault {
  const roll = r.next();
  const pauseMs = () => r.between(1_000, o.maxPauseMs);
  if (roll < 0.3) return { kind: "kill", process: r.pick(o.processes) };
  if (roll < 0.55) return { kind: "pause", process: r.pick(o.processes), ms: pauseMs() };
  if (roll < 0.63) return { kind: "nats-kill", pick: r.int(1000) };
  if (roll < 0.68) return { kind: "nats-pause", pick: r.int(1000), ms: r.between(1_000, 8_000) };
  if (o.dockerRestarts && roll < 0.7) return { kind: "docker-restart", ms: r.between(1_000, 10_000) };
  if (roll < 0.85) return { kind: "docker-kill", pick: r.int(1000) };
  if (o.fullDisks && roll >= 0.96) return { kind: roll < 0.98 ? "agent-disk-full" : "store-full", ms: r.between(3_000, 20_000) };
  return { kind: "docker-rm", pick: r.int(1000) };
}

/**
 * The whole campaign as one list in time order: each team's operations and
 * the nemesis's faults (sometimes two at one moment), all drawn from `seed`,
 * so a seed names one schedule and replays it.
 */
export function planCampaign(seed: number, o: PlanOptions): Step[] {
  const r = seededRandom(seed);
  const steps: Step[] = [];
  for (let team = 0; team < o.teams; team++) {
    const exists = new Set<string>();
    const versions = new Map<string, number>();
    for (let at = around(r, o.opEveryMs); at < o.durationMs; at += around(r, o.opEveryMs)) {
      steps.push({ atMs: at, team, op: operation(r, team, o, exists, versions) });
    }
  }
  for (let at = around(r, o.faultEveryMs); at < o.durationMs; at += around(r, o.faultEveryMs)) {
    steps.push({ atMs: at, fault: fault(r, o) });
    if (r.chance(0.3)) steps.push({ atMs: at, fault: fault(r, o) });
  }
  return steps.sort((a, b) => a.atMs - b.atMs);
}
