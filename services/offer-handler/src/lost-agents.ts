import { type AgentLedger, type AgentRecord, type BusHandles, channels, type KvCache, publishDurable, statusMessages } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/**
 * Marks agents that stopped sending heartbeats unreachable, and reports each
 * of their tasks TASK_UNREACHABLE on the agent's own status subject (as the
 * Mesos master does), so the status-aggregator records it and the
 * unreachableStrategy applies. Message ids make a second offer-handler's
 * report a no-op. A heartbeat brings the agent back.
 */
export class LostAgentDetector {
  constructor(
    private readonly bus: BusHandles<"agents" | "js">,
    private readonly agents: KvCache<AgentRecord>,
    private readonly ledgers: KvCache<AgentLedger>,
    private readonly timeoutMs: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async check(): Promise<number> {
    const now = this.now();
    let lost = 0;
    for (const [agentId, { value }] of this.agents.entriesList()) {
      const silent = now - Number(value.lastHeartbeatMs);
      if (silent < this.timeoutMs || Number(value.unreachableSinceMs) > 0) continue;
      const r = await this.bus.agents.mutate(agentId, (cur) =>
        cur && !Number(cur.unreachableSinceMs) && now - Number(cur.lastHeartbeatMs) >= this.timeoutMs
          ? { ...cur, unreachableSinceMs: now, healthy: false, healthMessage: `no heartbeat for ${Math.round(silent / 1000)}s` }
          : undefined,
      );
      if (!r.changed) continue;
      lost++;
      const since = Number(value.lastHeartbeatMs);
      this.log.warn({ agentId, silentMs: silent }, "agent unreachable: its tasks are reported unreachable");
      const reservations = this.ledgers.get(agentId)?.value.reservations ?? [];
      const updates = reservations.map((res) => ({
        uuid: `unreachable-${res.taskId}-${since}`,
        taskId: res.taskId,
        appId: res.appId,
        agentId,
        state: "TASK_UNREACHABLE",
        message: `agent ${agentId} has not been heard from for ${Math.round(silent / 1000)}s`,
        sequence: now * 1000,
        timestampMs: now,
        containerId: "",
        exitCode: 0,
        hasExitCode: false,
        hostname: value.registration?.hostname ?? "",
        reason: "REASON_AGENT_REMOVED",
        health: null,
        ipAddresses: [],
      }));
      for (const [i, message] of statusMessages(updates).entries()) {
        await publishDurable(this.bus.js, channels.agentStatus, agentId, { updates: message }, `unreachable-${agentId}-${since}-${i}`);
      }
    }
    return lost;
  }
}
