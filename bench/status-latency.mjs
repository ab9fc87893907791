#!/usr/bin/env node
// Status-update latency at a steady rate: simulated agents (the real agent
// code on a runtime that runs nothing) run tasks whose COMMAND health check,
// once their deployment is done, fails and succeeds in turn, so every check is
// a status update the agent checkpoints and sends. `rate` updates per second = tasks / check interval.
// Each simulated check takes a random time up to `spread` × the interval, so
// the updates come at independent moments, as from a fleet whose tasks started
// at different times; with `--spread 0` they come in bursts, since the checks
// of tasks launched in the same second stay in step. `--agent-nice 19` runs the
// simulated agents at the lowest CPU priority, so that the control plane and
// NATS get the cores first, as when the agents are on hosts of their own.
// Measured over `seconds` after a warm-up: the agent's update → the event on
// the API's /v2/events (exact, per event), → the task record (aggregator's
// histogram), → the api's view of the task (api's histogram); and where the
// time goes, stage by stage, from the aggregator's and the api's histograms.
// CPU is told per update in all, and beyond what the fleet costs at rest
// (heartbeats, checks that pass and so send nothing), measured over the warm-up.
//
//   node bench/status-latency.mjs [--rate 2000] [--interval 1] [--spread 0.95] [--agents 1000] [--hosts 4] [--seconds 30] [--nats-servers 1] [--agent-nice 0] [--frameworks 1]
import { cpuLine, followEvents, options, percentile, startSimCluster } from "./sim-cluster.mjs";

const {
  rate,
  interval,
  spread,
  agents,
  hosts,
  seconds,
  "nats-servers": natsServers,
  "agent-nice": agentNice,
  frameworks,
} = options({
  rate: 2000,
  interval: 1,
  spread: 0.95,
  agents: 1000,
  hosts: 4,
  seconds: 30,
  "nats-servers": 1,
  "agent-nice": 0,
  frameworks: 0,
});
const tasks = Math.round(rate * interval);
const perApp = 100;
// Health checks pass this many times before they start failing every other time: long enough for the deployments to finish.
const FLAP_AFTER = Math.ceil(90 / interval);
const appCount = Math.ceil(tasks / perApp);

const sim = await startSimCluster({
  name: "bench-status",
  agents,
  hosts,
  natsServers,
  agentNice,
  frameworks: frameworks > 0,
  agentEnv: { BERTH_SIM_FLAP_AFTER: String(FLAP_AFTER), BERTH_SIM_EXEC_MAX_MS: String(Math.round(spread * interval * 1000)) },
});
const { api } = sim;

