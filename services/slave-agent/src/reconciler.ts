import type { KvCache } from "@berth/bus";
import { isTerminal, LABELS, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "./container-runtime.js";
import type { StatusReporter } from "./status-reporter.js";
import type { TaskRunner } from "./task-runner.js";

/** A container this young may belong to a launch whose task record the agent has not seen yet. */
const ORPHAN_GRACE_MS = 30_000;

/**
 * Compares what this agent runs with what the cluster believes it runs:
 * Berth-labelled containers whose task is unknown, ended or elsewhere are
 * stopped and removed (orphans); tasks the cluster believes are here but
 * have no container (removed behind Berth's back, or while the agent was
 * away) are reported TASK_LOST, so they are replaced.
 */
export class AgentReconciler {
  constructor(
    private readonly agentId: string,
    private readonly runtime: ContainerRuntime,
    private readonly runner: TaskRunner,
    private readonly reporter: StatusReporter,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async run(): Promise<{ orphansRemoved: number; lost: number }> {
    const containers = await this.runtime.list({ [LABELS.agent]: this.agentId });
    let orphansRemoved = 0;
    const present = new Set<string>();
    for (const c of containers) {
      const taskId = c.labels[LABELS.task] ?? "";
      present.add(taskId);
      if (this.runner.knows(taskId)) continue;
      const record = this.tasks.get(taskId)?.value;
      const ours = record && record.agentId === this.agentId && !isTerminal(record.state);
      if (ours) continue;
      const age = this.now() - (Date.parse(c.startedAt) || 0);
      if (c.running && age < ORPHAN_GRACE_MS) continue;
      this.log.warn({ taskId, containerId: c.id, running: c.running }, "removing a container no task owns");
      if (c.running) await this.runtime.stop(c.id, 0).catch(() => undefined);
      await this.runtime.remove(c.id).catch(() => undefined);
      orphansRemoved++;
    }
    let lost = 0;
    for (const t of this.tasks.values()) {
      if (t.agentId !== this.agentId || isTerminal(t.state) || t.lastSequence === 0) continue;
      if (this.runner.knows(t.taskId) || present.has(t.taskId)) continue;
      if (this.now() - t.updatedAtMs < 10_000) continue;
      this.log.warn({ taskId: t.taskId }, "a task the cluster believes is here has no container: reporting it lost");
      this.reporter.report({
        taskId: t.taskId,
        appId: t.appId,
        state: "TASK_LOST",
        message: "container not found on the agent (removed outside Berth)",
        containerId: t.containerId,
        exitCode: 0,
        hasExitCode: false,
        reason: "REASON_CONTAINER_NOT_FOUND",
      });
      lost++;
    }
    return { orphansRemoved, lost };
  }
}
