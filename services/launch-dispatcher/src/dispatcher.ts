import { randomUUID } from "node:crypto";
import {
  type BusHandles,
  channels,
  isCasConflict,
  KeyedQueue,
  type KvCache,
  Limiter,
  type QueueEntry,
  request,
  type RunningDeployments,
  type TasksByApp,
  type AgentCommands,
} from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  commandDue,
  errorFromData,
  holding,
  launchGate,
  taskFailureOf,
  waitingChanged,
  isTerminal,
  killGraceSeconds,
  servicePorts,
  NO_BACKOFF,
  planApp,
  type Quota,
  recordFailure,
  roomUnder,
  stagedTask,
  type TaskRecord,
  taskIdFor,
  taskNeed,
  taskResources,
  teamOf,
  resolveEnv,
  taskSpec,
  type TaskPolicy,
  type TaskSpec,
  waitsForRoom,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { DeploymentTracker } from "./deployment-tracker.js";

export interface DispatcherOptions {
  launchResendAfterMs: number;
  now: () => number;
  onLaunched?: (n: number) => void;
  /** The task policy of the team that owns an app: the pids limit its tasks get comes from it. */
  policyOf?: (appId: string) => TaskPolicy;
  /** A value from the secret store of the team that owns an app. */
  secretOf?: (appId: string, source: string) => string | undefined;
  /** Placement requests outstanding at once (default 4). */
  placementsAtOnce?: number;
  /** The limit a team set for its apps' tasks (its `frameworkQuotas.marathon`), if it set one. */
  marathonLimitOf?: (team: string) => Quota | undefined;
  /**
   * A fair round's plan when launches wait for room: the apps in the order
   * their roles are served (lowest weighted dominant share of the cluster
   * first), and whether a framework that wants offers holds less than the
   * first app's role (the round then gives the frameworks' offers the first
   * pick of freed room, for `yieldMs`). Without it, waiting launches are
   * retried as their passes come.
   */
  fairRound?: (appIds: readonly string[]) => { order: string[]; yieldFirst: boolean };
  /** How long a fair round leaves freed room to the frameworks' offers (default 1,500 ms). */
  yieldMs?: number;
}

/**
 * Keeps every app at its `instances`: compares the app with its tasks, asks the
 * offer-handler for placements, writes the new task records and sends the
 * commands. One pass per app at a time; a change during a pass runs another.
 */
export class Dispatcher {
  /** The pass running for each app (and the ones asked for meanwhile, run right after it). */
  private readonly passes = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** What this instance last wrote to the queue bucket, so unchanged entries are not rewritten. */
  readonly waiting = new Map<string, QueueEntry>();
  private readonly placing: Limiter;
  /** Launches of a team with a limit for its apps, one app at a time. */
  private readonly underLimit = new KeyedQueue();
  /** When this instance last sent each task a command, so a pass does not send it again. */
  private readonly sentAt = new Map<string, number>();
  /** Apps whose last placement left launches unplaced for want of room: while there are any, room is scarce. */
  private readonly short = new Set<string>();
  /** Apps that came to launch while room was scarce: they are served in the next fair round. */
  private readonly wanting = new Set<string>();
  /** The app whose turn it is in the fair round running now. */
  private turn: string | undefined;
  private rounding = false;
  private roundAgain = false;

  constructor(
    private readonly bus: BusHandles<"backoff" | "nc" | "queue" | "tasks">,
    private readonly apps: KvCache<AppDefinition>,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly tasksByApp: TasksByApp,
    private readonly deploying: RunningDeployments,
    private readonly commands: AgentCommands,
    private readonly tracker: DeploymentTracker,
    private readonly opts: DispatcherOptions,
    private readonly log: Logger,
  ) {
    this.placing = new Limiter(opts.placementsAtOnce ?? 4);
  }

  /** Every app id that has a definition or tasks. */
  appIds(): Set<string> {
    const ids = new Set<string>();
    for (const app of this.apps.values()) ids.add(app.id);
    for (const id of this.tasksByApp.appIds()) ids.add(id);
    return ids;
  }

