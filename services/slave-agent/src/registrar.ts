import { type AgentRegistration, channels, type NatsConnection, request, tell } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/**
 * Registers the agent with the offer-handler (retrying until one answers) and
 * then sends heartbeats that say whether the container runtime is healthy.
 */
export class Registrar {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly registration: AgentRegistration,
    private readonly heartbeatMs: number,
    private readonly health: () => Promise<{ healthy: boolean; message: string; runningTasks: number }>,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.register();
    await this.beat();
    this.timer = setInterval(() => void this.beat(), this.heartbeatMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** Registers (again: registering also makes the agent's command consumer when it is gone). */
  async register(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const reply = await request(this.nc, channels.registration, this.registration.agentId, this.registration, 3_000);
        if (reply.accepted) {
          this.log.info({ agentId: this.registration.agentId }, "registered with the offer-handler");
          return;
        }
        this.log.error({ error: reply.error }, "registration refused; retrying");
      } catch (err) {
        this.log.warn({ err: String(err), attempt }, "offer-handler did not answer the registration; retrying");
      }
      await new Promise((r) => setTimeout(r, Math.min(1_000 * attempt, 5_000)));
    }
  }

  private async beat(): Promise<void> {
    const h = await this.health();
    tell(this.nc, channels.agentHeartbeat, this.registration.agentId, {
      agentId: this.registration.agentId,
      sentAtMs: Date.now(),
      healthy: h.healthy,
      healthMessage: h.message,
      runningTasks: h.runningTasks,
    });
  }
}
