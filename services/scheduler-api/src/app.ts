import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Bus, cacheOf, isConnected } from "@berth/bus";
import { every, hashToken, listen, type Logger, serveServiceHttp, tokenIn } from "@berth/runtime";
import type { Registry } from "prom-client";
import type { SchedulerApiConfig } from "./config.js";
import { CallError } from "./calls.js";
import { SchedulerApi } from "./scheduler.js";

export interface SchedulerApiDeps {
  config: SchedulerApiConfig;
  bus: Bus;
  registry: Registry;
  logger: Logger;
}

/** A call's body: a Call is small; a LAUNCH of many tasks stays well under this. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Mesos's scheduler endpoint, POST /api/v1/scheduler, on Mesos's master port by default. */
export function buildSchedulerApi(deps: SchedulerApiDeps): { start(): Promise<{ port: number }>; stop(): Promise<void> } {
  const { config, bus, logger } = deps;
  const agents = cacheOf(bus.buckets, "agents");
  const ledgers = cacheOf(bus.buckets, "ledger");
  // Frameworks' task records only (keys `<frameworkId>.<taskId>`): nats-server sends none of Marathon's.
  const tasks = cacheOf(bus.buckets, "tasks", undefined, []);
  const tokens = cacheOf(bus.buckets, "tokens");
  const frameworks = cacheOf(bus.buckets, "frameworks");
  const teams = cacheOf(bus.buckets, "teams");
  const quotas = cacheOf(bus.buckets, "quotas");
  const roleWeights = cacheOf(bus.buckets, "roleWeights");
  const queue = cacheOf(bus.buckets, "queue");
  const api = new SchedulerApi(
    bus,
    { agents, ledgers, tasks, frameworks, teams, quotas, roleWeights, queue },
    {
      defaultQuota: config.defaultQuota,
      heartbeatSeconds: config.heartbeatSeconds,
      agentTimeoutMs: config.agentTimeoutMs,
      offerTimeoutMs: config.offerTimeoutMs,
      launchTimeoutMs: config.launchTimeoutMs,
      updateRetryMs: config.updateRetryMs,
      now: Date.now,
    },
    logger,
  );
  const stops: (() => Promise<void> | void)[] = [];

  /** The team a call acts for: a team's Berth token (Bearer, or Basic with the token as the secret), or the anonymous team if one is set. */
  const teamOfCaller = (req: IncomingMessage): string => {
    const header = req.headers.authorization;
    if (!header) {
      if (config.anonymousTeam) return config.anonymousTeam;
      throw new CallError(
        401,
        "Authentication required: send a team's Berth token as the framework's secret (Basic) or as 'Bearer <token>'",
      );
    }
    const token = tokenIn(header);
    const rec = token === undefined ? undefined : tokens.get(hashToken(token))?.value;
    if (!rec) throw new CallError(401, "The credentials are not valid: the token is mistyped or was revoked");
    if (rec.role !== "team" || !rec.team) throw new CallError(403, "A framework acts for one team: use a team's token");
    return rec.team;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.url?.split("?")[0] !== "/api/v1/scheduler")
      throw new CallError(404, `No such endpoint: ${req.url ?? ""}; frameworks call POST /api/v1/scheduler`);
    if (req.method !== "POST") throw new CallError(405, "Expecting 'POST'");
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
    if (type !== "application/json") throw new CallError(415, "Expecting 'Content-Type' of application/json (protobuf is not served)");
    const team = teamOfCaller(req);
    const body = await readBody(req);
    let call: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("a Call is a JSON object");
      call = parsed as Record<string, unknown>;
    } catch (err) {
      throw new CallError(400, `Failed to parse body into Call: ${(err as Error).message}`);
    }
    if (call.type === "SUBSCRIBE") return api.subscribe(call, team, res);
    const streamId = req.headers["mesos-stream-id"];
    await api.call(call, Array.isArray(streamId) ? streamId[0] : streamId, team);
    res.writeHead(202).end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof CallError ? err.status : 500;
      if (status === 500) logger.error({ err: String(err) }, "scheduler call failed");
      if (res.headersSent) return void res.end();
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        ...(status === 401 ? { "WWW-Authenticate": 'Basic realm="berth"' } : {}),
      });
      res.end(err instanceof Error ? err.message : String(err));
    });
  });

  return {
    async start() {
      const caches = [agents, ledgers, tokens, frameworks, teams, quotas, roleWeights, queue];
      await Promise.all(caches.map((c) => c.start()));
      stops.push(() => caches.forEach((c) => c.stop()));
      await api.registry.followTasks(Date.now());
      await tasks.start();
      stops.push(() => tasks.stop());
      // A framework registered (by this instance, another, or the job-scheduler): its tasks are followed too.
      frameworks.onChange(() => {
        api.registry.followTasks(Date.now()).catch((err: unknown) => logger.warn({ err: String(err) }, "frameworks' tasks not followed"));
      });
      await api.markOrphansInactive();
      const offering = every(
        config.offerIntervalMs,
        async () => api.offerAll(),
        (err) => logger.warn({ err: String(err) }, "a round of offers failed"),
      );
      stops.push(() => offering.stop());
      const failover = every(
        1_000,
        () => api.sweep(),
        (err) => logger.warn({ err: String(err) }, "the framework sweep failed"),
      );
      stops.push(() => failover.stop());
      const { port, close } = await listen(server, config.apiHost, config.apiPort);
      stops.push(() => {
        api.stop();
        return close();
      });
      const http = await serveServiceHttp("scheduler-api", config, deps.registry, logger, () => isConnected(bus.nc));
      stops.push(() => http.close());
      logger.info({ port, host: config.apiHost }, "scheduler API listening");
      return { port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new CallError(413, `The call is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}
