import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "../runtime/container-runtime.js";
import type { RunningContainer } from "./local-task.js";

const MIB = 1024 * 1024;

/**
 * Enforces tasks' `disk` as Mesos's disk/du isolator does: measures each
 * running container's writable layer and its sandbox on an interval and has a task over its
 * limit killed, reported FAILED with its usage and limit. `disk: 0` is no
 * limit (Marathon's default). Docker's storage quota would need a storage
 * driver that supports it (overlay2 on xfs with project quotas); this works
 * on every driver, at the cost of a walk of each limited container's layer.
 */
export class DiskLimits {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly running: () => RunningContainer[],
    private readonly kill: (taskId: string, message: string, reason: string) => void,
    private readonly intervalMs: number,
    private readonly log: Logger,
    /** What the task's sandbox holds, which counts too (Mesos's disk/du measures the sandbox). */
    private readonly sandboxBytes: (taskId: string) => Promise<number> = async () => 0,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      for (const t of this.running().filter((r) => r.diskMiB > 0)) {
        const layer = await this.runtime.diskUsageBytes(t.containerId).catch((err: unknown) => {
          this.log.debug({ err: String(err), taskId: t.taskId }, "could not measure a task's disk");
          return 0;
        });
        const used = layer + (await this.sandboxBytes(t.taskId).catch(() => 0));
        if (used > t.diskMiB * MIB) {
          const usedMiB = (used / MIB).toFixed(1);
          this.kill(
            t.taskId,
            `Disk usage ${usedMiB} MiB exceeds the task's disk limit of ${t.diskMiB} MiB`,
            "REASON_CONTAINER_LIMITATION_DISK",
          );
        }
      }
    } finally {
      this.checking = false;
    }
  }
}
