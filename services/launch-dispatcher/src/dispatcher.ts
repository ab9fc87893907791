import { randomUUID } from "node:crypto";
import { type Bus, codecs, isCasConflict, type KvCache, type PlacementRequest, request, subjects } from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  isTerminal,
  killGraceSeconds,
  launchAllowedAtMs,
  NO_BACKOFF,
  planApp,
  recordFailure,
  stagedTask,
  type TaskRecord,
  taskIdFor,
  taskNeed,
  taskSpec,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { AgentCommands } from "./agent-commands.js";

export interface DispatcherOptions {
  launchResendAfterMs: number;
  now: () => number;
  onLaunched?: (n: number) => void;
}

/** Why the last launches of an app did not happen, for the API's queue view and the logs. */
export interface Waiting {
  appId: string;
  count: number;
  reasons: string[];
  since: number;
}

/**
 * Keeps every app at its `instances`: compares the app with its tasks, asks the
 * offer-handler for placements, writes the new task records and sends the
 * commands. One pass per app at a time; a change during a pass runs another.
 */
export class Dispatcher {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly bus: Bus,
    private readonly apps: KvCache<AppDefinition>,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly commands: AgentCommands,
    private readonly opts: DispatcherOptions,
    private readonly log: Logger,
  ) {}

  /** Every app id that has a definition or tasks. */
  appIds(): Set<string> {
    const ids = new Set<string>();
    for (const app of this.apps.values()) ids.add(app.id);
    for (const t of this.tasks.values()) ids.add(t.appId);
    return ids;
  }

  tasksOf(appId: string): TaskRecord[] {
    return [...this.tasks.values()].filter((t) => t.appId === appId);
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
    const plan = planApp(app, tasks);
    const now = this.opts.now();

    for (const t of plan.failed) await this.recordFailure(appId, t, now);
    for (const taskId of plan.expunge) await this.expunge(taskId);
    for (const k of plan.kill) await this.kill(k.taskId, k.reason, now);
    await this.resend(app, tasks, now);
    if (!app || plan.launch === 0) {
      this.waiting.delete(appId);
      return;
    }
    const backoff = (await this.bus.backoff.get(appKey(appId)))?.value ?? NO_BACKOFF;
    const allowedAt = launchAllowedAtMs(app, backoff);
    if (now < allowedAt) {
      this.setWaiting(appId, plan.launch, [
        `backoff: next launch in ${Math.ceil((allowedAt - now) / 1000)}s after ${backoff.failures} failure(s)`,
      ]);
      return;
    }
    await this.launch(app, plan.launch, now);
  }

  private async launch(app: AppDefinition, count: number, now: number): Promise<void> {
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
    if (reply.error) throw new Error(`placement failed: ${reply.error.message ?? ""}`);
    let launched = 0;
    for (const p of reply.placements ?? []) {
      const task = stagedTask({
        taskId: p.taskId ?? "",
        appId: app.id,
        agentId: p.agentId ?? "",
        hostname: p.hostname ?? "",
        ports: p.ports ?? [],
        version: app.version,
        configVersion: app.versionInfo.lastConfigChangeAt,
        killGracePeriodSeconds: killGraceSeconds(app),
        nowMs: now,
      });
      const revision = await this.bus.tasks.create(task.taskId, task);
      // The next pass must see this task, or it would launch it again.
      await this.tasks.waitFor(revision);
      await this.commands.launch(task, taskSpec(app, task.taskId, task.ports), now);
      launched++;
      this.log.info({ taskId: task.taskId, appId: app.id, agentId: task.agentId, ports: task.ports }, "task launched");
    }
    this.opts.onLaunched?.(launched);
    const unplaced = reply.unplaced ?? [];
    if (unplaced.length > 0) {
      const reasons = [...new Set(unplaced.flatMap((u) => u.reasons ?? []))];
      this.setWaiting(app.id, unplaced.length, reasons);
      this.log.info({ appId: app.id, waiting: unplaced.length, reasons }, "tasks waiting for resources");
    } else {
      this.waiting.delete(app.id);
    }
  }

  private setWaiting(appId: string, count: number, reasons: string[]): void {
    const prev = this.waiting.get(appId);
    this.waiting.set(appId, { appId, count, reasons, since: prev?.since ?? this.opts.now() });
  }

  private async kill(taskId: string, reason: string, now: number): Promise<void> {
    const r = await this.bus.tasks.mutate(taskId, (cur) =>
      cur && cur.goal !== "KILL" && !isTerminal(cur.state) ? { ...cur, goal: "KILL" } : undefined,
    );
    const task = r.value;
    if (!task || isTerminal(task.state)) return;
    if (r.changed) await this.tasks.waitFor(r.revision);
    await this.commands.kill(task, reason, now);
    this.log.info({ taskId, reason }, "task kill sent");
  }

  /** Sends again what may have been lost: kills not yet acted on, launches the agent never answered. */
  private async resend(app: AppDefinition | undefined, tasks: TaskRecord[], now: number): Promise<void> {
    for (const t of tasks) {
      if (isTerminal(t.state) || now - t.updatedAtMs < this.opts.launchResendAfterMs) continue;
      if (t.goal === "KILL") {
        await this.commands.kill(t, "resent", now);
      } else if (t.lastSequence === 0 && app && t.configVersion === app.versionInfo.lastConfigChangeAt) {
        this.log.warn({ taskId: t.taskId }, "no word from the agent about a launch; sending it again");
        await this.commands.launch(t, taskSpec(app, t.taskId, t.ports), now);
      }
    }
  }

  private async expunge(taskId: string): Promise<void> {
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
    await this.bus.backoff.mutate(appKey(appId), (cur) => recordFailure(cur ?? NO_BACKOFF, task.endedAtMs || now, ranFor));
  }
}
