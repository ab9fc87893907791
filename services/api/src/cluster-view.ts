import {
  type AgentLedger,
  type AgentRecord,
  appCodec,
  type BackoffRecord,
  type Bus,
  codecs,
  deploymentCodec,
  jsonCodec,
  KvCache,
  type QueueEntry,
  type StoredSecret,
} from "@berth/bus";
import { type AppDefinition, defaultTeam, type Deployment, type QuotaLedger, type TaskRecord, type Team } from "@berth/core";
import { taskView } from "./views.js";

/**
 * The API's read model: apps, tasks, agents, ledgers, deployments, backoff and
 * the launch queue, followed from their buckets. Derived only; rebuilt from
 * NATS at start.
 */
export class ClusterView {
  readonly apps: KvCache<AppDefinition>;
  readonly tasks: KvCache<TaskRecord>;
  readonly agents: KvCache<AgentRecord>;
  readonly ledgers: KvCache<AgentLedger>;
  readonly deployments: KvCache<Deployment>;
  readonly backoff: KvCache<BackoffRecord>;
  readonly queue: KvCache<QueueEntry>;
  readonly teams: KvCache<Team>;
  readonly quotas: KvCache<QuotaLedger>;
  readonly secrets: KvCache<StoredSecret>;
  private readonly byApp = new Map<string, Map<string, TaskRecord>>();
  /** Running deployments by the apps they affect: answering them per app must not scan every deployment kept. */
  private readonly runningByApp = new Map<string, Set<string>>();
  private readonly appOfTask = new Map<string, string>();

  constructor(bus: Bus) {
    this.apps = new KvCache(bus.buckets.apps, appCodec);
    this.tasks = new KvCache(bus.buckets.tasks, codecs.taskRecord);
    this.agents = new KvCache(bus.buckets.agents, codecs.agentRecord);
    this.ledgers = new KvCache(bus.buckets.ledger, codecs.agentLedger);
    this.deployments = new KvCache(bus.buckets.deployments, deploymentCodec);
    this.backoff = new KvCache(bus.buckets.backoff, jsonCodec<BackoffRecord>("BackoffRecord"));
    this.queue = new KvCache(bus.buckets.queue, jsonCodec<QueueEntry>("QueueEntry"));
    this.teams = new KvCache(bus.buckets.teams, jsonCodec<Team>("Team"));
    this.quotas = new KvCache(bus.buckets.quotas, jsonCodec<QuotaLedger>("QuotaLedger"));
    this.secrets = new KvCache(bus.buckets.secrets, jsonCodec<StoredSecret>("StoredSecret"));
    this.deployments.onChange((id, entry) => {
      for (const [appId, ids] of this.runningByApp) if (ids.delete(id) && ids.size === 0) this.runningByApp.delete(appId);
      if (entry?.value.status !== "running") return;
      for (const appId of entry.value.affectedApps) {
        const ids = this.runningByApp.get(appId) ?? new Set<string>();
        ids.add(id);
        this.runningByApp.set(appId, ids);
      }
    });
    this.tasks.onChange((taskId, entry) => {
      const previous = this.appOfTask.get(taskId);
      if (previous !== undefined) {
        const m = this.byApp.get(previous);
        if (m?.delete(taskId) && m.size === 0) this.byApp.delete(previous);
        this.appOfTask.delete(taskId);
      }
      if (entry) {
        this.appOfTask.set(taskId, entry.value.appId);
        const m = this.byApp.get(entry.value.appId) ?? new Map<string, TaskRecord>();
        m.set(taskId, entry.value);
        this.byApp.set(entry.value.appId, m);
      }
    });
  }

  private caches() {
    return [
      this.apps,
      this.tasks,
      this.agents,
      this.ledgers,
      this.deployments,
      this.backoff,
      this.queue,
      this.teams,
      this.quotas,
      this.secrets,
    ];
  }

  async start(): Promise<void> {
    await Promise.all(this.caches().map((c) => c.start()));
  }

  stop(): void {
    for (const c of this.caches()) c.stop();
  }

  /** A team's configuration, or the defaults for a team the operator has not configured. */
  team(id: string): Team {
    return this.teams.get(id)?.value ?? defaultTeam(id);
  }

  tasksOf(appId: string): TaskRecord[] {
    return [...(this.byApp.get(appId)?.values() ?? [])];
  }

  /** Running deployments that affect an app, as Marathon lists them on the app. */
  deploymentsOf(appId: string): { id: string }[] {
    return [...(this.runningByApp.get(appId) ?? [])].map((id) => ({ id }));
  }

  lastTaskFailure(appId: string): Record<string, unknown> | undefined {
    const f = this.backoff.get(appId.replace(/^\//, ""))?.value.lastTaskFailure;
    if (!f) return undefined;
    return {
      appId,
      host: f.host,
      message: f.message,
      state: f.state,
      taskId: f.taskId,
      timestamp: new Date(f.timestampMs).toISOString(),
      version: f.version,
    };
  }

  taskJson(t: TaskRecord): Record<string, unknown> {
    const app = this.apps.get(t.appId.replace(/^\//, ""))?.value;
    return taskView(t, (app?.healthChecks.length ?? 0) > 0);
  }
}
