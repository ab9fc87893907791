import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { natsTlsBlock, natsTlsConfig } from "@berth/runtime";
import { jetstreamManager, StorageType } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { freePort } from "./free-port.js";
import { testTls } from "./tls.js";
import { eventually } from "./wait.js";

/** How a client reaches a test nats-server over TLS: the CA that signed its certificate. Undefined: plain text. */
export type NatsTls = { caFile: string } | undefined;

export interface NatsServer {
  url: string;
  port: number;
  /** What a client passes as its `tls` option (and BERTH_NATS_CA). */
  tls: NatsTls;
  storeDir: string;
  /** nats-server's own monitoring endpoint (/varz, /jsz), on loopback: the counts tests read. */
  monitorUrl: string;
  /** Replaces the configuration file (users and permissions) and has the server reload it. */
  reconfigure(config: string): Promise<void>;
  stop(): Promise<void>;
  /** Stops (SIGTERM, or `signal`) and starts the server on the same port and store. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the server, runs `f` on its store directory (a backup, a restore), and starts it again on the same port. */
  offline<T>(f: (storeDir: string) => Promise<T>): Promise<T>;
  /** The server's process id (for benchmarks reading its CPU and memory). */
  pids(): number[];
}

/** The ports a started server wrote: its client port, and its monitoring URL when it serves one. */
async function waitForPortsFile(dir: string, pid: number, timeoutMs: number): Promise<{ port: number; monitorUrl: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(dir).catch(() => [] as string[]);
    const f = files.find((n) => n.endsWith(`_${pid}.ports`));
    if (f) {
      // The server may not have finished writing it: an empty or partial file is read again.
      const ports = await readFile(join(dir, f), "utf8")
        .then((text) => JSON.parse(text) as { nats?: string[]; monitoring?: string[] })
        .catch(() => undefined);
      const url = ports?.nats?.[0];
      if (url) return { port: Number(new URL(url).port), monitorUrl: ports?.monitoring?.[0] ?? "" };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("nats-server did not start (is it installed? run `make deps`)");
}

function launch(args: string[]): ChildProcess {
  return spawn("nats-server", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Resolves once the server logs that it reloaded its configuration. */
function reloaded(p: ChildProcess, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("nats-server did not reload its configuration")), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (!/Reloaded server configuration/.test(chunk.toString())) return;
      clearTimeout(timer);
      p.stderr?.off("data", onData);
      resolve();
    };
    p.stderr?.on("data", onData);
  });
}

/**
 * A real nats-server with JetStream on a free loopback port and its own store,
 * requiring TLS (as Berth runs it) unless `tls: false`. With `config`
 * (nats-server's configuration text: users and permissions), it runs with
 * that file, and `reconfigure` changes it live.
 */
export async function startNatsServer(
  opts: {
    config?: string;
    tls?: boolean;
    /** JetStream's room on disk (max_file_store); default what nats-server gives itself (75% of the disk's free space). */
    maxStoreBytes?: number;
    /** JetStream's store in a directory of the caller's (a small disk of its own, say); default one the server's own. */
    storeDir?: string;
  } = {},
): Promise<NatsServer> {
  const dir = await mkdtemp(join(tmpdir(), "berth-nats-"));
  const storeDir = opts.storeDir ?? join(dir, "store");
  const configFile = join(dir, "nats.conf");
  const tls = opts.tls === false ? undefined : await testTls();
  // JetStream lives in the file, not in flags: a reload of a file without it would shut JetStream down.
  // Monitoring on a port the server picks (and writes to its ports file): a port picked here could be taken meanwhile.
  const withJetStream = (config: string) =>
    `${config}\njetstream: { store_dir: ${JSON.stringify(storeDir)}${opts.maxStoreBytes ? `, max_file_store: ${opts.maxStoreBytes}` : ""} }\nhttp_port: -1\n${tls ? natsTlsConfig(tls) : ""}`;
  await writeFile(configFile, withJetStream(opts.config ?? ""), { mode: 0o600 });
  const base = ["-c", configFile, "-a", "127.0.0.1", "--ports_file_dir", dir];
  let proc = launch([...base, "-p", "-1"]);
  proc.stderr?.resume();
  const started = await waitForPortsFile(dir, proc.pid ?? 0, 10_000);
  const port = started.port;
  let monitorUrl = started.monitorUrl;
  const stopProc = async (p: ChildProcess, signal: NodeJS.Signals = "SIGTERM") => {
    if (p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill(signal);
    });
  };
  const offline = async <T>(f: (storeDir: string) => Promise<T>, signal?: NodeJS.Signals): Promise<T> => {
    await stopProc(proc, signal);
    try {
      return await f(storeDir);
    } finally {
      proc = launch([...base, "-p", String(port)]);
      proc.stderr?.resume();
      monitorUrl = (await waitForPortsFile(dir, proc.pid ?? 0, 10_000)).monitorUrl;
    }
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    tls: tls ? { caFile: tls.caFile } : undefined,
    storeDir,
    get monitorUrl() {
      return monitorUrl;
    },
    pids: () => [proc.pid ?? 0],
    async stop() {
      await stopProc(proc);
      await rm(dir, { recursive: true, force: true });
    },
    restart: (signal) => offline(async () => undefined, signal),
    offline: (f) => offline(f),
    async reconfigure(config: string) {
      await writeFile(configFile, withJetStream(config), { mode: 0o600 });
      const done = reloaded(proc);
      proc.kill("SIGHUP");
      await done;
    },
  };
}

