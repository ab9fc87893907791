import { Bucket, type KV } from "@nats-io/kv";
import { type Codec, keyMismatch } from "./codec.js";
import type { Versioned } from "./kv.js";
import { START_WAIT_MS, untilAnswered } from "./until-answered.js";

export type CacheListener<T> = (key: string, entry: Versioned<T> | undefined) => void;
/** Told of a value the cache leaves out: one it cannot decode, or one stored under a key it does not belong to. */
export type SkipListener = (key: string, reason: string) => void;

/**
 * A read model of a bucket, kept current by a KV watch. It is derived
 * state only: built anew from the bucket at start, so a restart loses nothing.
 * It keeps `keep(value)` of each value (all of it unless told otherwise), so
 * a process that needs little of a big bucket holds little; listeners get the
 * whole value. With `keys` (NATS subject filters over keys, `fw1.>`), it holds
 * and follows only the keys they match: nats-server sends it no other change.
 */
export class KvCache<T, Kept = T> {
  private readonly entries = new Map<string, Versioned<Kept>>();
  /** The highest revision the current watch has delivered (0 while a watch of new keys starts over). */
  private seen = 0;
  /** Which watch is current: a replaced one's late deliveries are left out. */
  private generation = 0;
  /** The filters followed, sorted; undefined: every key. */
  private keys: readonly string[] | undefined;
  /** The load of the keys last asked for (followKeys). */
  private loading: Promise<void> = Promise.resolve();
  private readonly waiters: { revision: number; resolve: () => void }[] = [];
  private readonly listeners: CacheListener<T>[] = [];
  private readonly skipListeners: SkipListener[] = [];
  private stopWatch: (() => void) | undefined;
  private checkTimer: NodeJS.Timeout | undefined;
  private seenAtLastCheck = 0;
  private stopped = false;

  /**
   * `keep` is given each value and its entry's time of writing. With
   * `headersOnly`, the watch carries no values at all (the codec decodes an
   * empty one): for a process that must know which keys exist, never what
   * they hold. `keys` are the filters it starts with (every key unless told).
   */
  constructor(
    private readonly kv: KV,
    private readonly codec: Codec<T>,
    private readonly keep: (value: T, written: Date) => Kept = (value) => value as unknown as Kept,
    private readonly opts: { headersOnly?: boolean; keys?: readonly string[] } = {},
  ) {
    this.keys = opts.keys && [...new Set(opts.keys)].sort();
  }

  /**
   * Loads the bucket and follows it; resolves once every value present at the start is loaded.
   * A cluster electing its leaders answers late or not at all for a while: the cache waits for it
   * (asking again, and replacing a silent watch) up to START_WAIT_MS before it gives up.
   */
  async start(): Promise<void> {
    const deadline = Date.now() + START_WAIT_MS;
    const lastAtStart = await untilAnswered(deadline, () => this.lastRevision());
    await untilAnswered(deadline, () => this.follow());
    this.checkTimer = setInterval(() => void this.checkProgress(), KvCache.CHECK_EVERY_MS);
    await this.waitFor(lastAtStart, Math.max(0, deadline - Date.now()));
  }

  /**
   * Holds and follows only the keys `keys` match from now on (NATS subject filters: `fw1.>`). The
   * keys it held that none matches leave it (listeners are told, as of a delete); the keys newly
   * matched are loaded: resolves once they are. Replacing the filters starts the watch over, so it
   * suits filters that change seldom (a framework registering), not with every write.
   */
  followKeys(keys: readonly string[]): Promise<void> {
    const next = [...new Set(keys)].sort();
    // The same keys again: done once the load of them under way is (a load that failed was told to
    // its caller; the keys are followed all the same, and a silent watch is watched again).
    if (this.keys && next.join(" ") === this.keys.join(" ")) return this.loading.catch(() => undefined);
    this.keys = next;
    for (const key of [...this.entries.keys()]) {
      if (next.some((filter) => keyMatches(filter, key))) continue;
      this.entries.delete(key);
      this.emit(key, undefined);
    }
    if (this.checkTimer === undefined || this.stopped) return Promise.resolve(); // start() follows them
    this.loading = (async () => {
      const last = await this.lastRevision();
      if (this.keys !== next) return; // other keys asked for meanwhile: theirs is the load to wait for
      this.seen = 0;
      await this.follow();
      await this.waitFor(last);
    })();
    return this.loading;
  }

