import { randomUUID } from "node:crypto";
import { type Bus, publishEvent } from "@berth/bus";
import { type AppDefinition, appKey, ConflictError, NotFoundError, parseApp, parseAppId, updateApp, ValidationError } from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ClusterView } from "../cluster-view.js";
import { appView, taskView } from "../views.js";

export interface AppRoutesOptions {
  bus: Bus;
  view: ClusterView;
  now: () => Date;
}

function appIdFrom(raw: string): string {
  const r = parseAppId(raw.startsWith("/") ? raw : `/${raw}`);
  if (!r.ok) throw new NotFoundError(`App '/${raw.replace(/^\//, "")}' does not exist`);
  return r.id;
}

function changed(reply: FastifyReply, version: string): { deploymentId: string; version: string } {
  const deploymentId = randomUUID();
  void reply.header("Marathon-Deployment-Id", deploymentId);
  return { deploymentId, version };
}

/** Marathon's label selector: "k==v", "k!=v", "k in (a,b)", "k notin (a,b)" or "k", comma-separated. */
export function labelMatcher(selector: string): (labels: Record<string, string>) => boolean {
  const terms =
    selector
      .match(/[^,()]+(\([^)]*\))?/g)
      ?.map((t) => t.trim())
      .filter(Boolean) ?? [];
  const tests = terms.map((term) => {
    let m: RegExpExecArray | null;
    if ((m = /^([^!=\s]+)\s*==\s*(.*)$/.exec(term))) return (l: Record<string, string>) => l[m![1]!] === m![2];
    if ((m = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(term))) return (l: Record<string, string>) => l[m![1]!] !== m![2];
    if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term))) {
      const values = m[3]!.split(",").map((v) => v.trim());
      const inSet = m[2] === "in";
      return (l: Record<string, string>) => (l[m![1]!] !== undefined && values.includes(l[m![1]!]!)) === inSet;
    }
    return (l: Record<string, string>) => l[term] !== undefined;
  });
  return (labels) => tests.every((t) => t(labels));
}

export async function appRoutes(app: FastifyInstance, opts: AppRoutesOptions): Promise<void> {
  const { bus, view } = opts;

  /** Marathon's api_post_event: who changed an app, through which URI, to what. */
  const apiPostEvent = (req: FastifyRequest, a: AppDefinition, version: string) =>
    publishEvent(
      bus.js,
      { eventType: "api_post_event", timestamp: version, clientIp: req.ip, uri: req.url, appDefinition: a },
      `api-post-${a.id}-${version}`,
    );

  const present = (a: AppDefinition, embed: readonly string[]) =>
    appView(a, view.tasksOf(a.id), { embedTasks: embed.includes("apps.tasks") || embed.includes("app.tasks"), embedCounts: true });

  app.get<{ Querystring: { id?: string; cmd?: string; label?: string; embed?: string | string[] } }>("/v2/apps", async (req) => {
    const embed = ([] as string[]).concat(req.query.embed ?? []);
    const { id, cmd, label } = req.query;
    const matchLabels = label ? labelMatcher(label) : undefined;
    const apps = [...view.apps.values()]
      .filter((a) => (id ? a.id.includes(id) : true))
      .filter((a) => (cmd ? (a.cmd ?? "").includes(cmd) : true))
      .filter((a) => (matchLabels ? matchLabels(a.labels) : true))
      .sort((a, b) => a.id.localeCompare(b.id));
    return { apps: apps.map((a) => present(a, embed)) };
  });

  app.post<{ Body: unknown }>("/v2/apps", async (req, reply) => {
    const version = opts.now().toISOString();
    const parsed = parseApp(req.body, { version });
    if (!parsed.ok) throw new ValidationError(parsed.details);
    const a = parsed.app;
    let revision: number;
    try {
      revision = await bus.apps.create(appKey(a.id), a);
    } catch (err) {
      if ((await bus.apps.get(appKey(a.id))) !== undefined) throw new ConflictError(`An app with id [${a.id}] already exists.`);
      throw err;
    }
    await view.apps.waitFor(revision);
    await apiPostEvent(req, a, version);
    const { deploymentId } = changed(reply, version);
    void reply.header("Location", `/v2/apps${a.id}`);
    return reply.status(201).send({ ...present(a, []), deployments: [{ id: deploymentId }] });
  });

  app.get<{ Params: { "*": string } }>("/v2/apps/*", async (req) => {
    const path = req.params["*"].replace(/\/+$/, "");
    const tasksOnly = path.endsWith("/tasks");
    const id = appIdFrom(tasksOnly ? path.slice(0, -"/tasks".length) : path);
    const found = await bus.apps.get(appKey(id));
    if (!found) throw new NotFoundError(`App '${id}' does not exist`);
    if (tasksOnly) return { tasks: view.tasksOf(id).map(taskView) };
    // Marathon embeds an app's tasks in the answer for a single app.
    return { app: appView(found.value, view.tasksOf(id), { embedTasks: true, embedCounts: true }) };
  });

  app.put<{ Params: { "*": string }; Querystring: { partialUpdate?: string; force?: string }; Body: unknown }>(
    "/v2/apps/*",
    async (req, reply) => {
      const id = appIdFrom(req.params["*"].replace(/\/+$/, ""));
      const version = opts.now().toISOString();
      const partial = req.query.partialUpdate !== "false";
      let invalid: ValidationError | undefined;
      let created = false;
      const r = await bus.apps.mutate(appKey(id), (cur) => {
        invalid = undefined;
        created = cur === undefined;
        const result = cur ? updateApp(cur, req.body, { version, partial }) : parseApp({ ...(req.body as object), id }, { version });
        if (!result.ok) {
          invalid = new ValidationError(result.details);
          return undefined;
        }
        return result.app;
      });
      if (invalid) throw invalid;
      await view.apps.waitFor(r.revision);
      const body = changed(reply, version);
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  app.delete<{ Params: { "*": string } }>("/v2/apps/*", async (req, reply) => {
    const id = appIdFrom(req.params["*"].replace(/\/+$/, ""));
    const r = await bus.apps.mutate(appKey(id), (cur) => (cur ? null : undefined));
    if (!r.changed) throw new NotFoundError(`App '${id}' does not exist`);
    for (let i = 0; i < 200 && view.apps.get(appKey(id)); i++) await new Promise((res) => setTimeout(res, 5));
    const version = opts.now().toISOString();
    await publishEvent(bus.js, { eventType: "app_terminated_event", timestamp: version, appId: id }, `app-terminated-${id}-${version}`);
    return changed(reply, version);
  });
}
