import { KeyedQueue } from "./keyed-queue.js";
import type { TypedKv } from "./kv.js";

/** One caller's change: from the value so far, the value after it (undefined: no change) and what to answer. */
export type Step<T, R> = (current: T | undefined) => { next: T | undefined; result: R };

interface Waiting<T> {
  step: Step<T, unknown>;
  resolve: (result: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Changes to one key from many callers, written together: while one
 * compare-and-set is in flight, the changes that arrive queue, and the next
 * write carries all of them, each applied to the value the one before left.
 * Many changes at once then cost a few writes, not a race of many. Other
 * processes writing the key still lose or win by compare-and-set.
 */
export class GroupCommit<T> {
  private readonly waiting = new Map<string, Waiting<T>[]>();
  private readonly writes = new KeyedQueue();

  constructor(
    private readonly kv: TypedKv<T>,
    private readonly attempts = 200,
  ) {}

  change<R>(key: string, step: Step<T, R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const list = this.waiting.get(key) ?? [];
      list.push({ step, resolve: resolve as (r: unknown) => void, reject });
      this.waiting.set(key, list);
      if (list.length === 1) void this.writes.run(key, () => this.flush(key));
    });
  }

  private async flush(key: string): Promise<void> {
    const batch = this.waiting.get(key) ?? [];
    this.waiting.delete(key);
    let results: unknown[] = [];
    try {
      await this.kv.mutate(
        key,
        (current) => {
          results = [];
          let value = current;
          let changed = false;
          for (const w of batch) {
            const { next, result } = w.step(value);
            results.push(result);
            if (next !== undefined) {
              value = next;
              changed = true;
            }
          }
          return changed ? value : undefined;
        },
        this.attempts,
      );
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}
