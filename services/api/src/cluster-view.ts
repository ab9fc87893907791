import { type AgentLedger, type AgentRecord, appCodec, type Bus, codecs, KvCache } from "@berth/bus";
import type { AppDefinition, TaskRecord } from "@berth/core";

/**
 * The API's read model: apps, tasks, agents and ledgers followed from their
 * buckets. Derived only; rebuilt from NATS at start.
 */
export class ClusterView {
  readonly apps: KvCache<AppDefinition>;
  readonly tasks: KvCache<TaskRecord>;
  readonly agents: KvCache<AgentRecord>;
  readonly ledgers: KvCache<AgentLedger>;
  private readonly byApp = new Map<string, Map<string, TaskRecord>>();
  private readonly appOfTask = new Map<string, string>();

  constructor(bus: Bus) {
    this.apps = new KvCache(bus.buckets.apps, appCodec);
    this.tasks = new KvCache(bus.buckets.tasks, codecs.taskRecord);
    this.agents = new KvCache(bus.buckets.agents, codecs.agentRecord);
    this.ledgers = new KvCache(bus.buckets.ledger, codecs.agentLedger);
    this.tasks.onChange((taskId, entry) => {
      const previous = this.appOfTask.get(taskId);
      if (previous !== undefined) {
        const m = this.byApp.get(previous);
        if (m?.delete(taskId) && m.size === 0) this.byApp.delete(previous);
        this.appOfTask.delete(taskId);
      }
      if (entry) {
        this.appOfTask.set(taskId, entry.value.appId);
        const m = this.byApp.get(entry.value.appId) ?? new Map<string, TaskRecord>();
        m.set(taskId, entry.value);
        this.byApp.set(entry.value.appId, m);
      }
    });
  }

  async start(): Promise<void> {
    await Promise.all([this.apps.start(), this.tasks.start(), this.agents.start(), this.ledgers.start()]);
  }

  stop(): void {
    this.apps.stop();
    this.tasks.stop();
    this.agents.stop();
    this.ledgers.stop();
  }

  tasksOf(appId: string): TaskRecord[] {
    return [...(this.byApp.get(appId)?.values() ?? [])];
  }
}
