#!/usr/bin/env node
// Resident memory of each process with 0, 10,000 and 50,000 tasks tracked:
// simulated agents (the real agent code on a runtime that runs nothing), the
// real control plane and nats-server. Tasks are added in steps (apps of 100
// instances, POSTed at once); after each step has every task RUNNING and the
// cluster has been idle for `settle` seconds, each process's RSS is read from
// /proc, and its V8 heap in use from its own metrics.
//
//   node bench/memory.mjs [--agents 1000] [--hosts 4] [--steps 10000,50000] [--settle 15] [--nats-servers 1]
import { options, startSimCluster } from "./sim-cluster.mjs";

const { agents, hosts, settle, "nats-servers": natsServers } = options({ agents: 1000, hosts: 4, settle: 15, "nats-servers": 1 });
const stepsArg = process.argv.indexOf("--steps");
const steps = (stepsArg > 0 ? process.argv[stepsArg + 1] : "10000,50000").split(",").map(Number);
const perApp = 100;
const SERVICES = ["api", "launch-dispatcher", "offer-handler", "status-aggregator"];

const sim = await startSimCluster({ name: "bench-memory", agents, hosts, natsServers });

/** The V8 heap in use of a service's first instance, in MiB, from its default metrics. */
async function heapMiB(service) {
  const text = await sim.metricsText(service);
  const m = /^berth_\w+_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return m ? Number(m[1]) / 2 ** 20 : NaN;
}

async function reading() {
  await new Promise((r) => setTimeout(r, settle * 1000));
  const rss = sim.memByGroup();
  const heap = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await heapMiB(s)])));
  return { rss, heap };
}

try {
  await sim.waitForAgents();
  const readings = [{ tasks: 0, ...(await reading()) }];
  let apps = 0;
  for (const target of steps) {
    const have = apps * perApp;
    const add = Math.ceil((target - have) / perApp);
    const t0 = Date.now();
    await sim.postApps(Array.from({ length: add }, (_, i) => ({ id: `/bench/mem-${apps + i}`, instances: perApp })));
    apps += add;
    for (;;) {
      const { apps: list } = await sim.api("/v2/apps?id=/bench/");
      const running = list.reduce((n, a) => n + a.tasksRunning, 0);
      if (running >= apps * perApp) break;
      if (Date.now() - t0 > 900_000) throw new Error(`only ${running} of ${apps * perApp} running after 15 minutes`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`${apps * perApp} tasks running (${((Date.now() - t0) / 1000).toFixed(0)} s); settling ${settle} s`);
    readings.push({ tasks: apps * perApp, ...(await reading()) });
  }
  console.log(`\nresident memory (RSS) and V8 heap in use, MiB; ${agents} simulated agents; ${sim.describe}`);
  const groups = Object.keys(readings[0].rss);
  const base = readings[0];
  const header = ["process", ...readings.map((r) => `${r.tasks} tasks`), ...readings.slice(1).map((r) => `per 1000 at ${r.tasks}`)];
  console.log(`  ${header.join(" | ")}`);
  for (const g of groups) {
    const cells = readings.map((r) => `${r.rss[g].toFixed(0)}${r.heap[g] !== undefined ? ` (heap ${r.heap[g].toFixed(0)})` : ""}`);
    const per = readings.slice(1).map((r) => (((r.rss[g] - base.rss[g]) / r.tasks) * 1000).toFixed(1));
    console.log(`  ${[g, ...cells, ...per].join(" | ")}`);
  }
  console.log("  (aim: under 5 MiB of resident memory per 1,000 tasks for each service)");
} finally {
  await sim.stop();
}
