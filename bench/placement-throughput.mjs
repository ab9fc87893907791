#!/usr/bin/env node
// Placement throughput through the whole pipeline: simulated agents (the real
// agent code on a runtime that runs nothing, many per process), the real
// control plane and nats-server. POSTs `apps` apps of `tasks/apps` instances
// each (a port and a MAX_PER hostname constraint) at once, and times from the
// first POST until the API shows every task RUNNING: placements per second,
// per thousand (does the last thousand go as fast as the first?), and CPU
// seconds per thousand placements over every process involved. Before the
// clock starts, `warm-up` tasks are deployed and destroyed (as a cluster that
// has been running a while, its code compiled by the JIT); 0 measures a
// cluster that has done nothing yet. Before that, the cluster's CPU at rest
// (agents registered, no tasks) is measured over `idle-seconds`.
//
//   node bench/placement-throughput.mjs [--agents 1000] [--tasks 10000] [--apps 100] [--hosts 4] [--instances 1] [--nats-servers 1] [--warm-up 1000] [--idle-seconds 10]
import { cpuLine, followEvents, options, percentile, startSimCluster } from "./sim-cluster.mjs";

const {
  agents,
  tasks: total,
  apps: appCount,
  hosts,
  instances,
  "nats-servers": natsServers,
  "warm-up": warmUp,
  "idle-seconds": idleSeconds,
} = options({ agents: 1000, tasks: 10_000, apps: 100, hosts: 4, instances: 1, "nats-servers": 1, "warm-up": 1000, "idle-seconds": 10 });
const perApp = Math.ceil(total / appCount);

const sim = await startSimCluster({ name: "bench-placement", agents, hosts, instances, natsServers });
const { api } = sim;

try {
  await sim.waitForAgents();
  let idleLine = "";
  if (idleSeconds > 0) {
    await new Promise((r) => setTimeout(r, 5000)); // registrations settle
    const idleBefore = sim.cpuByGroup();
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idleAfter = sim.cpuByGroup();
    const perSecond = Object.fromEntries(Object.keys(idleAfter).map((g) => [g, (idleAfter[g] - idleBefore[g]) / idleSeconds]));
    const cores = Object.values(perSecond).reduce((a, b) => a + b, 0);
    idleLine = `${cores.toFixed(2)} cores (${Object.entries(perSecond)
      .map(([g, c]) => `${g} ${c.toFixed(2)}`)
      .join(", ")})`;
  }
  if (warmUp > 0) {
    const t0 = Date.now();
    const apps = Math.ceil(warmUp / 100);
    await sim.postApps(
      Array.from({ length: apps }, (_, i) => ({ id: `/warm-up/app-${i}`, instances: 100, portDefinitions: [{ port: 0 }] })),
    );
    await sim.waitFor("warm-up tasks running", async () => (await api("/v2/apps?id=/warm-up/")).apps.every((a) => a.tasksRunning === 100));
    await api("/v2/groups/warm-up?force=true", { method: "DELETE" });
    await sim.waitFor("warm-up tasks gone", async () => (await api("/v2/tasks")).tasks.length === 0);
    console.log(`warmed up with ${apps * 100} tasks deployed and destroyed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const before = sim.cpuByGroup();
  const memBefore = sim.memByGroup();
  // Every status_update_event on the API's event stream: its timestamp is when the agent made the update.
  const lags = [];
  const stopEvents = followEvents(sim.cluster, "status_update_event", (e) => lags.push(Date.now() - Date.parse(e.timestamp)));
  const cpu0 = sim.totalCpu();
  const start = Date.now();
  await sim.postApps(
    Array.from({ length: appCount }, (_, i) => ({
      id: `/bench/app-${i}`,
      instances: perApp,
      portDefinitions: [{ port: 0 }],
      constraints: [["hostname", "MAX_PER", "2"]],
    })),
  );
  const posted = Date.now() - start;
  const marks = [];
  let running = 0;
  let lastReport = Date.now();
  while (running < perApp * appCount) {
    const { apps } = await api("/v2/apps?id=/bench/");
    running = apps.reduce((n, a) => n + a.tasksRunning, 0);
    while (marks.length < Math.floor(running / 1000)) marks.push(Date.now() - start);
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      const staged = apps.reduce((n, a) => n + a.tasksStaged, 0);
      console.log(`  ${((Date.now() - start) / 1000).toFixed(0)} s: ${running} running, ${staged} staged`);
    }
    if (Date.now() - start > 900_000) throw new Error(`only ${running} running after 15 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const elapsed = (Date.now() - start) / 1000;
  // Three status_update_events per task (STAGING, STARTING, RUNNING): wait a while for the late ones.
  for (let waited = 0; lags.length < 3 * perApp * appCount && waited < 15_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
  }
  stopEvents();
  const sorted = [...lags].sort((a, b) => a - b);
  const pct = (q) => percentile(sorted, q);
  const cpu = sim.totalCpu() - cpu0;
  const placed = perApp * appCount;
  const rate = placed / elapsed;
  const per1000 = marks.map((t, i) => 1000 / ((t - (marks[i - 1] ?? 0)) / 1000));
  console.log(
    `\n${placed} tasks in ${appCount} apps on ${agents} agents; ${sim.describe}; ${warmUp > 0 ? `after a warm-up of ${warmUp}` : "no warm-up"}`,
  );
  if (idleLine) console.log(`  at rest, no tasks          ${idleLine}`);
  console.log(`  all POSTs answered after   ${(posted / 1000).toFixed(2)} s`);
  console.log(`  all RUNNING after          ${elapsed.toFixed(2)} s`);
  console.log(`  placements per second      ${rate.toFixed(0)}  (${(rate / 2).toFixed(0)} per core on this 2-core machine)`);
  console.log(`  first / last thousand      ${per1000[0]?.toFixed(0)} / ${per1000.at(-1)?.toFixed(0)} per second`);
  console.log(
    `  CPU seconds per 1000       ${((cpu / placed) * 1000).toFixed(2)} (all processes: nats-server, control plane, simulated agents)`,
  );
  console.log(`  ratio to the 1000/s aim    ${(rate / 1000).toFixed(2)}`);
  console.log(`  bookings lost to a race    ${await sim.counterSum("offer-handler", "berth_placement_conflicts_total")}`);
  console.log(
    `  status update → event stream  ${sorted.length} updates (${(sorted.length / elapsed).toFixed(0)}/s): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, p99.9 ${pct(0.999)} ms`,
  );
  const after = sim.cpuByGroup();
  // Settle, then read resident memory with every task tracked.
  await new Promise((r) => setTimeout(r, 5000));
  const memAfter = sim.memByGroup();
  console.log(
    "  resident MiB, 0 → all:     " +
      Object.keys(memAfter)
        .map(
          (g) =>
            `${g} ${memBefore[g].toFixed(0)} → ${memAfter[g].toFixed(0)} (${(((memAfter[g] - memBefore[g]) / placed) * 1000).toFixed(1)}/1000)`,
        )
        .join(", "),
  );
  console.log(`  CPU seconds by process:    ${cpuLine(before, after)}`);
  console.log(`  ratio to Nomad's 8/s/core  ${(rate / 2 / 8).toFixed(1)}x per core`);
} finally {
  await sim.stop();
}
