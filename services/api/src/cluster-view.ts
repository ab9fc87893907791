import {
  type AgentLedger,
  type AgentRecord,
  type BackoffRecord,
  type BusHandles,
  KvCache,
  type SkipListener,
  type QueueEntry,
  RunningDeployments,
  secretPresenceCodec,
  type EventSubscription,
  TasksByApp,
  cacheOf,
} from "@berth/bus";
import {
  type AppDefinition,
  type Deployment,
  effectiveTeam,
  type Quota,
  type QuotaLedger,
  type TaskRecord,
  type Team,
  isMarathonTask,
  type Framework,
  type RoleWeights,
} from "@berth/core";
import { MARATHON, type Shape, taskViewJson } from "./views.js";

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
  /** Marathon's HTTP event subscriptions. */
  readonly subscriptions: KvCache<EventSubscription>;
  /** The frameworks other than marathon. */
  readonly frameworks: KvCache<Framework>;
  /** Roles' weights for fair sharing, as the admin set them. */
  readonly roleWeights: KvCache<RoleWeights>;
  /** Which secrets exist, and when each was written: never their values (a headers-only watch). */
  readonly secrets: KvCache<Record<string, never>, { updatedAtMs: number }>;
  /** Tasks by app; also says when a task's record changes, for the view-lag metric. */
  readonly tasksByApp: TasksByApp;
  private readonly running: RunningDeployments;

  /** `defaultQuota`: what a team whose configuration names no quota may hold (BERTH_DEFAULT_QUOTA). */
  constructor(
    bus: BusHandles<"buckets">,
    private readonly defaultQuota: Quota = {},
  ) {
    this.apps = cacheOf(bus.buckets, "apps");
    this.tasks = cacheOf(bus.buckets, "tasks");
    // Marathon's views show Marathon's tasks: other frameworks' are theirs to show.
    this.tasksByApp = new TasksByApp(this.tasks, isMarathonTask);
    this.agents = cacheOf(bus.buckets, "agents");
    this.ledgers = cacheOf(bus.buckets, "ledger");
    this.deployments = cacheOf(bus.buckets, "deployments");
    this.running = new RunningDeployments(this.deployments);
    this.backoff = cacheOf(bus.buckets, "backoff");
    this.queue = cacheOf(bus.buckets, "queue");
    this.teams = cacheOf(bus.buckets, "teams");
    this.quotas = cacheOf(bus.buckets, "quotas");
    this.subscriptions = cacheOf(bus.buckets, "subscriptions");
    this.frameworks = cacheOf(bus.buckets, "frameworks");
    this.roleWeights = cacheOf(bus.buckets, "roleWeights");
    this.secrets = new KvCache(bus.buckets.secrets, secretPresenceCodec, (_none, written) => ({ updatedAtMs: written.getTime() }), {
      headersOnly: true,
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
      this.subscriptions,
      this.frameworks,
      this.roleWeights,
    ];
  }

  /** Reports every value the view leaves out: undecodable, or stored under a key it does not belong to. */
  onSkip(listener: SkipListener): void {
    for (const c of this.caches()) c.onSkip(listener);
  }

  async start(): Promise<void> {
    await Promise.all(this.caches().map((c) => c.start()));
  }

  stop(): void {
    for (const c of this.caches()) c.stop();
  }

  /** A team's configuration, or the defaults for a team the operator has not configured. */
  team(id: string): Team {
    return effectiveTeam(id, this.teams.get(id)?.value, this.defaultQuota);
  }

  tasksOf(appId: string): TaskRecord[] {
    return this.tasksByApp.of(appId);
  }

  /** Running deployments that affect an app, as Marathon lists them on the app: a group change's by its own id. */
  deploymentsOf(appId: string): { id: string }[] {
    return [...new Set(this.running.of(appId).map((d) => d.partOf ?? d.id))].map((id) => ({ id }));
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

  /** A list of tasks as Marathon's `{"tasks": [...]}`, serialized: each task's JSON is kept per record. */
  tasksJson(tasks: readonly TaskRecord[], shape: Shape = MARATHON): string {
    return `{"tasks":[${tasks.map((t) => taskViewJson(t, this.checked(t), shape)).join(",")}]}`;
  }

  /** Whether a task's app has health checks (its tasks then show their results). */
  checked(t: TaskRecord): boolean {
    return (this.apps.get(t.appId.replace(/^\//, ""))?.value.healthChecks.length ?? 0) > 0;
  }
}
