import { CRON_YEARS, type CronSchedule, dayMatches, daysInMonth } from "./cron.js";
import { instantOfLocal, localOf } from "./zoned-time.js";

const MINUTE_MS = 60_000;

/**
 * The schedule's first tick strictly after an instant, in a zone, or
 * undefined if it never ticks again (a year long past, the 30th of February).
 * A local time that occurs twice ticks once, at its first occurrence; a local
 * time that does not occur ticks at the first instant after the gap, once
 * however many of the schedule's times fell in it.
 */
export function nextTick(schedule: CronSchedule, zone: string, afterMs: number): number | undefined {
  let local = Math.floor(localOf(afterMs, zone) / MINUTE_MS) * MINUTE_MS;
  for (;;) {
    const next = nextLocalMatch(schedule, local);
    if (next === undefined) return undefined;
    const instant = instantOfLocal(next, zone);
    if (instant > afterMs) return instant;
    local = next;
  }
}

/** The ticks in (fromMs, toMs], oldest first, at most `limit` of them (the newest kept). */
export function ticksBetween(
  schedule: CronSchedule,
  zone: string,
  fromMs: number,
  toMs: number,
  limit: number,
): { ticks: number[]; more: number } {
  const ticks: number[] = [];
  let more = 0;
  for (let t = nextTick(schedule, zone, fromMs); t !== undefined && t <= toMs; t = nextTick(schedule, zone, t)) {
    ticks.push(t);
    if (ticks.length > limit) {
      ticks.shift();
      more++;
    }
  }
  return { ticks, more };
}

/** The first local minute after `local` that the schedule names (local times as Date.UTC numbers). */
function nextLocalMatch(s: CronSchedule, local: number): number | undefined {
  const start = new Date(local + MINUTE_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  let day = start.getUTCDate();
  let hour = start.getUTCHours();
  let minute = start.getUTCMinutes();
  const nextDay = (): void => {
    day++;
    hour = 0;
    minute = 0;
  };
  const nextMonth = (): void => {
    month++;
    day = 1;
    hour = 0;
    minute = 0;
  };
  for (;;) {
    if (month > 12) {
      year++;
      month = 1;
    }
    if (year > CRON_YEARS.max) return undefined;
    if (s.years !== undefined && !s.years.includes(year)) {
      const y = s.years.find((v) => v > year);
      if (y === undefined) return undefined;
      [year, month, day, hour, minute] = [y, 1, 1, 0, 0];
      continue;
    }
    if (!s.months.has(month) || day > daysInMonth(year, month)) {
      nextMonth();
      continue;
    }
    if (!dayMatches(s, year, month, day)) {
      nextDay();
      continue;
    }
    const h = s.hours.find((v) => v >= hour);
    if (h === undefined) {
      nextDay();
      continue;
    }
    if (h !== hour) [hour, minute] = [h, 0];
    const m = s.minutes.find((v) => v >= minute);
    if (m === undefined) {
      if (++hour > 23) nextDay();
      else minute = 0;
      continue;
    }
    return Date.UTC(year, month - 1, day, hour, m);
  }
}
