#!/usr/bin/env node
// The cost of per-container metrics for 100 idle real containers: Berth's
// agent reading cgroup files, against Docker's stats API for the same
// containers, in the same run. Run with `node bench/metrics-cost.mjs [n]`
// after `make build docker`.
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { DEMO_IMAGE, docker, eventually, removeContainersWithLabel, startCluster } from "@berth/testkit";
import { startNats, stopOnInterrupt } from "./common.mjs";
import { CgroupReader } from "../services/slave-agent/dist/metrics/cgroups.js";
import { renderContainerMetrics, sampleContainers } from "../services/slave-agent/dist/metrics/container-metrics.js";

const n = Number(process.argv.slice(2).find((a) => /^[0-9]+$/.test(a)) ?? 100);
const cycles = 20;
const CLK_TCK = 100;

function procCpuSeconds(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime + stime
}
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function dockerApi(path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: "/var/run/docker.sock", path, headers: { host: "docker" } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}
async function inParallel(items, limit, fn) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (queue.length) await fn(queue.shift());
    }),
  );
}

const nats = await startNats();
const cluster = await startCluster({
  natsUrl: nats.url,
  natsTls: nats.tls,
  name: "bench-metrics-cost",
  extraEnv: { BERTH_LOG_LEVEL: "warn", BERTH_AGENT_METRICS_INTERVAL_MS: "5000" },
});
const stop = stopOnInterrupt(async () => {
  await cluster.api(`/v2/apps/bench/idle?force=true`, { method: "DELETE" }).catch(() => undefined);
  await cluster.stop();
  await removeContainersWithLabel(`berth.agent=${cluster.agentId}`);
  await nats.stop();
});
try {
  await cluster.api(`/v2/apps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: "/bench/idle",
      cmd: "sleep 3600",
      cpus: 0.01,
      mem: 32,
      instances: n,
      container: { docker: { image: DEMO_IMAGE } },
    }),
  });
  const tasks = await eventually(
    async () => {
      const body = await (await cluster.api(`/v2/apps/bench/idle/tasks`)).json();
      const running = body.tasks.filter((t) => t.state === "TASK_RUNNING");
      return running.length === n && running;
    },
    { timeoutMs: 300_000, intervalMs: 500, what: `${n} running tasks` },
  );

  // The containers as the agent tracks them.
  const containers = [];
  for (const t of tasks) {
    const [info] = JSON.parse(await docker("inspect", `berth-${t.id}`));
    containers.push({
      taskId: t.id,
      appId: t.appId,
      version: t.version,
      image: info.Config.Image,
      networkMode: info.HostConfig.NetworkMode,
      containerId: info.Id,
      pid: info.State.Pid,
    });
  }

  // Berth: one collection cycle = read every container's cgroup files and render the text.
  const reader = new CgroupReader();
  renderContainerMetrics(await sampleContainers(reader, containers), cluster.agentId);
  let cpu0 = cpuNow();
  let t0 = performance.now();
  let body = "";
  for (let i = 0; i < cycles; i++) body = renderContainerMetrics(await sampleContainers(reader, containers), cluster.agentId);
  const berthCpu = (cpuNow() - cpu0) / cycles;
  const berthWall = (performance.now() - t0) / cycles / 1000;

  // The agent's real /metrics endpoint (serves the last collection), scraped with the metrics token.
  const scrape = { headers: { authorization: `Bearer ${cluster.metricsToken}` } };
  await eventually(
    async () => (await (await fetch(cluster.agentMetricsUrl, scrape)).text()).split("container_memory_usage_bytes{").length - 1 === n,
    { timeoutMs: 30_000, what: "agent collected all" },
  );
  const times = [];
  let size = 0;
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    const text = await (await fetch(cluster.agentMetricsUrl, scrape)).text();
    times.push(performance.now() - s);
    size = Buffer.byteLength(text);
  }
  times.sort((a, b) => a - b);

  // Docker's stats API for the same containers: one-shot, 10 at a time.
  const dockerdPid = Number((await docker("info", "--format", "{{.ID}}")) && readFileSync("/var/run/docker.pid", "utf8"));
  await inParallel(containers.slice(0, 5), 5, (c) => dockerApi(`/containers/${c.containerId}/stats?stream=false&one-shot=true`));
  const d0 = procCpuSeconds(dockerdPid);
  cpu0 = cpuNow();
  t0 = performance.now();
  const statCycles = 5;
  for (let i = 0; i < statCycles; i++) {
    await inParallel(containers, 10, (c) => dockerApi(`/containers/${c.containerId}/stats?stream=false&one-shot=true`));
  }
  const dockerWall = (performance.now() - t0) / statCycles / 1000;
  const dockerCpu = (procCpuSeconds(dockerdPid) - d0 + (cpuNow() - cpu0)) / statCycles;

  console.log(`metrics-cost: ${n} idle containers, ${cycles} Berth cycles, ${statCycles} Docker stats cycles`);
  console.log(
    `  Berth cgroup read + render   CPU ${(berthCpu * 1000).toFixed(1)} ms/cycle, wall ${(berthWall * 1000).toFixed(1)} ms/cycle, body ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `  agent GET /metrics           p50 ${times[25].toFixed(1)} ms, p99 ${times[49].toFixed(1)} ms, body ${(size / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `  Docker stats API (one-shot)  CPU ${(dockerCpu * 1000).toFixed(1)} ms/cycle (dockerd + client), wall ${(dockerWall * 1000).toFixed(1)} ms/cycle`,
  );
  console.log(`  ratio Docker / Berth         CPU ${(dockerCpu / berthCpu).toFixed(1)}x, wall ${(dockerWall / berthWall).toFixed(1)}x`);
} finally {
  await stop();
}
