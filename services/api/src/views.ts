import { type AppDefinition, isHealthy, isTerminal, redactApp, type TaskRecord } from "@berth/core";

/** Marathon's healthCheckResults for a task whose app has health checks. */
function healthResults(t: TaskRecord): Record<string, unknown>[] {
  const h = t.health;
  if (h.state === "HEALTH_UNKNOWN" && h.lastFailureMs === 0) return [];
  const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);
  return [
    {
      alive: h.state === "HEALTHY",
      consecutiveFailures: h.consecutiveFailures,
      firstSuccess: iso(h.firstSuccessMs),
      lastSuccess: iso(h.lastSuccessMs),
      lastFailure: iso(h.lastFailureMs),
      lastFailureCause: h.lastFailureCause || null,
      instanceId: t.taskId,
    },
  ];
}

/** A task in Marathon's shape. */
export function taskView(t: TaskRecord, checked = false): Record<string, unknown> {
  return {
    id: t.taskId,
    appId: t.appId,
    host: t.hostname,
    ports: t.ports,
    servicePorts: [],
    slaveId: t.agentId,
    stagedAt: new Date(t.stagedAtMs).toISOString(),
    startedAt: t.startedAtMs > 0 ? new Date(t.startedAtMs).toISOString() : null,
    state: t.state,
    version: t.version,
    healthCheckResults: checked ? healthResults(t) : [],
    ipAddresses: [{ ipAddress: t.hostname, protocol: "IPv4" }],
    ...(t.message ? { message: t.message } : {}),
    ...(t.goal === "KILL" && !isTerminal(t.state) ? { killRequested: true } : {}),
  };
}

export interface AppViewOptions {
  embedTasks: boolean;
  embedCounts: boolean;
  deployments?: { id: string }[];
  lastTaskFailure?: Record<string, unknown> | undefined;
}

/** An app in Marathon's shape, with the counts and (when embedded) the tasks Marathon adds on GET. */
export function appView(
  app: AppDefinition,
  tasks: readonly TaskRecord[],
  opts: AppViewOptions = { embedTasks: false, embedCounts: true },
): Record<string, unknown> {
  return { ...redactApp(app), ...appExtras(app, tasks, opts) };
}

/** The definition's part of `appView` as JSON without its closing brace, kept per stored definition. */
const definitionJson = new WeakMap<AppDefinition, string>();

/**
 * `JSON.stringify(appView(...))`, for long lists: the definition (most of an
 * app's JSON, and unchanged between most GETs) is redacted and serialized once
 * per stored version, and only the counts and tasks each time.
 */
export function appViewJson(app: AppDefinition, tasks: readonly TaskRecord[], opts: AppViewOptions): string {
  let head = definitionJson.get(app);
  if (head === undefined) definitionJson.set(app, (head = JSON.stringify(redactApp(app)).slice(0, -1)));
  const extras = JSON.stringify(appExtras(app, tasks, opts)).slice(1);
  if (extras === "}") return `${head}}`;
  return head === "{" ? `${head}${extras}` : `${head},${extras}`;
}

/** What Marathon adds to an app's definition on GET (none of it is a field of the definition). */
function appExtras(app: AppDefinition, tasks: readonly TaskRecord[], opts: AppViewOptions): Record<string, unknown> {
  const live = tasks.filter((t) => !isTerminal(t.state));
  const checked = app.healthChecks.length > 0;
  const extras: Record<string, unknown> = {};
  if (opts.embedCounts) {
    extras.tasksStaged = live.filter((t) => t.state === "TASK_STAGING" || t.state === "TASK_STARTING").length;
    extras.tasksRunning = live.filter((t) => t.state === "TASK_RUNNING").length;
    extras.tasksHealthy = checked ? live.filter((t) => isHealthy(t, app)).length : 0;
    extras.tasksUnhealthy = checked ? live.filter((t) => t.state === "TASK_RUNNING" && t.health.state === "UNHEALTHY").length : 0;
    extras.deployments = opts.deployments ?? [];
  }
  if (opts.embedTasks) extras.tasks = live.map((t) => taskView(t, checked));
  if (opts.lastTaskFailure) extras.lastTaskFailure = opts.lastTaskFailure;
  return extras;
}
