import type { AgentHeartbeat, AgentRecord, AgentRegistration, BusHandles, Versioned } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/** Keeps the agents bucket: registrations, and heartbeats that say whether an agent may get tasks. */
export class AgentRegistry {
  constructor(
    private readonly bus: BusHandles<"agents" | "ledger">,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    /** Heartbeats refresh the record at most this often unless health changes. */
    private readonly refreshMs = 5_000,
    /**
     * The record as last seen, with its revision (a cache): a heartbeat that changes nothing skips
     * the bucket, and one that refreshes the record writes it at that revision without reading it
     * first (when another writer got there in between, the compare-and-set fails and it reads).
     */
    private readonly cached: (agentId: string) => Versioned<AgentRecord> | undefined = () => undefined,
  ) {}

  /** Whether this heartbeat must be written: health changed, the agent is back, or the record is due a refresh. */
  private due(cur: AgentRecord, hb: AgentHeartbeat, t: number): boolean {
    const back = Number(cur.unreachableSinceMs) > 0;
    return cur.healthy !== hb.healthy || back || t - Number(cur.lastHeartbeatMs) >= this.refreshMs;
  }

  async register(reg: AgentRegistration): Promise<void> {
    const t = this.now();
    await this.bus.agents.mutate(reg.agentId, (cur) => ({
      registration: reg,
      registeredAtMs: cur?.registeredAtMs || t,
      lastHeartbeatMs: t,
      healthy: true,
      healthMessage: "",
      unreachableSinceMs: 0,
    }));
    await this.bus.ledger.mutate(reg.agentId, (cur) => (cur ? undefined : { agentId: reg.agentId, reservations: [] }));
    this.log.info({ agentId: reg.agentId, hostname: reg.hostname, resources: reg.resources }, "agent registered");
  }

  async heartbeat(hb: AgentHeartbeat): Promise<void> {
    const t = this.now();
    const seen = this.cached(hb.agentId);
    // Most heartbeats change nothing: with 1,000 agents, reading the bucket for each would swamp the handler.
    if (seen && !this.due(seen.value, hb, t)) return;
    await this.bus.agents.mutate(
      hb.agentId,
      (cur: AgentRecord | undefined) => {
        if (!cur) return undefined; // unknown agent: it registers first
        const back = Number(cur.unreachableSinceMs) > 0;
        if (back) this.log.info({ agentId: hb.agentId }, "agent reachable again");
        const changed = cur.healthy !== hb.healthy || back;
        // The record's own time decides, so every offer-handler instance agrees.
        if (!this.due(cur, hb, t)) return undefined;
        if (changed) this.log.warn({ agentId: hb.agentId, healthy: hb.healthy, message: hb.healthMessage }, "agent health changed");
        return { ...cur, lastHeartbeatMs: t, healthy: hb.healthy, healthMessage: hb.healthMessage, unreachableSinceMs: 0 };
      },
      undefined,
      seen,
    );
  }
}
