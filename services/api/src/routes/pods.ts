import type { PublicEvent } from "@berth/bus";
import {
  type AppDefinition,
  type Deployment,
  appKey,
  ConflictError,
  mayAccess,
  NotFoundError,
  parsePod,
  podInstanceStatus,
  podOf,
  podStatus,
  ValidationError,
} from "@berth/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requireAccess } from "../auth.js";
import type { ChangeResult } from "../deployer.js";
import { appIdFrom, type AppRoutesOptions } from "./apps.js";

interface ChangeQuery {
  force?: string;
}

/** Splits "team/db::status" (or "::versions/<v>", "::instances/<id>") into the pod's id and what follows "::". */
export function splitPodPath(raw: string): { id: string; suffix: string } {
  const at = raw.indexOf("::");
  const path = (at < 0 ? raw : raw.slice(0, at)).replace(/\/+$/, "");
  const suffix = at < 0 ? "" : raw.slice(at + 2);
  if (path === "") return { id: "/", suffix };
  const r = appIdFrom(path);
  return { id: r, suffix };
}

/**
 * Marathon's /v2/pods. A pod runs as an app whose tasks are its instances, so
 * it deploys, scales, restarts, backs off and rolls back as an app does; its
 * id is in the same namespace (an app and a pod cannot share one).
 */
export async function podRoutes(app: FastifyInstance, opts: AppRoutesOptions): Promise<void> {
  const { bus, view, deployer } = opts;

  const podApp = (id: string): AppDefinition => {
    const found = view.apps.get(appKey(id))?.value;
    if (!found?.pod) throw new NotFoundError(`Pod '${id}' does not exist`);
    return found;
  };
  const lastFailure = (id: string) => view.backoff.get(appKey(id))?.value.lastTaskFailure;
  const waiting = (id: string) => view.queue.get(appKey(id))?.value;
  const parse = (raw: unknown, id: string | undefined, version: string): AppDefinition => {
    const r = parsePod(id ? { ...(raw as object), id } : raw, version);
    if (!r.ok) throw new ValidationError(r.details, "Invalid pod definition");
    return r.app;
  };

  /** A pod's change as one request asks it: Marathon's pod event (`eventType()` once applied) is carried with the deployment's events. */
  const requested = (req: FastifyRequest<{ Querystring: ChangeQuery }>, eventType: () => string) => ({
    force: req.query.force === "true",
    dryRun: false,
    told: (d: Deployment): PublicEvent[] => [{ eventType: eventType(), timestamp: d.version, clientIp: req.ip, uri: req.url }],
  });

  const answer = async (reply: FastifyReply, r: ChangeResult, created: boolean) => {
    void reply.header("Marathon-Deployment-Id", r.deployment.id);
    if (created) void reply.header("Location", `/v2/pods${r.target?.id ?? ""}`);
    return reply.status(created ? 201 : 200).send(r.target ? podOf(r.target) : null);
  };

  app.post<{ Body: unknown; Querystring: ChangeQuery }>("/v2/pods", async (req, reply) => {
    const probe = parse(req.body, undefined, "probe");
    requireAccess(req, probe.id, "deploy");
    const r = await deployer.change(
      probe.id,
      (cur, version) => {
        if (cur) throw new ConflictError(`${cur.pod ? "A pod" : "An app"} with id [${probe.id}] already exists.`);
        return parse(req.body, undefined, version);
      },
      requested(req, () => "pod_created_event"),
    );
    return answer(reply, r, true);
  });

  app.get("/v2/pods", async (req) =>
    [...view.apps.values()]
      .filter((a) => a.pod && mayAccess(req.principal, a.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((a) => podOf(a)),
  );

  app.get<{ Params: { "*": string } }>("/v2/pods/*", async (req) => {
    const { id, suffix } = splitPodPath(req.params["*"]);
    if (id === "/" && suffix === "status") {
      const now = Date.now();
      return [...view.apps.values()]
        .filter((a) => a.pod && mayAccess(req.principal, a.id))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((a) => podStatus(a, view.tasksOf(a.id), now, lastFailure(a.id), waiting(a.id)));
    }
    requireAccess(req, id);
    const pod = podApp(id);
    if (suffix === "") return podOf(pod);
    if (suffix === "status") return podStatus(pod, view.tasksOf(id), Date.now(), lastFailure(id), waiting(id));
    if (suffix !== "versions" && !suffix.startsWith("versions/")) throw new NotFoundError(`No route for GET ${req.url}`);
    const history = (await bus.apps.history(appKey(id))).filter((h) => h.value.pod);
    if (suffix === "versions") return history.map((h) => h.value.version).reverse();
    const wanted = suffix.slice("versions/".length);
    const then = history.find((h) => h.value.version === wanted)?.value;
    if (!then) throw new NotFoundError(`Pod '${id}' has no version ${wanted}`);
    return podOf(then);
  });

  /** PUT creates the pod or replaces its definition (a deployment, as for an app). */
  app.put<{ Params: { "*": string }; Body: unknown; Querystring: ChangeQuery }>("/v2/pods/*", async (req, reply) => {
    const { id, suffix } = splitPodPath(req.params["*"]);
    if (suffix !== "" || id === "/") throw new NotFoundError(`No route for PUT ${req.url}`);
    requireAccess(req, id, "deploy");
    const bodyId = (req.body as { id?: unknown } | null)?.id;
    if (typeof bodyId === "string" && appIdFrom(bodyId) !== id) {
      throw new ValidationError([{ path: "/id", errors: [`must be ${id} (the path's), or left out`] }]);
    }
    let created = false;
    const r = await deployer.change(
      id,
      (cur, version) => {
        if (cur && !cur.pod) throw new ConflictError(`An app with id [${id}] already exists.`);
        created = cur === undefined;
        return parse(req.body, id, version);
      },
      requested(req, () => (created ? "pod_created_event" : "pod_updated_event")),
    );
    return answer(reply, r, created);
  });

  app.delete<{ Params: { "*": string }; Body: unknown; Querystring: ChangeQuery }>("/v2/pods/*", async (req, reply) => {
    const { id, suffix } = splitPodPath(req.params["*"]);
    requireAccess(req, id, "deploy");
    const pod = podApp(id);
    if (suffix === "instances" || suffix.startsWith("instances/")) {
      // One instance by path, or several as a JSON array of ids; each is killed and replaced, as Marathon does.
      const ids = suffix === "instances" ? req.body : [suffix.slice("instances/".length)];
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === "string")) {
        throw new ValidationError([{ path: "/", errors: ['send the instance ids to kill: ["<instance id>", ...]'] }]);
      }
      const live = view.tasksOf(id).filter((t) => t.goal !== "KILL");
      const chosen = ids.map((i) => {
        const t = live.find((x) => x.taskId === i);
        if (!t) throw new NotFoundError(`Instance '${i}' of pod '${id}' does not exist`);
        return t;
      });
      const killed = await opts.killer.kill(chosen.map((t) => t.taskId));
      const statuses = killed.map((t) => podInstanceStatus(pod, t));
      return suffix === "instances" ? statuses : statuses[0];
    }
    if (suffix !== "") throw new NotFoundError(`No route for DELETE ${req.url}`);
    const r = await deployer.change(
      id,
      () => undefined,
      requested(req, () => "pod_deleted_event"),
    );
    void reply.header("Marathon-Deployment-Id", r.deployment.id);
    return reply.status(202).send();
  });
}
