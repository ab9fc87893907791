/**
 * Runs at most `limit` pieces of work at once; the rest wait their turn, in
 * the order they came. For work whose other side handles only so much at a
 * time, so that waiting happens here rather than in a timeout there.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly idle: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Waits for a free slot; the caller must `release()` it. */
  async acquire(): Promise<void> {
    while (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
  }

  release(): void {
    this.running--;
    this.waiting.shift()?.();
    if (this.running === 0) for (const r of this.idle.splice(0)) r();
  }

  /** Resolves once nothing runs. */
  drained(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((r) => this.idle.push(r));
  }
}
