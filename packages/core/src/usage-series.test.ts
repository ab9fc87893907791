import { describe, expect, it } from "vitest";
import { peakOf, sumPoints, UsageSeries } from "./usage-series.js";

const MiB = 1024 * 1024;
const window = { stepMs: 15_000, windowMs: 60_000 };
/** A reading every 5 s of a task burning `cores` with `memMiB` in use, from time `t0`. */
function readings(series: UsageSeries, from: number, count: number, cores: number, memMiB: number, start = { cpu: 0, at: 0 }) {
  for (let i = 0; i < count; i++) {
    const atMs = start.at + (from + i) * 5_000;
    series.add({ atMs, cpuSeconds: start.cpu + (from + i) * 5 * cores, throttledSeconds: 0, memoryBytes: memMiB * MiB });
  }
}

describe("a task's usage series", () => {
  it("has no rate until it has two readings", () => {
    const s = new UsageSeries(window);
    s.add({ atMs: 5_000, cpuSeconds: 1, throttledSeconds: 0, memoryBytes: MiB });
    expect(s.current()).toBeUndefined();
    expect(s.points(5_000)).toEqual([]);
  });

  it("tells the rate between its last two readings", () => {
    const s = new UsageSeries(window);
    s.add({ atMs: 10_000, cpuSeconds: 2, throttledSeconds: 0.5, memoryBytes: 10 * MiB });
    s.add({ atMs: 14_000, cpuSeconds: 4, throttledSeconds: 1.5, memoryBytes: 12 * MiB });
    expect(s.current()).toEqual({ atMs: 14_000, cpuCores: 0.5, throttledShare: 0.25, memoryBytes: 12 * MiB });
  });

  it("keeps one point a step: CPU averaged over it, memory its highest", () => {
    const s = new UsageSeries(window);
    // 0-15 s at half a core, 15-30 s at two cores; memory rising.
    s.add({ atMs: 0, cpuSeconds: 0, throttledSeconds: 0, memoryBytes: 0 });
    s.add({ atMs: 5_000, cpuSeconds: 2.5, throttledSeconds: 0, memoryBytes: 4 * MiB });
    s.add({ atMs: 10_000, cpuSeconds: 5, throttledSeconds: 0, memoryBytes: 8 * MiB });
    s.add({ atMs: 14_000, cpuSeconds: 7, throttledSeconds: 0, memoryBytes: 6 * MiB });
    s.add({ atMs: 20_000, cpuSeconds: 19, throttledSeconds: 3, memoryBytes: 9 * MiB });
    s.add({ atMs: 25_000, cpuSeconds: 29, throttledSeconds: 3, memoryBytes: 9 * MiB });
    const [first, second] = s.points(25_000);
    expect(first).toEqual({ atMs: 15_000, cpuCores: 0.5, throttledShare: 0, memoryBytes: 8 * MiB });
    // The step being filled shows what it has so far (22 cpu-seconds over 11 s).
    expect(second).toEqual({ atMs: 25_000, cpuCores: 2, throttledShare: 3 / 11, memoryBytes: 9 * MiB });
  });

  it("keeps only its window, in fixed memory", () => {
    const s = new UsageSeries(window);
    const bytes = s.bytes;
    readings(s, 0, 100, 1, 64); // 500 s of readings; the window is 60 s
    const points = s.points(495_000);
    expect(points.length).toBeLessThanOrEqual(5);
    expect(points.every((p) => p.atMs > 495_000 - 60_000)).toBe(true);
    expect(points.every((p) => Math.abs(p.cpuCores - 1) < 1e-6 && p.memoryBytes === 64 * MiB)).toBe(true);
    expect(s.bytes).toBe(bytes);
  });

  it("shows nothing once the task has been silent past the window", () => {
    const s = new UsageSeries(window);
    readings(s, 0, 10, 1, 64);
    expect(s.points(45_000 + 61_000)).toEqual([]);
  });

  it("ignores a reading that comes late or twice", () => {
    const s = new UsageSeries(window);
    s.add({ atMs: 5_000, cpuSeconds: 1, throttledSeconds: 0, memoryBytes: MiB });
    s.add({ atMs: 10_000, cpuSeconds: 2, throttledSeconds: 0, memoryBytes: MiB });
    s.add({ atMs: 10_000, cpuSeconds: 9, throttledSeconds: 0, memoryBytes: MiB });
    s.add({ atMs: 7_000, cpuSeconds: 0, throttledSeconds: 0, memoryBytes: MiB });
    expect(s.current()?.cpuCores).toBeCloseTo(0.2);
  });

  it("starts its rates over when the container's counters go back", () => {
    const s = new UsageSeries(window);
    readings(s, 0, 3, 1, 64);
    s.add({ atMs: 15_000, cpuSeconds: 0.1, throttledSeconds: 0, memoryBytes: MiB });
    expect(s.current()?.cpuCores).toBeCloseTo(1);
    s.add({ atMs: 20_000, cpuSeconds: 1.1, throttledSeconds: 0, memoryBytes: MiB });
    expect(s.current()?.cpuCores).toBeCloseTo(0.2);
  });
});

describe("peaks and totals", () => {
  it("finds the highest CPU and memory", () => {
    expect(peakOf([])).toEqual({ cpuCores: 0, memoryBytes: 0 });
    expect(
      peakOf([
        { atMs: 1, cpuCores: 0.5, throttledShare: 0, memoryBytes: 9 },
        { atMs: 2, cpuCores: 1.5, throttledShare: 0, memoryBytes: 3 },
      ]),
    ).toEqual({ cpuCores: 1.5, memoryBytes: 9 });
  });

  it("adds tasks' points of the same step", () => {
    const a = [
      { atMs: 15_000, cpuCores: 1, throttledShare: 0, memoryBytes: 10 },
      { atMs: 30_000, cpuCores: 2, throttledShare: 0.5, memoryBytes: 20 },
    ];
    const b = [{ atMs: 28_000, cpuCores: 0.5, throttledShare: 0, memoryBytes: 5 }];
    expect(sumPoints([a, b], 15_000)).toEqual([
      { atMs: 15_000, cpuCores: 1, throttledShare: 0, memoryBytes: 10 },
      { atMs: 30_000, cpuCores: 2.5, throttledShare: 0.5, memoryBytes: 25 },
    ]);
  });
});
