import type { Cluster } from "../cluster.js";
import type { SmallDisk } from "../small-disk.js";
import { ApiClient } from "./client.js";
import { EventFollower } from "./event-follower.js";
import { Nemesis, type NatsTarget } from "./nemesis.js";
import { MAX_INSTANCES, planCampaign, teamName } from "./plan.js";
import { booked, eventViolations, settle } from "./settle.js";
import { runningContainers, watchContainers, watchExits } from "./watchers.js";
import { type Outcome, Workload } from "./workload.js";

export interface CampaignOptions {
  seed: number;
  durationMs: number;
  cluster: Cluster;
  nats: NatsTarget;
  /** Mean time between one team's operations (default 1.5 s), and between faults (default 5 s). */
  opEveryMs?: number;
  faultEveryMs?: number;
  /** The longest pause of a process (default 22 s: past the leases' 15 s and the agents' 20 s). */
  maxPauseMs?: number;
  /** Whether the nemesis restarts the Docker daemon too (off by default: the machine's daemon is shared). */
  dockerRestarts?: boolean;
  /** The first agent's work dir on a disk of its own: the nemesis fills it, and JetStream's store (`nats.fillStore`), too. */
  agentDisk?: SmallDisk;
  /** How long the cluster may take to settle once the faults stop (default 3 minutes). */
  settleMs?: number;
  teams?: number;
  appsPerTeam?: number;
  log?: (line: string) => void;
}

export interface CampaignReport {
  seed: number;
  faults: number;
  faultsByKind: Record<string, number>;
  operations: number;
  outcomes: Record<Outcome, number>;
  /** Times /v2/events had to be resumed with Last-Event-ID. */
  resumed: number;
  violations: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/**
 * One campaign: several teams' clients changing apps while the nemesis
 * kills, pauses and removes things, all on the schedule `seed` names; the
 * invariants watched while it runs and checked once the cluster settles.
 */
export async function runCampaign(o: CampaignOptions): Promise<CampaignReport> {
  const log = o.log ?? (() => undefined);
  const { cluster } = o;
  const started = Date.now();
  const violations: string[] = [];
  const noted = new Set<string>();
  const violation = (what: string) => {
    if (noted.has(what)) return;
    noted.add(what);
    violations.push(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);
    log(`VIOLATION at ${new Date().toISOString()}: ${what}`);
  };
  const admin = new ApiClient(cluster.apiUrl, cluster.adminToken, cluster.apiCa);
  const teams = o.teams ?? 2;
  const clients: ApiClient[] = [];
  for (let t = 0; t < teams; t++) {
    const r = await admin.call<{ token: string }>("POST", "/v2/tokens", { name: `${teamName(t)} chaos`, team: teamName(t) });
    if (r.status !== 201) throw new Error(`could not make a token for ${teamName(t)}: ${r.status} ${JSON.stringify(r.body)}`);
    clients.push(new ApiClient(cluster.apiUrl, r.body.token, cluster.apiCa));
  }
  const bookedBefore = await booked(admin, cluster.agentIds);
  const plan = planCampaign(o.seed, {
    durationMs: o.durationMs,
    opEveryMs: o.opEveryMs ?? 1_500,
    faultEveryMs: o.faultEveryMs ?? 5_000,
    teams,
    appsPerTeam: o.appsPerTeam ?? 3,
    processes: cluster.processes.map((p) => p.name),
    maxPauseMs: o.maxPauseMs ?? 22_000,
    dockerRestarts: o.dockerRestarts ?? false,
    fullDisks: o.agentDisk !== undefined && o.nats.fillStore !== undefined,
  });
  log(`seed: ${o.seed}; ${plan.length} steps over ${o.durationMs / 1000} s; at most ${MAX_INSTANCES} instances an app`);
  const workload = new Workload(clients);
  const nemesis = new Nemesis(cluster, o.nats, log, o.agentDisk);
  const tasksOf = async (app: string) => {
    const r = await admin.call<{ tasks?: { id: string; state: string; version: string }[] }>("GET", `/v2/apps${app}/tasks`);
    return JSON.stringify((r.body.tasks ?? []).map((t) => `${t.id} ${t.state} ${t.version}`));
  };
  const follower = new EventFollower(cluster.apiUrl, cluster.adminToken, violation);
  follower.start();
  const stopContainers = watchContainers(
    cluster.agentIds,
    workload.mostInstances,
    tasksOf,
    follower.unreachable,
    (task) => follower.told.filter((s) => s.taskId === task).map((s) => s.status),
    violation,
  );
  const stopExits = watchExits(cluster, nemesis.killed, violation);

  // Each team's client waits for one answer before its next request, as a person's script would.
  const teamTurns = clients.map(() => Promise.resolve());
  let operations = 0;
  for (const step of plan) {
    await sleep(started + step.atMs - Date.now());
    if ("fault" in step) void nemesis.inflict(step.fault);
    else
      teamTurns[step.team] = teamTurns[step.team]!.then(async () => {
        operations++;
        await workload.run(step.team, step.op);
      });
  }
  await Promise.all(teamTurns);
  await nemesis.calm();
  log(`faults stopped after ${((Date.now() - started) / 1000).toFixed(0)} s; settling`);

  const explain = (app: string) => workload.trail.get(app);
  const left = await settle(admin, cluster.agentIds, workload.expected, bookedBefore, o.settleMs ?? 180_000, explain);
  for (const v of left) violation(v);
  // Every running task's start was told to the follower, and the follower was told what a replay reads.
  const running = await runningContainers(cluster.agentIds);
  const deadline = Date.now() + 30_000;
  const toldRunning = () => running.every((c) => follower.told.some((s) => s.taskId === c.task && s.status === "TASK_RUNNING"));
  while (!toldRunning() && Date.now() < deadline) await sleep(500);
  for (const c of running) {
    if (!follower.told.some((s) => s.taskId === c.task && s.status === "TASK_RUNNING")) {
      violation(`task ${c.task} runs, but /v2/events never told its TASK_RUNNING`);
    }
  }
  await follower.stop();
  for (const v of await eventViolations(cluster.apiUrl, cluster.adminToken, follower.told)) violation(v);
  stopContainers();
  stopExits();
  const faultsByKind = nemesis.done;
  return {
    seed: o.seed,
    faults: Object.values(faultsByKind).reduce((a, b) => a + b, 0),
    faultsByKind,
    operations,
    outcomes: workload.outcomes,
    resumed: follower.reconnects,
    violations,
  };
}