  tasksOf(appId: string): TaskRecord[] {
    return this.tasksByApp.of(appId);
  }

  /**
   * Reconciles one app now, or right after the pass already running for it;
   * resolves once the app's passes (that one included) are done.
   */
  reconcile(appId: string): Promise<void> {
    const running = this.passes.get(appId);
    if (running) {
      this.again.add(appId);
      return running;
    }
    const passes = (async () => {
      try {
        do {
          this.again.delete(appId);
          await this.pass(appId);
        } while (this.again.has(appId));
      } catch (err) {
        this.log.error({ err: String(err), appId }, "reconcile failed; will retry");
      } finally {
        this.passes.delete(appId);
      }
    })();
    this.passes.set(appId, passes);
    return passes;
  }

  private async pass(appId: string): Promise<void> {
    const app = this.apps.get(appKey(appId))?.value;
    const tasks = this.tasksOf(appId);
    const plan = planApp(app, tasks, this.opts.now());
    const now = this.opts.now();

    for (const t of plan.failed) await this.recordFailure(appId, t, now);
    for (const taskId of plan.expunge) await this.expunge(taskId);
    for (const k of plan.kill) await this.kill(k.taskId, k.reason, now);
    await this.resend(app, tasks, now);
    await this.launchMissing(appId, app, plan.launch, now);
    await this.tracker.track(appId, app, this.deploying.of(appId), this.tasksOf(appId), now);
  }

  private async launchMissing(appId: string, app: AppDefinition | undefined, count: number, now: number): Promise<void> {
    const backoff = app && count > 0 ? ((await this.bus.backoff.get(appKey(appId)))?.value ?? NO_BACKOFF) : NO_BACKOFF;
    // Resolved only when there is something to launch: a pass runs on every change of the app's tasks.
    const env = app && count > 0 ? resolveEnv(app, (source) => this.opts.secretOf?.(app.id, source)) : undefined;
    const gate = launchGate(app, count, backoff, now, env && !env.ok ? env.missing : []);
    if (gate.kind === "none") {
      this.short.delete(appId);
      return this.setWaiting(appId, undefined);
    }
    if (gate.kind === "wait") return this.setWaiting(appId, { appId, ...gate.waiting, sinceMs: now });
    if (!app) return;
    if (this.short.size > 0 && this.opts.fairRound && this.turn !== app.id) {
      // Room is scarce: launches are served in fair order, not as their passes come.
      this.wanting.add(app.id);
      void this.fairRound();
      return;
    }
    const limit = this.opts.marathonLimitOf?.(teamOf(app.id));
    if (!limit) return this.placing.run(() => this.placeAndLaunch(app, gate.count));
    // Under the team's limit for its apps: one app of the team at a time, each counting what the others hold.
    await this.underLimit.run(teamOf(app.id), () => this.placing.run(() => this.placeAndLaunch(app, gate.count, limit)));
  }

  /**
   * Room freed (a task ended): while launches wait for it, a fair round
   * serves them, lowest role share first.
   */
  roomFreed(): void {
    if (this.short.size > 0) void this.fairRound();
  }

  /**
   * Serves every app waiting for room, and every app that came to launch
   * while room was scarce, one after another in the fair order of their roles
   * (weighted dominant resource fairness): the role holding the smallest
   * share gets the first pick of what is free, so a burst from one team's
   * apps cannot starve another's. Each app's turn is an ordinary pass, so an
   * app is still changed by one pass at a time (a turn that finds a pass
   * running is the pass run right after it, and waits for it). One round at
   * a time; what comes meanwhile runs in the next.
   */
  private async fairRound(): Promise<void> {
    const plan = this.opts.fairRound;
    if (!plan) return;
    if (this.rounding) {
      this.roundAgain = true;
      return;
    }
    this.rounding = true;
    try {
      do {
        this.roundAgain = false;
        const { order, yieldFirst } = plan([...new Set([...this.wanting, ...this.short])]);
        this.wanting.clear();
        // A framework below the first app's role in share is owed the freed room first: its offers get a head start.
        if (yieldFirst) await new Promise((r) => setTimeout(r, this.opts.yieldMs ?? 1_500));
        for (const id of order) {
          this.turn = id;
          await this.reconcile(id);
        }
        this.turn = undefined;
      } while (this.roundAgain || this.wanting.size > 0);
    } finally {
      this.turn = undefined;
      this.rounding = false;
    }
  }

