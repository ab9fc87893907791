import { type Bus, publishEvent } from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  ConflictError,
  type Action,
  mayAccess,
  NotFoundError,
  parseApp,
  parseAppId,
  updateApp,
  ValidationError,
  type ValidationDetail,
} from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import type { QuotaBook } from "../quota-book.js";
import type { Deployer } from "../deployer.js";
import { appView } from "../views.js";

interface GroupNode {
  id: string;
  apps: Record<string, unknown>[];
  groups: GroupNode[];
  version?: string;
}

/** Groups are the folders of app ids: "/team/api/web" is in "/team/api", which is in "/team". */
export function groupTree(
  groupId: string,
  apps: readonly AppDefinition[],
  present: (a: AppDefinition) => Record<string, unknown>,
): GroupNode {
  const prefix = groupId === "/" ? "/" : `${groupId}/`;
  const node: GroupNode = { id: groupId, apps: [], groups: [] };
  const children = new Map<string, AppDefinition[]>();
  for (const a of apps) {
    if (!a.id.startsWith(prefix)) continue;
    const rest = a.id.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) node.apps.push(present(a));
    else {
      const child = `${prefix}${rest.slice(0, slash)}`;
      children.set(child, [...(children.get(child) ?? []), a]);
    }
  }
  for (const [child, list] of [...children].sort(([x], [y]) => x.localeCompare(y))) node.groups.push(groupTree(child, list, present));
  const versions = apps.filter((a) => a.id.startsWith(prefix)).map((a) => a.version);
  if (versions.length > 0) node.version = versions.sort().at(-1) ?? "";
  return node;
}

/** Groups nest no deeper than an id can: 255 characters hold at most 128 segments. */
export const MAX_GROUP_DEPTH = 128;

/** Reads a group definition into absolute app ids with their raw definitions; relative ids resolve against their group. */
export function flattenGroup(raw: unknown, groupId: string): { id: string; raw: Record<string, unknown>; path: string }[] {
  const details: ValidationDetail[] = [];
  const out: { id: string; raw: Record<string, unknown>; path: string }[] = [];
  const walk = (node: unknown, base: string, path: string, depth: number) => {
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      details.push({ path: path || "/", errors: ["must be an object"] });
      return;
    }
    if (depth > MAX_GROUP_DEPTH) {
      details.push({ path, errors: [`groups nest at most ${MAX_GROUP_DEPTH} deep (an id holds at most 255 characters)`] });
      return;
    }
    const g = node as { id?: unknown; apps?: unknown; groups?: unknown };
    let here = base;
    if (g.id !== undefined && path !== "") {
      const r = typeof g.id === "string" ? parseAppId(g.id, base) : { ok: false as const, error: "must be a string" };
      if (!r.ok) details.push({ path: `${path}/id`, errors: [r.error] });
      else here = r.id;
    }
    if (g.apps !== undefined) {
      if (!Array.isArray(g.apps)) details.push({ path: `${path}/apps`, errors: ["must be an array"] });
      else
        g.apps.forEach((a: unknown, i) => {
          const id = (a as { id?: unknown } | null)?.id;
          const r = typeof id === "string" ? parseAppId(id, here) : { ok: false as const, error: "is required" };
          if (!r.ok) details.push({ path: `${path}/apps/${i}/id`, errors: [r.error] });
          else out.push({ id: r.id, raw: { ...(a as object), id: r.id }, path: `${path}/apps/${i}` });
        });
    }
    if (g.groups !== undefined) {
      if (!Array.isArray(g.groups)) details.push({ path: `${path}/groups`, errors: ["must be an array"] });
      else g.groups.forEach((child: unknown, i) => walk(child, here, `${path}/groups/${i}`, depth + 1));
    }
  };
  walk(raw, groupId, "", 0);
  const outside = out.filter((a) => groupId !== "/" && !a.id.startsWith(`${groupId}/`));
  for (const a of outside) details.push({ path: `${a.path}/id`, errors: [`${a.id} is not inside ${groupId}`] });
  const seen = new Set<string>();
  for (const a of out) {
    if (seen.has(a.id)) details.push({ path: `${a.path}/id`, errors: [`${a.id} is given twice`] });
    seen.add(a.id);
  }
  if (details.length > 0) throw new ValidationError(details);
  return out;
}

function groupIdFrom(raw: string | undefined): string {
  const path = (raw ?? "").replace(/\/+$/, "");
  if (path === "" || path === "/") return "/";
  const r = parseAppId(path.startsWith("/") ? path : `/${path}`);
  if (!r.ok) throw new NotFoundError(`Group '/${path}' does not exist`);
  return r.id;
}

export interface GroupRoutesOptions {
  bus: Bus;
  view: ClusterView;
  deployer: Deployer;
  quotas: QuotaBook;
}

