import { teamOf } from "@berth/core";
import type { CgroupReader, CgroupStats } from "./cgroups.js";
import type { RunningContainer } from "./task-runner.js";

interface Series {
  name: string;
  help: string;
  type: "counter" | "gauge";
  value: (s: CgroupStats) => number;
}

/** cAdvisor's names and units, so stock container dashboards work unchanged. */
const SERIES: Series[] = [
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
  { name: "container_processes", help: "Number of processes running inside the container.", type: "gauge", value: (s) => s.pids },
];

function escapeLabel(v: string): string {
  return v.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll('"', '\\"');
}

/** Renders per-container series in Prometheus's text format. */
export function renderContainerMetrics(rows: { container: RunningContainer; stats: CgroupStats }[], agentId: string): string {
  const lines: string[] = [];
  for (const series of SERIES) {
    lines.push(`# HELP ${series.name} ${series.help}`, `# TYPE ${series.name} ${series.type}`);
    for (const { container: c, stats } of rows) {
      const labels = {
        id: `/docker/${c.containerId}`,
        name: `berth-${c.taskId}`,
        app_id: c.appId,
        task_id: c.taskId,
        team: teamOf(c.appId),
        agent_id: agentId,
        version: c.version,
      };
      const text = Object.entries(labels)
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(",");
      lines.push(`${series.name}{${text}} ${series.value(stats)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export async function collectContainerMetrics(reader: CgroupReader, containers: RunningContainer[], agentId: string): Promise<string> {
  const rows: { container: RunningContainer; stats: CgroupStats }[] = [];
  for (const container of containers) {
    const stats = await reader.read(container.pid);
    if (stats) rows.push({ container, stats });
  }
  return renderContainerMetrics(rows, agentId);
}
