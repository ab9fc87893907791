import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AgentCommands, type Bus, cacheOf, isConnected, JOB_SCHEDULER_LEASE, Lease, publishEvent } from "@berth/bus";
import { frameworkTaskKeys, principalOf, type Principal } from "@berth/core";
import { every, hashToken, listen, type Logger, serveServiceHttp, tokenIn } from "@berth/runtime";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { JobSchedulerConfig } from "./config.js";
import { JobRunner } from "./job-runner.js";
import { ApiError, JobsApi } from "./jobs-api.js";
import { FairTurn } from "./fair-turn.js";
import { JOB_FRAMEWORK_PREFIX, RunLauncher } from "./run-launcher.js";

export interface JobSchedulerDeps {
  config: JobSchedulerConfig;
  bus: Bus;
  registry: Registry;
  logger: Logger;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The job scheduler: Metronome's /v1 API, served by every instance, and the
 * runs, carried out by the one holding the job-scheduler lease.
 */
export function buildJobScheduler(deps: JobSchedulerDeps): { start(): Promise<{ port: number }>; stop(): Promise<void> } {
  const { config, bus, logger } = deps;
  const jobs = cacheOf(bus.buckets, "jobs");
  const runs = cacheOf(bus.buckets, "jobRuns");
  const history = cacheOf(bus.buckets, "jobHistory");
  const ticks = cacheOf(bus.buckets, "jobTicks");
  // Job runs' task records only (keys `metronome-<team>.<taskId>`): nats-server sends no other framework's, nor Marathon's.
  const tasks = cacheOf(bus.buckets, "tasks", undefined, []);
  const tokens = cacheOf(bus.buckets, "tokens");
  const agents = cacheOf(bus.buckets, "agents");
  const ledgers = cacheOf(bus.buckets, "ledger");
  const teams = cacheOf(bus.buckets, "teams");
  const quotas = cacheOf(bus.buckets, "quotas");
  const secrets = cacheOf(bus.buckets, "secrets");
  // What a run's fair turn is decided on: Marathon's launches waiting for room, the roles' holdings and weights.
  const queue = cacheOf(bus.buckets, "queue");
  const roleWeights = cacheOf(bus.buckets, "roleWeights");
  const frameworks = cacheOf(bus.buckets, "frameworks");
  const caches = [jobs, runs, history, ticks, tokens, agents, ledgers, teams, quotas, secrets, queue, roleWeights, frameworks];
  const jobsTasks = () => frameworkTaskKeys(frameworks.values(), Date.now()).filter((key) => key.startsWith(JOB_FRAMEWORK_PREFIX));
  for (const c of [jobs, runs, history]) c.onSkip((key, reason) => logger.warn({ key, reason }, "left a stored record out"));

  const outcomes = new Counter({
    name: "berth_job_runs_total",
    help: "Job runs ended, by outcome: SUCCESS, FAILED, MISSED or SKIPPED.",
    labelNames: ["outcome"],
    registers: [deps.registry],
  });
  const tickToLaunch = new Histogram({
    name: "berth_job_tick_to_launch_seconds",
    help: "From a schedule's tick to its run's task sent to an agent.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [deps.registry],
  });
  const leader = new Gauge({ name: "berth_job_scheduler_leader", help: "1 while this instance acts.", registers: [deps.registry] });

  const commands = new AgentCommands(bus, (agentId) => agents.get(agentId)?.value.registration?.sealingKey ?? undefined);
  const turn = new FairTurn({ agents, ledgers, queue, roleWeights, frameworks }, config.fairYieldMs);
  const launcher = new RunLauncher(bus, commands, { ledgers, teams, quotas, secrets, frameworks }, config.defaultQuota, turn, logger);
  const runner = new JobRunner(
    { runs: bus.jobRuns, history: bus.jobHistory, ticks: bus.jobTicks, tasks: bus.tasks },
    { jobs, history, runs, ticks, tasks },
    launcher,
    commands,
    {
      historyLimit: config.historyLimit,
      maxCatchUp: config.maxCatchUp,
      keepEndedTaskMs: config.keepEndedTaskMs,
      launchResendAfterMs: config.launchResendAfterMs,
      now: Date.now,
      onRunEnded: (run) => outcomes.inc({ outcome: run.status }),
      publish: (event, msgId) => publishEvent(bus.js, event, msgId),
      onRunLaunched: (run, now) => run.tickMs !== undefined && run.attempts.length === 1 && tickToLaunch.observe((now - run.tickMs) / 1000),
    },
    logger,
  );
  const api = new JobsApi(
    { jobs: bus.jobs, runs: bus.jobRuns, history: bus.jobHistory, ticks: bus.jobTicks },
    { jobs, runs, history },
    Date.now,
  );
  const lease = new Lease(bus.leases, JOB_SCHEDULER_LEASE, config.instanceId, (held) => {
    leader.set(held ? 1 : 0);
    logger.info({ held }, held ? "holding the job-scheduler lease: acting" : "lost the job-scheduler lease: standing by");
  });

  const adminHash = config.adminToken ? Buffer.from(hashToken(config.adminToken), "hex") : undefined;
  const principal = (req: IncomingMessage): Principal => {
    const header = req.headers.authorization;
    if (!header)
      throw new ApiError(401, "Authentication required: send a Berth token as 'Authorization: Bearer <token>' (or 'token=<token>')");
    const token = tokenIn(header);
    const hash = token === undefined ? undefined : hashToken(token);
    if (hash !== undefined && adminHash && timingSafeEqual(adminHash, Buffer.from(hash, "hex")))
      return { role: "admin", name: "bootstrap" };
    const rec = hash === undefined ? undefined : tokens.get(hash)?.value;
    if (!rec) throw new ApiError(401, "The credentials are not valid: the token is mistyped or was revoked");
    return principalOf(rec);
  };

  const server: Server = createServer((req, res) => {
    const answer = async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/ping") return { status: 200, body: "pong" };
      const who = principal(req);
      const body = await readJson(req);
      return api.handle(req.method ?? "GET", url.pathname, url.searchParams, body, who);
    };
    answer()
      .then(({ status, body }) => send(res, status, body))
      .catch((err: unknown) => {
        if (err instanceof ApiError)
          return send(res, err.status, { message: err.message, ...(err.details ? { details: err.details } : {}) });
        logger.error({ err: String(err) }, "jobs API call failed");
        send(res, 500, { message: `Internal error: ${(err as Error).message}` });
      });
  });