  /** The revision of the last write to a key the cache follows (0 if none): what it must reach to hold them all. */
  private async lastRevision(): Promise<number> {
    if (!this.keys) return (await this.kv.status()).streamInfo.state.last_seq;
    if (!(this.kv instanceof Bucket)) throw new Error("following some keys needs a bucket opened by Kvm");
    const bucket = this.kv;
    const lasts = await Promise.all(
      this.keys.map((filter) => bucket.jsm.direct.getMessage(bucket.stream, { last_by_subj: `${bucket.prefix}.${filter}` })),
    );
    return Math.max(0, ...lasts.map((m) => m?.seq ?? 0));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.checkTimer);
    this.stopWatch?.();
  }

  /** How often the cache makes sure its watch still delivers. */
  static CHECK_EVERY_MS = 5_000;

  /**
   * Watches the bucket from where the cache stands (all of it the first time).
   * A watch is a consumer on one server; when that server goes away the watch
   * goes silent, so progress is checked and a silent watch is replaced.
   */
  private async follow(): Promise<void> {
    this.stopWatch?.();
    this.stopWatch = undefined;
    const generation = ++this.generation;
    if (this.keys?.length === 0) return; // no key to follow
    const watch = await this.kv.watch({
      key: this.keys ? [...this.keys] : ">",
      ...(this.seen > 0 ? { resumeFromRevision: this.seen + 1 } : {}),
      ...(this.opts.headersOnly ? { headers_only: true } : {}),
    });
    if (generation !== this.generation) {
      endWatch(watch); // replaced while it was being made
      return;
    }
    this.stopWatch = () => endWatch(watch);
    void (async () => {
      for await (const e of watch) {
        if (generation !== this.generation) break;
        // What the cache holds of this key already (a watch started over sends each key's last write again).
        const held = this.entries.get(e.key);
        if (held ? e.revision <= held.revision : e.revision <= this.seen) {
          this.advance(e.revision);
          continue;
        }
        const value = e.operation === "PUT" ? this.decode(e.key, e.value) : undefined;
        if (value !== undefined) {
          const entry = { value, revision: e.revision };
          this.entries.set(e.key, { value: this.keep(entry.value, e.created), revision: e.revision });
          this.emit(e.key, entry);
        } else if (this.entries.delete(e.key)) {
          this.emit(e.key, undefined);
        }
        this.advance(e.revision);
      }
    })();
  }

  /** The value, or undefined (and the skip listeners told) when it cannot be read or is under the wrong key. */
  private decode(key: string, data: Uint8Array): T | undefined {
    let reason: string | undefined;
    try {
      const value = this.codec.decode(data);
      reason = keyMismatch(this.codec, key, value);
      if (!reason) return value;
    } catch (err) {
      reason = `cannot decode a ${this.codec.name}: ${String(err)}`;
    }
    for (const l of this.skipListeners) l(key, reason);
    return undefined;
  }

  private async checkProgress(): Promise<void> {
    if (this.stopped) return;
    try {
      const last = await this.lastRevision();
      if (last > this.seen && this.seen === this.seenAtLastCheck) await this.follow();
      this.seenAtLastCheck = this.seen;
    } catch {
      // NATS unreachable: check again next time
    }
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

  /**
   * Resolves once the cache holds no value under `key` (a delete of it has reached the watch), or
   * after `timeoutMs` regardless: read-your-writes after a delete, which tells no revision to wait for.
   */
  waitForGone(key: string, timeoutMs = 1_000): Promise<void> {
    if (!this.entries.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const listener: CacheListener<T> = (changed, entry) => {
        if (changed === key && entry === undefined) done();
      };
      const timer = setTimeout(() => done(), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        const i = this.listeners.indexOf(listener);
        if (i >= 0) this.listeners.splice(i, 1);
        resolve();
      };
      this.listeners.push(listener);
    });
  }

  onChange(listener: CacheListener<T>): void {
    this.listeners.push(listener);
  }

  /** A value left out (undecodable, or under a key it does not belong to) is reported here; it reads as absent. */
  onSkip(listener: SkipListener): void {
    this.skipListeners.push(listener);
  }

  get(key: string): Versioned<Kept> | undefined {
    return this.entries.get(key);
  }

  *values(): IterableIterator<Kept> {
    for (const e of this.entries.values()) yield e.value;
  }

  entriesList(): [string, Versioned<Kept>][] {
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

/**
 * Stops a watch and removes its consumer from the server: nats.js leaves a stopped watch's consumer
 * there until its inactivity threshold (five minutes), and a cache that changes its keys would leave
 * one behind each time. A server that cannot be reached (the reason a silent watch is replaced) keeps
 * it until then.
 */
function endWatch(watch: { stop(): void }): void {
  watch.stop();
  const consumer = (watch as { _data?: { delete?: () => Promise<unknown> } })._data;
  void consumer?.delete?.().catch(() => undefined);
}

/** Whether a NATS subject filter (`*` one token, `>` the rest) matches a key. */
export function keyMatches(filter: string, key: string): boolean {
  const f = filter.split(".");
  const k = key.split(".");
  for (let i = 0; i < f.length; i++) {
    if (f[i] === ">") return k.length > i;
    if (i >= k.length || (f[i] !== "*" && f[i] !== k[i])) return false;
  }
  return f.length === k.length;
}
