import type { KV } from "@nats-io/kv";
import type { Codec } from "./codec.js";
import type { Versioned } from "./kv.js";

export type CacheListener<T> = (key: string, entry: Versioned<T> | undefined) => void;

/**
 * A read model of a whole bucket, kept current by a KV watch. It is derived
 * state only: built anew from the bucket at start, so a restart loses nothing.
 */
export class KvCache<T> {
  private readonly entries = new Map<string, Versioned<T>>();
  private seen = 0;
  private readonly waiters: { revision: number; resolve: () => void }[] = [];
  private readonly listeners: CacheListener<T>[] = [];
  private stopWatch: (() => void) | undefined;

  constructor(
    private readonly kv: KV,
    private readonly codec: Codec<T>,
  ) {}

  /** Loads the bucket and follows it; resolves once every value present at the start is loaded. */
  async start(): Promise<void> {
    const status = await this.kv.status();
    const lastAtStart = status.streamInfo.state.last_seq;
    const watch = await this.kv.watch();
    this.stopWatch = () => watch.stop();
    void (async () => {
      for await (const e of watch) {
        if (e.operation === "PUT") {
          const entry = { value: this.codec.decode(e.value), revision: e.revision };
          this.entries.set(e.key, entry);
          this.emit(e.key, entry);
        } else if (this.entries.delete(e.key)) {
          this.emit(e.key, undefined);
        }
        this.advance(e.revision);
      }
    })();
    await this.waitFor(lastAtStart);
  }

  stop(): void {
    this.stopWatch?.();
  }

  /** Resolves once the cache has seen `revision`: read-your-writes after a write to the bucket. */
  waitFor(revision: number, timeoutMs = 10_000): Promise<void> {
    if (revision <= this.seen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`KV watch did not reach revision ${revision}`)), timeoutMs);
      this.waiters.push({
        revision,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  onChange(listener: CacheListener<T>): void {
    this.listeners.push(listener);
  }

  get(key: string): Versioned<T> | undefined {
    return this.entries.get(key);
  }

  *values(): IterableIterator<T> {
    for (const e of this.entries.values()) yield e.value;
  }

  entriesList(): [string, Versioned<T>][] {
    return [...this.entries];
  }

  get size(): number {
    return this.entries.size;
  }

  private emit(key: string, entry: Versioned<T> | undefined): void {
    for (const l of this.listeners) l(key, entry);
  }

  private advance(revision: number): void {
    if (revision > this.seen) this.seen = revision;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w && w.revision <= this.seen) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}