  /** What a team's apps' tasks hold: each live task with its app's resources. */
  private teamHolding(team: string) {
    const apps = [...this.apps.values()].filter((a) => teamOf(a.id) === team);
    return holding(apps.flatMap((a) => this.tasksOf(a.id).flatMap((t) => (isTerminal(t.state) ? [] : [taskResources(a)]))));
  }

  /** What the agent is sent for one task: the app's task with its team's policy and secrets. */
  private spec(app: AppDefinition, t: TaskRecord): TaskSpec {
    return taskSpec(app, t.taskId, t.ports, this.opts.policyOf?.(app.id), (source) => this.opts.secretOf?.(app.id, source));
  }

  /**
   * Asks for placements and launches what was placed. Runs only a few at a
   * time (placements are matched one after another in each offer-handler): the
   * others wait their turn here, where waiting costs nothing, instead of timing
   * out in the offer-handler's queue. What an app still lacks is counted again
   * once its turn comes, as its tasks may have changed while it waited, and
   * the tasks are staged (and their commands issued) at the time it comes.
   */
  private async placeAndLaunch(app: AppDefinition, planned: number, limit?: Quota): Promise<void> {
    const now = this.opts.now();
    const wanted = Math.min(planned, planApp(app, this.tasksOf(app.id), now).launch);
    const team = teamOf(app.id);
    const room = limit
      ? roomUnder(limit, this.teamHolding(team), taskResources(app), wanted, `team '${team}' limits framework 'marathon'`)
      : { count: wanted };
    // Launches over the team's limit wait in the queue with the reason, as launches without resources do.
    const over = wanted - room.count;
    const overLimit = over > 0 && room.reason ? { count: over, reasons: [room.reason] } : undefined;
    const count = room.count;
    if (count === 0) {
      if (overLimit) await this.setWaiting(app.id, { appId: app.id, ...overLimit, sinceMs: now, delayUntilMs: 0 });
      return;
    }
    const ids = Array.from({ length: count }, () => taskIdFor(app.id, randomUUID()));
    const reply = await request(this.bus.nc, channels.placement, undefined, { tasks: ids.map((id) => taskNeed(app, id)) }, 10_000);
    // The offer-handler's error as it was (its code, whether a retry can help), not a string of it.
    if (reply.error) throw errorFromData(reply.error);
    const placed = reply.placements.map((p) =>
      stagedTask({
        taskId: p.taskId,
        appId: app.id,
        agentId: p.agentId,
        hostname: p.hostname,
        ports: p.ports,
        version: app.version,
        configVersion: app.versionInfo.lastConfigChangeAt,
        killGracePeriodSeconds: killGraceSeconds(app),
        nowMs: now,
        servicePorts: servicePorts(app),
      }),
    );
    // A batch's records are written at once, then its commands sent at once. A record whose
    // command is lost to a crash is sent again (resend), as is one whose command failed here.
    const revisions = await Promise.all(placed.map((task) => this.bus.tasks.create(task.taskId, task)));
    // The next pass must see these tasks, or it would launch them again.
    await this.tasks.waitFor(Math.max(0, ...revisions));
    await Promise.all(placed.map((task) => this.commands.launch(task, this.spec(app, task), now)));
    for (const task of placed) {
      this.log.info({ taskId: task.taskId, appId: app.id, agentId: task.agentId, ports: task.ports }, "task launched");
    }
    this.opts.onLaunched?.(placed.length);
    const unplaced = reply.unplaced;
    // Short of room only: an app every agent refuses for a constraint or a network waits for no room.
    if (unplaced.some((u) => waitsForRoom(u.reasons))) this.short.add(app.id);
    else this.short.delete(app.id);
    if (unplaced.length > 0 || overLimit) {
      const reasons = [...new Set([...unplaced.flatMap((u) => u.reasons), ...(overLimit?.reasons ?? [])])];
      const waiting = unplaced.length + (overLimit?.count ?? 0);
      const forRoom = unplaced.filter((u) => waitsForRoom(u.reasons)).length;
      await this.setWaiting(app.id, {
        appId: app.id,
        count: waiting,
        reasons,
        sinceMs: now,
        delayUntilMs: 0,
        // What the scheduler-api owes this app's role in its splits: a part where one of its tasks fits.
        ...(forRoom > 0 ? { forRoom, each: taskResources(app) } : {}),
      });
      this.log.debug({ appId: app.id, waiting, reasons }, "tasks waiting");
    } else {
      await this.setWaiting(app.id, undefined);
    }
  }

