import { type AgentCommand, type Bus, channels, consumeDurable, CONSUMERS, isConnected } from "@berth/bus";
import { COMMAND_IMAGE_ATTRIBUTE, LABELS, NETWORKS_ATTRIBUTE } from "@berth/core";
import { every, type Logger, serveHttp } from "@berth/runtime";
import { Counter, type Registry } from "prom-client";
import type { AgentConfig } from "./config.js";
import type { ContainerRuntime } from "./runtime/container-runtime.js";
import { StatusCheckpoint } from "./status/checkpoint.js";
import { HealthChecker } from "./tasks/health-checker.js";
import { serveLogs } from "./log-server.js";
import { MetricsCollector } from "./metrics/metrics-collector.js";
import { publishUsage } from "./metrics/usage-report.js";
import { AgentReconciler } from "./tasks/reconciler.js";
import { Registrar } from "./registrar.js";
import { loadSealingKeys } from "./sealing-keys.js";
import { DiskLimits } from "./tasks/disk-limits.js";
import { ImageAccess } from "./runtime/image-access.js";
import { join } from "node:path";
import { Sandboxes } from "./tasks/sandboxes.js";
import { Fetcher } from "./tasks/fetcher.js";
import { StatusReporter } from "./status/status-reporter.js";
import { TaskRunner } from "./tasks/task-runner.js";

export interface AgentDeps {
  config: AgentConfig;
  bus: Bus;
  runtime: ContainerRuntime;
  registry: Registry;
  logger: Logger;
}

