import { randomUUID } from "node:crypto";
import { changesPlan, defaultTeam, isMarathonTask, MARATHON_FRAMEWORK_ID, secretKey, teamOf } from "@berth/core";
import { type Bus, DISPATCHER_LEASE, Lease, isConnected, RunningDeployments, TasksByApp, cacheOf, AgentCommands } from "@berth/bus";
import { every, type Logger, serveServiceHttp } from "@berth/runtime";
import { Counter, Gauge, type Registry } from "prom-client";
import type { DispatcherConfig } from "./config.js";
import { DeploymentTracker } from "./deployment-tracker.js";
import { Dispatcher } from "./dispatcher.js";
import { fairRoundPlan } from "./fair-order.js";

export interface DispatcherDeps {
  config: DispatcherConfig;
  bus: Bus;
  registry: Registry;
  logger: Logger;
}

/**
 * The launch-dispatcher. Every instance follows the apps and tasks; the one
 * holding the "launch-dispatcher" lease acts, so a second instance is a warm
 * standby that takes over when the lease expires.
 */
export function buildDispatcher(deps: DispatcherDeps): { start(): Promise<{ httpPort: number }>; stop(): Promise<void> } {
  const { bus, logger, config } = deps;
  const apps = cacheOf(bus.buckets, "apps");
  apps.onSkip((key, reason) => logger.warn({ key, reason }, "left a stored app out: it will not be run"));
  const tasks = cacheOf(bus.buckets, "tasks");
  const deployments = cacheOf(bus.buckets, "deployments");
  const teams = cacheOf(bus.buckets, "teams");
  const secrets = cacheOf(bus.buckets, "secrets");
  // Each agent's sealing key (what a launch's secrets are sealed to) and resources; the ledgers and the
  // admin's role weights: what the fair order of launches waiting for room is decided on.
  const agents = cacheOf(bus.buckets, "agents");
  const ledgers = cacheOf(bus.buckets, "ledger");
  const roleWeights = cacheOf(bus.buckets, "roleWeights");
  const frameworks = cacheOf(bus.buckets, "frameworks");
  const launches = new Counter({ name: "berth_launches_total", help: "Tasks launched.", registers: [deps.registry] });
  const outcomes = new Counter({
    name: "berth_deployments_total",
    help: "Deployments ended, by outcome.",
    labelNames: ["outcome"],
    registers: [deps.registry],
  });
  // The dispatcher plans Marathon's tasks only: another framework's are never taken for strays.
  const tasksByApp = new TasksByApp(tasks, isMarathonTask);
  const deploying = new RunningDeployments(deployments);
  const dispatcher = new Dispatcher(
    bus,
    apps,
    tasks,
    tasksByApp,
    deploying,
    new AgentCommands(bus, (agentId) => agents.get(agentId)?.value.registration?.sealingKey ?? undefined),
    new DeploymentTracker(bus, { newId: randomUUID, onDeploymentEnded: (outcome) => outcomes.inc({ outcome }) }, logger),
    {
      launchResendAfterMs: config.launchResendAfterMs,
      now: Date.now,
      onLaunched: (n) => launches.inc(n),
      policyOf: (appId) => (teams.get(teamOf(appId))?.value ?? defaultTeam(teamOf(appId))).policy,
      marathonLimitOf: (team) => teams.get(team)?.value.frameworkQuotas?.[MARATHON_FRAMEWORK_ID],
      secretOf: (appId, source) => secrets.get(secretKey(teamOf(appId), source))?.value.value,
      fairRound: fairRoundPlan({ agents, ledgers, roleWeights, frameworks }),
      yieldMs: config.fairYieldMs,
    },
    logger,
  );
  new Gauge({
    name: "berth_launch_queue_length",
    help: "Tasks waiting to be launched.",
    registers: [deps.registry],
    collect() {
      this.set([...dispatcher.waiting.values()].reduce((n, w) => n + w.count, 0));
    },
  });
  const leader = new Gauge({
    name: "berth_dispatcher_leader",
    help: "1 while this instance holds the dispatcher lease.",
    registers: [deps.registry],
  });
  const stops: (() => Promise<void> | void)[] = [];

  const reconcileAll = () => {
    if (!lease.isHeld) return;
    for (const id of dispatcher.appIds()) void dispatcher.reconcile(id);
    for (const d of deployments.values()) if (d.status === "running") for (const id of d.affectedApps) void dispatcher.reconcile(id);
  };
  const lease = new Lease(bus.leases, DISPATCHER_LEASE, config.instanceId, (held) => {
    leader.set(held ? 1 : 0);
    logger.info({ held }, held ? "holding the dispatcher lease: acting" : "lost the dispatcher lease: standing by");
    if (held) reconcileAll();
  });

  return {
    async start() {
      await apps.start();
      await tasks.start();
      await deployments.start();
      await teams.start();
      await secrets.start();
      await agents.start();
      await ledgers.start();
      await roleWeights.start();
      await frameworks.start();
      stops.push(
        () => apps.stop(),
        () => tasks.stop(),
        () => deployments.stop(),
        () => teams.stop(),
        () => secrets.stop(),
        () => agents.stop(),
        () => ledgers.stop(),
        () => roleWeights.stop(),
        () => frameworks.stop(),
      );
      deployments.onChange((_key, entry) => {
        if (lease.isHeld && entry?.value.status === "running") for (const id of entry.value.affectedApps) void dispatcher.reconcile(id);
      });
      apps.onChange((_key, entry) => {
        if (!lease.isHeld) return;
        if (entry) void dispatcher.reconcile(entry.value.id);
        else reconcileAll();
      });
      // A task's health matters only to a running deployment; the rest of its changes to its app's plan.
      tasksByApp.onChange((before, after) => {
        const appId = (after ?? before)?.appId;
        if (lease.isHeld && appId !== undefined && changesPlan(before, after, deploying.has(appId))) void dispatcher.reconcile(appId);
      });
      // A booking released on an agent (any framework's task ended) gave room back: launches waiting for it
      // are served in fair order at once, not at the next reconciliation.
      const booked = new Map<string, number>();
      ledgers.onChange((agentId, entry) => {
        const n = entry?.value.reservations.length ?? 0;
        const freed = n < (booked.get(agentId) ?? 0);
        booked.set(agentId, n);
        if (freed && lease.isHeld) dispatcher.roomFreed();
      });
      lease.start();
      stops.push(() => lease.stop());
      const reconciling = every(
        config.reconcileIntervalMs,
        async () => reconcileAll(),
        () => undefined,
      );
      stops.push(() => reconciling.stop());
      const http = await serveServiceHttp("launch-dispatcher", config, deps.registry, logger, () => isConnected(bus.nc));
      stops.push(() => http.close());
      return { httpPort: http.port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}