export async function groupRoutes(app: FastifyInstance, opts: GroupRoutesOptions): Promise<void> {
  const { view, deployer, bus } = opts;
  const present = (a: AppDefinition) =>
    appView(a, view.tasksOf(a.id), { embedTasks: false, embedCounts: true, deployments: view.deploymentsOf(a.id) });
  /** The apps under a group that the caller may see (or change): for a team, the root group holds only its own. */
  const appsUnder = (req: FastifyRequest, groupId: string, action: Action = "read") =>
    [...view.apps.values()].filter((a) => mayAccess(req.principal, a.id, action) && (groupId === "/" || a.id.startsWith(`${groupId}/`)));

  const show = (req: FastifyRequest, groupId: string) => {
    if (groupId !== "/") requireAccess(req, groupId);
    const apps = appsUnder(req, groupId);
    if (groupId !== "/" && apps.length === 0) throw new NotFoundError(`Group '${groupId}' does not exist`);
    return groupTree(groupId, apps, present);
  };

  app.get("/v2/groups", async (req) => show(req, "/"));
  app.get<{ Params: { "*": string } }>("/v2/groups/*", async (req) => {
    const path = req.params["*"].replace(/\/+$/, "");
    if (path.endsWith("/versions") || path === "versions") {
      const id = groupIdFrom(path.slice(0, -"versions".length));
      if (id !== "/") requireAccess(req, id);
      return [...new Set(appsUnder(req, id).map((a) => a.version))].sort().reverse();
    }
    return show(req, groupIdFrom(path));
  });

  /**
   * Applies a whole group: every app in the body is created or updated, and
   * (for PUT) every app under the group that the body leaves out is removed.
   * All definitions are checked, and every lock, before anything changes.
   */
  const apply = async (
    req: FastifyRequest<{ Querystring: { force?: string; dryRun?: string } }>,
    reply: FastifyReply,
    groupId: string,
    body: unknown,
    replace: boolean,
  ) => {
    const force = req.query.force === "true";
    const dryRun = req.query.dryRun === "true";
    if (groupId !== "/") requireAccess(req, groupId, "deploy");
    const wanted = flattenGroup(body, groupId);
    for (const w of wanted) requireAccess(req, w.id, "deploy");
    const version = new Date().toISOString();
    const details: ValidationDetail[] = [];
    const targets: { appId: string; target: AppDefinition | undefined }[] = [];
    for (const w of wanted) {
      const cur = view.apps.get(appKey(w.id))?.value;
      const r = cur ? updateApp(cur, w.raw, { version, partial: false }) : parseApp(w.raw, { version });
      const fail = (path: string, errors: readonly string[]) => details.push({ path: `${w.path}${path === "/" ? "" : path}`, errors });
      if (!r.ok) for (const d of r.details) fail(d.path, d.errors);
      else {
        for (const d of deployer.admissionErrors(r.app)) fail(d.path, d.errors);
        targets.push({ appId: w.id, target: r.app });
      }
    }
    if (details.length > 0) throw new ValidationError(details);
    const wantedIds = new Set(wanted.map((w) => w.id));
    // Only apps the caller may change are removed: a scoped token's whole-tree PUT leaves the rest alone.
    const removed = replace ? appsUnder(req, groupId, "deploy").filter((a) => !wantedIds.has(a.id)) : [];
    // The whole group must fit its teams' quotas before any of it is applied.
    opts.quotas.checkAll([...targets, ...removed.map((a) => ({ appId: a.id, target: undefined }))]);
    if (!force) {
      const held = [];
      for (const id of [...wantedIds, ...removed.map((a) => a.id)]) {
        const lock = await bus.locks.get(appKey(id));
        if (lock) held.push(lock.value.deploymentId);
      }
      if (held.length > 0)
        throw new ConflictError("App is locked by one or more deployments. Override with the option '?force=true'.", held);
    }
    const ids: string[] = [];
    for (const w of wanted) {
      const r = await deployer.change(
        w.id,
        (cur, v) => {
          const res = cur ? updateApp(cur, w.raw, { version: v, partial: false }) : parseApp(w.raw, { version: v });
          if (!res.ok) throw new ValidationError(res.details);
          return res.app;
        },
        { force, dryRun },
      );
      ids.push(r.deployment.id);
    }
    for (const a of removed) ids.push((await deployer.change(a.id, () => undefined, { force, dryRun })).deployment.id);
    if (dryRun) return reply.send({ dryRun: true, apps: [...wantedIds], removed: removed.map((a) => a.id) });
    await publishEvent(
      bus.js,
      { eventType: "group_change_success", timestamp: version, groupId, version },
      `group-change-${groupId}-${version}`,
    );
    void reply.header("Marathon-Deployment-Id", ids.join(","));
    return reply.status(200).send({ deploymentId: ids[0] ?? null, deploymentIds: ids, version });
  };

  app.post<{ Body: unknown; Querystring: { force?: string; dryRun?: string } }>("/v2/groups", async (req, reply) => {
    const id = (req.body as { id?: unknown } | null)?.id;
    const groupId = typeof id === "string" ? groupIdFrom(id) : "/";
    if (groupId !== "/" && appsUnder(req, groupId).length > 0)
      throw new ConflictError(`Group ${groupId} already exists. Use PUT to change it.`);
    return apply(req, reply, groupId, req.body, false);
  });
  app.put<{ Params: { "*": string }; Body: unknown; Querystring: { force?: string; dryRun?: string } }>(
    "/v2/groups/*",
    async (req, reply) => apply(req, reply, groupIdFrom(req.params["*"]), req.body, true),
  );
  app.delete<{ Params: { "*": string }; Querystring: { force?: string } }>("/v2/groups/*", async (req, reply) => {
    const groupId = groupIdFrom(req.params["*"]);
    if (groupId === "/") throw new ValidationError([{ path: "/", errors: ["the root group cannot be deleted"] }]);
    requireAccess(req, groupId, "deploy");
    if (appsUnder(req, groupId).length === 0) throw new NotFoundError(`Group '${groupId}' does not exist`);
    return apply(req, reply, groupId, { id: groupId, apps: [] }, true);
  });
}
