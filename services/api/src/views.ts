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

/** The content type of an answer serialized here rather than by Fastify. */
export const JSON_TYPE = "application/json; charset=utf-8";

/** `taskView` as JSON, for and without health results: kept per task record (a change replaces a record, never edits it). */
const taskJsonKept = { checked: new WeakMap<TaskRecord, string>(), unchecked: new WeakMap<TaskRecord, string>() };

/** `JSON.stringify(taskView(t, checked))`, made once per record: long lists of tasks are mostly unchanged between answers. */
export function taskViewJson(t: TaskRecord, checked = false): string {
  const kept = checked ? taskJsonKept.checked : taskJsonKept.unchecked;
  let json = kept.get(t);
  if (json === undefined) kept.set(t, (json = JSON.stringify(taskView(t, checked))));
  return json;
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
  const live = tasks.filter((t) => !isTerminal(t.state));
  const checked = app.healthChecks.length > 0;
  return {
    ...redactApp(app),
    ...(opts.embedCounts ? counts(app, live, checked, opts) : {}),
    ...(opts.embedTasks ? { tasks: live.map((t) => taskView(t, checked)) } : {}),
    ...(opts.lastTaskFailure ? { lastTaskFailure: opts.lastTaskFailure } : {}),
  };
}

/** The definition's part of `appView` as JSON without its closing brace, kept per stored definition. */
const definitionJson = new WeakMap<AppDefinition, string>();

/**
 * `JSON.stringify(appView(...))`, for long lists: the definition (most of an
 * app's JSON, and unchanged between most GETs) is redacted and serialized once
 * per stored version, each task once per record, and only the counts each time.
 */
export function appViewJson(app: AppDefinition, tasks: readonly TaskRecord[], opts: AppViewOptions): string {
  let head = definitionJson.get(app);
  if (head === undefined) definitionJson.set(app, (head = JSON.stringify(redactApp(app)).slice(0, -1)));
  const live = tasks.filter((t) => !isTerminal(t.state));
  const checked = app.healthChecks.length > 0;
  const parts = head === "{" ? [] : [head.slice(1)];
  if (opts.embedCounts) parts.push(JSON.stringify(counts(app, live, checked, opts)).slice(1, -1));
  if (opts.embedTasks) parts.push(`"tasks":[${live.map((t) => taskViewJson(t, checked)).join(",")}]`);
  if (opts.lastTaskFailure) parts.push(`"lastTaskFailure":${JSON.stringify(opts.lastTaskFailure)}`);
  return `{${parts.join(",")}}`;
}

/** The counts Marathon adds to an app on GET (none of them is a field of the definition). */
function counts(app: AppDefinition, live: readonly TaskRecord[], checked: boolean, opts: AppViewOptions): Record<string, unknown> {
  return {
    tasksStaged: live.filter((t) => t.state === "TASK_STAGING" || t.state === "TASK_STARTING").length,
    tasksRunning: live.filter((t) => t.state === "TASK_RUNNING").length,
    tasksHealthy: checked ? live.filter((t) => isHealthy(t, app)).length : 0,
    tasksUnhealthy: checked ? live.filter((t) => t.state === "TASK_RUNNING" && t.health.state === "UNHEALTHY").length : 0,
    deployments: opts.deployments ?? [],
  };
}
