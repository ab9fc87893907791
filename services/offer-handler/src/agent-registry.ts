import type { AgentHeartbeat, AgentRecord, AgentRegistration, Bus } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/** Keeps the agents bucket: registrations, and heartbeats that say whether an agent may get tasks. */
export class AgentRegistry {
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly bus: Bus,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    /** Heartbeats refresh the record at most this often unless health changes. */
    private readonly refreshMs = 5_000,
  ) {}

  async register(reg: AgentRegistration): Promise<void> {
    const t = this.now();
    await this.bus.agents.mutate(reg.agentId, (cur) => ({
      registration: reg,
      registeredAtMs: cur?.registeredAtMs || t,
      lastHeartbeatMs: t,
      healthy: true,
      healthMessage: "",
    }));
    await this.bus.ledger.mutate(reg.agentId, (cur) => (cur ? undefined : { agentId: reg.agentId, reservations: [] }));
    this.lastWrite.set(reg.agentId, t);
    this.log.info({ agentId: reg.agentId, hostname: reg.hostname, resources: reg.resources }, "agent registered");
  }

  async heartbeat(hb: AgentHeartbeat): Promise<void> {
    const t = this.now();
    await this.bus.agents.mutate(hb.agentId, (cur: AgentRecord | undefined) => {
      if (!cur) return undefined; // unknown agent: it registers first
      const changed = cur.healthy !== hb.healthy;
      if (!changed && t - (this.lastWrite.get(hb.agentId) ?? 0) < this.refreshMs) return undefined;
      if (changed) this.log.warn({ agentId: hb.agentId, healthy: hb.healthy, message: hb.healthMessage }, "agent health changed");
      return { ...cur, lastHeartbeatMs: t, healthy: hb.healthy, healthMessage: hb.healthMessage };
    });
    this.lastWrite.set(hb.agentId, t);
  }
}
