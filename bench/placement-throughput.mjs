#!/usr/bin/env node
// Placement throughput through the whole pipeline: simulated agents (the real
// agent code on a runtime that runs nothing, many per process), the real
// control plane and nats-server. POSTs `apps` apps of `tasks/apps` instances
// each (a port and a MAX_PER hostname constraint) at once, and times from the
// first POST until the API shows every task RUNNING: placements per second,
// per thousand (does the last thousand go as fast as the first?), and CPU
// seconds per thousand placements over every process involved.
//
//   node bench/placement-throughput.mjs [--agents 1000] [--tasks 10000] [--apps 100] [--hosts 4] [--instances 1]
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { eventually, startCluster, startNatsServer } from "@berth/testkit";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const agents = arg("agents", 1000);
const total = arg("tasks", 10_000);
const appCount = arg("apps", 100);
const hosts = arg("hosts", 4);
const instances = arg("instances", 1);
const perApp = Math.ceil(total / appCount);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TICKS = 100; // clock ticks per second, as /proc reports CPU time

/** Resident memory of a process, in MiB. */
function rssMiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** CPU seconds a process has used so far (user + system). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

const nats = await startNatsServer();
const natsPid = Number(
  execFileSync("pgrep", ["-f", dirname(nats.storeDir)])
    .toString()
    .trim()
    .split("\n")[0],
);
const cluster = await startCluster({
  natsUrl: nats.url,
  name: "bench-placement",
  agents: 0,
  instances,
  extraEnv: { BERTH_LOG_LEVEL: "warn" },
});
const work = mkdtempSync(join(tmpdir(), "berth-sim-"));
const simHosts = Array.from({ length: hosts }, (_, h) =>
  spawn(process.execPath, [join(root, "services/slave-agent/dist/sim-host.js")], {
    env: {
      ...process.env,
      BERTH_NATS_URL: nats.url,
      BERTH_LOG_LEVEL: "warn",
      BERTH_SIM_AGENTS: String(Math.ceil(agents / hosts)),
      BERTH_SIM_PREFIX: `sim${h}`,
      BERTH_AGENT_CPUS: "16",
      BERTH_AGENT_MEM: "65536",
      BERTH_AGENT_DISK: "100000",
      BERTH_AGENT_PORTS: "31000-31999",
      BERTH_AGENT_WORK_DIR: join(work, `host${h}`),
      BERTH_AGENT_METRICS_INTERVAL_MS: "3600000",
      BERTH_AGENT_RECONCILE_INTERVAL_MS: "3600000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  }),
);
const pids = () => [natsPid, ...cluster.processes.map((p) => p.proc.pid), ...simHosts.map((p) => p.pid)];
const api = async (path, init) => {
  const res = await cluster.api(path, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
};

try {
  const t0agents = Date.now();
  await eventually(async () => (await api("/v2/agents")).agents.filter((a) => a.active).length >= agents, {
    timeoutMs: 300_000,
    intervalMs: 1000,
    what: `${agents} simulated agents registered`,
  });
  console.log(`${agents} simulated agents in ${hosts} processes registered in ${((Date.now() - t0agents) / 1000).toFixed(1)} s`);

  const groups = () => ({
    "nats-server": [natsPid],
    ...Object.fromEntries(
      ["api", "launch-dispatcher", "offer-handler", "status-aggregator"].map((svc) => [
        svc,
        cluster.processes.filter((p) => p.service === svc).map((p) => p.proc.pid),
      ]),
    ),
    "simulated agents": simHosts.map((p) => p.pid),
  });
  const cpuByGroup = () => Object.fromEntries(Object.entries(groups()).map(([g, ps]) => [g, ps.reduce((s, p) => s + cpuSeconds(p), 0)]));
  const memByGroup = () => Object.fromEntries(Object.entries(groups()).map(([g, ps]) => [g, ps.reduce((s, p) => s + rssMiB(p), 0)]));
  const before = cpuByGroup();
  const memBefore = memByGroup();
  // Every status_update_event on the API's event stream: its timestamp is when the agent made the update.
  const lags = [];
  const sse = new AbortController();
  void (async () => {
    const res = await cluster.api("/v2/events?event_type=status_update_event", {
      signal: sse.signal,
      headers: { accept: "text/event-stream" },
    });
    const decoder = new TextDecoder();
    let buf = "";
    for await (const chunk of res.body) {
      buf += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buf.indexOf("\n\n")) >= 0) {
        const data = /^data: (.*)$/m.exec(buf.slice(0, end))?.[1];
        buf = buf.slice(end + 2);
        if (data) lags.push(Date.now() - Date.parse(JSON.parse(data).timestamp));
      }
    }
  })().catch(() => undefined);
  const cpu0 = pids().reduce((s, p) => s + cpuSeconds(p), 0);
  const start = Date.now();
  await Promise.all(
    Array.from({ length: appCount }, (_, i) =>
      api("/v2/apps", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          id: `/bench/app-${i}`,
          cmd: "sleep 3600",
          cpus: 0.01,
          mem: 8,
          instances: perApp,
          portDefinitions: [{ port: 0 }],
          constraints: [["hostname", "MAX_PER", "2"]],
          container: { docker: { image: "berth/busybox:latest" } },
        }),
      }),
    ),
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
  await new Promise((r) => setTimeout(r, 1000));
  sse.abort();
  const sorted = [...lags].sort((a, b) => a - b);
  const pct = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const cpu = pids().reduce((s, p) => s + cpuSeconds(p), 0) - cpu0;
  const placed = perApp * appCount;
  const rate = placed / elapsed;
  const per1000 = marks.map((t, i) => 1000 / ((t - (marks[i - 1] ?? 0)) / 1000));
  console.log(`\n${placed} tasks in ${appCount} apps on ${agents} agents, ${instances} instance(s) of each control-plane service`);
  console.log(`  all POSTs answered after   ${(posted / 1000).toFixed(2)} s`);
  console.log(`  all RUNNING after          ${elapsed.toFixed(2)} s`);
  console.log(`  placements per second      ${rate.toFixed(0)}  (${(rate / 2).toFixed(0)} per core on this 2-core machine)`);
  console.log(`  first / last thousand      ${per1000[0]?.toFixed(0)} / ${per1000.at(-1)?.toFixed(0)} per second`);
  console.log(
    `  CPU seconds per 1000       ${((cpu / placed) * 1000).toFixed(2)} (all processes: nats-server, control plane, simulated agents)`,
  );
  console.log(`  ratio to the 1000/s aim    ${(rate / 1000).toFixed(2)}`);
  console.log(
    `  status update → event stream  ${sorted.length} updates (${(sorted.length / elapsed).toFixed(0)}/s): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, p99.9 ${pct(0.999)} ms`,
  );
  const after = cpuByGroup();
  // Settle, then read resident memory with every task tracked.
  await new Promise((r) => setTimeout(r, 5000));
  const memAfter = memByGroup();
  console.log(
    "  resident MiB, 0 → all:     " +
      Object.keys(memAfter)
        .map(
          (g) =>
            `${g} ${memBefore[g].toFixed(0)} → ${memAfter[g].toFixed(0)} (${(((memAfter[g] - memBefore[g]) / placed) * 1000).toFixed(1)}/1000)`,
        )
        .join(", "),
  );
  console.log(
    "  CPU seconds by process:    " +
      Object.keys(after)
        .map((g) => `${g} ${(after[g] - before[g]).toFixed(1)}`)
        .join(", "),
  );
  console.log(`  ratio to Nomad's 8/s/core  ${(rate / 2 / 8).toFixed(1)}x per core`);
} finally {
  for (const p of simHosts) p.kill("SIGTERM");
  await Promise.all(simHosts.map((p) => new Promise((r) => (p.exitCode !== null ? r() : p.once("exit", r)))));
  await cluster.stop();
  await nats.stop();
}
