import { type AppDefinition, isHealthy, isTerminal, redactApp, servicePorts, taskIpAddresses, type TaskRecord } from "@berth/core";

/**
 * Answers carry exactly Marathon 1.10's fields, so client libraries that build
 * objects from every key of an answer work unchanged. Berth's own fields are
 * added only for a request that asks for them with `embed=berth` (the CLI and
 * the web UI do).
 */
export interface Shape {
  berth: boolean;
}

export const MARATHON: Shape = { berth: false };

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

/** A task in Marathon's shape; with `berth`, also its last message and whether a kill was asked for. */
export function taskView(t: TaskRecord, checked = false, shape: Shape = MARATHON): Record<string, unknown> {
  return {
    id: t.taskId,
    appId: t.appId,
    host: t.hostname,
    ports: t.ports,
    servicePorts: t.servicePorts ?? [],
    slaveId: t.agentId,
    stagedAt: new Date(t.stagedAtMs).toISOString(),
    startedAt: t.startedAtMs > 0 ? new Date(t.startedAtMs).toISOString() : null,
    state: t.state,
    version: t.version,
    healthCheckResults: checked ? healthResults(t) : [],
    ipAddresses: taskIpAddresses(t),
    ...(shape.berth && t.message ? { message: t.message } : {}),
    ...(shape.berth && t.goal === "KILL" && !isTerminal(t.state) ? { killRequested: true } : {}),
  };
}

/** The content type of an answer serialized here rather than by Fastify. */
export const JSON_TYPE = "application/json; charset=utf-8";

/** A value's JSON, made once per object and shape: a record is replaced when it changes, never edited. */
class KeptJson<K extends object> {
  private readonly kept = new Map<string, WeakMap<K, string>>();

  get(key: K, variant: string, make: () => string): string {
    let map = this.kept.get(variant);
    if (!map) this.kept.set(variant, (map = new WeakMap()));
    let json = map.get(key);
    if (json === undefined) map.set(key, (json = make()));
    return json;
  }
}

const taskJson = new KeptJson<TaskRecord>();

/** `JSON.stringify(taskView(t, checked, shape))`, made once per record: long lists of tasks are mostly unchanged between answers. */
export function taskViewJson(t: TaskRecord, checked = false, shape: Shape = MARATHON): string {
  return taskJson.get(t, `${checked}/${shape.berth}`, () => JSON.stringify(taskView(t, checked, shape)));
}

export interface AppViewOptions {
  embedTasks: boolean;
  embedCounts: boolean;
  deployments?: { id: string }[];
  lastTaskFailure?: Record<string, unknown> | undefined;
  berth?: boolean;
}

/**
 * An app definition as Marathon answers it: every field of Marathon's, with
 * Marathon's defaults for those Berth does not use (`executor`, `fetch`,
 * `role`), secrets redacted; Berth's own settings only with `berth`.
 */
export function definitionView(app: AppDefinition, shape: Shape = MARATHON): Record<string, unknown> {
  const { progressDeadlineSeconds, pullTimeoutSeconds, version, versionInfo, ...marathon } = redactApp(app);
  return {
    ...marathon,
    executor: "",
    fetch: [],
    role: "*",
    version,
    versionInfo,
    ...(shape.berth ? { progressDeadlineSeconds, pullTimeoutSeconds } : {}),
  };
}

/** An app in Marathon's shape, with the counts and (when embedded) the tasks Marathon adds on GET. */
export function appView(
  app: AppDefinition,
  tasks: readonly TaskRecord[],
  opts: AppViewOptions = { embedTasks: false, embedCounts: true },
): Record<string, unknown> {
  const shape = { berth: opts.berth ?? false };
  const live = tasks.filter((t) => !isTerminal(t.state));
  const checked = app.healthChecks.length > 0;
  return {
    ...definitionView(app, shape),
    ...(opts.embedCounts ? counts(app, live, checked, opts) : {}),
    ...(opts.embedTasks ? { tasks: live.map((t) => taskView(t, checked, shape)) } : {}),
    ...(opts.lastTaskFailure ? { lastTaskFailure: opts.lastTaskFailure } : {}),
  };
}

const definitionJson = new KeptJson<AppDefinition>();

/**
 * `JSON.stringify(appView(...))`, for long lists: the definition (most of an
 * app's JSON, and unchanged between most GETs) is redacted and serialized once
 * per stored version, each task once per record, and only the counts each time.
 */
export function appViewJson(app: AppDefinition, tasks: readonly TaskRecord[], opts: AppViewOptions): string {
  const shape = { berth: opts.berth ?? false };
  // The definition's part, without its closing brace.
  const head = definitionJson.get(app, String(shape.berth), () => JSON.stringify(definitionView(app, shape)).slice(0, -1));
  const live = tasks.filter((t) => !isTerminal(t.state));
  const checked = app.healthChecks.length > 0;
  const parts = head === "{" ? [] : [head.slice(1)];
  if (opts.embedCounts) parts.push(JSON.stringify(counts(app, live, checked, opts)).slice(1, -1));
  if (opts.embedTasks) parts.push(`"tasks":[${live.map((t) => taskViewJson(t, checked, shape)).join(",")}]`);
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

/**
 * Marathon's `GET /v2/tasks` as text (Accept: text/plain), which old haproxy
 * bridge scripts read: one line per app and port, the app id with "/" as "_",
 * the port's service port, then each running task's host:port, tab-separated.
 */
export function tasksText(apps: readonly AppDefinition[], runningOf: (appId: string) => readonly TaskRecord[]): string {
  let out = "";
  for (const app of apps) {
    const name = app.id.slice(1).replaceAll("/", "_");
    const tasks = runningOf(app.id);
    const service = servicePorts(app);
    const ports = service.length > 0 ? service : [undefined];
    ports.forEach((port, i) => {
      const endpoints = tasks.map((t) => (port === undefined ? t.hostname : `${t.hostname}:${t.ports[i] ?? ""}`));
      out += `${name}\t${port ?? " "}\t${endpoints.map((e) => `${e}\t`).join("")}\n`;
    });
  }
  return out;
}

/** Whether a request asks for Berth's own fields beside Marathon's: `embed=berth`. */
export function shapeOf(query: { embed?: string | string[] }): Shape {
  return { berth: ([] as string[]).concat(query.embed ?? []).some((e) => e.split(",").includes("berth")) };
}
