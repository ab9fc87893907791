import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayMatches, parseCron, type CronSchedule } from "./cron.js";
import { nextTick } from "./cron-next.js";
import { localOf } from "./zoned-time.js";

const list = (max: number, min = 0): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant("*"),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: 4 }).map((v) => v.join(",")),
  );

/** Expressions that tick at least once a week, so that brute force can check them minute by minute. */
const expression = fc
  .tuple(
    list(59),
    list(23),
    fc.oneof(
      fc.constant("*"),
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }).map((v) => v.join(",")),
    ),
  )
  .map(([m, h, dow]) => `${m} ${h} * * ${dow}`);

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

/** Whether the wall-clock minute `local` (Date.UTC numbers) is one the schedule names. */
function names(s: CronSchedule, local: number): boolean {
  const d = new Date(local);
  return (
    s.minutes.includes(d.getUTCMinutes()) &&
    s.hours.includes(d.getUTCHours()) &&
    dayMatches(s, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
  );
}

describe("the next tick, against a minute-by-minute search", () => {
  it("in UTC is the first named minute strictly after the instant", () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }), (expr, after) => {
        const p = parseCron(expr);
        if (!p.ok) return;
        const t = nextTick(p.schedule, "UTC", after)!;
        let m = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
        while (m < after + WEEK_MS + MINUTE_MS && !names(p.schedule, m)) m += MINUTE_MS;
        expect(t).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it("in zones with daylight saving ticks after the instant, at a named local minute or the end of a gap, skipping none but repeats", () => {
    const zone = fc.constantFrom("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata");
    // Around the changes of 2026 and 2027, where the surprises are.
    const around = fc.constantFrom(
      Date.UTC(2026, 2, 7),
      Date.UTC(2026, 9, 24),
      Date.UTC(2026, 10, 0),
      Date.UTC(2027, 2, 26),
      Date.UTC(2027, 3, 3),
    );
    fc.assert(
      fc.property(expression, zone, around, fc.integer({ min: 0, max: 3 * 86_400_000 }), (expr, tz, base, offset) => {
        const p = parseCron(expr);
        if (!p.ok) return;
        const after = base + offset;
        const t = nextTick(p.schedule, tz, after)!;
        expect(t).toBeGreaterThan(after);
        const local = localOf(t, tz);
        const atGapEnd = localOf(t - 1000, tz) !== local - 1000;
        expect(names(p.schedule, local) || atGapEnd).toBe(true);
        // No named local minute occurs for the first time strictly between `after` and `t`.
        const seen = new Set<number>();
        for (let m = after - 2 * 3_600_000; m <= after; m += MINUTE_MS) seen.add(Math.floor(localOf(m, tz) / MINUTE_MS) * MINUTE_MS);
        for (let m = Math.floor(after / MINUTE_MS) * MINUTE_MS + MINUTE_MS; m < t; m += MINUTE_MS) {
          const l = localOf(m, tz);
          if (names(p.schedule, l) && !seen.has(l))
            throw new Error(`${expr} in ${tz}: ${new Date(m).toISOString()} (local ${new Date(l).toISOString()}) was skipped`);
          seen.add(l);
        }
      }),
      { numRuns: 40 },
    );
  });
});