export interface NatsCluster {
  /** All client URLs, comma-separated, as BERTH_NATS_URL takes them. */
  urls: string;
  /** What a client passes as its `tls` option (and BERTH_NATS_CA). */
  tls: NatsTls;
  servers: { name: string; url: string; stop(signal?: NodeJS.Signals): Promise<void>; start(): Promise<void> }[];
  stop(): Promise<void>;
  /** The running servers' process ids. */
  pids(): number[];
}

/**
 * Three (or n) real nats-servers clustered on loopback ports, JetStream on
 * each; clients and the routes between the servers use TLS unless `tls: false`.
 */
export async function startNatsCluster(n = 3, opts: { tls?: boolean; maxStoreBytes?: number } = {}): Promise<NatsCluster> {
  // Ports picked here may be taken by another process before a server binds them (test files run side by side),
  // and JetStream on servers routed to each other may not place a stream for a while: a cluster that has not formed
  // (a stream placed on all its servers) in 15 s is started again on other ports.
  for (let attempt = 1; ; attempt++) {
    const cluster = await startNatsClusterOnce(n, opts);
    if (await cluster.formed(15_000)) return cluster;
    console.warn(`${n} nats-servers did not form a cluster in 15 s (attempt ${attempt}); starting them again on other ports`);
    await cluster.stop();
    if (attempt === 3) throw new Error(`${n} nats-servers did not form a cluster in ${attempt} attempts`);
  }
}

async function startNatsClusterOnce(
  n: number,
  opts: { tls?: boolean; maxStoreBytes?: number },
): Promise<NatsCluster & { formed(timeoutMs: number): Promise<boolean> }> {
  const dir = await mkdtemp(join(tmpdir(), "berth-natscluster-"));
  const tls = opts.tls === false ? undefined : await testTls();
  const nodes: { name: string; client: number; route: number }[] = [];
  for (let i = 1; i <= n; i++) nodes.push({ name: `n${i}`, client: await freePort(), route: await freePort() });
  const procs = new Map<string, ChildProcess>();
  const configOf = (node: (typeof nodes)[number]) => {
    const routes = nodes.filter((x) => x !== node).map((x) => `nats-route://127.0.0.1:${x.route}`);
    const routeTls = tls ? `, tls: ${natsTlsBlock(tls)}` : "";
    return [
      `server_name: ${node.name}`,
      `jetstream: { store_dir: ${JSON.stringify(join(dir, node.name))}${opts.maxStoreBytes ? `, max_file_store: ${opts.maxStoreBytes}` : ""} }`,
      `cluster: { name: berth, listen: "127.0.0.1:${node.route}", routes: ${JSON.stringify(routes)}${routeTls} }`,
      tls ? natsTlsConfig(tls) : "",
    ].join("\n");
  };
  const startNode = async (node: (typeof nodes)[number]) => {
    const file = join(dir, `${node.name}.conf`);
    await writeFile(file, configOf(node), { mode: 0o600 });
    const p = launch(["-c", file, "-a", "127.0.0.1", "-p", String(node.client), "--ports_file_dir", dir]);
    p.stderr?.resume();
    procs.set(node.name, p);
    await waitForPortsFile(dir, p.pid ?? 0, 10_000);
  };
  const urls = nodes.map((x) => `nats://127.0.0.1:${x.client}`).join(",");
  /**
   * Whether JetStream places a stream with a replica on every server, as a test's first stream needs: so every
   * server runs, is routed to the others and is in JetStream's meta group. Servers routed to each other have been
   * seen answering "no suitable peers for placement" for 30 s.
   */
  const places = async (): Promise<boolean> => {
    const nc = await connect({ servers: urls, reconnect: false, timeout: 2_000, ...(tls ? { tls: { caFile: tls.caFile } } : {}) });
    try {
      const jsm = await jetstreamManager(nc, { timeout: 2_000 });
      const name = "TESTKIT_PLACEMENT";
      await jsm.streams.add({ name, subjects: ["testkit.placement"], num_replicas: n, storage: StorageType.Memory });
      await jsm.streams.delete(name);
      return true;
    } catch {
      return false;
    } finally {
      await nc.close();
    }
  };
  const stopNode = async (node: (typeof nodes)[number], signal: NodeJS.Signals = "SIGTERM") => {
    const p = procs.get(node.name);
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((r) => {
      p.once("exit", () => r());
      p.kill(signal);
    });
  };
  await Promise.all(nodes.map(startNode)).catch(() => undefined);
  return {
    formed: (timeoutMs) =>
      eventually(places, { timeoutMs, intervalMs: 200 }).then(
        () => true,
        () => false,
      ),
    urls,
    tls: tls ? { caFile: tls.caFile } : undefined,
    servers: nodes.map((node) => ({
      name: node.name,
      url: `nats://127.0.0.1:${node.client}`,
      stop: (signal) => stopNode(node, signal),
      start: () => startNode(node),
    })),
    pids: () => [...procs.values()].filter((p) => p.exitCode === null).map((p) => p.pid ?? 0),
    async stop() {
      await Promise.all(nodes.map((node) => stopNode(node)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
