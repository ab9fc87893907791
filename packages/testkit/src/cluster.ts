import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serviceArgs } from "@berth/runtime";
import { freePort, testWorker } from "./free-port.js";
import { httpRequest } from "./http.js";
import type { NatsTls } from "./nats-server.js";
import { testTls } from "./tls.js";
import { DEMO_IMAGE } from "./docker-cli.js";
import { eventually } from "./wait.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export type ServiceName =
  "api" | "launch-dispatcher" | "offer-handler" | "slave-agent" | "status-aggregator" | "scheduler-api" | "job-scheduler";

export interface ClusterProcess {
  name: string;
  proc: ChildProcess;
  env: NodeJS.ProcessEnv;
  service: ServiceName;
  /** The Berth tree whose build it runs. */
  root: string;
}

export interface Cluster {
  apiUrl: string;
  /** With `apiTls`: the CA file that signed the api's certificate, for clients to trust. */
  apiCa: string | undefined;
  /** The api's bootstrap admin token (BERTH_ADMIN_TOKEN). */
  adminToken: string;
  /** The token every process's /metrics asks of a scrape (BERTH_METRICS_TOKEN). */
  metricsToken: string;
  /** fetch() against the first api, as the admin: `path` starts with "/". */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Every api instance's URL. */
  apiUrls: string[];
  /** With `schedulerApi`: where Mesos frameworks subscribe (http://127.0.0.1:<port>). */
  schedulerUrl: string;
  /** With `jobScheduler`: Metronome's jobs API (http://127.0.0.1:<port>). */
  jobsUrl: string;
  agentId: string;
  /** Every agent's id; the first is `agentId`. */
  agentIds: string[];
  agentMetricsUrl: string;
  processes: ClusterProcess[];
  /** SIGKILLs one process and starts it again with the same settings. */
  restart(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Stops one process (SIGTERM, as an operator would) and starts the build of another Berth tree in its place: an upgrade. */
  replace(name: string, root: string): Promise<void>;
  stop(): Promise<void>;
}

function start(service: ServiceName, name: string, env: NodeJS.ProcessEnv, logDir: string, root: string): ClusterProcess {
  const out = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
  const proc = spawn(process.execPath, serviceArgs(root, service), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.pipe(out, { end: false });
  proc.stderr?.pipe(out, { end: false });
  return { name, proc, env, service, root };
}

async function stopProcess(p: ClusterProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (p.proc.exitCode !== null || p.proc.signalCode !== null) return;
  await new Promise<void>((res) => {
    const t = setTimeout(() => p.proc.kill("SIGKILL"), 10_000);
    p.proc.once("exit", () => {
      clearTimeout(t);
      res();
    });
    p.proc.kill(signal);
  });
}

/** Who a process connects to NATS as: the same shapes as @berth/bus's NatsPrincipal. */
export type ProcessPrincipal = { kind: "service"; service: Exclude<ServiceName, "slave-agent"> } | { kind: "agent"; agentId: string };

/** Gives each process its own NATS user: makes sure the server knows them, and answers their credentials. */
export interface NatsUsers {
  allow(principals: readonly ProcessPrincipal[]): Promise<(p: ProcessPrincipal) => { user: string; pass: string }>;
}

/** The five Berth processes against a given NATS, with one agent; logs go to test-results/<name>/. */
export async function startCluster(opts: {
  natsUrl: string;
  /** How the processes reach NATS over TLS (the server's CA); undefined: plain text. */
  natsTls: NatsTls;
  name: string;
  agentId?: string;
  extraEnv?: NodeJS.ProcessEnv;
  /** Instances of each control-plane service. */
  instances?: number;
  /** Agents on this host, each with its own id and port range (default 1). */
  agents?: number;
  /** The first agent's work dir (its checkpoint, sandboxes, keys); default under test-results/<name>/. */
  agentWorkDir?: string;
  /** When NATS requires users: each process connects as its own. */
  natsUsers?: NatsUsers;
  /** The api serves HTTPS with a certificate from the tests' CA (`apiCa`), as where it leaves the host. */
  apiTls?: boolean;
  /** Start the scheduler-api (Mesos's scheduler API for frameworks) too. */
  schedulerApi?: boolean;
  /** Start the job-scheduler (Metronome's jobs API) too. */
  jobScheduler?: boolean;
  /** The Berth tree whose build every process runs (an earlier one, for an upgrade); default this one. */
  root?: string;
}): Promise<Cluster> {
  const apiTls = opts.apiTls ? await testTls() : undefined;
  const apiTlsEnv = apiTls ? { BERTH_API_TLS_CERT: apiTls.certFile, BERTH_API_TLS_KEY: apiTls.keyFile } : {};
  const adminToken = `berth_test_${randomBytes(24).toString("base64url")}`;
  const metricsToken = `berth_metrics_${randomBytes(24).toString("base64url")}`;
  const logDir = join(ROOT, "test-results", opts.name);
  mkdirSync(logDir, { recursive: true });
  const root = opts.root ?? ROOT;
  const launch = (service: ServiceName, name: string, env: NodeJS.ProcessEnv) => start(service, name, env, logDir, root);
  const apiPort = await freePort();
  const agentPort = await freePort();
  const agentId = opts.agentId ?? `agent-${opts.name}`.replace(/[^A-Za-z0-9_-]/g, "-");
  const tlsEnv = opts.natsTls ? { BERTH_NATS_CA: opts.natsTls.caFile } : { BERTH_NATS_TLS: "off" };
  const common = { BERTH_NATS_URL: opts.natsUrl, BERTH_LOG_LEVEL: "debug", BERTH_METRICS_TOKEN: metricsToken, ...tlsEnv, ...opts.extraEnv };
  const httpPort = async () => String(await freePort());
  const agentIds = Array.from({ length: opts.agents ?? 1 }, (_, i) => (i === 0 ? agentId : `${agentId}-${i + 1}`));
  const services = ["api", "launch-dispatcher", "offer-handler", "status-aggregator", "scheduler-api", "job-scheduler"] as const;
  const credentials = await opts.natsUsers?.allow([
    ...services.map((service) => ({ kind: "service" as const, service })),
    ...agentIds.map((id) => ({ kind: "agent" as const, agentId: id })),
  ]);
  const natsEnv = (p: ProcessPrincipal) => {
    const c = credentials?.(p);
    return c ? { BERTH_NATS_USER: c.user, BERTH_NATS_PASSWORD: c.pass } : {};
  };
  const as = (service: (typeof services)[number]) => natsEnv({ kind: "service", service });
  const processes: ClusterProcess[] = [];
  const jobsPort = opts.jobScheduler ? await freePort() : 0;
  for (let i = 1; i <= (opts.instances ?? 1); i++) {
    const suffix = i === 1 ? "" : `-${i}`;
    processes.push(
      launch("offer-handler", `offer-handler${suffix}`, { ...common, ...as("offer-handler"), BERTH_HTTP_PORT: await httpPort() }),
      launch("status-aggregator", `status-aggregator${suffix}`, {
        ...common,
        ...as("status-aggregator"),
        BERTH_HTTP_PORT: await httpPort(),
      }),
      launch("launch-dispatcher", `launch-dispatcher${suffix}`, {
        ...common,
        ...as("launch-dispatcher"),
        BERTH_HTTP_PORT: await httpPort(),
        BERTH_INSTANCE_ID: `dispatcher-${i}`,
      }),
      launch("api", `api${suffix}`, {
        ...common,
        ...as("api"),
        ...apiTlsEnv,
        BERTH_ADMIN_TOKEN: adminToken,
        BERTH_API_PORT: i === 1 ? String(apiPort) : String(await freePort()),
        ...(opts.jobScheduler ? { BERTH_JOBS_URL: `http://127.0.0.1:${jobsPort}` } : {}),
      }),
    );
  }
  const schedulerPort = opts.schedulerApi ? await freePort() : 0;
  if (opts.schedulerApi) {
    processes.push(
      launch("scheduler-api", "scheduler-api", {
        ...common,
        ...as("scheduler-api"),
        BERTH_HTTP_PORT: await httpPort(),
        BERTH_SCHEDULER_API_PORT: String(schedulerPort),
      }),
    );
  }
  if (opts.jobScheduler) {
    processes.push(
      launch("job-scheduler", "job-scheduler", {
        ...common,
        ...as("job-scheduler"),
        BERTH_ADMIN_TOKEN: adminToken,
        BERTH_HTTP_PORT: await httpPort(),
        BERTH_JOBS_PORT: String(jobsPort),
      }),
    );
  }
  for (const [i, id] of agentIds.entries()) {
    const n = i + 1;
    // Each agent its own share of the port range, so two on one host never hand out the same port.
    const ports = agentPorts(n);
    processes.push(
      launch("slave-agent", n === 1 ? "slave-agent" : `slave-agent-${n}`, {
        BERTH_AGENT_CPUS: "4",
        BERTH_AGENT_MEM: "4096",
        BERTH_AGENT_DISK: "10000",
        BERTH_AGENT_GC_DELAY_MS: "1000",
        BERTH_AGENT_METRICS_INTERVAL_MS: "500",
        BERTH_AGENT_RECONCILE_INTERVAL_MS: "2000",
        BERTH_AGENT_DISK_CHECK_INTERVAL_MS: "1000",
        ...common,
        ...natsEnv({ kind: "agent", agentId: id }),
        BERTH_AGENT_ID: id,
        BERTH_AGENT_HOSTNAME: "127.0.0.1",
        BERTH_AGENT_PORTS: `${ports.begin}-${ports.end}`,
        BERTH_AGENT_HTTP_PORT: n === 1 ? String(agentPort) : String(await freePort()),
        BERTH_AGENT_WORK_DIR: (n === 1 ? opts.agentWorkDir : undefined) ?? join(logDir, `agent-work-${n}`),
        BERTH_AGENT_COMMAND_IMAGE: DEMO_IMAGE,
      }),
    );
  }
  /** Stops a process with `signal` and starts it again with the same settings, on the build of `newRoot` if given. */
  const replaceProcess = async (name: string, signal: NodeJS.Signals, newRoot?: string) => {
    const i = processes.findIndex((p) => p.name === name);
    const p = processes[i];
    if (!p) throw new Error(`no process ${name}`);
    await stopProcess(p, signal);
    processes[i] = start(p.service, p.name, p.env, logDir, newRoot ?? p.root);
  };
  const scheme = apiTls ? "https" : "http";
  const apiUrl = `${scheme}://127.0.0.1:${apiPort}`;
  try {
    await eventually(
      async () => {
        const res = await httpRequest(`${apiUrl}/v2/agents`, { headers: { authorization: `Bearer ${adminToken}` } }, apiTls?.caFile);
        const body = (await res.json()) as { agents: { id: string; active: boolean }[] };
        return agentIds.every((id) => body.agents.some((a) => a.id === id && a.active));
      },
      { timeoutMs: 60_000, what: `agent ${agentId} registered (logs in ${logDir})` },
    );
  } catch (err) {
    // A cluster that never came up must not outlive the test that asked for it.
    for (const p of processes) p.proc.kill("SIGKILL");
    throw err;
  }
  return {
    apiUrl,
    apiCa: apiTls?.caFile,
    adminToken,
    metricsToken,
    api: (path, init = {}) =>
      httpRequest(
        `${apiUrl}${path}`,
        { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${adminToken}` } },
        apiTls?.caFile,
      ),
    apiUrls: processes.filter((p) => p.service === "api").map((p) => `${scheme}://127.0.0.1:${p.env.BERTH_API_PORT}`),
    schedulerUrl: `http://127.0.0.1:${schedulerPort}`,
    jobsUrl: `http://127.0.0.1:${jobsPort}`,
    agentId,
    agentIds,
    agentMetricsUrl: `http://127.0.0.1:${agentPort}/metrics`,
    processes,
    restart: (name, signal = "SIGKILL") => replaceProcess(name, signal),
    replace: (name, newRoot) => replaceProcess(name, "SIGTERM", newRoot),
    async stop() {
      await Promise.all(processes.map((p) => stopProcess(p)));
    },
  };
}

/**
 * The n-th agent's 500 ports in a cluster this test worker starts (at most 3 agents). Test files
 * that run side by side (one per vitest worker) start their agents on the same host, so each
 * worker has its own block; the first keeps 31000, as in a cluster started by hand.
 * Every block stays below the kernel's ephemeral ports (32768 and up).
 */
export function agentPorts(n = 1): { begin: number; end: number } {
  if (n > 3) throw new Error(`a test cluster has at most 3 agents (asked for ${n})`);
  const worker = testWorker();
  const block = worker === 1 ? 31000 : 20000 + ((worker - 2) % 7) * 1500;
  const begin = block + (n - 1) * 500;
  return { begin, end: begin + 499 };
}
