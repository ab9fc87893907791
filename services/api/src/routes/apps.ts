import { type BusHandles, type PublicEvent } from "@berth/bus";
import { randomUUID } from "node:crypto";
import {
  type Deployment,
  type AppDefinition,
  appKey,
  bodyIdRefusal,
  ConflictError,
  definitionOf,
  mayAccess,
  NotFoundError,
  parseApp,
  parseAppId,
  redactApp,
  rollbackVersion,
  updateApp,
  ValidationError,
} from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import type { ChangeResult, Deployer } from "../deployer.js";
import type { TaskKiller } from "../task-killer.js";
import { appView, type AppViewOptions, appViewJson, JSON_TYPE, shapeOf } from "../views.js";
import { type KillQuery, killAppTasks } from "./tasks.js";

export interface AppRoutesOptions {
  bus: BusHandles<"apps" | "js">;
  view: ClusterView;
  deployer: Deployer;
  killer: TaskKiller;
}

interface ChangeQuery {
  force?: string;
  dryRun?: string;
  partialUpdate?: string;
}

export function appIdFrom(raw: string): string {
  const r = parseAppId(raw.startsWith("/") ? raw : `/${raw}`);
  if (!r.ok) throw new NotFoundError(`App '/${raw.replace(/^\//, "")}' does not exist`);
  return r.id;
}

/** Splits "/team/web/restart" into the app id and the sub-resource Marathon puts after it. */
export function splitAppPath(raw: string, suffixes: readonly string[]): { id: string; suffix: string } {
  const path = raw.replace(/\/+$/, "");
  for (const s of suffixes) {
    if (path.endsWith(`/${s}`)) return { id: appIdFrom(path.slice(0, -(s.length + 1))), suffix: s };
    const i = path.lastIndexOf(`/${s}/`);
    if (i >= 0) return { id: appIdFrom(path.slice(0, i)), suffix: `${s}/${path.slice(i + s.length + 2)}` };
  }
  return { id: appIdFrom(path), suffix: "" };
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
    if ((m = /^([^!=\s]+)\s*==\s*(.*)$/.exec(term))) {
      const [, k = "", v] = m;
      return (l: Record<string, string>) => l[k] === v;
    }
    if ((m = /^([^!=\s]+)\s*!=\s*(.*)$/.exec(term))) {
      const [, k = "", v] = m;
      return (l: Record<string, string>) => l[k] !== v;
    }
    if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term))) {
      const [, k = "", op, list = ""] = m;
      const values = list.split(",").map((v) => v.trim());
      return (l: Record<string, string>) => (l[k] !== undefined && values.includes(l[k])) === (op === "in");
    }
    return (l: Record<string, string>) => l[term] !== undefined;
  });
  return (labels) => tests.every((t) => t(labels));
}

const flag = (v: string | undefined) => v === "true" || v === "";