/** A Prometheus histogram's cumulative bucket counts, by upper bound in seconds, from a service's first instance; `labels`, e.g. `{ stage: "send" }`, pick one series. */
async function histogram(service, name, labels = {}) {
  const text = await sim.metricsText(service);
  const buckets = new Map();
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{([^}]*)\\} (\\d+)`, "gm"))) {
    const have = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (!Object.entries(labels).every(([k, v]) => have[k] === v)) continue;
    buckets.set(have.le === "+Inf" ? Infinity : Number(have.le), Number(m[2]));
  }
  return buckets;
}

/** Quantile of the observations between two readings of a histogram, as the upper bound of its bucket. */
function bucketQuantile(before, after, q) {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  for (const b of bounds) if ((after.get(b) ?? 0) - (before.get(b) ?? 0) >= q * total) return { bound: b, total };
  return { bound: NaN, total };
}

const ms = (s) => (s === Infinity ? "> 10000" : `≤ ${String(+(s * 1000).toFixed(2))}`);

/** The histograms read before and after the measured window: what each measures, and where it is. */
const SERIES = [
  ["update → task record and events", "status-aggregator", "berth_status_update_latency_seconds"],
  ["update → api's view of the task", "api", "berth_api_task_view_lag_seconds"],
  ["  send: agent → BERTH_STATUS", "status-aggregator", "berth_status_update_stage_seconds", { stage: "send" }],
  ["  queue: stream → aggregator", "status-aggregator", "berth_status_update_stage_seconds", { stage: "queue" }],
  ["  record: task record written", "status-aggregator", "berth_status_update_stage_seconds", { stage: "record" }],
  ["  events: events stored", "status-aggregator", "berth_status_update_stage_seconds", { stage: "events" }],
  ["  event stored → SSE client", "api", "berth_api_event_stream_lag_seconds"],
];
const readSeries = () => Promise.all(SERIES.map(([, service, name, labels]) => histogram(service, name, labels)));

try {
  await sim.waitForAgents();
  await sim.postApps(
    Array.from({ length: appCount }, (_, i) => ({
      id: `/bench/status-${i}`,
      instances: Math.min(perApp, tasks - i * perApp),
      healthChecks: [
        {
          protocol: "COMMAND",
          command: { value: "true" },
          intervalSeconds: interval,
          gracePeriodSeconds: 0,
          delaySeconds: 0,
          maxConsecutiveFailures: 0,
        },
      ],
    })),
  );
  const t0 = Date.now();
  for (;;) {
    const { apps } = await api("/v2/apps?id=/bench/");
    if (apps.reduce((n, a) => n + a.tasksHealthy, 0) >= tasks && (await api("/v2/deployments")).length === 0) break;
    if (Date.now() - t0 > 600_000) throw new Error(`${tasks} tasks not healthy after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`${tasks} tasks healthy and deployed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const flapping = t0 + (FLAP_AFTER + 10) * interval * 1000;
  console.log(`health checks start to fail every other time; warming up until ${((flapping - t0) / 1000).toFixed(0)} s`);
  // The cost of the fleet at rest (heartbeats, every check passing, so no update): measured in the
  // warm-up, after the deployments settle, so that what the updates cost can be told apart from it.
  await new Promise((r) => setTimeout(r, Math.max(0, t0 + 20_000 - Date.now())));
  const idleSeconds = Math.max(0, (flapping - Date.now() - 10_000) / 1000);
  const idleBefore = { cpu: sim.cpuByGroup(), applied: (await histogram(...SERIES[0].slice(1))).get(Infinity) ?? 0 };
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const idle = { cpu: sim.cpuByGroup(), applied: (await histogram(...SERIES[0].slice(1))).get(Infinity) ?? 0 };
  await new Promise((r) => setTimeout(r, Math.max(0, flapping - Date.now())));

  const lags = [];
  let measuring = false;
  const stopEvents = followEvents(sim.cluster, "health_status_changed_event", (e) => {
    if (measuring) lags.push(Date.now() - Date.parse(e.timestamp));
  });
  await new Promise((r) => setTimeout(r, 1000));
  const before = await readSeries();
  const cpuBefore = sim.cpuByGroup();
  measuring = true;
  const start = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (Date.now() - start) / 1000;
  const cpuAfter = sim.cpuByGroup();
  const after = await readSeries();
  stopEvents();

  const sorted = [...lags].sort((a, b) => a - b);
  const applied = bucketQuantile(before[0], after[0], 0.5).total;
  console.log(
    `\n${tasks} tasks on ${agents} agents, health checks every ${interval} s taking up to ${spread * interval} s; ${sim.describe}${agentNice ? `; agents at nice ${agentNice}` : ""}`,
  );
  console.log(`  status updates applied      ${(applied / elapsed).toFixed(0)}/s (asked for ${rate}/s)`);
  console.log(
    `  update → event stream       ${sorted.length} events: p50 ${percentile(sorted, 0.5)} ms, p99 ${percentile(sorted, 0.99)} ms, p99.9 ${percentile(sorted, 0.999)} ms`,
  );
  console.log(
    "  from the services' histograms (upper bounds of buckets); the stages of the first, then the api's part of the event's way:",
  );
  SERIES.forEach(([what], i) => {
    const q = (x) => ms(bucketQuantile(before[i], after[i], x).bound);
    console.log(`    ${what.padEnd(34)} p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, p99.9 ${q(0.999)} ms`);
  });
  console.log(`  ratio of p99 to the 10 ms aim  ${(percentile(sorted, 0.99) / 10).toFixed(1)}`);
  const cpu = Object.values(cpuAfter).reduce((a, b) => a + b, 0) - Object.values(cpuBefore).reduce((a, b) => a + b, 0);
  console.log(`  CPU seconds per 1000 updates   ${((cpu / applied) * 1000).toFixed(2)} (of ${(2 * elapsed).toFixed(0)} available)`);
  console.log(`  CPU seconds by process:        ${cpuLine(cpuBefore, cpuAfter)}`);
  const perSecond = (b, a, s) => Object.fromEntries(Object.keys(a).map((g) => [g, (a[g] - b[g]) / s]));
  // A warm-up too short to measure (deployments that took most of it) counts the fleet at rest as free.
  const atRest = idleSeconds >= 5 ? perSecond(idleBefore.cpu, idle.cpu, idleSeconds) : perSecond(idle.cpu, idle.cpu, 1);
  const busy = perSecond(cpuBefore, cpuAfter, elapsed);
  const restLine = Object.entries(atRest).map(([g, s]) => `${g} ${(s * 1000).toFixed(0)}`);
  console.log(
    `  at rest, CPU ms a second:      ${restLine.join(", ")} (${idleSeconds.toFixed(0)} s, ${idle.applied - idleBefore.applied} updates)`,
  );
  // What an update costs beyond the fleet at rest, in ms: Berth's services, nats-server, the agents.
  const beyond = (groups) => (groups.reduce((n, g) => n + (busy[g] ?? 0) - (atRest[g] ?? 0), 0) * elapsed * 1000) / applied;
  const others = ["nats-server", "simulated agents"];
  const services = Object.keys(busy).filter((g) => !others.includes(g));
  console.log(
    `  CPU ms an update beyond rest:  Berth's services ${beyond(services).toFixed(2)} (${services.map((g) => `${g} ${beyond([g]).toFixed(2)}`).join(", ")}), nats-server ${beyond(["nats-server"]).toFixed(2)}, agents ${beyond(["simulated agents"]).toFixed(2)}`,
  );
} finally {
  await sim.stop();
}
