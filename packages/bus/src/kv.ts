import type { KV, KvEntry } from "@nats-io/kv";
import type { Codec } from "./codec.js";
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

/** A KV bucket whose values all have one type. */
export class TypedKv<T> {
  constructor(
    readonly kv: KV,
    private readonly codec: Codec<T>,
  ) {}

  async get(key: string): Promise<Versioned<T> | undefined> {
    const e = await this.kv.get(key);
    return live(e) ? { value: this.codec.decode(e.value), revision: e.revision } : undefined;
  }

  /** Writes only if the key is absent (or deleted); throws a CAS conflict otherwise. */
  create(key: string, value: T): Promise<number> {
    return this.kv.create(key, this.codec.encode(value));
  }

  /** Writes only if the key is still at `revision`. */
  update(key: string, value: T, revision: number): Promise<number> {
    return this.kv.update(key, this.codec.encode(value), revision);
  }

  put(key: string, value: T): Promise<number> {
    return this.kv.put(key, this.codec.encode(value));
  }

  async delete(key: string, previousRevision?: number): Promise<void> {
    await this.kv.delete(key, previousRevision === undefined ? undefined : { previousSeq: previousRevision });
  }

  /** Past values of a key, oldest first. */
  async history(key: string): Promise<Versioned<T>[]> {
    const out: Versioned<T>[] = [];
    const it = await this.kv.history({ key });
    for await (const e of it) if (live(e)) out.push({ value: this.codec.decode(e.value), revision: e.revision });
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
