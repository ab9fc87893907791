import { type Bus, DISPATCHER_LEASE, isConnected } from "@berth/bus";
import { NotFoundError, type PortRange } from "@berth/core";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from "fastify";
import { Counter, Histogram, type Registry } from "prom-client";
import type { ClusterView } from "./cluster-view.js";
import { errorHandler } from "./errors.js";
import { Deployer } from "./deployer.js";
import { appRoutes } from "./routes/apps.js";
import { podRoutes } from "./routes/pods.js";
import { deploymentRoutes } from "./routes/deployments.js";
import { groupRoutes } from "./routes/groups.js";
import { logRoutes } from "./routes/logs.js";
import { queueRoutes } from "./routes/queue.js";
import { usageRoutes } from "./routes/usage.js";
import { UsageHistory } from "./usage-history.js";
import { TaskKiller } from "./task-killer.js";
import { clusterRoutes } from "./routes/cluster.js";
import { frameworkRoutes } from "./routes/frameworks.js";
import { jobRoutes } from "./routes/jobs.js";
import { roleRoutes } from "./routes/roles.js";
import { ServicePortBook } from "./service-port-book.js";
import { openApiDocument, undescribed } from "./openapi.js";
import { discoveryRoutes } from "./routes/discovery.js";
import { subscriptionRoutes } from "./routes/subscriptions.js";
import { eventRoutes } from "./routes/events.js";
import { taskRoutes } from "./routes/tasks.js";
import { secretRoutes } from "./routes/secrets.js";
import { DEFAULT_UI_DIR, uiRoutes } from "./routes/ui.js";
import { teamRoutes } from "./routes/teams.js";
import type { Authenticator } from "./auth.js";
import { QuotaBook } from "./quota-book.js";
import { type Logger, STATUS_LATENCY_BUCKETS } from "@berth/runtime";

export interface ServerDeps {
  bus: Bus;
  view: ClusterView;
  registry: Registry;
  logger: Logger;
  natsUrl: string;
  auth: Authenticator;
  bodyLimitBytes: number;
  agentTimeoutMs?: number;
  /** The built web UI (packages/ui/dist). */
  uiDir?: string;
  /** How often quota bookings are checked against the stored apps; 0 never. */
  quotaReconcileMs?: number;
  /** Unread bytes an event stream client may have before it is cut off. */
  eventBufferBytes?: number;
  /** HTTPS with this certificate and key (PEM); absent: plain HTTP. */
  tls?: { cert: Buffer; key: Buffer };
  /** Event subscriptions: the destinations allowed and each POST's timeout. */
  callbacks?: { allow: readonly string[]; timeoutMs: number };
  /** Where service ports are picked from (Marathon's 10000-20000 by default). */
  servicePorts?: PortRange;
  /** The job-scheduler's jobs API, which /v1 is passed on to (default http://127.0.0.1:9000). */
  jobsUrl?: string;
  now?: () => Date;
  /** What tasks use, kept from the agents' reports (default: a new one on the bus). */
  usage?: UsageHistory;
}

export const VERSION = "0.1.0";

