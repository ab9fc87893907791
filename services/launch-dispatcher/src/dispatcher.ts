import { randomUUID } from "node:crypto";
import {
  type Bus,
  codecs,
  DeploymentStore,
  isCasConflict,
  type KvCache,
  Limiter,
  type PlacementRequest,
  publishEvent,
  type QueueEntry,
  request,
  type RunningDeployments,
  subjects,
  type TasksByApp,
} from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  commandDue,
  deadlineReason,
  errorFromData,
  type Deployment,
  deploymentEvent,
  groupOutcome,
  isComplete,
  newDeployment,
  progressOf,
  rollbackTarget,
  isTerminal,
  killGraceSeconds,
  servicePorts,
  launchAllowedAtMs,
  NO_BACKOFF,
  planApp,
  recordFailure,
  stagedTask,
  type TaskRecord,
  taskIdFor,
  taskNeed,
  resolveEnv,
  taskSpec,
  type TaskPolicy,
  type TaskSpec,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { AgentCommands } from "./agent-commands.js";

export interface DispatcherOptions {
  launchResendAfterMs: number;
  now: () => number;
  newId: () => string;
  onLaunched?: (n: number) => void;
  onDeploymentEnded?: (outcome: "success" | "failed") => void;
  /** The task policy of the team that owns an app: the pids limit its tasks get comes from it. */
  policyOf?: (appId: string) => TaskPolicy;
  /** A value from the secret store of the team that owns an app. */
  secretOf?: (appId: string, source: string) => string | undefined;
  /** Placement requests outstanding at once (default 4). */
  placementsAtOnce?: number;
}

/**
 * Keeps every app at its `instances`: compares the app with its tasks, asks the
 * offer-handler for placements, writes the new task records and sends the
 * commands. One pass per app at a time; a change during a pass runs another.
 */
export class Dispatcher {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  /** What this instance last wrote to the queue bucket, so unchanged entries are not rewritten. */
  readonly waiting = new Map<string, QueueEntry>();
  private readonly store: DeploymentStore;
  private readonly placing: Limiter;
  /** When this instance last sent each task a command, so a pass does not send it again. */
  private readonly sentAt = new Map<string, number>();

