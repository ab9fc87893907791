import { cpus, hostname, totalmem } from "node:os";
import { statfsSync } from "node:fs";
import { parsePortRanges, type PortRange, STALE_LAUNCH_AFTER_MS, STARTING_AFTER_MS } from "@berth/core";
import { isValidAgentId } from "@berth/bus";
import { envNumber, envString, metricsToken, type NatsConfig, natsConfig } from "@berth/runtime";

export interface AgentConfig extends NatsConfig {
  agentId: string;
  hostname: string;
  cpus: number;
  memMiB: number;
  diskMiB: number;
  ports: PortRange[];
  attributes: Record<string, string>;
  /** The image command tasks (apps without a container) run in; undefined: this agent runs none. */
  commandImage: string | undefined;
  /** How long one fetch URI may take to download (and unpack). */
  fetchTimeoutMs: number;
  /** The largest download a fetch takes. */
  fetchMaxBytes: number;
  dockerSocket: string;
  httpHost: string;
  httpPort: number;
  heartbeatMs: number;
  gcDelayMs: number;
  /** How long a launch may take before the agent says TASK_STARTING. */
  startingAfterMs: number;
  metricsIntervalMs: number;
  /** How long a launch may have waited before its task's record is read, to start it only if still wanted. */
  staleLaunchAfterMs: number;
  /** The agent's own files: its checkpoint of status updates not yet stored. */
  workDir: string;
  reconcileIntervalMs: number;
  /** How often each running task's disk use is measured against its limit. */
  diskCheckIntervalMs: number;
  /** The bearer token a scrape of /metrics must carry. */
  metricsToken: string | undefined;
}

/** Mesos's attribute syntax: "rack:a;zone:b". */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const i = part.indexOf(":");
    if (i <= 0) throw new Error(`BERTH_AGENT_ATTRIBUTES: '${part}' is not name:value`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

function detectDiskMiB(dir: string): number {
  try {
    const s = statfsSync(dir);
    return Math.floor((s.bavail * s.bsize) / (1024 * 1024));
  } catch {
    return 0;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const host = envString(env, "BERTH_AGENT_HOSTNAME", hostname());
  const agentId = envString(env, "BERTH_AGENT_ID", host.replace(/[^A-Za-z0-9_-]/g, "-"));
  if (!isValidAgentId(agentId)) throw new Error(`BERTH_AGENT_ID '${agentId}' must be letters, digits, '-' and '_' (at most 64)`);
  const portsText = envString(env, "BERTH_AGENT_PORTS", "31000-32000");
  const ports = parsePortRanges(portsText);
  if (!ports || ports.length === 0) throw new Error(`BERTH_AGENT_PORTS '${portsText}' must be ranges like 31000-32000`);
  return {
    ...natsConfig(env),
    agentId,
    hostname: host,
    cpus: envNumber(env, "BERTH_AGENT_CPUS", cpus().length),
    memMiB: envNumber(env, "BERTH_AGENT_MEM", Math.floor(totalmem() / (1024 * 1024))),
    diskMiB: envNumber(env, "BERTH_AGENT_DISK", detectDiskMiB("/")),
    ports,
    attributes: parseAttributes(envString(env, "BERTH_AGENT_ATTRIBUTES", "")),
    commandImage: env.BERTH_AGENT_COMMAND_IMAGE || undefined,
    fetchTimeoutMs: envNumber(env, "BERTH_AGENT_FETCH_TIMEOUT_MS", 300_000),
    fetchMaxBytes: envNumber(env, "BERTH_AGENT_FETCH_MAX_BYTES", 1024 ** 3),
    dockerSocket: envString(env, "BERTH_DOCKER_SOCKET", "/var/run/docker.sock"),
    httpHost: envString(env, "BERTH_AGENT_HTTP_HOST", "127.0.0.1"),
    httpPort: envNumber(env, "BERTH_AGENT_HTTP_PORT", 5051),
    heartbeatMs: envNumber(env, "BERTH_AGENT_HEARTBEAT_MS", 5_000),
    gcDelayMs: envNumber(env, "BERTH_AGENT_GC_DELAY_MS", 60_000),
    startingAfterMs: envNumber(env, "BERTH_AGENT_STARTING_AFTER_MS", STARTING_AFTER_MS),
    metricsIntervalMs: envNumber(env, "BERTH_AGENT_METRICS_INTERVAL_MS", 5_000),
    staleLaunchAfterMs: envNumber(env, "BERTH_AGENT_STALE_LAUNCH_MS", STALE_LAUNCH_AFTER_MS),
    workDir: envString(env, "BERTH_AGENT_WORK_DIR", "/var/lib/berth/agent"),
    reconcileIntervalMs: envNumber(env, "BERTH_AGENT_RECONCILE_INTERVAL_MS", 30_000),
    diskCheckIntervalMs: envNumber(env, "BERTH_AGENT_DISK_CHECK_INTERVAL_MS", 15_000),
    metricsToken: metricsToken(env),
  };
}