export async function appRoutes(app: FastifyInstance, opts: AppRoutesOptions): Promise<void> {
  const { bus, view, deployer } = opts;

  const presentOpts = (a: AppDefinition, embed: readonly string[]): AppViewOptions => ({
    embedTasks: embed.includes("apps.tasks") || embed.includes("app.tasks"),
    embedCounts: true,
    berth: shapeOf({ embed: [...embed] }).berth,
    deployments: view.deploymentsOf(a.id),
    lastTaskFailure: embed.includes("apps.lastTaskFailure") ? view.lastTaskFailure(a.id) : undefined,
  });
  const present = (a: AppDefinition, embed: readonly string[]) => appView(a, view.tasksOf(a.id), presentOpts(a, embed));

  /** Answers a change the way Marathon does: the deployment id in a header and the body. */
  const answer = async (req: FastifyRequest, reply: FastifyReply, r: ChangeResult, okStatus = 200, body?: unknown) => {
    if (r.kind === "dry-run") {
      return reply.status(200).send({
        dryRun: true,
        steps: r.deployment.steps,
        app: r.target ? redactApp(r.target) : null,
        launch: r.launch,
        kill: r.kill,
      });
    }
    void reply.header("Marathon-Deployment-Id", r.deployment.id);
    return reply.status(r.created ? 201 : okStatus).send(body ?? { deploymentId: r.deployment.id, version: r.deployment.version });
  };

  /** An app that exists; a pod is not one (it is changed through /v2/pods). */
  const requireApp = async (id: string) => {
    const found = await bus.apps.get(appKey(id));
    if (!found || found.value.pod) throw new NotFoundError(`App '${id}' does not exist`);
  };
  const changeOpts = (q: ChangeQuery) => ({ force: flag(q.force), dryRun: flag(q.dryRun) });
  /** A change asked for by one request: Marathon's api_post_event tells of it, carried with the deployment's events. */
  const requested = (req: FastifyRequest<{ Querystring: ChangeQuery }>) => ({
    ...changeOpts(req.query),
    told: (d: Deployment, target: AppDefinition | undefined): PublicEvent[] =>
      target
        ? [{ eventType: "api_post_event", timestamp: d.version, clientIp: req.ip, uri: req.url, appDefinition: redactApp(target) }]
        : [],
  });

  const parseFor = (raw: unknown, id: string | undefined, version: string): AppDefinition => {
    const r = parseApp(id ? { ...(raw as object), id } : raw, { version });
    if (!r.ok) throw new ValidationError(r.details);
    return r.app;
  };

  /** The change a body makes to the app at `id`; a body naming another id is refused, never followed. */
  const update = (id: string, raw: unknown, partial: boolean) => (cur: AppDefinition | undefined, version: string) => {
    if (cur?.pod) throw new ConflictError(`'${id}' is a pod: change it with PUT /v2/pods${id}`);
    if (!cur) {
      const refused = bodyIdRefusal(raw, id);
      if (refused) throw new ValidationError([refused]);
      return parseFor(raw, id, version);
    }
    const r = updateApp(cur, raw, { version, partial });
    if (!r.ok) throw new ValidationError(r.details);
    return r.app;
  };

  app.get<{ Querystring: { id?: string; cmd?: string; label?: string; embed?: string | string[] } }>("/v2/apps", async (req, reply) => {
    const embed = ([] as string[]).concat(req.query.embed ?? []);
    const { id, cmd, label } = req.query;
    const matchLabels = label ? labelMatcher(label) : undefined;
    const apps = [...view.apps.values()]
      .filter((a) => !a.pod && mayAccess(req.principal, a.id))
      .filter((a) => (id ? a.id.includes(id) : true))
      .filter((a) => (cmd ? (a.cmd ?? "").includes(cmd) : true))
      .filter((a) => (matchLabels ? matchLabels(a.labels) : true))
      .sort((a, b) => a.id.localeCompare(b.id));
    // Serialized here, app by app: most of each app's JSON is kept from the last answer.
    const body = apps.map((a) => appViewJson(a, view.tasksOf(a.id), presentOpts(a, embed))).join(",");
    return reply.type(JSON_TYPE).send(`{"apps":[${body}]}`);
  });

  app.post<{ Body: unknown; Querystring: ChangeQuery }>("/v2/apps", async (req, reply) => {
    const probe = parseFor(req.body, undefined, "probe");
    requireAccess(req, probe.id, "deploy");
    const r = await deployer.change(
      probe.id,
      (cur, version) => {
        if (cur) throw new ConflictError(`${cur.pod ? "A pod" : "An app"} with id [${probe.id}] already exists.`);
        return parseFor(req.body, undefined, version);
      },
      requested(req),
    );
    if (r.kind === "dry-run" || !r.target) return answer(req, reply, r, 201);
    await answer(req, reply.header("Location", `/v2/apps${probe.id}`), r, 201, {
      ...present(r.target, []),
      deployments: [{ id: r.deployment.id }],
    });
    return reply;
  });

  /** PUT /v2/apps (partial unless partialUpdate=false) and PATCH /v2/apps (always partial): several apps at once. */
  const bulk = async (req: FastifyRequest<{ Body: unknown; Querystring: ChangeQuery }>, reply: FastifyReply, partial: boolean) => {
    if (!Array.isArray(req.body)) throw new ValidationError([{ path: "/", errors: ["send an array of app definitions"] }]);
    const items = req.body.map((raw: unknown, i) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id !== "string") throw new ValidationError([{ path: `/${i}/id`, errors: ["is required"] }]);
      requireAccess(req, appIdFrom(id), "deploy");
      return { id: appIdFrom(id), raw };
    });
    // Every definition is checked before any is applied: a bad one changes nothing.
    for (const [i, item] of items.entries()) {
      try {
        update(item.id, item.raw, partial)((await bus.apps.get(appKey(item.id)))?.value, "probe");
      } catch (err) {
        if (err instanceof ValidationError)
          throw new ValidationError(err.details.map((d) => ({ path: `/${i}${d.path === "/" ? "" : d.path}`, errors: d.errors })));
        throw err;
      }
    }
    // One deployment for the whole request, as Marathon's, over each app's own; all of them share one version.
    const dryRun = flag(req.query.dryRun);
    const groupDeploymentId = randomUUID();
    const version = new Date().toISOString();
    const opts = { ...changeOpts(req.query), version, ...(dryRun ? {} : { partOf: groupDeploymentId }) };
    const results: ChangeResult[] = [];
    for (const item of items) results.push(await deployer.change(item.id, update(item.id, item.raw, partial), opts));
    if (dryRun || results.length === 0) return { deploymentId: null, version: null };
    await deployer.startGroup(
      groupDeploymentId,
      version,
      results.map((r) => r.deployment),
    );
    void reply.header("Marathon-Deployment-Id", groupDeploymentId);
    return { deploymentId: groupDeploymentId, version };
  };
  app.put<{ Body: unknown; Querystring: ChangeQuery }>("/v2/apps", async (req, reply) =>
    bulk(req, reply, req.query.partialUpdate !== "false"),
  );
  app.patch<{ Body: unknown; Querystring: ChangeQuery }>("/v2/apps", async (req, reply) => bulk(req, reply, true));

  app.get<{ Params: { "*": string }; Querystring: { embed?: string | string[] } }>("/v2/apps/*", async (req, reply) => {
    const { id, suffix } = splitAppPath(req.params["*"], ["tasks", "versions"]);
    requireAccess(req, id);
    // The read model: every change through this api waits until it shows there, so a client reads its own writes.
    const found = view.apps.get(appKey(id));
    if (!found || found.value.pod) throw new NotFoundError(`App '${id}' does not exist`);
    const embed = ([] as string[]).concat(req.query.embed ?? []);
    if (suffix === "") return { app: present(found.value, ["apps.tasks", "apps.lastTaskFailure", ...embed]) };
    if (suffix === "tasks") return reply.type(JSON_TYPE).send(view.tasksJson(view.tasksOf(id), shapeOf(req.query)));
    if (suffix !== "versions" && !suffix.startsWith("versions/")) throw new NotFoundError(`No route for GET ${req.url}`);
    const history = await bus.apps.history(appKey(id));
    if (suffix === "versions") return { versions: history.map((h) => h.value.version).reverse() };
    // The path is decoded once, by the router; decoding it again would read "%25" as a broken escape.
    const wanted = suffix.slice("versions/".length);
    const v = history.find((h) => h.value.version === wanted);
    if (!v) throw new NotFoundError(`App '${id}' has no version ${wanted}`);
    return redactApp(v.value);
  });

  /** Marathon's rollback: the app as it was at an earlier version, as a deployment of its own. */
  const rollbackTo = async (id: string, version: string) => {
    const then = (await bus.apps.history(appKey(id))).find((h) => h.value.version === version)?.value;
    if (!then) throw new NotFoundError(`App '${id}' has no version ${version}`);
    return (cur: AppDefinition | undefined, v: string) => {
      if (!cur || cur.pod) throw new NotFoundError(`App '${id}' does not exist`);
      const back = parseFor(definitionOf(then), id, v);
      back.versionInfo = { lastScalingAt: v, lastConfigChangeAt: v };
      return back;
    };
  };

  app.put<{ Params: { "*": string }; Querystring: ChangeQuery; Body: unknown }>("/v2/apps/*", async (req, reply) => {
    const id = appIdFrom(req.params["*"].replace(/\/+$/, ""));
    requireAccess(req, id, "deploy");
    const rollback = rollbackVersion(req.body, view.apps.get(appKey(id))?.value.version);
    if (rollback && "refused" in rollback) throw new ValidationError([rollback.refused]);
    const otherId = rollback ? bodyIdRefusal(req.body, id) : undefined;
    if (otherId) throw new ValidationError([otherId]);
    const compute = rollback ? await rollbackTo(id, rollback.version) : update(id, req.body, req.query.partialUpdate !== "false");
    const r = await deployer.change(id, compute, requested(req));
    return answer(req, reply, r);
  });

  app.patch<{ Params: { "*": string }; Querystring: ChangeQuery; Body: unknown }>("/v2/apps/*", async (req, reply) => {
    const id = appIdFrom(req.params["*"].replace(/\/+$/, ""));
    requireAccess(req, id, "deploy");
    await requireApp(id);
    const r = await deployer.change(id, update(id, req.body, true), requested(req));
    return answer(req, reply, r);
  });

  app.post<{ Params: { "*": string }; Querystring: ChangeQuery }>("/v2/apps/*", async (req, reply) => {
    const { id, suffix } = splitAppPath(req.params["*"], ["restart"]);
    if (suffix !== "restart") throw new NotFoundError(`No route for POST ${req.url}`);
    requireAccess(req, id, "deploy");
    await requireApp(id);
    const r = await deployer.change(
      id,
      (cur, version) => {
        if (!cur) throw new NotFoundError(`App '${id}' does not exist`);
        const next = parseFor(definitionOf(cur), undefined, version);
        next.versionInfo = { lastScalingAt: version, lastConfigChangeAt: version };
        return next;
      },
      { ...requested(req), restart: true },
    );
    return answer(req, reply, r);
  });

  app.delete<{ Params: { "*": string }; Querystring: ChangeQuery & KillQuery }>("/v2/apps/*", async (req, reply) => {
    const { id, suffix } = splitAppPath(req.params["*"], ["tasks"]);
    requireAccess(req, id, "deploy");
    if (suffix.startsWith("tasks")) {
      const taskId = suffix === "tasks" ? undefined : suffix.slice("tasks/".length);
      return killAppTasks({ killer: opts.killer, deployer, view }, id, taskId, req.query, reply);
    }
    await requireApp(id);
    const r = await deployer.change(id, () => undefined, requested(req));
    return answer(req, reply, r);
  });
}
