import { type BusHandles, placerOfSubject, subjects } from "@berth/bus";

/**
 * The offer-handler instances that share placement. Each says it is alive on
 * its own subject every `intervalMs`; one not heard from for three intervals
 * and a half is gone. Every instance sees the same list (give or take a
 * moment), so each can prefer its own share of the agents and the instances
 * seldom race each other for the same ledger.
 */
export class PlacerMembers {
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly bus: BusHandles<"nc">,
    readonly self: string,
    private readonly intervalMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    const sub = this.bus.nc.subscribe(subjects.placerAliveAll, {
      callback: (_err, msg) => {
        const id = placerOfSubject(msg.subject);
        if (id) this.seen.set(id, this.now());
      },
    });
    this.unsubscribe = () => sub.unsubscribe();
    const beat = () => this.bus.nc.publish(subjects.placerAlive(this.self));
    beat();
    this.timer = setInterval(beat, this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /** The live instances, this one always among them, in a stable order. */
  members(): string[] {
    const cutoff = this.now() - this.intervalMs * 3.5;
    const live = new Set([this.self]);
    for (const [id, at] of this.seen) if (at >= cutoff) live.add(id);
    return [...live].sort();
  }
}
