import { appKey, NotFoundError, type TaskRecord, ValidationError, mayAccess, isMarathonTask } from "@berth/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import type { Deployer } from "../deployer.js";
import type { TaskKiller } from "../task-killer.js";
import { JSON_TYPE, shapeOf, tasksText, taskViewJson } from "../views.js";

/** Whether an Accept header asks for text/plain before JSON: Marathon's tasks as text, for old load-balancer scripts. */
function prefersText(accept: string | undefined): boolean {
  const types = (accept ?? "").split(",").map((t) => t.split(";")[0]?.trim());
  const text = types.indexOf("text/plain");
  const json = types.indexOf("application/json");
  return text >= 0 && (json < 0 || text < json);
}

const STATUS_TO_STATES: Record<string, readonly string[]> = {
  running: ["TASK_RUNNING"],
  staging: ["TASK_STAGING", "TASK_STARTING"],
  killing: ["TASK_KILLING"],
};

export interface KillQuery {
  embed?: string | string[];
  host?: string;
  scale?: string;
  wipe?: string;
  force?: string;
}

/**
 * Kills tasks; with scale=true the app's instances go down by as many (a
 * deployment), otherwise the dispatcher replaces them. A kill of one named
 * task answers `{"task": {...}}`, as Marathon's; others `{"tasks": [...]}`.
 */
async function killAndMaybeScale(deps: KillDeps, tasks: TaskRecord[], q: KillQuery, reply: FastifyReply, one = false) {
  const shape = shapeOf(q);
  const scale = q.scale === "true";
  if (!scale) {
    const killed = await deps.killer.kill(tasks.map((t) => t.taskId));
    const [first] = killed;
    if (one && first) return reply.type(JSON_TYPE).send(`{"task":${taskViewJson(first, deps.view.checked(first), shape)}}`);
    return reply.type(JSON_TYPE).send(deps.view.tasksJson(killed, shape));
  }
  const byApp = new Map<string, TaskRecord[]>();
  for (const t of tasks) byApp.set(t.appId, [...(byApp.get(t.appId) ?? []), t]);
  const ids: string[] = [];
  let version = "";
  for (const [appId, list] of byApp) {
    const r = await deps.deployer.change(
      appId,
      (cur, v) =>
        cur
          ? {
              ...cur,
              instances: Math.max(0, cur.instances - list.length),
              version: v,
              versionInfo: { ...cur.versionInfo, lastScalingAt: v },
            }
          : undefined,
      { force: q.force === "true", dryRun: false },
    );
    await deps.killer.kill(list.map((t) => t.taskId));
    ids.push(r.deployment.id);
    version = r.deployment.version;
  }
  void reply.header("Marathon-Deployment-Id", ids.join(","));
  return reply.send({ deploymentId: ids[0] ?? null, version });
}

export interface KillDeps {
  killer: TaskKiller;
  deployer: Deployer;
  view: ClusterView;
}

/** DELETE /v2/apps/{id}/tasks[/{taskId}]?host=&scale=: kill an app's tasks. */
export async function killAppTasks(deps: KillDeps, appId: string, taskId: string | undefined, q: KillQuery, reply: FastifyReply) {
  const app = deps.view.apps.get(appKey(appId));
  if (!app || app.value.pod) throw new NotFoundError(`App '${appId}' does not exist`);
  let tasks = deps.view.tasksOf(appId).filter((t) => t.goal !== "KILL");
  if (taskId !== undefined) {
    tasks = tasks.filter((t) => t.taskId === taskId);
    if (tasks.length === 0) throw new NotFoundError(`Task '${taskId}' of app '${appId}' does not exist`);
  }
  if (q.host) tasks = tasks.filter((t) => t.hostname === q.host);
  return killAndMaybeScale(deps, tasks, q, reply, taskId !== undefined);
}

export async function taskRoutes(app: FastifyInstance, opts: KillDeps): Promise<void> {
  app.get<{ Querystring: { status?: string | string[]; embed?: string | string[] } }>("/v2/tasks", async (req, reply) => {
    const wanted = ([] as string[])
      .concat(req.query.status ?? [])
      .flatMap((s) => s.split(","))
      .flatMap((s) => STATUS_TO_STATES[s.toLowerCase()] ?? [s]);
    // A pod's instances are not an app's tasks: /v2/pods/{id}::status shows them.
    const pods = new Set([...opts.view.apps.values()].filter((a) => a.pod).map((a) => a.id));
    const tasks = [...opts.view.tasks.values()].filter(
      (t) =>
        isMarathonTask(t) && mayAccess(req.principal, t.appId) && (wanted.length === 0 || wanted.includes(t.state)) && !pods.has(t.appId),
    );
    if (prefersText(req.headers.accept)) {
      const running = tasks.filter((t) => t.state === "TASK_RUNNING");
      const apps = [...new Set(running.map((t) => t.appId))].sort().flatMap((id) => opts.view.apps.get(appKey(id))?.value ?? []);
      return reply.type("text/plain; charset=utf-8").send(tasksText(apps, (id) => running.filter((t) => t.appId === id)));
    }
    return reply.type(JSON_TYPE).send(opts.view.tasksJson(tasks, shapeOf(req.query)));
  });

  app.post<{ Body: unknown; Querystring: KillQuery }>("/v2/tasks/delete", async (req, reply) => {
    const ids = (req.body as { ids?: unknown } | null)?.ids;
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === "string")) {
      throw new ValidationError([{ path: "/ids", errors: ['send {"ids": ["<task id>", ...]}'] }]);
    }
    // As Marathon: ids of no known task are passed over, and the answer lists what was killed. Another
    // team's task is one of those: its existence is not the caller's to learn.
    const visible = (id: string) => {
      const t = opts.view.tasks.get(id)?.value;
      return t && isMarathonTask(t) && mayAccess(req.principal, t.appId) ? t : undefined;
    };
    const tasks = ids.map(visible).filter((t): t is TaskRecord => t !== undefined);
    for (const t of tasks) requireAccess(req, t.appId, "deploy");
    return killAndMaybeScale(opts, tasks, req.query, reply);
  });
}
