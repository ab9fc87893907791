import type { KV } from "@nats-io/kv";
import { isCasConflict } from "./kv.js";
import { LEASE_TTL_MS } from "./topology.js";

/** The lease the acting launch-dispatcher holds (Marathon's leadership: DELETE /v2/leader gives it up). */
export const DISPATCHER_LEASE = "launch-dispatcher";
/** The lease the acting job scheduler holds: it alone turns ticks into runs and carries runs out. */
export const JOB_SCHEDULER_LEASE = "job-scheduler";

/**
 * A lease in the leases bucket: whoever created the key holds it, renews it by
 * compare-and-set, and loses it when the bucket's TTL expires an unrenewed key.
 * Correctness under a race comes from the compare-and-set, not from timing.
 */
export class Lease {
  private revision = 0;
  private timer: NodeJS.Timeout | undefined;
  private held = false;

  constructor(
    private readonly kv: KV,
    readonly name: string,
    readonly owner: string,
    private readonly onChange: (held: boolean) => void,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), LEASE_TTL_MS / 5);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.held) {
      await this.kv.delete(this.name, { previousSeq: this.revision }).catch(() => undefined);
      this.set(false);
    }
  }

  private async tick(): Promise<void> {
    const data = new TextEncoder().encode(this.owner);
    try {
      if (this.held) this.revision = await this.kv.update(this.name, data, this.revision);
      else this.revision = await this.kv.create(this.name, data);
      this.set(true);
    } catch (err) {
      if (isCasConflict(err) && !this.held) {
        // Our own lease from before a restart (same owner name): take it back now instead of waiting for it to expire.
        const e = await this.kv.get(this.name).catch(() => null);
        if (e && e.operation === "PUT" && new TextDecoder().decode(e.value) === this.owner) {
          try {
            this.revision = await this.kv.update(this.name, data, e.revision);
            this.set(true);
            return;
          } catch {
            // someone else moved first
          }
        }
        this.set(false);
      } else if (isCasConflict(err)) this.set(false);
      // Any other error (NATS away): keep the current belief until the TTL would have expired.
    }
  }

  private set(held: boolean): void {
    if (held !== this.held) {
      this.held = held;
      this.onChange(held);
    }
  }
}
