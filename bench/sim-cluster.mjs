// What the benchmarks on simulated agents share: nats-server (one, or a
// three-server cluster with JetStream replicas 3), the real control plane,
// processes full of simulated agents, per-process CPU and memory, and the
// API's event stream.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { setPriority, tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { SseReader } from "@berth/contract";
import { eventually, startCluster } from "@berth/testkit";
import { startNats, stopOnInterrupt } from "./common.mjs";

// A simulated host runs hundreds of agents in one process and allocates accordingly: a larger young
// generation (as the control-plane services have, see their package.json) keeps its collections cheap.
const SIM_HOST_FLAGS = ["--max-semi-space-size=32"];

export { options } from "./common.mjs";

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

/** The value at quantile `q` of an ascending array. */
export function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/**
 * Starts NATS (`natsServers` 1 or 3), one or more instances of each control-plane
 * service, and `hosts` processes holding `agents` simulated agents between them.
 * `agentEnv` adds settings for the simulated agents; `agentNice` (0 to 19)
 * lowers their processes' CPU priority, so that the control plane and NATS are
 * served first, as when agents run on hosts of their own. With `frameworks`,
 * the scheduler-api and the job-scheduler run too, as in `make up`.
 */
export async function startSimCluster({
  name,
  agents,
  hosts,
  instances = 1,
  natsServers = 1,
  agentEnv = {},
  agentNice = 0,
  frameworks = false,
}) {
  const nats = await startNats(natsServers);
  const natsUrl = nats.url;
  const cluster = await startCluster({
    natsUrl,
    natsTls: nats.tls,
    name,
    agents: 0,
    instances,
    schedulerApi: frameworks,
    jobScheduler: frameworks,
    extraEnv: { BERTH_LOG_LEVEL: "warn", ...nats.env },
  });
  // Each real agent checkpoints its updates on its own host's disk; here hundreds share one process and
  // one disk, and their synchronous fsyncs would queue behind each other, so the checkpoints go to memory.
  const work = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "berth-sim-"));
  const simHosts = Array.from({ length: hosts }, (_, h) =>
    spawn(process.execPath, [...SIM_HOST_FLAGS, join(root, "services/slave-agent/dist/runtime/sim-host.js")], {
      env: {
        ...process.env,
        BERTH_NATS_URL: natsUrl,
        ...nats.env,
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
        ...agentEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
  if (agentNice) for (const p of simHosts) setPriority(p.pid, agentNice);
  const groups = () => ({
    "nats-server": nats.pids(),
    ...Object.fromEntries(
      [...new Set(cluster.processes.map((p) => p.service))].map((svc) => [
        svc,
        cluster.processes.filter((p) => p.service === svc).map((p) => p.proc.pid),
      ]),
    ),
    "simulated agents": simHosts.map((p) => p.pid),
  });
  const byGroup = (measure) => Object.fromEntries(Object.entries(groups()).map(([g, ps]) => [g, ps.reduce((s, p) => s + measure(p), 0)]));
  const api = async (path, init) => {
    const res = await cluster.api(path, init);
    if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  return {
    cluster,
    natsUrl,
    natsTls: nats.tls,
    api,
    describe: `${nats.describe}, ${instances} instance(s) of each control-plane service${frameworks ? " (the scheduler-api and the job-scheduler too)" : ""}`,
    cpuByGroup: () => byGroup(cpuSeconds),
    memByGroup: () => byGroup(rssMiB),
    totalCpu: () => Object.values(byGroup(cpuSeconds)).reduce((a, b) => a + b, 0),
    /** The Prometheus text of one service's first instance (`all`: every instance's, one after another). */
    async metricsText(service, all = false) {
      const procs = cluster.processes.filter((p) => p.service === service).slice(0, all ? undefined : 1);
      const texts = await Promise.all(
        procs.map(async (p) => {
          const url = service === "api" ? `${cluster.apiUrl}/metrics/prometheus` : `http://127.0.0.1:${p.env.BERTH_HTTP_PORT}/metrics`;
          // The scrape token every process's /metrics asks for (the api's too).
          return (await fetch(url, { headers: { authorization: `Bearer ${cluster.metricsToken}` } })).text();
        }),
      );
      return texts.join("\n");
    },
    /** The sum of a counter over every instance of a service. */
    async counterSum(service, name) {
      const text = await this.metricsText(service, true);
      return [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "gm"))].reduce((n, m) => n + Number(m[1]), 0);
    },
    /** POSTs every app at once; each is a tiny `sleep` task, plus what `apps` give. */
    postApps(apps) {
      return Promise.all(
        apps.map((app) =>
          api("/v2/apps", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              cmd: "sleep 3600",
              cpus: 0.01,
              mem: 8,
              container: { docker: { image: "berth/busybox:latest" } },
              ...app,
            }),
          }),
        ),
      );
    },
    /** Polls `check` every 200 ms until it is true (at most 5 minutes). */
    waitFor(what, check) {
      return eventually(check, { timeoutMs: 300_000, intervalMs: 200, what });
    },
    async waitForAgents() {
      const t0 = Date.now();
      await eventually(async () => (await api("/v2/agents")).agents.filter((a) => a.active).length >= agents, {
        timeoutMs: 300_000,
        intervalMs: 1000,
        what: `${agents} simulated agents registered`,
      });
      console.log(`${agents} simulated agents in ${hosts} processes registered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    },
    stop: stopOnInterrupt(async () => {
      for (const p of simHosts) p.kill("SIGTERM");
      await Promise.all(simHosts.map((p) => new Promise((r) => (p.exitCode !== null ? r() : p.once("exit", r)))));
      await cluster.stop();
      await nats.stop();
      rmSync(work, { recursive: true, force: true });
    }),
  };
}

/**
 * Follows the API's event stream for one event type and calls `onEvent` with
 * each event's JSON; answers a function that stops following.
 */
export function followEvents(cluster, eventType, onEvent) {
  const sse = new AbortController();
  void (async () => {
    const res = await cluster.api(`/v2/events?event_type=${eventType}`, {
      signal: sse.signal,
      headers: { accept: "text/event-stream" },
    });
    const decoder = new TextDecoder();
    const reader = new SseReader();
    for await (const chunk of res.body) for (const f of reader.push(decoder.decode(chunk, { stream: true }))) onEvent(JSON.parse(f.data));
  })().catch(() => undefined);
  return () => sse.abort();
}

/** Prints each group's CPU seconds between two readings of `cpuByGroup`. */
export function cpuLine(before, after) {
  return Object.keys(after)
    .map((g) => `${g} ${(after[g] - before[g]).toFixed(1)}`)
    .join(", ");
}
