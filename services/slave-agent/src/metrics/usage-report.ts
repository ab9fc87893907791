import { type BusHandles, channels, tell } from "@berth/bus";
import type { ContainerSample } from "./container-metrics.js";

/**
 * Tells the cluster what each running task uses, from the collection the
 * agent makes for Prometheus anyway (nothing is read twice): one core NATS
 * message an interval, which the api keeps as a bounded history.
 */
export function publishUsage(
  nc: BusHandles<"nc">["nc"],
  agentId: string,
  samples: readonly ContainerSample[],
  collectedAtMs: number,
): void {
  tell(nc, channels.agentUsage, agentId, {
    agentId,
    collectedAtMs,
    tasks: samples.map(({ container, stats }) => ({
      taskId: container.taskId,
      appId: container.appId,
      cpuSeconds: stats.cpuUsageSeconds,
      cpuThrottledSeconds: stats.cpuThrottledSeconds,
      memoryWorkingSetBytes: stats.memoryWorkingSetBytes,
      memoryLimitBytes: stats.memoryLimitBytes,
    })),
  });
}