  constructor(
    private readonly bus: Bus,
    private readonly apps: KvCache<AppDefinition>,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly tasksByApp: TasksByApp,
    private readonly deploying: RunningDeployments,
    private readonly commands: AgentCommands,
    private readonly opts: DispatcherOptions,
    private readonly log: Logger,
  ) {
    this.store = new DeploymentStore(bus);
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

  /** Reconciles one app now, or right after the pass already running for it. */
  async reconcile(appId: string): Promise<void> {
    if (this.running.has(appId)) {
      this.again.add(appId);
      return;
    }
    this.running.add(appId);
    try {
      do {
        this.again.delete(appId);
        await this.pass(appId);
      } while (this.again.has(appId));
    } catch (err) {
      this.log.error({ err: String(err), appId }, "reconcile failed; will retry");
    } finally {
      this.running.delete(appId);
    }
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
    await this.trackDeployments(appId, app, now);
  }

  private async launchMissing(appId: string, app: AppDefinition | undefined, count: number, now: number): Promise<void> {
    if (!app || count === 0) return this.setWaiting(appId, undefined);
    const backoff = (await this.bus.backoff.get(appKey(appId)))?.value ?? NO_BACKOFF;
    const allowedAt = launchAllowedAtMs(app, backoff);
    if (now < allowedAt) {
      return this.setWaiting(appId, {
        appId,
        count,
        reasons: [`backoff: ${backoff.failures} failure(s) in a row; next launch in ${Math.ceil((allowedAt - now) / 1000)}s`],
        sinceMs: now,
        delayUntilMs: allowedAt,
      });
    }
    await this.launch(app, count, now);
  }

  /** Ends the app's deployment once it is complete, or fails it at its deadline and rolls the app back. */
  private async trackDeployments(appId: string, app: AppDefinition | undefined, now: number): Promise<void> {
    for (const d of this.deploying.of(appId)) {
      if (d.parts) {
        await this.trackGroup(d, now);
        continue;
      }
      const tasks = this.tasksOf(appId);
      const at = new Date(now).toISOString();
      // The deployment may be seen before the app change it brings: judge it only against that change.
      const seen = d.target ? app?.version === d.target.version : app === undefined;
      if (seen && isComplete(app, tasks)) {
        if (!(await this.store.finish(d.id, "success", "", now))) continue;
        await this.ended({ ...d, status: "success", finishedAtMs: now }, at);
        this.log.info({ deploymentId: d.id, appId }, "deployment succeeded");
        if (d.partOf) await this.trackGroupById(d.partOf, now);
      } else if (now >= d.deadlineAtMs) {
        const progress = progressOf(app, tasks);
        // Failed tasks are forgotten at once; the app's last failure is kept with its backoff.
        const last = (await this.bus.backoff.get(appKey(appId)))?.value.lastTaskFailure;
        if (!progress.lastFailure && last && last.timestampMs >= d.createdAtMs) progress.lastFailure = last.message;
        const reason = deadlineReason(d, progress);
        if (!(await this.store.finish(d.id, "failed", reason, now))) continue;
        await this.ended({ ...d, status: "failed", reason, finishedAtMs: now }, at);
        this.log.warn({ deploymentId: d.id, appId, reason }, "deployment failed");
        if (d.target && d.previous && !d.rollbackOf) await this.rollBack(d, now);
        if (d.partOf) await this.trackGroupById(d.partOf, now);
      }
    }
  }

  /**
   * Tells of a deployment that ended: its step and its end, as Marathon's
   * events. An app's deployment that is part of a group's is told of by that one.
   */
  private async ended(d: Deployment, at: string): Promise<void> {
    if (d.partOf) return;
    const success = d.status === "success";
    const step = success ? "deployment_step_success" : "deployment_step_failure";
    const end = success ? "deployment_success" : "deployment_failed";
    await publishEvent(this.bus.js, deploymentEvent(step, d, at), `${step.replaceAll("_", "-")}-${d.id}`);
    await publishEvent(this.bus.js, deploymentEvent(end, d, at), `${end.replaceAll("_", "-")}-${d.id}`);
    this.opts.onDeploymentEnded?.(success ? "success" : "failed");
  }

  private async trackGroupById(id: string, now: number): Promise<void> {
    const group = (await this.bus.deployments.get(id))?.value;
    if (group?.status === "running" && group.parts) await this.trackGroup(group, now);
  }

  /** Ends a group's deployment once all its parts have ended: failed if any failed, canceled if any was. */
  private async trackGroup(group: Deployment, now: number): Promise<void> {
    const parts = await Promise.all((group.parts ?? []).map(async (id) => (await this.bus.deployments.get(id))?.value));
    const outcome = groupOutcome(parts);
    if (!outcome) return;
    if (!(await this.store.finish(group.id, outcome.status, outcome.reason, now))) return;
    // A part canceled (a forced change took its app) ends the group as canceled, as a cancel of its own does.
    if (outcome.status === "canceled") return;
    await this.ended({ ...group, ...outcome, finishedAtMs: now }, new Date(now).toISOString());
    this.log.info({ deploymentId: group.id, status: outcome.status }, "group deployment ended");
  }

  /** Brings back the app as it was before a failed deployment, as a deployment of its own. */
  private async rollBack(failed: Deployment, now: number): Promise<void> {
    const appId = failed.affectedApps[0] ?? "";
    const current = await this.bus.apps.get(appKey(appId));
    const version = new Date(now).toISOString();
    const target = rollbackTarget(failed, version);
    const d = newDeployment({ id: this.opts.newId(), appId, previous: current?.value, target, version, nowMs: now, rollbackOf: failed.id });
    try {
      await this.store.apply(d, current, false);
    } catch (err) {
      this.log.warn({ err: String(err), appId, deploymentId: failed.id }, "could not roll back: the app changed meanwhile");
      return;
    }
    await publishEvent(this.bus.js, deploymentEvent("deployment_info", d, version), `deployment-info-${d.id}`);
    this.log.info({ appId, failed: failed.id, rollback: d.id }, "rolling back after a failed deployment");
  }

  /** What the agent is sent for one task: the app's task with its team's policy and secrets. */
  private spec(app: AppDefinition, t: TaskRecord): TaskSpec {
    return taskSpec(app, t.taskId, t.ports, this.opts.policyOf?.(app.id), (source) => this.opts.secretOf?.(app.id, source));
  }

  private async launch(app: AppDefinition, count: number, now: number): Promise<void> {
    // A secret removed from the store since the app was admitted: wait, and say why, rather than launch without it.
    const env = resolveEnv(app, (source) => this.opts.secretOf?.(app.id, source));
    if (!env.ok) {
      const reasons = [`the secret(s) ${env.missing.join(", ")} are not in the team's store`];
      await this.setWaiting(app.id, { appId: app.id, count, reasons, sinceMs: now, delayUntilMs: 0 });
      return;
    }
    await this.placing.run(() => this.placeAndLaunch(app, count));
  }

  /**
   * Asks for placements and launches what was placed. Runs only a few at a
   * time (placements are matched one after another in each offer-handler): the
   * others wait their turn here, where waiting costs nothing, instead of timing
   * out in the offer-handler's queue. What an app still lacks is counted again
   * once its turn comes, as its tasks may have changed while it waited, and
   * the tasks are staged (and their commands issued) at the time it comes.
   */
  private async placeAndLaunch(app: AppDefinition, planned: number): Promise<void> {
    const now = this.opts.now();
    const count = Math.min(planned, planApp(app, this.tasksOf(app.id), now).launch);
    if (count === 0) return;
    const ids = Array.from({ length: count }, () => taskIdFor(app.id, randomUUID()));
    const req: PlacementRequest = {
      tasks: ids.map((id) => {
        const need = taskNeed(app, id);
        return {
          ...need,
          requiredPorts: [...need.requiredPorts],
          constraints: need.constraints.map(([field = "", operator = "", value = ""]) => ({ field, operator, value })),
        };
      }),
    };
    const reply = await request(this.bus.nc, subjects.placement, codecs.placementRequest, codecs.placementReply, req, 10_000);
    // The offer-handler's error as it was (its code, whether a retry can help), not a string of it.
    if (reply.error) throw errorFromData(reply.error);
    const placed = (reply.placements ?? []).map((p) =>
      stagedTask({
        taskId: p.taskId ?? "",
        appId: app.id,
        agentId: p.agentId ?? "",
        hostname: p.hostname ?? "",
        ports: p.ports ?? [],
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
    const unplaced = reply.unplaced ?? [];
    if (unplaced.length > 0) {
      const reasons = [...new Set(unplaced.flatMap((u) => u.reasons ?? []))];
      await this.setWaiting(app.id, { appId: app.id, count: unplaced.length, reasons, sinceMs: now, delayUntilMs: 0 });
      this.log.debug({ appId: app.id, waiting: unplaced.length, reasons }, "tasks waiting for resources");
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
    if (
      prev &&
      prev.count === next.count &&
      prev.reasons.join() === next.reasons.join() &&
      Math.abs(prev.delayUntilMs - next.delayUntilMs) < 1000
    )
      return;
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
      await this.waitForDeletion(taskId);
    } catch (err) {
      if (!isCasConflict(err)) throw err;
    }
  }

  private async waitForDeletion(taskId: string): Promise<void> {
    for (let i = 0; i < 200 && this.tasks.get(taskId); i++) await new Promise((r) => setTimeout(r, 5));
  }

  private async recordFailure(appId: string, task: TaskRecord, now: number): Promise<void> {
    const ranFor = task.startedAtMs > 0 ? task.endedAtMs - task.startedAtMs : 0;
    const lastTaskFailure = {
      taskId: task.taskId,
      state: task.state,
      message: task.message,
      host: task.hostname,
      version: task.version,
      timestampMs: task.endedAtMs || now,
    };
    await this.bus.backoff.mutate(appKey(appId), (cur) => ({
      ...recordFailure(cur ?? NO_BACKOFF, task.endedAtMs || now, ranFor),
      lastTaskFailure,
    }));
  }
}
