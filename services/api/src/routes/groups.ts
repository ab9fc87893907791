import { type BusHandles, lockHolder, publishEvent } from "@berth/bus";
import { randomUUID } from "node:crypto";
import {
  type Action,
  type AppDefinition,
  appKey,
  ConflictError,
  type Deployment,
  definitionOf,
  groupTree,
  mayAccess,
  NotFoundError,
  parseApp,
  parseAppId,
  QuotaExceededError,
  readGroupUpdate,
  scaledInstances,
  updateApp,
  ValidationError,
  type ValidationDetail,
} from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import type { QuotaBook } from "../quota-book.js";
import type { Deployer } from "../deployer.js";
import { appView, shapeOf } from "../views.js";

function groupIdFrom(raw: string | undefined): string {
  const path = (raw ?? "").replace(/\/+$/, "");
  if (path === "" || path === "/") return "/";
  const r = parseAppId(path.startsWith("/") ? path : `/${path}`);
  if (!r.ok) throw new NotFoundError(`Group '/${path}' does not exist`);
  return r.id;
}

export interface GroupRoutesOptions {
  bus: BusHandles<"apps" | "deployments" | "js" | "locks">;
  view: ClusterView;
  deployer: Deployer;
  quotas: QuotaBook;
}

export async function groupRoutes(app: FastifyInstance, opts: GroupRoutesOptions): Promise<void> {
  const { view, deployer, bus } = opts;
  const presenter = (berth: boolean) => (a: AppDefinition) =>
    appView(a, view.tasksOf(a.id), { embedTasks: false, embedCounts: true, deployments: view.deploymentsOf(a.id), berth });
  /** The apps under a group that the caller may see (or change): for a team, the root group holds only its own. */
  const appsUnder = (req: FastifyRequest, groupId: string, action: Action = "read") =>
    [...view.apps.values()].filter((a) => mayAccess(req.principal, a.id, action) && (groupId === "/" || a.id.startsWith(`${groupId}/`)));

  const show = (req: FastifyRequest<{ Querystring: { embed?: string | string[] } }>, groupId: string) => {
    if (groupId !== "/") requireAccess(req, groupId);
    const apps = appsUnder(req, groupId);
    if (groupId !== "/" && apps.length === 0) throw new NotFoundError(`Group '${groupId}' does not exist`);
    return groupTree(groupId, apps, presenter(shapeOf(req.query).berth));
  };

  app.get<{ Querystring: { embed?: string | string[] } }>("/v2/groups", async (req) => show(req, "/"));
  app.get<{ Params: { "*": string }; Querystring: { embed?: string | string[] } }>("/v2/groups/*", async (req) => {
    const path = req.params["*"].replace(/\/+$/, "");
    if (path.endsWith("/versions") || path === "versions") {
      const id = groupIdFrom(path.slice(0, -"versions".length));
      if (id !== "/") requireAccess(req, id);
      // A group's versions are its apps' versions, newest first: each is a state the group can be rolled back to.
      const histories = await Promise.all(appsUnder(req, id).map((a) => bus.apps.history(appKey(a.id))));
      return [...new Set(histories.flat().map((h) => h.value.version))].sort().reverse();
    }
    return show(req, groupIdFrom(path));
  });

  /** A change of one app within a group change: what to make of it, given what it is now. */
  type AppChange = { appId: string; compute: (cur: AppDefinition | undefined, version: string) => AppDefinition | undefined };

  /**
   * Applies a group change: every app's new definition is checked (validity,
   * policy, secrets, the teams' quotas, locks) before any is applied, so a
   * bad one changes nothing.
   */
  /**
   * A group change, as Marathon reports it: a refused one (invalid, locked,
   * over quota) publishes group_change_failed with the reason, then answers
   * the error.
   */
  const apply = async (
    req: FastifyRequest<{ Querystring: { force?: string; dryRun?: string } }>,
    reply: FastifyReply,
    groupId: string,
    changes: () => Promise<readonly (AppChange & { path: string })[]>,
    okStatus = 200,
  ) => {
    try {
      return await applyChanges(req, reply, groupId, await changes(), okStatus);
    } catch (err) {
      // Not a refusal of the caller's rights (403, 404): that would tell the group's team who tried what.
      const refusedChange = err instanceof ValidationError || err instanceof ConflictError || err instanceof QuotaExceededError;
      if (refusedChange && req.query.dryRun !== "true") {
        const version = new Date().toISOString();
        await publishEvent(
          bus.js,
          { eventType: "group_change_failed", timestamp: version, groupId, version, reason: err.message },
          `group-change-failed-${groupId}-${version}`,
        );
      }
      throw err;
    }
  };

  const applyChanges = async (
    req: FastifyRequest<{ Querystring: { force?: string; dryRun?: string } }>,
    reply: FastifyReply,
    groupId: string,
    changes: readonly (AppChange & { path: string })[],
    okStatus: number,
  ) => {
    const force = req.query.force === "true";
    const dryRun = req.query.dryRun === "true";
    const version = new Date().toISOString();
    const details: ValidationDetail[] = [];
    const targets: { appId: string; target: AppDefinition | undefined }[] = [];
    for (const c of changes) {
      try {
        const target = c.compute(view.apps.get(appKey(c.appId))?.value, version);
        for (const d of target ? deployer.admissionErrors(target) : []) details.push({ path: `${c.path}${d.path}`, errors: d.errors });
        targets.push({ appId: c.appId, target });
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        for (const d of err.details) details.push({ path: `${c.path}${d.path === "/" ? "" : d.path}`, errors: d.errors });
      }
    }
    if (details.length > 0) throw new ValidationError(details);
    // The whole group must fit its teams' quotas before any of it is applied.
    opts.quotas.checkAll(targets);
    if (!force) {
      const held = [];
      for (const c of changes) {
        const holder = await lockHolder(bus, c.appId, Date.now());
        if (holder) held.push(holder);
      }
      if (held.length > 0)
        throw new ConflictError("App is locked by one or more deployments. Override with the option '?force=true'.", held);
    }
    // One deployment for the change, as Marathon's, over each app's own: every app gets the same version, the group's,
    // which GET .../versions lists and a rollback names.
    const groupDeploymentId = randomUUID();
    const parts: Deployment[] = [];
    for (const c of changes) {
      parts.push(
        (await deployer.change(c.appId, c.compute, { force, dryRun, version, inGroup: true, partOf: groupDeploymentId })).deployment,
      );
    }
    if (dryRun) {
      return reply.send({
        dryRun: true,
        apps: targets.filter((t) => t.target).map((t) => t.appId),
        removed: targets.filter((t) => !t.target).map((t) => t.appId),
      });
    }
    await deployer.tell({ eventType: "group_change_success", timestamp: version, groupId, version }, `group-change-${groupId}-${version}`);
    if (parts.length === 0) return reply.status(okStatus).send({ deploymentId: null, version });
    await deployer.startGroup(groupDeploymentId, version, parts);
    void reply.header("Marathon-Deployment-Id", groupDeploymentId);
    return reply.status(okStatus).send({ deploymentId: groupDeploymentId, version });
  };

  /** An app as the body gives it: created, or its whole definition replaced (Marathon's group semantics). */
  const upsert = (id: string, raw: Record<string, unknown>) => (cur: AppDefinition | undefined, v: string) => {
    const res = cur ? updateApp(cur, raw, { version: v, partial: false }) : parseApp(raw, { version: v });
    if (!res.ok) throw new ValidationError(res.details);
    return res.app;
  };
  const remove = () => undefined;

  /** The changes a group body asks for, as Marathon reads a GroupUpdate: change, scale or roll back. */
  const changesOf = async (req: FastifyRequest, groupId: string, body: unknown): Promise<(AppChange & { path: string })[]> => {
    if (groupId !== "/") requireAccess(req, groupId, "deploy");
    const read = readGroupUpdate(body, groupId);
    if (!read.ok) throw new ValidationError(read.details);
    const u = read.update;
    // A group's pods are changed through /v2/pods (and go with the group when it is deleted).
    const mine = appsUnder(req, groupId, "deploy").filter((a) => !a.pod);
    if (u.kind === "scale") {
      return mine.map((a) => ({
        appId: a.id,
        path: "/scaleBy",
        compute: (cur, v) => {
          if (!cur) return undefined;
          const r = updateApp(cur, { instances: scaledInstances(cur.instances, u.factor) }, { version: v, partial: true });
          if (!r.ok) throw new ValidationError(r.details);
          return r.app;
        },
      }));
    }
    if (u.kind === "rollback") return rollbackChanges(groupId, u.version, mine);
    for (const a of u.apps) requireAccess(req, a.id, "deploy");
    const wanted = new Set(u.apps.map((a) => a.id));
    // Only apps the caller may change are removed: a scoped token's change leaves the rest alone.
    const removed = mine.filter((a) => !wanted.has(a.id) && u.removes(a.id));
    return [
      ...u.apps.map((a) => ({ appId: a.id, path: a.path, compute: upsert(a.id, a.raw) })),
      ...removed.map((a) => ({ appId: a.id, path: "/", compute: remove })),
    ];
  };

  /**
   * A group as it was at `version` (a version GET .../versions lists): each
   * app as it was then; an app that did not exist yet goes.
   */
  const rollbackChanges = async (groupId: string, version: string, apps: AppDefinition[]) => {
    const histories = await Promise.all(apps.map(async (a) => ({ app: a, history: await bus.apps.history(appKey(a.id)) })));
    if (!histories.some((h) => h.history.some((v) => v.value.version === version))) {
      throw new NotFoundError(`Group '${groupId}' has no version ${version}`);
    }
    return histories.map(({ app: a, history }) => {
      const then = history.filter((v) => v.value.version <= version).at(-1)?.value;
      const compute = then
        ? (cur: AppDefinition | undefined, v: string) => {
            const back = parseApp(definitionOf(then), { version: v });
            if (!back.ok) throw new ValidationError(back.details, `${a.id} as of ${version} is no longer a valid app`);
            return { ...back.app, versionInfo: { lastScalingAt: v, lastConfigChangeAt: v } };
          }
        : remove;
      return { appId: a.id, path: "/version", compute };
    });
  };

  app.post<{ Body: unknown; Querystring: { force?: string; dryRun?: string } }>("/v2/groups", async (req, reply) => {
    const id = (req.body as { id?: unknown } | null)?.id;
    const groupId = typeof id === "string" ? groupIdFrom(id) : "/";
    if (groupId !== "/" && appsUnder(req, groupId).length > 0)
      throw new ConflictError(`Group ${groupId} already exists. Use PUT to change it.`);
    // Marathon answers a created group with 201.
    return apply(req, reply, groupId, () => changesOf(req, groupId, req.body), 201);
  });
  const put = async (req: FastifyRequest<{ Querystring: { force?: string; dryRun?: string } }>, reply: FastifyReply, raw: string) => {
    // PUT /v2/groups/{id}/versions/{version}: a rollback, as the client libraries send it.
    const rollback = /^(.*?)\/?versions\/([^/]+)\/?$/.exec(raw);
    const groupId = groupIdFrom(rollback ? rollback[1] : raw);
    const body = rollback ? { version: rollback[2] } : req.body;
    return apply(req, reply, groupId, () => changesOf(req, groupId, body));
  };
  app.put<{ Body: unknown; Querystring: { force?: string; dryRun?: string } }>("/v2/groups", async (req, reply) => put(req, reply, ""));
  // Marathon's PATCH of a group reads the same GroupUpdate: what the body leaves out is left alone.
  app.patch<{ Params: { "*": string }; Body: unknown; Querystring: { force?: string; dryRun?: string } }>(
    "/v2/groups/*",
    async (req, reply) => put(req, reply, req.params["*"]),
  );
  /** POST /v2/groups/{id}: creates a group under {id} (the body's id, relative to it, or {id} itself). */
  app.post<{ Params: { "*": string }; Body: unknown; Querystring: { force?: string; dryRun?: string } }>(
    "/v2/groups/*",
    async (req, reply) => {
      const parent = groupIdFrom(req.params["*"]);
      const id = (req.body as { id?: unknown } | null)?.id;
      const r = typeof id === "string" ? parseAppId(id, parent) : { ok: true as const, id: parent };
      if (!r.ok) throw new ValidationError([{ path: "/id", errors: [r.error] }]);
      if (r.id !== "/" && appsUnder(req, r.id).length > 0) throw new ConflictError(`Group ${r.id} already exists. Use PUT to change it.`);
      const body = typeof req.body === "object" && req.body !== null ? { ...(req.body as object), id: r.id } : req.body;
      return apply(req, reply, r.id, () => changesOf(req, r.id, body), 201);
    },
  );
  app.put<{ Params: { "*": string }; Body: unknown; Querystring: { force?: string; dryRun?: string } }>(
    "/v2/groups/*",
    async (req, reply) => put(req, reply, req.params["*"]),
  );
  app.delete<{ Params: { "*": string }; Querystring: { force?: string } }>("/v2/groups/*", async (req, reply) => {
    const groupId = groupIdFrom(req.params["*"]);
    if (groupId === "/") throw new ValidationError([{ path: "/", errors: ["the root group cannot be deleted"] }]);
    requireAccess(req, groupId, "deploy");
    const apps = appsUnder(req, groupId, "deploy");
    if (apps.length === 0) throw new NotFoundError(`Group '${groupId}' does not exist`);
    return apply(req, reply, groupId, async () => apps.map((a) => ({ appId: a.id, path: "/", compute: remove })));
  });
}
