import { teamOf } from "@berth/core";
import type { CgroupReader, CgroupStats } from "./cgroups.js";
import { type InterfaceCounters, readNetDev } from "./net-dev.js";
import type { RunningContainer } from "../tasks/local-task.js";

interface Series<S> {
  name: string;
  help: string;
  type: "counter" | "gauge";
  value: (s: S) => number;
}

/** cAdvisor's names and units, so stock container dashboards work unchanged. */
const CGROUP_SERIES: Series<CgroupStats>[] = [
  {
    name: "container_cpu_usage_seconds_total",
    help: "Cumulative cpu time consumed in seconds.",
    type: "counter",
    value: (s) => s.cpuUsageSeconds,
  },
  {
    name: "container_cpu_user_seconds_total",
    help: "Cumulative user cpu time consumed in seconds.",
    type: "counter",
    value: (s) => s.cpuUserSeconds,
  },
  {
    name: "container_cpu_system_seconds_total",
    help: "Cumulative system cpu time consumed in seconds.",
    type: "counter",
    value: (s) => s.cpuSystemSeconds,
  },
  {
    name: "container_cpu_cfs_throttled_seconds_total",
    help: "Total time duration the container has been throttled.",
    type: "counter",
    value: (s) => s.cpuThrottledSeconds,
  },
  {
    name: "container_memory_usage_bytes",
    help: "Current memory usage in bytes, including all memory regardless of when it was accessed.",
    type: "gauge",
    value: (s) => s.memoryUsageBytes,
  },
  {
    name: "container_memory_working_set_bytes",
    help: "Current working set in bytes.",
    type: "gauge",
    value: (s) => s.memoryWorkingSetBytes,
  },
  { name: "container_memory_rss", help: "Size of RSS in bytes.", type: "gauge", value: (s) => s.memoryRssBytes },
  { name: "container_memory_cache", help: "Number of bytes of page cache memory.", type: "gauge", value: (s) => s.memoryCacheBytes },
  { name: "container_memory_failcnt", help: "Number of memory usage hits limits.", type: "counter", value: (s) => s.memoryFailcnt },
  { name: "container_spec_memory_limit_bytes", help: "Memory limit for the container.", type: "gauge", value: (s) => s.memoryLimitBytes },
  { name: "container_spec_cpu_shares", help: "CPU share of the container.", type: "gauge", value: (s) => s.cpuShares },
  { name: "container_spec_cpu_quota", help: "CPU quota of the container.", type: "gauge", value: (s) => s.cpuQuotaMicros },
  { name: "container_spec_cpu_period", help: "CPU period of the container.", type: "gauge", value: (s) => s.cpuPeriodMicros },
  { name: "container_fs_reads_bytes_total", help: "Cumulative count of bytes read.", type: "counter", value: (s) => s.fsReadBytes },
  { name: "container_fs_writes_bytes_total", help: "Cumulative count of bytes written.", type: "counter", value: (s) => s.fsWriteBytes },
  { name: "container_processes", help: "Number of processes running inside the container.", type: "gauge", value: (s) => s.pids },
];

const NETWORK_SERIES: Series<InterfaceCounters>[] = [
  {
    name: "container_network_receive_bytes_total",
    help: "Cumulative count of bytes received.",
    type: "counter",
    value: (n) => n.receiveBytes,
  },
  {
    name: "container_network_receive_packets_total",
    help: "Cumulative count of packets received.",
    type: "counter",
    value: (n) => n.receivePackets,
  },
  {
    name: "container_network_receive_errors_total",
    help: "Cumulative count of errors encountered while receiving.",
    type: "counter",
    value: (n) => n.receiveErrors,
  },
  {
    name: "container_network_receive_packets_dropped_total",
    help: "Cumulative count of packets dropped while receiving.",
    type: "counter",
    value: (n) => n.receiveDropped,
  },
  {
    name: "container_network_transmit_bytes_total",
    help: "Cumulative count of bytes transmitted.",
    type: "counter",
    value: (n) => n.transmitBytes,
  },
  {
    name: "container_network_transmit_packets_total",
    help: "Cumulative count of packets transmitted.",
    type: "counter",
    value: (n) => n.transmitPackets,
  },
  {
    name: "container_network_transmit_errors_total",
    help: "Cumulative count of errors encountered while transmitting.",
    type: "counter",
    value: (n) => n.transmitErrors,
  },
  {
    name: "container_network_transmit_packets_dropped_total",
    help: "Cumulative count of packets dropped while transmitting.",
    type: "counter",
    value: (n) => n.transmitDropped,
  },
];

export interface ContainerSample {
  container: RunningContainer;
  stats: CgroupStats;
  /** Empty for host networking: the host's counters are not the container's. */
  interfaces: InterfaceCounters[];
}

function escapeLabel(v: string): string {
  return v.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll('"', '\\"');
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(",");
}

/** Renders per-container series in Prometheus's text format. */
export function renderContainerMetrics(samples: readonly ContainerSample[], agentId: string): string {
  const lines: string[] = [];
  const base = samples.map(({ container: c }) =>
    labelText({
      id: `/docker/${c.containerId}`,
      name: `berth-${c.taskId}`,
      image: c.image,
      app_id: c.appId,
      task_id: c.taskId,
      team: teamOf(c.appId),
      agent_id: agentId,
      version: c.version,
    }),
  );
  for (const series of CGROUP_SERIES) {
    lines.push(`# HELP ${series.name} ${series.help}`, `# TYPE ${series.name} ${series.type}`);
    samples.forEach((s, i) => lines.push(`${series.name}{${base[i]}} ${series.value(s.stats)}`));
  }
  for (const series of NETWORK_SERIES) {
    lines.push(`# HELP ${series.name} ${series.help}`, `# TYPE ${series.name} ${series.type}`);
    samples.forEach((s, i) => {
      for (const n of s.interfaces) lines.push(`${series.name}{${base[i]},interface="${escapeLabel(n.interface)}"} ${series.value(n)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/** Reads every running container's cgroup (and, outside host networking, its interfaces). */
export async function sampleContainers(reader: CgroupReader, containers: readonly RunningContainer[]): Promise<ContainerSample[]> {
  const out: ContainerSample[] = [];
  reader.retain(containers.map((c) => c.pid));
  for (const container of containers) {
    const stats = await reader.read(container.pid);
    if (!stats) continue;
    const interfaces = container.networkMode === "host" ? [] : await readNetDev(container.pid);
    out.push({ container, stats, interfaces });
  }
  return out;
}
