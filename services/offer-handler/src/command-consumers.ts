import { type BusHandles, commandServersDown, ensureAgentConsumer, Limiter } from "@berth/bus";
import type { Logger } from "@berth/runtime";

/** How often the command streams' servers are looked at. */
export const CHECK_EVERY_MS = 2_000;
/** While a server is down, agents' command consumers are looked at again this often (some may have failed to move). */
export const RESWEEP_MS = 30_000;
/** Consumers looked at (or moved) at once in a sweep. */
const SWEEP_CONCURRENCY = 32;

/**
 * Keeps every agent's command consumer on a server that is up. Each agent's
 * consumer has one replica (see `ensureAgentConsumer`), so when a NATS server
 * goes down the consumers it held stop delivering. The keeper watches the
 * command streams' servers; when one goes offline it looks at every known
 * agent's consumer and makes the ones that were on it again elsewhere, and
 * again at the next check if it could not look at some, and every
 * `RESWEEP_MS` while a server stays down. On a single server there are no
 * others and it does nothing (a consumer lost to a restart there is made
 * again when its agent registers again).
 */
export class CommandConsumerKeeper {
  private offline = new Set<string>();
  private lastSweepMs = 0;
  private sweeping = false;
  /** Whether the last sweep could not look at some consumer: the next check sweeps again. */
  private incomplete = false;

  constructor(
    private readonly bus: BusHandles<"nc">,
    private readonly agentIds: () => string[],
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async check(): Promise<void> {
    if (this.sweeping) return;
    const down = new Set(await commandServersDown(this.bus.nc));
    const newlyDown = [...down].filter((name) => !this.offline.has(name));
    this.offline = down;
    if (down.size === 0) return;
    if (newlyDown.length === 0 && !this.incomplete && this.now() - this.lastSweepMs < RESWEEP_MS) return;
    this.sweeping = true;
    try {
      this.incomplete = !(await this.sweep([...down]));
    } finally {
      this.sweeping = false;
      this.lastSweepMs = this.now();
    }
  }

  /** Looks at every agent's consumer; whether it could look at all of them. */
  private async sweep(down: string[]): Promise<boolean> {
    const limiter = new Limiter(SWEEP_CONCURRENCY);
    let moved = 0;
    let failed = 0;
    await Promise.all(
      this.agentIds().map((agentId) =>
        limiter.run(async () => {
          try {
            if ((await ensureAgentConsumer(this.bus.nc, agentId)) === "recreated") moved++;
          } catch (err) {
            failed++;
            this.log.debug({ agentId, err: String(err) }, "command consumer not checked");
          }
        }),
      ),
    );
    if (moved > 0 || failed > 0) {
      this.log.warn({ serversDown: down, moved, failed }, "agents' command consumers on a server that is down were made again elsewhere");
    }
    return failed === 0;
  }
}
