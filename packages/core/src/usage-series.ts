/**
 * What one task used over a bounded window, built from its agent's cumulative
 * cgroup readings: the latest rate (the interval between the last two
 * readings) and one point per step (CPU and throttling averaged over the step,
 * memory its highest), kept in a ring of fixed size so a task costs the same
 * memory however long it runs.
 */

/** One reading of a task's cgroup, cumulative since its container started. */
export interface UsageReading {
  atMs: number;
  cpuSeconds: number;
  throttledSeconds: number;
  memoryBytes: number;
}

/** What a task used over an interval: cores of CPU, seconds throttled per second, bytes of memory (working set). */
export interface UsagePoint {
  atMs: number;
  cpuCores: number;
  throttledShare: number;
  memoryBytes: number;
}

export interface UsageWindow {
  /** The width of one point of history. */
  stepMs: number;
  /** How much history is kept. */
  windowMs: number;
}

export const DEFAULT_USAGE_WINDOW: UsageWindow = { stepMs: 15_000, windowMs: 3_600_000 };

/**
 * A point costs 12 bytes in the ring: its step (uint32), CPU in thousandths of a core (uint16, to 65 cores),
 * the throttled share in ten-thousandths (uint16), memory in KiB (float32: exact to 16 GiB, coarser above).
 */
const MAX_MILLICORES = 0xffff;
const POINT_BYTES = 12;

export class UsageSeries {
  private readonly capacity: number;
  /** Each closed step's index (its start / stepMs) and values, POINT_BYTES a slot, in one buffer. */
  private readonly ring: DataView;
  /** Closed points in the ring, and where the next goes. */
  private count = 0;
  private next = 0;
  private last: UsageReading | undefined;
  private latest: UsagePoint | undefined;
  /** The step being filled: its index and sums. */
  private open: { step: number; cpu: number; throttled: number; seconds: number; memory: number } | undefined;

  constructor(private readonly window: UsageWindow = DEFAULT_USAGE_WINDOW) {
    this.capacity = Math.max(1, Math.ceil(window.windowMs / window.stepMs));
    this.ring = new DataView(new ArrayBuffer(this.capacity * POINT_BYTES));
  }

  /** Bytes the ring holds (what a task's history costs, less the object's own few fields). */
  get bytes(): number {
    return this.ring.byteLength;
  }

  /**
   * Takes a reading. A reading no later than the last one is ignored (late or repeated); one whose
   * counters went back (the container started anew) starts the rates over from it.
   */
  add(r: UsageReading): void {
    const prev = this.last;
    if (prev && r.atMs <= prev.atMs) return;
    this.last = r;
    if (!prev || r.cpuSeconds < prev.cpuSeconds || r.throttledSeconds < prev.throttledSeconds) return;
    const seconds = (r.atMs - prev.atMs) / 1000;
    const cpu = r.cpuSeconds - prev.cpuSeconds;
    const throttled = r.throttledSeconds - prev.throttledSeconds;
    this.latest = { atMs: r.atMs, cpuCores: cpu / seconds, throttledShare: throttled / seconds, memoryBytes: r.memoryBytes };
    const step = Math.floor(r.atMs / this.window.stepMs);
    if (this.open && this.open.step !== step) this.close();
    this.open ??= { step, cpu: 0, throttled: 0, seconds: 0, memory: 0 };
    this.open.cpu += cpu;
    this.open.throttled += throttled;
    this.open.seconds += seconds;
    this.open.memory = Math.max(this.open.memory, r.memoryBytes);
  }

  /** The rate between the last two readings, or undefined before there are two. */
  current(): UsagePoint | undefined {
    return this.latest;
  }

  /** When the last reading was taken. */
  lastAtMs(): number | undefined {
    return this.last?.atMs;
  }

  /** One point per step, oldest first, within the window that ends at `nowMs`; the step being filled last. */
  points(nowMs: number): UsagePoint[] {
    const out: UsagePoint[] = [];
    const from = nowMs - this.window.windowMs;
    for (let i = 0; i < this.count; i++) {
      const slot = (this.next - this.count + i + this.capacity) % this.capacity;
      const at = slot * POINT_BYTES;
      const atMs = (this.ring.getUint32(at) + 1) * this.window.stepMs;
      if (atMs <= from) continue;
      out.push({
        atMs,
        cpuCores: this.ring.getUint16(at + 4) / 1000,
        throttledShare: this.ring.getUint16(at + 6) / 10_000,
        memoryBytes: this.ring.getFloat32(at + 8) * 1024,
      });
    }
    const o = this.open;
    if (o && o.seconds > 0 && (this.last?.atMs ?? 0) > from) {
      out.push({ atMs: this.last?.atMs ?? 0, cpuCores: o.cpu / o.seconds, throttledShare: o.throttled / o.seconds, memoryBytes: o.memory });
    }
    return out;
  }

  private close(): void {
    const o = this.open;
    this.open = undefined;
    if (!o || o.seconds <= 0) return;
    const slot = this.next;
    const at = slot * POINT_BYTES;
    this.ring.setUint32(at, o.step);
    this.ring.setUint16(at + 4, Math.min(MAX_MILLICORES, Math.round((1000 * o.cpu) / o.seconds)));
    this.ring.setUint16(at + 6, Math.min(10_000, Math.round((10_000 * o.throttled) / o.seconds)));
    this.ring.setFloat32(at + 8, Math.round(o.memory / 1024));
    this.next = (slot + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }
}

/** The highest CPU and memory among points (0 for none). */
export function peakOf(points: readonly UsagePoint[]): { cpuCores: number; memoryBytes: number } {
  let cpuCores = 0;
  let memoryBytes = 0;
  for (const p of points) {
    cpuCores = Math.max(cpuCores, p.cpuCores);
    memoryBytes = Math.max(memoryBytes, p.memoryBytes);
  }
  return { cpuCores, memoryBytes };
}

/** Many tasks' points summed step by step (an app's total): points at the same time add up. */
export function sumPoints(series: readonly (readonly UsagePoint[])[], stepMs: number): UsagePoint[] {
  const byStep = new Map<number, UsagePoint>();
  for (const points of series) {
    for (const p of points) {
      const step = Math.ceil(p.atMs / stepMs);
      const have = byStep.get(step);
      byStep.set(
        step,
        have
          ? {
              atMs: Math.max(have.atMs, p.atMs),
              cpuCores: have.cpuCores + p.cpuCores,
              throttledShare: have.throttledShare + p.throttledShare,
              memoryBytes: have.memoryBytes + p.memoryBytes,
            }
          : { ...p },
      );
    }
  }
  return [...byStep.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
}
