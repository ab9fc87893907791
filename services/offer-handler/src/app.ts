import { agentOfSubject, type Bus, cacheOf, channels, ensureAgentConsumer, hear, isConnected, serve } from "@berth/bus";
import { countPorts, errorToData } from "@berth/core";
import { every, type Logger, serveServiceHttp } from "@berth/runtime";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { AgentRegistry } from "./agent-registry.js";
import { CHECK_EVERY_MS, CommandConsumerKeeper } from "./command-consumers.js";
import type { OfferHandlerConfig } from "./config.js";
import { releaseIfEnded } from "./ledger-releaser.js";
import { releaseOrphanBookings } from "./ledger-gc.js";
import { LostAgentDetector } from "./lost-agents.js";
import { PlacerMembers } from "./placer-members.js";
import { Placer } from "./placer.js";

export interface OfferHandlerDeps {
  config: OfferHandlerConfig;
  bus: Bus;
  registry: Registry;
  logger: Logger;
  now?: () => number;
}

/** The offer-handler: the registry of agents, their ledgers, and placement. */
export function buildOfferHandler(deps: OfferHandlerDeps): { start(): Promise<{ httpPort: number }>; stop(): Promise<void> } {
  const { bus, logger, config } = deps;
  const now = deps.now ?? Date.now;
  const agentsCache = cacheOf(bus.buckets, "agents");
  const ledgerCache = cacheOf(bus.buckets, "ledger");
  // Heartbeats are written often enough that a live agent never looks silent.
  const registry = new AgentRegistry(bus, logger, now, Math.min(5_000, config.agentTimeoutMs / 4), (id) => agentsCache.get(id));
  const stops: (() => Promise<void> | void)[] = [];
  const placements = new Counter({
    name: "berth_placements_total",
    help: "Tasks placed or not, by outcome.",
    labelNames: ["outcome"],
    registers: [deps.registry],
  });
  const conflicts = new Counter({
    name: "berth_placement_conflicts_total",
    help: "Bookings lost to another placer that booked on the same agent first (each is matched again).",
    registers: [deps.registry],
  });
  const latency = new Histogram({
    name: "berth_placement_duration_seconds",
    help: "Time to answer a placement request.",
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [deps.registry],
  });
  new Gauge({
    name: "berth_agents",
    help: "Agents known, by state.",
    labelNames: ["state"],
    registers: [deps.registry],
    collect() {
      this.reset();
      for (const a of placer.agentStates()) this.inc({ state: a.schedulable ? "active" : "unschedulable" });
    },
  });
  new Gauge({
    name: "berth_offers_free",
    help: "Unreserved resources offered by schedulable agents, by resource (cpus, mem and disk in MiB, ports).",
    labelNames: ["resource"],
    registers: [deps.registry],
    collect() {
      const offers = placer.offers();
      this.set(
        { resource: "cpus" },
        offers.reduce((n, o) => n + o.free.cpus, 0),
      );
      this.set(
        { resource: "mem" },
        offers.reduce((n, o) => n + o.free.mem, 0),
      );
      this.set(
        { resource: "disk" },
        offers.reduce((n, o) => n + o.free.disk, 0),
      );
      this.set(
        { resource: "ports" },
        offers.reduce((n, o) => n + countPorts(o.free.ports), 0),
      );
    },
  });
  const members = new PlacerMembers(bus, config.instanceId);
  const placer = new Placer(
    bus,
    agentsCache,
    ledgerCache,
    {
      agentTimeoutMs: config.agentTimeoutMs,
      now,
      share: () => ({ self: members.self, members: members.members() }),
      onConflict: () => conflicts.inc(),
    },
    logger,
  );

  return {
    async start() {
      await agentsCache.start();
      await ledgerCache.start();
      stops.push(
        () => agentsCache.stop(),
        () => ledgerCache.stop(),
      );
      members.start();
      stops.push(() => members.stop());
      const reg = serve(
        bus.nc,
        channels.registration,
        async (r, subject) => {
          // NATS lets an agent publish only on its own subjects: the subject, not the body, says who it is.
          if (agentOfSubject(subject) !== r.agentId) throw new Error(`registration for '${r.agentId}' sent on ${subject}`);
          await registry.register(r);
          await ensureAgentConsumer(bus.nc, r.agentId);
          return { accepted: true, error: null };
        },
        (err) => ({ accepted: false, error: errorToData(err) }),
      );
      stops.push(() => reg.stop());
      const place = serve(
        bus.nc,
        channels.placement,
        async (req) => {
          const end = latency.startTimer();
          const reply = await placer.place(req);
          end();
          placements.inc({ outcome: "placed" }, reply.placements.length);
          placements.inc({ outcome: "unplaced" }, reply.unplaced.length);
          return reply;
        },
        (err) => {
          logger.error({ err }, "placement failed");
          return { placements: [], unplaced: [], error: errorToData(err) };
        },
      );
      stops.push(() => place.stop());
      const beating = new Set<string>();
      const hb = hear(
        bus.nc,
        channels.agentHeartbeat,
        (beat, subject) => {
          if (agentOfSubject(subject) !== beat.agentId) {
            logger.warn({ subject, agentId: beat.agentId }, "heartbeat for another agent dropped");
            return;
          }
          // One write at a time per agent, none waiting behind another agent's: a slow bucket must not make live agents look silent.
          if (beating.has(beat.agentId)) return;
          beating.add(beat.agentId);
          void registry
            .heartbeat(beat)
            .catch((err: unknown) => logger.warn({ err: String(err) }, "heartbeat not recorded"))
            .finally(() => beating.delete(beat.agentId));
        },
        (err, subject) => logger.warn({ err: String(err), subject }, "heartbeat left out: it cannot be read"),
      );
      stops.push(() => hb.stop());
      // Only whether each task exists is kept: the offer-handler needs no more of the records.
      const tasksCache = cacheOf(bus.buckets, "tasks", () => true);
      // An ended task's booking is freed when its record says so (also each ended task present at start).
      tasksCache.onChange((_id, entry) => {
        if (!entry) return;
        releaseIfEnded(bus, ledgerCache, entry.value, logger).catch((err: unknown) =>
          logger.warn({ err: String(err), taskId: entry.value.taskId }, "booking not released; the cleanup will"),
        );
      });
      await tasksCache.start();
      stops.push(() => tasksCache.stop());
      const warn = (what: string) => (err: unknown) => logger.warn({ err: String(err) }, `${what} failed`);
      const gc = every(30_000, () => releaseOrphanBookings(bus, ledgerCache, tasksCache, now(), logger), warn("booking cleanup"));
      const lost = new LostAgentDetector(bus, agentsCache, ledgerCache, config.agentTimeoutMs, logger, now);
      const lostChecks = every(Math.min(2_000, config.agentTimeoutMs / 2), () => lost.check(), warn("lost-agent check"));
      const keeper = new CommandConsumerKeeper(bus, () => agentsCache.entriesList().map(([agentId]) => agentId), logger, now);
      const keeperChecks = every(CHECK_EVERY_MS, () => keeper.check(), warn("command consumer check"));
      stops.push(
        () => gc.stop(),
        () => lostChecks.stop(),
        () => keeperChecks.stop(),
      );
      const http = await serveServiceHttp("offer-handler", config, deps.registry, logger, () => isConnected(bus.nc));
      stops.push(() => http.close());
      return { httpPort: http.port };
    },
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}