  const stops: (() => Promise<void> | void)[] = [];
  return {
    async start() {
      await Promise.all(caches.map((c) => c.start()));
      stops.push(() => caches.forEach((c) => c.stop()));
      await tasks.followKeys(jobsTasks());
      await tasks.start();
      stops.push(() => tasks.stop());
      // A team's first run made its framework: its tasks are followed from then on.
      frameworks.onChange(() => {
        tasks.followKeys(jobsTasks()).catch((err: unknown) => logger.warn({ err: String(err) }, "job runs' tasks not followed"));
      });
      lease.start();
      stops.push(() => lease.stop());
      const stepping = every(
        config.stepMs,
        async () => (lease.isHeld ? runner.step() : undefined),
        (err) => logger.warn({ err: String(err) }, "a job scheduler step failed"),
      );
      stops.push(() => stepping.stop());
      const { port, close } = await listen(server, config.apiHost, config.apiPort);
      stops.push(close);
      const http = await serveServiceHttp("job-scheduler", config, deps.registry, logger, () => isConnected(bus.nc));
      stops.push(() => http.close());
      logger.info({ port, host: config.apiHost }, "jobs API listening");
      return { port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `The body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, `Invalid JSON: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json",
    ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="berth"' } : {}),
  });
  res.end(text);
}
