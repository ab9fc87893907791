import { type AgentUsage, type BusHandles, channels, hear } from "@berth/bus";
import { DEFAULT_USAGE_WINDOW, UsageSeries, type UsageWindow } from "@berth/core";
import type { Logger } from "@berth/runtime";

export interface TaskUsageEntry {
  taskId: string;
  appId: string;
  agentId: string;
  /** The container's memory limit, as its agent read it. */
  memoryLimitBytes: number;
  series: UsageSeries;
}

/**
 * The last hour of what each task used, kept from the agents' usage messages
 * (a collection they make for Prometheus anyway, so nothing is read twice).
 * Memory is bounded: a fixed ring per task, and a task its agent stopped
 * reporting is forgotten once its history has left the window. Every api
 * instance keeps its own; a new one starts empty and fills as agents report.
 */
export class UsageHistory {
  private readonly tasks = new Map<string, TaskUsageEntry>();
  private sub: { stop(): void } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly nc: BusHandles<"nc">["nc"],
    private readonly logger: Logger,
    readonly window: UsageWindow = DEFAULT_USAGE_WINDOW,
  ) {}

  start(): void {
    this.sub = hear(
      this.nc,
      channels.agentUsage,
      (report) => this.take(report),
      (err, subject) => this.logger.warn({ err: String(err), subject }, "usage message left out: it cannot be read"),
    );
    this.timer = setInterval(() => this.forget(Date.now()), this.window.stepMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sub?.stop();
  }

  /** One agent's report: each task's reading joins its series. */
  take(report: AgentUsage): void {
    const atMs = Number(report.collectedAtMs);
    for (const t of report.tasks ?? []) {
      const taskId = t.taskId ?? "";
      if (!taskId) continue;
      let entry = this.tasks.get(taskId);
      if (!entry) {
        entry = { taskId, appId: t.appId ?? "", agentId: report.agentId ?? "", memoryLimitBytes: 0, series: new UsageSeries(this.window) };
        this.tasks.set(taskId, entry);
      }
      entry.memoryLimitBytes = t.memoryLimitBytes ?? 0;
      entry.series.add({
        atMs,
        cpuSeconds: t.cpuSeconds ?? 0,
        throttledSeconds: t.cpuThrottledSeconds ?? 0,
        memoryBytes: t.memoryWorkingSetBytes ?? 0,
      });
    }
  }

  /** Every task with history, in the order they were first reported. */
  entries(): IterableIterator<TaskUsageEntry> {
    return this.tasks.values();
  }

  /** Forgets tasks whose last reading has left the window. */
  forget(nowMs: number): void {
    for (const [id, e] of this.tasks) if ((e.series.lastAtMs() ?? 0) <= nowMs - this.window.windowMs) this.tasks.delete(id);
  }

  /** Bytes the kept history holds (the rings; each entry's few fields besides). */
  bytes(): number {
    let n = 0;
    for (const e of this.tasks.values()) n += e.series.bytes;
    return n;
  }
}
