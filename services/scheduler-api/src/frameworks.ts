import { randomUUID } from "node:crypto";
import type { AgentCommands, BusHandles, KvCache } from "@berth/bus";
import { type Framework, frameworkOf, frameworkTaskKeys, isTerminal, type TaskRecord } from "@berth/core";
import type { Logger } from "@berth/runtime";

/** The id Mesos gives a framework: a master's id and a counter; here a fresh uuid and 0000. */
export function newFrameworkId(): string {
  return `${randomUUID()}-0000`;
}

/** A framework's task as Berth keeps it: under the framework's id, so two frameworks' task ids never meet. */
export function berthTaskId(frameworkId: string, taskId: string): string {
  return `${frameworkId}.${taskId}`;
}

/** The task id the framework gave, from Berth's. */
export function frameworkTaskId(task: Pick<TaskRecord, "taskId" | "frameworkId">): string {
  const prefix = `${frameworkOf(task)}.`;
  return task.taskId.startsWith(prefix) ? task.taskId.slice(prefix.length) : task.taskId;
}

/** Where a framework's tasks live in its team's namespace: /<team>/<its name, as an id segment>. */
export function frameworkAppId(f: Pick<Framework, "team" | "name">): string {
  const name =
    f.name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "framework";
  return `/${f.team}/${name}`;
}

/**
 * The registry of frameworks (berth_frameworks) and what ends them: a
 * teardown, or a failover timeout passed while the framework was gone. Its
 * tasks are then killed (goal KILL on their records, a kill command to their
 * agents) and it is completed: it may not subscribe again.
 */
export class FrameworkRegistry {
  constructor(
    private readonly bus: BusHandles<"frameworks" | "tasks">,
    private readonly commands: AgentCommands,
    private readonly tasks: KvCache<TaskRecord>,
    private readonly frameworks: KvCache<Framework>,
    private readonly log: Logger,
  ) {}

  /** Has the task cache follow the records of the frameworks known now (core frameworkTaskKeys); resolves once they are loaded. */
  followTasks(nowMs: number): Promise<void> {
    return this.tasks.followKeys(frameworkTaskKeys(this.frameworks.values(), nowMs));
  }

  async get(id: string): Promise<Framework | undefined> {
    return (await this.bus.frameworks.get(id))?.value;
  }

  /** Records a framework; its tasks' records are followed before it can launch one. */
  async put(f: Framework, nowMs: number): Promise<void> {
    await this.frameworks.waitFor(await this.bus.frameworks.put(f.id, f));
    await this.followTasks(nowMs);
  }

  /** SUPPRESS and REVIVE, kept in the registry: the launch-dispatcher reads which frameworks want offers. */
  async setSuppressed(id: string, suppressed: boolean): Promise<void> {
    await this.bus.frameworks.mutate(id, (cur) => (cur && Boolean(cur.suppressed) !== suppressed ? { ...cur, suppressed } : undefined));
  }

  async setState(id: string, state: Framework["state"], nowMs: number): Promise<void> {
    await this.bus.frameworks.mutate(id, (cur) => (cur && cur.state !== "completed" ? { ...cur, state, updatedAtMs: nowMs } : undefined));
  }

  /** The framework's tasks that have not ended. */
  liveTasks(frameworkId: string): TaskRecord[] {
    return [...this.tasks.values()].filter((t) => frameworkOf(t) === frameworkId && !isTerminal(t.state));
  }

  /** Marks a task to be killed and tells its agent; true when it was one to kill. */
  async kill(task: TaskRecord, reason: string, nowMs: number): Promise<boolean> {
    const r = await this.bus.tasks.mutate(task.taskId, (cur) =>
      cur && !isTerminal(cur.state) && cur.goal !== "KILL" ? { ...cur, goal: "KILL" } : undefined,
    );
    const record = r.value ?? task;
    if (isTerminal(record.state)) return false;
    await this.commands.kill(task, reason, nowMs);
    return true;
  }

  /** Ends a framework: kills its tasks and completes it. Safe to repeat. */
  async tearDown(id: string, why: string, nowMs: number): Promise<void> {
    this.log.info({ frameworkId: id, why }, "tearing down a framework");
    for (const t of this.liveTasks(id)) await this.kill(t, why, nowMs);
    await this.bus.frameworks.mutate(id, (cur) =>
      cur && cur.state !== "completed" ? { ...cur, state: "completed", updatedAtMs: nowMs } : undefined,
    );
  }

  /** Tears down every framework gone longer than its failover timeout. */
  async endFailedOver(frameworks: Iterable<Framework>, nowMs: number): Promise<void> {
    for (const f of frameworks) {
      if (f.state === "inactive" && nowMs - f.updatedAtMs > f.failoverTimeoutSeconds * 1000) {
        await this.tearDown(f.id, `framework gone longer than its failover timeout of ${f.failoverTimeoutSeconds}s`, nowMs);
      }
    }
  }
}
