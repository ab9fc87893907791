import { isTerminal, LABELS, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "../runtime/container-runtime.js";
import type { StatusReporter } from "../status/status-reporter.js";
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
    /** The tasks booked on this agent (its ledger): every task the cluster may believe runs here. */
    private readonly bookedHere: () => Promise<string[]>,
    private readonly lookup: (taskId: string) => Promise<{ value: TaskRecord } | undefined>,
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
      // Read fresh: a decision to stop a container must not rest on a cache that may lag.
      const record = (await this.lookup(taskId))?.value;
      const ours = record && record.agentId === this.agentId && !isTerminal(record.state);
      if (this.runner.knows(taskId)) {
        // An exit the event stream missed (the Docker daemon was away when it happened).
        if (!c.running && c.status !== "created" && this.runner.isRunning(taskId)) {
          this.log.warn({ taskId, containerId: c.id }, "found an exit the event stream missed");
          await this.runner.onExit({ containerId: c.id, labels: c.labels, exitCode: c.exitCode, time: Date.parse(c.finishedAt) / 1000 });
        } else if (!ours && c.running && this.now() - this.runner.startedAt(taskId) > ORPHAN_GRACE_MS) {
          // The cluster forgot this task (its agent was unreachable too long) and replaced it: stop this copy.
          this.log.warn({ taskId, containerId: c.id }, "the cluster no longer wants this task: stopping it");
          await this.runner.kill({
            taskId,
            agentId: this.agentId,
            gracePeriodSeconds: 0,
            reason: "forgotten by the cluster",
            issuedAtMs: this.now(),
          });
          orphansRemoved++;
        }
        continue;
      }
      if (ours) continue;
      const age = this.now() - (Date.parse(c.startedAt) || 0);
      if (c.running && age < ORPHAN_GRACE_MS) continue;
      this.log.warn({ taskId, containerId: c.id, running: c.running }, "removing a container no task owns");
      if (c.running) await this.runtime.stop(c.id, 0).catch(() => undefined);
      await this.runtime.remove(c.id).catch(() => undefined);
      orphansRemoved++;
    }
    let lost = 0;
    // Only this agent's bookings are read, so an agent's work does not grow with the cluster's.
    for (const taskId of await this.bookedHere()) {
      if (present.has(taskId) && !this.runner.isRunning(taskId)) continue;
      const t = (await this.lookup(taskId))?.value;
      if (!t || t.agentId !== this.agentId) continue;
      // Reported unreachable while this agent was away, but running here: say so again.
      if (t.state === "TASK_UNREACHABLE" && this.runner.isRunning(taskId)) {
        this.runner.reportRunning(taskId, "agent reachable again");
        continue;
      }
      if (isTerminal(t.state) || t.lastSequence === 0) continue;
      if (this.runner.knows(taskId) || present.has(taskId)) continue;
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
