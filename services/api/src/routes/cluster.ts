import { ForbiddenError, mayAccess, mayAdminister, offerOf } from "@berth/core";
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { ClusterView } from "../cluster-view.js";
import { shapeOf } from "../views.js";

export interface ClusterRoutesOptions {
  view: ClusterView;
  registry: Registry;
  natsUrl: string;
  version: string;
  startedAt: Date;
  agentTimeoutMs: number;
  now: () => number;
  notReady: () => string | undefined;
}

export async function clusterRoutes(app: FastifyInstance, opts: ClusterRoutesOptions): Promise<void> {
  app.get("/ping", async (_req, reply) => reply.type("text/plain").send("pong"));
  app.get("/livez", async (_req, reply) => reply.type("text/plain").send("ok"));
  app.get("/readyz", async (_req, reply) => {
    const why = opts.notReady();
    return reply
      .status(why ? 503 : 200)
      .type("text/plain")
      .send(why ?? "ok");
  });

  // An admin's token or the scrape token (which leaves no principal): a team's token is refused.
  app.get("/metrics", async (req, reply) => {
    if (req.principal && !mayAdminister(req.principal, "read"))
      throw new ForbiddenError("/metrics needs an admin token or the metrics token");
    return reply.type(opts.registry.contentType).send(await opts.registry.metrics());
  });

  app.get<{ Querystring: { embed?: string | string[] } }>("/v2/info", async (req) => ({
    name: "berth",
    version: opts.version,
    elected: true,
    leader: null,
    frameworkId: "berth",
    ...(shapeOf(req.query).berth ? { startedAt: opts.startedAt.toISOString() } : {}),
    marathon_config: { master: opts.natsUrl, mesos_role: "*" },
    http_config: {
      http_port: app.server.address() && typeof app.server.address() === "object" ? (app.server.address() as { port: number }).port : null,
    },
    event_subscriber: { type: "http_sse" },
  }));

  /**
   * Berth's own view of the agents: what each has, what is booked, and whether
   * it gets new tasks. A team sees how many of its own tasks each agent holds,
   * and no agent's metrics address.
   */
  app.get("/v2/agents", async (req) => {
    const admin = mayAdminister(req.principal, "read");
    const now = opts.now();
    const agents = opts.view.agents.entriesList().map(([agentId, { value: rec }]) => {
      const reg = rec.registration;
      const total = {
        cpus: reg?.resources?.cpus ?? 0,
        mem: reg?.resources?.mem ?? 0,
        disk: reg?.resources?.disk ?? 0,
        ports: (reg?.resources?.ports ?? []).map((p) => ({ begin: p.begin ?? 0, end: p.end ?? 0 })),
      };
      const reservations = opts.view.ledgers.get(agentId)?.value.reservations ?? [];
      const offer = offerOf({ agentId, hostname: reg?.hostname ?? "", attributes: {}, total, reservations, schedulable: true });
      const reachable = now - Number(rec.lastHeartbeatMs) < opts.agentTimeoutMs;
      return {
        id: agentId,
        hostname: reg?.hostname ?? "",
        attributes: reg?.attributes ?? {},
        resources: total,
        unreserved: offer.free,
        tasks: admin ? reservations.length : reservations.filter((r) => mayAccess(req.principal, r.appId)).length,
        healthy: rec.healthy,
        healthMessage: rec.healthMessage,
        active: rec.healthy && reachable,
        registeredAt: new Date(Number(rec.registeredAtMs)).toISOString(),
        lastHeartbeatAt: new Date(Number(rec.lastHeartbeatMs)).toISOString(),
        ...(admin ? { metricsUrl: reg?.metricsUrl ?? "" } : {}),
      };
    });
    return { agents };
  });
}
