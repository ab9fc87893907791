import type { KV, KvEntry } from "@nats-io/kv";
import { type Codec, keyMismatch } from "./codec.js";
import { jsErrorCode } from "./js-errors.js";

export interface Versioned<T> {
  value: T;
  revision: number;
}

/** True when a compare-and-set lost: the key changed (or appeared) since it was read. */
export function isCasConflict(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return jsErrorCode(err) === 10071 || /wrong last sequence|key exists/i.test(message);
}

function live(e: KvEntry | null): e is KvEntry {
  return e !== null && e.operation === "PUT";
}

/** A write of a value under a key it does not belong to (an app stored under another app's key). */
export class MisplacedValueError extends Error {
  override readonly name = "MisplacedValueError";
}

/** A KV bucket whose values all have one type. */
export class TypedKv<T> {
  constructor(
    readonly kv: KV,
    private readonly codec: Codec<T>,
  ) {}

  /** A value stored under a key it does not belong to reads as absent. */
  async get(key: string): Promise<Versioned<T> | undefined> {
    const e = await this.kv.get(key);
    return live(e) ? this.read(key, e) : undefined;
  }

  /** Writes only if the key is absent (or deleted); throws a CAS conflict otherwise. */
  async create(key: string, value: T): Promise<number> {
    return this.kv.create(key, this.encode(key, value));
  }

  /** Writes only if the key is still at `revision`. */
  async update(key: string, value: T, revision: number): Promise<number> {
    return this.kv.update(key, this.encode(key, value), revision);
  }

  async put(key: string, value: T): Promise<number> {
    return this.kv.put(key, this.encode(key, value));
  }

  private encode(key: string, value: T): Uint8Array {
    const misplaced = keyMismatch(this.codec, key, value);
    if (misplaced) throw new MisplacedValueError(`refused: ${misplaced}`);
    return this.codec.encode(value);
  }

  private read(key: string, e: KvEntry): Versioned<T> | undefined {
    const value = this.codec.decode(e.value);
    return keyMismatch(this.codec, key, value) ? undefined : { value, revision: e.revision };
  }

  async delete(key: string, previousRevision?: number): Promise<void> {
    await this.kv.delete(key, previousRevision === undefined ? undefined : { previousSeq: previousRevision });
  }

  /** Past values of a key, oldest first. */
  async history(key: string): Promise<Versioned<T>[]> {
    const out: Versioned<T>[] = [];
    const it = await this.kv.history({ key });
    for await (const e of it) {
      const v = live(e) ? this.read(key, e) : undefined;
      if (v) out.push(v);
    }
    return out;
  }

  /**
   * Read, change, compare-and-set, retried on conflict. `change` returns the new
   * value, `null` to delete, or `undefined` to leave the key alone.
   * `known` is a value the caller believes current (say, its own last write):
   * the first attempt starts from it instead of a read; if it was stale the
   * compare-and-set fails and the next attempt reads. A decision to leave the
   * key alone is never taken on it alone.
   */
  async mutate(
    key: string,
    change: (current: T | undefined) => T | null | undefined,
    attempts = 20,
    known?: Versioned<T>,
  ): Promise<{ value: T | undefined; revision: number; changed: boolean }> {
    for (let i = 0; ; i++) {
      const guess = i === 0 ? known : undefined;
      const cur = guess ?? (await this.get(key));
      const next = change(cur?.value);
      if (next === undefined && guess) continue; // read before deciding to do nothing
      if (next === undefined) return { value: cur?.value, revision: cur?.revision ?? 0, changed: false };
      try {
        if (next === null) {
          if (cur) await this.delete(key, cur.revision);
          return { value: undefined, revision: 0, changed: cur !== undefined };
        }
        const revision = cur ? await this.update(key, next, cur.revision) : await this.create(key, next);
        return { value: next, revision, changed: true };
      } catch (err) {
        if (!isCasConflict(err) || i + 1 >= attempts) throw err;
        // Many writers on one key: back off a random while, longer each time, so they spread out.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(2 ** i, 100)));
      }
    }
  }
}