  /** Records (or clears) why an app's launches wait, in the queue bucket; unchanged entries are not rewritten. */
  private async setWaiting(appId: string, entry: QueueEntry | undefined): Promise<void> {
    const prev = this.waiting.get(appId);
    if (!entry) {
      if (!prev) return;
      this.waiting.delete(appId);
      await this.bus.queue.delete(appKey(appId)).catch(() => undefined);
      return;
    }
    const next = { ...entry, sinceMs: prev?.sinceMs ?? entry.sinceMs };
    if (!waitingChanged(prev, next)) return;
    this.waiting.set(appId, next);
    await this.bus.queue.put(appKey(appId), next);
  }

  private async kill(taskId: string, reason: string, now: number): Promise<void> {
    const r = await this.bus.tasks.mutate(taskId, (cur) =>
      cur && cur.goal !== "KILL" && !isTerminal(cur.state) ? { ...cur, goal: "KILL" } : undefined,
    );
    const task = r.value;
    if (!task || isTerminal(task.state)) return;
    if (r.changed) await this.tasks.waitFor(r.revision);
    await this.commands.kill(task, reason, now);
    this.sentAt.set(taskId, now);
    this.log.info({ taskId, reason }, "task kill sent");
  }

  /**
   * Sends what the agents have not acted on: kills of tasks marked KILL (by
   * this dispatcher or the API) that are not yet KILLING, and launches the
   * agent never answered, each no more often than `commandDue` allows.
   */
  private async resend(app: AppDefinition | undefined, tasks: TaskRecord[], now: number): Promise<void> {
    for (const t of tasks) {
      const due = commandDue(t, this.sentAt.get(t.taskId), now, this.opts.launchResendAfterMs, app?.versionInfo.lastConfigChangeAt);
      if (due === "kill") {
        await this.commands.kill(t, "kill requested", now);
      } else if (due === "launch" && app) {
        this.log.warn({ taskId: t.taskId }, "no word from the agent about a launch; sending it again");
        await this.commands.launch(t, this.spec(app, t), now, true);
      } else {
        if (t.lastSequence !== 0 && t.goal !== "KILL") this.sentAt.delete(t.taskId);
        continue;
      }
      this.sentAt.set(t.taskId, now);
    }
  }

  private async expunge(taskId: string): Promise<void> {
    this.sentAt.delete(taskId);
    const cur = this.tasks.get(taskId);
    if (!cur) return;
    try {
      await this.bus.tasks.delete(taskId, cur.revision);
      await this.tasks.waitForGone(taskId);
    } catch (err) {
      if (!isCasConflict(err)) throw err;
    }
  }

  private async recordFailure(appId: string, task: TaskRecord, now: number): Promise<void> {
    const f = taskFailureOf(task, now);
    await this.bus.backoff.mutate(appKey(appId), (cur) => ({
      ...recordFailure(cur ?? NO_BACKOFF, f.endedAtMs, f.ranForMs),
      lastTaskFailure: f.lastTaskFailure,
    }));
  }
}