/** The agent: runs the tasks it is sent on the local container runtime and reports what happens to them. */
export function buildAgent(deps: AgentDeps): { start(): Promise<{ httpPort: number }>; stop(): Promise<void> } {
  const { config, bus, runtime, logger } = deps;
  const checkpoint = new StatusCheckpoint(config.workDir);
  const reporter = new StatusReporter(bus.js, { agentId: config.agentId, hostname: config.hostname }, logger, checkpoint);
  /**
   * Why this agent could checkpoint no status update at its last heartbeat (a full work dir), or
   * undefined: it then takes no launch. Looked at once a heartbeat, not on each launch.
   */
  let diskProblem: string | undefined;
  const lookAtDisk = () => (diskProblem = checkpoint.spaceProblem() ?? reporter.checkpointProblem());
  const sealing = loadSealingKeys(config.workDir);
  const sandboxes = new Sandboxes(join(config.workDir, "sandboxes"));
  const runner = new TaskRunner(
    runtime,
    reporter,
    new HealthChecker(runtime, logger),
    {
      agentId: config.agentId,
      hostname: config.hostname,
      gcDelayMs: config.gcDelayMs,
      startingAfterMs: config.startingAfterMs,
      // A launch that waited is checked against its task's record (agents may read records by id).
      taskRecord: async (taskId) => (await bus.tasks.get(taskId))?.value,
      staleLaunchAfterMs: config.staleLaunchAfterMs,
      sealing,
      images: new ImageAccess(runtime, join(config.workDir, "public-repositories.json")),
      ...(config.commandImage ? { commandImage: config.commandImage } : {}),
      sandboxes,
      fetcher: new Fetcher(join(config.workDir, "fetch-cache"), config.fetchTimeoutMs, config.fetchMaxBytes),
      cannotLaunch: () => diskProblem,
    },
    logger,
  );
  const commands = new Counter({
    name: "berth_agent_commands_total",
    help: "Commands received, by kind.",
    labelNames: ["command"],
    registers: [deps.registry],
  });
  const metrics = new MetricsCollector(
    config.agentId,
    () => runner.running(),
    config.metricsIntervalMs,
    deps.registry,
    logger,
    (samples, atMs) => publishUsage(bus.nc, config.agentId, samples, atMs),
  );
  const stops: (() => Promise<void> | void)[] = [];
  let runtimeUp = true;

  async function waitForRuntime(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await runtime.ping();
        return;
      } catch (err) {
        logger.warn({ err: String(err), attempt }, "container runtime not reachable; retrying");
        await new Promise((r) => setTimeout(r, Math.min(1_000 * attempt, 5_000)));
      }
    }
  }

  /** Starts the command and returns: a launch or a kill can take long, and commands must not queue behind it. */
  /**
   * Starts the command and returns: a launch or a kill can take long, and
   * commands must not queue behind it. A launch is acknowledged once it has
   * run its course, so one cut short by a crash is delivered again.
   */
  function handleCommand(c: AgentCommand, ack: () => void): void {
    commands.inc({ command: c.kind });
    if (c.kind === "launch") {
      void runner
        .launch(c.command)
        .catch((err: unknown) => logger.error({ err }, "launch failed"))
        .finally(ack);
    } else {
      void runner.kill(c.command).catch((err: unknown) => logger.error({ err }, "kill failed"));
      ack();
    }
  }

  return {
    async start() {
      const replayed = reporter.replay();
      if (replayed > 0) logger.info({ replayed }, "sending status updates checkpointed before a restart");
      await waitForRuntime();
      await runner.recover();
      const watch = runtime.watchExits(
        { [LABELS.agent]: config.agentId },
        (e) => void runner.onExit(e).catch((err: unknown) => logger.error({ err }, "exit handling failed")),
        (err) => logger.warn({ err: String(err) }, "lost the container event stream; reconnecting"),
      );
      stops.push(() => watch.stop());

      await metrics.start();
      stops.push(() => metrics.stop());
      const disks = new DiskLimits(
        runtime,
        () => runner.running(),
        (taskId, message, reason) => runner.killOverLimit(taskId, message, reason),
        config.diskCheckIntervalMs,
        logger,
        (taskId) => sandboxes.usageBytes(taskId),
      );
      disks.start();
      stops.push(() => disks.stop());
      const http = await serveHttp({
        metricsToken: config.metricsToken,
        notReady: () => (!isConnected(bus.nc) ? "NATS is not reachable" : !runtimeUp ? "the Docker daemon is not reachable" : diskProblem),
        host: config.httpHost,
        port: config.httpPort,
        registry: deps.registry,
        routes: {
          "/metrics": async (_req, res) => {
            const own = await deps.registry.metrics();
            res.writeHead(200, { "content-type": deps.registry.contentType }).end(own + metrics.current());
          },
        },
      });
      stops.push(() => http.close());

      const bookedHere = async () => ((await bus.ledger.get(config.agentId))?.value.reservations ?? []).map((r) => r.taskId);
      const reconciler = new AgentReconciler(config.agentId, runtime, runner, reporter, bookedHere, (id) => bus.tasks.get(id), logger);
      const reconcile = () =>
        reconciler
          .run()
          .then((r) => {
            if (r.orphansRemoved || r.lost) logger.info(r, "reconciled with the cluster");
          })
          .catch((err: unknown) => logger.warn({ err: String(err) }, "reconciliation failed"));
      await reconcile();
      const reconciling = every(config.reconcileIntervalMs, reconcile, () => undefined);
      stops.push(() => reconciling.stop());
      const logs = serveLogs(bus.nc, config.agentId, runtime, logger);
      stops.push(() => logs.stop());
      const registrar = new Registrar(
        bus.nc,
        {
          agentId: config.agentId,
          hostname: config.hostname,
          resources: { cpus: config.cpus, mem: config.memMiB, disk: config.diskMiB, ports: config.ports },
          // What the daemon offers when the agent starts: a network made later is offered after a restart.
          attributes: {
            ...config.attributes,
            [NETWORKS_ATTRIBUTE]: [...(await runtime.networks())].sort().join(","),
            ...(config.commandImage ? { [COMMAND_IMAGE_ATTRIBUTE]: config.commandImage } : {}),
          },
          version: "0.1.0",
          metricsUrl: `http://${config.httpHost}:${http.port}/metrics`,
          startedAtMs: Date.now(),
          sealingKey: sealing.publicKey,
        },
        config.heartbeatMs,
        async () => {
          try {
            await runtime.ping();
            runtimeUp = true;
            // A full work dir: the offer-handler places nothing here until it has room; the tasks here run on.
            const disk = lookAtDisk();
            return { healthy: !disk, message: disk ?? "", runningTasks: runner.running().length };
          } catch (err) {
            runtimeUp = false;
            return { healthy: false, message: (err as Error).message, runningTasks: runner.running().length };
          }
        },
        logger,
      );
      await registrar.start();
      stops.push(() => registrar.stop());
      // The offer-handler makes this agent's command consumer when it registers; the agent may only read it.
      const durable = CONSUMERS.agent(config.agentId);
      const consumer = await consumeDurable(
        bus.js,
        channels.agentCommands,
        config.agentId,
        durable,
        async (d) => {
          handleCommand(d.value, () => d.ack());
        },
        (err) => logger.error({ err: String(err) }, "command failed; will be redelivered"),
        {
          // Its consumer lives in memory on one nats-server: gone when that server restarts, made again by registering.
          onMissing: async () => {
            logger.warn({ durable }, "command consumer gone; registering again to have it made");
            await registrar.register();
          },
        },
      );
      stops.push(() => consumer.stop());

      logger.info({ agentId: config.agentId, httpPort: http.port }, "agent started");
      return { httpPort: http.port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
      runner.stopTimers();
      await reporter.idle();
    },
  };
}