/** Builds the HTTP API; main.ts only listens. Tests use `inject()`. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    ...(deps.tls ? { https: { cert: deps.tls.cert, key: deps.tls.key } } : {}),
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes,
    // Requests are counted and timed in metrics, not logged one by one.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
    // `/v2/apps/` is `/v2/apps`, as Marathon answers it (the UI's `/ui/` keeps its slash).
    rewriteUrl: (req) => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const path = q < 0 ? url : url.slice(0, q);
      return path.startsWith("/v2/") && path.length > 4 && path.endsWith("/")
        ? `${path.replace(/\/+$/, "")}${q < 0 ? "" : url.slice(q)}`
        : url;
    },
  });
  const requests = new Counter({
    name: "berth_api_requests_total",
    help: "API requests, by method, route and status.",
    labelNames: ["method", "route", "status"],
    registers: [deps.registry],
  });
  const duration = new Histogram({
    name: "berth_api_request_duration_seconds",
    help: "API request latency.",
    labelNames: ["method", "route"],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [deps.registry],
  });
  const viewLag = new Histogram({
    name: "berth_api_task_view_lag_seconds",
    help: "Time from an agent's status update to the api's view of the task showing it.",
    buckets: STATUS_LATENCY_BUCKETS,
    registers: [deps.registry],
  });
  deps.view.tasksByApp.onChange((before, after) => {
    if (before && after && after.lastSequence !== before.lastSequence) viewLag.observe(Math.max(0, Date.now() - after.updatedAtMs) / 1000);
  });
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unknown";
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  // Bodies are JSON: a text/plain one is refused with 415, as any other type, not read as a string.
  app.removeContentTypeParser("text/plain");
  // An empty body is no body: Marathon's clients send Content-Type: application/json on every request,
  // DELETE and restart included, with nothing after it.
  app.addHook("onRequest", async (req) => {
    const length = req.headers["content-length"];
    if ((length === undefined || length === "0") && req.headers["transfer-encoding"] === undefined) delete req.headers["content-type"];
  });
  // Every route is described in ENDPOINTS (and so in /v2/openapi.json): one not described stops the start.
  const routes: { method: string; url: string }[] = [];
  app.addHook("onRoute", (r) => {
    for (const method of ([] as string[]).concat(r.method)) routes.push({ method, url: r.url });
  });
  app.setErrorHandler(errorHandler);
  deps.auth.register(app);
  app.setNotFoundHandler((req, reply) => errorHandler(new NotFoundError(`No route for ${req.method} ${req.url}`) as never, req, reply));
  const self = () => {
    const a = app.server.address();
    return a && typeof a === "object" ? `${a.address.includes(":") ? `[${a.address}]` : a.address}:${a.port}` : "";
  };
  // Marathon's clients follow X-Marathon-Leader to reach the leader; here any api instance is one.
  app.addHook("onSend", async (_req, reply) => {
    void reply.header("X-Marathon-Leader", `${deps.tls ? "https" : "http"}://${self()}`);
  });
  const openapi = openApiDocument(VERSION);
  app.get("/v2/openapi.json", async () => openapi);
  const startedAtMs = now().getTime();
  await app.register(frameworkRoutes, { bus: deps.bus, view: deps.view, startedAtMs, now: () => now().getTime() });
  await app.register(roleRoutes, { bus: deps.bus, view: deps.view, startedAtMs });
  await app.register(clusterRoutes, {
    self,
    abdicate: async () => {
      await deps.bus.leases.delete(DISPATCHER_LEASE);
    },
    view: deps.view,
    registry: deps.registry,
    natsUrl: deps.natsUrl,
    version: VERSION,
    startedAt: now(),
    agentTimeoutMs: deps.agentTimeoutMs ?? 20_000,
    now: () => now().getTime(),
    notReady: () => (isConnected(deps.bus.nc) ? undefined : "NATS is not reachable"),
  });
  const quotas = new QuotaBook(deps.bus, deps.view);
  if (deps.quotaReconcileMs) {
    const reconcile = () =>
      quotas
        .reconcile()
        .then((fixed) => fixed > 0 && deps.logger.warn({ fixed }, "quota bookings corrected to match the stored apps"))
        .catch((err: unknown) => deps.logger.warn({ err: String(err) }, "quota reconciliation failed; will retry"));
    // Once at start too: a default quota new since the last start gives teams limits their changes did not book against.
    void reconcile();
    const timer = setInterval(() => void reconcile(), deps.quotaReconcileMs);
    app.addHook("onClose", async () => clearInterval(timer));
  }
  const ports = new ServicePortBook(deps.bus, deps.view, () => now().getTime(), deps.servicePorts);
  const deployer = new Deployer(deps.bus, deps.view, now, quotas, ports, deps.logger);
  const killer = new TaskKiller(deps.bus);
  await app.register(appRoutes, { bus: deps.bus, view: deps.view, deployer, killer });
  await app.register(podRoutes, { bus: deps.bus, view: deps.view, deployer, killer });
  await app.register(taskRoutes, { view: deps.view, killer, deployer });
  await app.register(deploymentRoutes, { view: deps.view, deployer });
  const revocation = (req: FastifyRequest) => deps.auth.revocation(req);
  await app.register(logRoutes, { bus: deps.bus, view: deps.view, revocation });
  await app.register(groupRoutes, { bus: deps.bus, view: deps.view, deployer, quotas });
  await app.register(queueRoutes, { bus: deps.bus, view: deps.view, now: () => now().getTime() });
  const usage = deps.usage ?? new UsageHistory(deps.bus.nc, deps.logger);
  usage.start();
  app.addHook("onClose", async () => usage.stop());
  await app.register(usageRoutes, { view: deps.view, usage, now: () => now().getTime() });
  await app.register(discoveryRoutes, { view: deps.view });
  await app.register(subscriptionRoutes, {
    bus: deps.bus,
    view: deps.view,
    allow: deps.callbacks?.allow ?? [],
    timeoutMs: deps.callbacks?.timeoutMs ?? 5_000,
    now: () => now().getTime(),
  });
  await app.register(uiRoutes, { dir: deps.uiDir ?? DEFAULT_UI_DIR });
  await app.register(jobRoutes, { jobsUrl: deps.jobsUrl ?? "http://127.0.0.1:9000" });
  await app.register(secretRoutes, { bus: deps.bus, view: deps.view, now: () => now().getTime() });
  await app.register(teamRoutes, { bus: deps.bus, view: deps.view, auth: deps.auth, quotas, now: () => now().getTime() });
  await app.register(eventRoutes, {
    js: deps.bus.js,
    registry: deps.registry,
    maxBufferedBytes: deps.eventBufferBytes ?? 1024 * 1024,
    heartbeatMs: 15_000,
    revocation,
  });
  const missing = undescribed(routes);
  if (missing.length > 0) throw new Error(`routes not described in the API's ENDPOINTS (openapi.ts): ${missing.join(", ")}`);
  return app;
}
