import { describe, expect, it } from "vitest";
import { type CronSchedule, parseCron } from "./cron.js";
import { nextTick, ticksBetween } from "./cron-next.js";

function cron(expression: string): CronSchedule {
  const p = parseCron(expression);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

const utc = (iso: string): number => Date.parse(iso);
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The next `n` ticks after `from`, as ISO strings in UTC. */
function ticks(expression: string, zone: string, from: string, n: number): string[] {
  const out: string[] = [];
  let t: number | undefined = utc(from);
  for (let i = 0; i < n; i++) {
    t = nextTick(cron(expression), zone, t!);
    if (t === undefined) break;
    out.push(iso(t)!);
  }
  return out;
}

describe("cron expressions", () => {
  it("refuses what is not a cron expression, saying what to fix", () => {
    const cases: [string, RegExp][] = [
      ["* * * *", /4 fields; give 5/],
      ["* * * * * * *", /7 fields/],
      ["60 * * * *", /minute 60 is out of range 0-59/],
      ["* 24 * * *", /hour 24 is out of range 0-23/],
      ["* * 0 * *", /day of month 0 is out of range 1-31/],
      ["* * * 13 *", /month 13 is out of range 1-12/],
      ["* * * * 8", /day of week 8 is out of range 0-7/],
      ["* * * * * 1969", /year 1969 is out of range 1970-2099/],
      ["5-1 * * * *", /range '5-1' \(minute\) goes backwards/],
      ["*/0 * * * *", /step .* must be at least 1/],
      ["a * * * *", /'a' is not a value of the minute field/],
      ["* * * * 5#6", /week number after # must be 1-5/],
      ["@often", /unknown macro @often/],
      ["1,,2 * * * *", /'' in the minute field/],
    ];
    for (const [expr, message] of cases) {
      const p = parseCron(expr);
      expect(p.ok, expr).toBe(false);
      if (!p.ok) expect(p.error, expr).toMatch(message);
    }
  });

  it("reads lists, ranges, steps, names, ? and the macros", () => {
    expect(cron("0,15,30-32 */6 * * *").minutes).toEqual([0, 15, 30, 31, 32]);
    expect(cron("0,15,30-32 */6 * * *").hours).toEqual([0, 6, 12, 18]);
    expect(cron("5/20 * * * *").minutes).toEqual([5, 25, 45]);
    expect([...cron("0 0 * jan-mar,DEC ?").months].sort((a, b) => a - b)).toEqual([1, 2, 3, 12]);
    expect([...cron("0 0 ? * MON-FRI").weekDays!.days].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(cron("@daily")).toEqual(cron("0 0 * * *"));
    expect(cron("@hourly").minutes).toEqual([0]);
    expect(cron("0 0 * * * 2030,2031").years).toEqual([2030, 2031]);
  });

  it("counts both 0 and 7 as Sunday", () => {
    const sundays = ticks("0 12 * * 7", "UTC", "2026-12-01T00:00:00Z", 2);
    expect(sundays).toEqual(ticks("0 12 * * 0", "UTC", "2026-12-01T00:00:00Z", 2));
    expect(sundays).toEqual(["2026-12-06T12:00:00.000Z", "2026-12-13T12:00:00.000Z"]);
    expect(ticks("0 12 * * 5-7", "UTC", "2026-12-04T13:00:00Z", 3)).toEqual([
      "2026-12-05T12:00:00.000Z",
      "2026-12-06T12:00:00.000Z",
      "2026-12-11T12:00:00.000Z",
    ]);
  });
});

describe("the next tick in UTC", () => {
  it("is strictly after the instant, on the minute", () => {
    expect(ticks("* * * * *", "UTC", "2026-12-05T10:00:00Z", 2)).toEqual(["2026-12-05T10:01:00.000Z", "2026-12-05T10:02:00.000Z"]);
    expect(ticks("* * * * *", "UTC", "2026-12-05T10:00:59.999Z", 1)).toEqual(["2026-12-05T10:01:00.000Z"]);
    expect(ticks("30 2 * * *", "UTC", "2026-12-31T03:00:00Z", 1)).toEqual(["2027-01-01T02:30:00.000Z"]);
  });

  it("takes the last day of the month with L, leap years included", () => {
    expect(ticks("0 0 L * *", "UTC", "2028-01-15T00:00:00Z", 3)).toEqual([
      "2028-01-31T00:00:00.000Z",
      "2028-02-29T00:00:00.000Z",
      "2028-03-31T00:00:00.000Z",
    ]);
    expect(ticks("0 0 L 2 *", "UTC", "2026-03-01T00:00:00Z", 1)).toEqual(["2027-02-28T00:00:00.000Z"]);
  });

  it("takes the weekday nearest a day with W, never leaving the month", () => {
    // 2026-11-15 is a Sunday: Monday the 16th. 2026-08-01 is a Saturday: Monday the 3rd, not July 31st.
    expect(ticks("0 9 15W * *", "UTC", "2026-11-01T00:00:00Z", 1)).toEqual(["2026-11-16T09:00:00.000Z"]);
    expect(ticks("0 9 1W * *", "UTC", "2026-07-15T00:00:00Z", 1)).toEqual(["2026-08-03T09:00:00.000Z"]);
    // 2026-05-31 is a Sunday, the month's last day: Friday the 29th.
    expect(ticks("0 9 31W * *", "UTC", "2026-05-01T00:00:00Z", 1)).toEqual(["2026-05-29T09:00:00.000Z"]);
    // The last weekday of January 2027 (the 31st is a Sunday): Friday the 29th.
    expect(ticks("0 9 LW * *", "UTC", "2027-01-01T00:00:00Z", 1)).toEqual(["2027-01-29T09:00:00.000Z"]);
    // 31W in a month of 30 days never ticks in it.
    expect(ticks("0 9 31W 4 *", "UTC", "2026-01-01T00:00:00Z", 1)).toEqual([]);
  });

  it("takes the nth and the last weekday of a month with # and L", () => {
    expect(ticks("0 8 * * 5#3", "UTC", "2026-12-01T00:00:00Z", 2)).toEqual(["2026-12-18T08:00:00.000Z", "2027-01-15T08:00:00.000Z"]);
    expect(ticks("0 8 * * FRI#5", "UTC", "2026-12-01T00:00:00Z", 2)).toEqual(["2027-01-29T08:00:00.000Z", "2027-04-30T08:00:00.000Z"]);
    expect(ticks("0 8 * * 5L", "UTC", "2026-12-01T00:00:00Z", 2)).toEqual(["2026-12-25T08:00:00.000Z", "2027-01-29T08:00:00.000Z"]);
  });

  it("matches either day field when both are restricted, as Vixie cron", () => {
    // The 1st and every Monday of December 2026 (the 7th is the first Monday).
    expect(ticks("0 0 1 * MON", "UTC", "2026-11-30T12:00:00Z", 3)).toEqual([
      "2026-12-01T00:00:00.000Z",
      "2026-12-07T00:00:00.000Z",
      "2026-12-14T00:00:00.000Z",
    ]);
  });

  it("stops at the year and at days that never come", () => {
    expect(ticks("0 0 1 1 * 2027", "UTC", "2026-06-01T00:00:00Z", 2)).toEqual(["2027-01-01T00:00:00.000Z"]);
    expect(ticks("0 0 30 2 *", "UTC", "2026-01-01T00:00:00Z", 1)).toEqual([]);
    expect(ticks("0 0 1 1 * 2020", "UTC", "2026-06-01T00:00:00Z", 1)).toEqual([]);
  });

  it("lists the ticks between two instants, keeping the newest past a limit", () => {
    const every = cron("*/10 * * * *");
    const all = ticksBetween(every, "UTC", utc("2026-12-05T10:00:00Z"), utc("2026-12-05T11:00:00Z"), 100);
    expect(all.ticks.map((t) => iso(t))).toEqual([
      "2026-12-05T10:10:00.000Z",
      "2026-12-05T10:20:00.000Z",
      "2026-12-05T10:30:00.000Z",
      "2026-12-05T10:40:00.000Z",
      "2026-12-05T10:50:00.000Z",
      "2026-12-05T11:00:00.000Z",
    ]);
    const two = ticksBetween(every, "UTC", utc("2026-12-05T10:00:00Z"), utc("2026-12-05T11:00:00Z"), 2);
    expect(two).toEqual({ ticks: all.ticks.slice(-2), more: 4 });
  });
});

describe("the next tick in a zone with daylight saving", () => {
  it("runs a time the clocks skip at the first instant after the gap, once (New York, March)", () => {
    // 2027-03-14: 02:00 EST becomes 03:00 EDT (07:00Z).
    expect(ticks("30 2 * * *", "America/New_York", "2027-03-13T12:00:00Z", 3)).toEqual([
      "2027-03-14T07:00:00.000Z",
      "2027-03-15T06:30:00.000Z",
      "2027-03-16T06:30:00.000Z",
    ]);
    // Every 20 minutes: 02:00, 02:20 and 02:40 do not occur; they run once at 03:00 EDT, and 03:00 itself is that same instant.
    expect(ticks("*/20 * * * *", "America/New_York", "2027-03-14T06:30:00Z", 4)).toEqual([
      "2027-03-14T06:40:00.000Z",
      "2027-03-14T07:00:00.000Z",
      "2027-03-14T07:20:00.000Z",
      "2027-03-14T07:40:00.000Z",
    ]);
  });

  it("runs a time the clocks pass twice once, at its first occurrence (New York, November)", () => {
    // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:30 occurs at 05:30Z and again at 06:30Z.
    expect(ticks("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2)).toEqual([
      "2026-11-01T05:30:00.000Z",
      "2026-11-02T06:30:00.000Z",
    ]);
    expect(ticks("0,30 * * * *", "America/New_York", "2026-11-01T04:45:00Z", 4)).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T07:30:00.000Z",
    ]);
    // Asked from inside the second pass, the repeated times do not run again.
    expect(ticks("45 1 * * *", "America/New_York", "2026-11-01T06:10:00Z", 1)).toEqual(["2026-11-02T06:45:00.000Z"]);
  });

  it("does the same in Berlin, both ways", () => {
    // 2027-03-28: 02:00 CET becomes 03:00 CEST (01:00Z). 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00Z).
    expect(ticks("30 2 * * *", "Europe/Berlin", "2027-03-27T12:00:00Z", 2)).toEqual([
      "2027-03-28T01:00:00.000Z",
      "2027-03-29T00:30:00.000Z",
    ]);
    expect(ticks("30 2 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", 2)).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
    // Hourly: 02:00 local comes at 00:00Z (CEST) and again at 01:00Z (CET); it runs once, so two hours pass without a run.
    expect(ticks("0 * * * *", "Europe/Berlin", "2026-10-24T23:30:00Z", 4)).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T02:00:00.000Z",
      "2026-10-25T03:00:00.000Z",
      "2026-10-25T04:00:00.000Z",
    ]);
  });

  it("keeps local times across the change: 9 o'clock stays 9 o'clock", () => {
    expect(ticks("0 9 * * *", "Europe/Berlin", "2026-10-24T12:00:00Z", 2)).toEqual([
      "2026-10-25T08:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ]);
    expect(ticks("0 9 * * *", "Asia/Kolkata", "2026-12-05T00:00:00Z", 1)).toEqual(["2026-12-05T03:30:00.000Z"]);
  });
});
