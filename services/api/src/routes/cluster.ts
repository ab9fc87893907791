import { agentStateOf } from "@berth/bus";
import { ForbiddenError, mayAccess, mayAdminister, offerOf, teamOf, usageBy, usageByFramework } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { dropwizardJson } from "../metrics-json.js";
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
  /** Gives up the launch-dispatcher's lease: Marathon's DELETE /v2/leader. */
  abdicate: () => Promise<void>;
  /** Where this api answers, host:port: every instance serves the whole API, so each is "the leader" to a client. */
  self: () => string;
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
  const mayScrape = (req: FastifyRequest) => {
    if (req.principal && !mayAdminister(req.principal, "read"))
      throw new ForbiddenError("/metrics needs an admin token or the metrics token");
  };
  // Marathon's /metrics is JSON (Dropwizard's registry); the Prometheus text is at /metrics/prometheus.
  app.get("/metrics", async (req) => {
    mayScrape(req);
    return dropwizardJson(await opts.registry.getMetricsAsJSON());
  });
  app.get("/metrics/prometheus", async (req, reply) => {
    mayScrape(req);
    return reply.type(opts.registry.contentType).send(await opts.registry.metrics());
  });

  const self = opts.self;
  app.get("/v2/leader", async () => ({ leader: self() }));
  app.delete("/v2/leader", async (req) => {
    if (!mayAdminister(req.principal)) throw new ForbiddenError("Abdicating needs an admin token");
    await opts.abdicate();
    return { message: "Leadership abdicated" };
  });

  app.get<{ Querystring: { embed?: string | string[] } }>("/v2/info", async (req) => ({
    name: "berth",
    version: opts.version,
    buildref: opts.version,
    elected: true,
    leader: self(),
    frameworkId: "berth",
    ...(shapeOf(req.query).berth ? { startedAt: opts.startedAt.toISOString() } : {}),
    marathon_config: { master: opts.natsUrl, mesos_role: "*", framework_name: "marathon", hostname: self().replace(/:\d+$/, "") },
    // Berth keeps its state in NATS JetStream, not ZooKeeper.
    zookeeper_config: {},
    http_config: { http_port: Number(self().split(":").at(-1)) || null },
    event_subscriber: { type: "http_callback", http_endpoints: [] },
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
      const state = agentStateOf(agentId, reg, opts.view.ledgers.get(agentId)?.value, true);
      const { total, reservations } = state;
      const visible = admin ? reservations : reservations.filter((r) => mayAccess(req.principal, r.appId));
      const offer = offerOf(state);
      const reachable = now - Number(rec.lastHeartbeatMs) < opts.agentTimeoutMs;
      return {
        id: agentId,
        hostname: reg?.hostname ?? "",
        attributes: reg?.attributes ?? {},
        resources: total,
        unreserved: offer.free,
        tasks: visible.length,
        // Which framework holds what here (of the bookings the caller may see).
        frameworks: Object.fromEntries(usageByFramework(visible)),
        // And which team (an app's top-level group): to a team, only its own.
        teams: Object.fromEntries(usageBy(visible, (r) => teamOf(r.appId))),
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
