import type { Logger } from "@berth/runtime";
import { Gauge, Histogram, type Registry } from "prom-client";
import { CgroupReader } from "./cgroups.js";
import { type ContainerSample, renderContainerMetrics, sampleContainers } from "./container-metrics.js";
import type { RunningContainer } from "../tasks/local-task.js";

/**
 * Collects per-container series on an interval by reading cgroup files, and
 * keeps the rendered text: a scrape costs no more than sending it.
 */
export class MetricsCollector {
  private text = "";
  private timer: NodeJS.Timeout | undefined;
  private readonly reader = new CgroupReader();
  private readonly duration: Histogram;
  private readonly containers: Gauge;

  constructor(
    private readonly agentId: string,
    private readonly running: () => RunningContainer[],
    private readonly intervalMs: number,
    registry: Registry,
    private readonly log: Logger,
    /** Given each collection as it is made (the usage the agent tells the cluster). */
    private readonly onCollected: (samples: readonly ContainerSample[], collectedAtMs: number) => void = () => undefined,
  ) {
    this.duration = new Histogram({
      name: "berth_agent_metrics_collection_seconds",
      help: "Time to read every container's cgroup files once.",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
    this.containers = new Gauge({
      name: "berth_agent_metrics_containers",
      help: "Containers in the last collection.",
      registers: [registry],
    });
  }

  async start(): Promise<void> {
    await this.collect();
    this.timer = setInterval(() => void this.collect(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The last collection, in Prometheus's text format. */
  current(): string {
    return this.text;
  }

  async collect(): Promise<void> {
    const end = this.duration.startTimer();
    try {
      const samples = await sampleContainers(this.reader, this.running());
      this.text = renderContainerMetrics(samples, this.agentId);
      this.containers.set(samples.length);
      this.onCollected(samples, Date.now());
    } catch (err) {
      this.log.warn({ err: String(err) }, "container metrics collection failed");
    } finally {
      end();
    }
  }
}
