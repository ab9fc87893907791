/**
 * Cron expressions as Metronome takes them: five fields (minute, hour, day of
 * month, month, day of week) and an optional sixth, the year; `*`, lists,
 * ranges and steps; month and weekday names; day of week 0-7 (0 and 7 are
 * Sunday); `?` for "any" in either day field; `L` (last day of the month, or
 * `5L` the last Friday), `W` (`15W` the weekday nearest the 15th, `LW` the
 * last weekday) and `#` (`5#3` the third Friday); and the macros `@yearly`,
 * `@monthly`, `@weekly`, `@daily` and `@hourly`.
 *
 * When both day fields are restricted a day matches either, as in Vixie cron
 * (`0 0 1 * MON` runs on the 1st and on every Monday).
 */
export interface CronSchedule {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: ReadonlySet<number>;
  /** Undefined: every year. */
  readonly years: readonly number[] | undefined;
  readonly monthDays: DayOfMonthRule | undefined;
  readonly weekDays: DayOfWeekRule | undefined;
}

export interface DayOfMonthRule {
  readonly days: ReadonlySet<number>;
  readonly lastDay: boolean;
  readonly lastWeekday: boolean;
  /** `15W`: the weekday nearest the 15th, within its month. */
  readonly nearestWeekday: readonly number[];
}

export interface DayOfWeekRule {
  /** 0 = Sunday. */
  readonly days: ReadonlySet<number>;
  /** `5L`: the last Friday of the month. */
  readonly lastOfMonth: ReadonlySet<number>;
  /** `5#3`: [5, 3], the third Friday. */
  readonly nth: readonly (readonly [number, number])[];
}

export type CronParse = { readonly ok: true; readonly schedule: CronSchedule } | { readonly ok: false; readonly error: string };

export const CRON_YEARS = { min: 1970, max: 2099 } as const;

const MACROS: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldKind {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly namesFrom?: number;
}

const MINUTE: FieldKind = { name: "minute", min: 0, max: 59 };
const HOUR: FieldKind = { name: "hour", min: 0, max: 23 };
const DAY_OF_MONTH: FieldKind = { name: "day of month", min: 1, max: 31 };
const MONTH: FieldKind = { name: "month", min: 1, max: 12, names: MONTH_NAMES, namesFrom: 1 };
const DAY_OF_WEEK: FieldKind = { name: "day of week", min: 0, max: 7, names: DAY_NAMES, namesFrom: 0 };
const YEAR: FieldKind = { name: "year", min: CRON_YEARS.min, max: CRON_YEARS.max };

class CronError extends Error {}

export function parseCron(expression: string): CronParse {
  try {
    return { ok: true, schedule: parseOrThrow(expression) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: `Cron expression '${expression}' is not valid: ${e.message}` };
    throw e;
  }
}

function parseOrThrow(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const text = MACROS[trimmed.toLowerCase()] ?? trimmed;
  if (text.startsWith("@")) throw new CronError(`unknown macro ${text}; known: ${Object.keys(MACROS).join(", ")}`);
  const fields = text.split(/\s+/);
  if (fields.length < 5 || fields.length > 6) {
    throw new CronError(`it has ${fields.length} fields; give 5 (minute hour day-of-month month day-of-week) or 6 (and a year)`);
  }
  const [minute, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string | undefined];
  return {
    minutes: [...parseSet(minute, MINUTE)].sort((a, b) => a - b),
    hours: [...parseSet(hour, HOUR)].sort((a, b) => a - b),
    monthDays: isAny(dom) ? undefined : parseMonthDays(dom),
    months: parseSet(month, MONTH),
    weekDays: isAny(dow) ? undefined : parseWeekDays(dow),
    years: year === undefined || isAny(year) ? undefined : [...parseSet(year, YEAR)].sort((a, b) => a - b),
  };
}

function isAny(field: string): boolean {
  return field === "*" || field === "?";
}

function parseSet(field: string, kind: FieldKind): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(",")) for (const v of parsePart(part, kind)) out.add(v);
  return out;
}

function parsePart(part: string, kind: FieldKind): number[] {
  const [range, stepText, extra] = part.split("/");
  if (range === undefined || range === "" || extra !== undefined) throw new CronError(`'${part}' in the ${kind.name} field`);
  const step = stepText === undefined ? 1 : parseNumber(stepText, kind, "step");
  if (step < 1) throw new CronError(`the step in '${part}' (${kind.name}) must be at least 1`);
  let from: number;
  let to: number;
  if (range === "*" || range === "?") {
    from = kind.min;
    to = kind.max;
  } else if (range.includes("-")) {
    const [a, b, more] = range.split("-");
    if (a === undefined || b === undefined || more !== undefined) throw new CronError(`'${part}' in the ${kind.name} field`);
    from = parseValue(a, kind);
    to = parseValue(b, kind);
    if (from > to) throw new CronError(`the range '${range}' (${kind.name}) goes backwards`);
  } else {
    from = parseValue(range, kind);
    to = stepText === undefined ? from : kind.max;
  }
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(kind === DAY_OF_WEEK && v === 7 ? 0 : v);
  return values;
}

function parseValue(text: string, kind: FieldKind): number {
  const named = kind.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (kind.namesFrom ?? 0);
  const v = parseNumber(text, kind, "value");
  if (v < kind.min || v > kind.max) throw new CronError(`${kind.name} ${v} is out of range ${kind.min}-${kind.max}`);
  return v;
}

function parseNumber(text: string, kind: FieldKind, what: string): number {
  if (!/^\d+$/.test(text)) throw new CronError(`'${text}' is not a ${what} of the ${kind.name} field`);
  return Number(text);
}

function parseMonthDays(field: string): DayOfMonthRule {
  const days = new Set<number>();
  const nearestWeekday: number[] = [];
  let lastDay = false;
  let lastWeekday = false;
  for (const part of field.split(",")) {
    const upper = part.toUpperCase();
    if (upper === "L") lastDay = true;
    else if (upper === "LW") lastWeekday = true;
    else if (upper.endsWith("W")) nearestWeekday.push(parseValue(upper.slice(0, -1), DAY_OF_MONTH));
    else for (const v of parsePart(part, DAY_OF_MONTH)) days.add(v);
  }
  return { days, lastDay, lastWeekday, nearestWeekday };
}

function parseWeekDays(field: string): DayOfWeekRule {
  const days = new Set<number>();
  const lastOfMonth = new Set<number>();
  const nth: [number, number][] = [];
  for (const part of field.split(",")) {
    const upper = part.toUpperCase();
    if (upper.includes("#")) {
      const [d, n, more] = upper.split("#");
      if (d === undefined || n === undefined || more !== undefined) throw new CronError(`'${part}' in the day of week field`);
      const which = parseNumber(n, DAY_OF_WEEK, "week number");
      if (which < 1 || which > 5) throw new CronError(`'${part}': the week number after # must be 1-5`);
      nth.push([parseValue(d, DAY_OF_WEEK) % 7, which]);
    } else if (upper.length > 1 && upper.endsWith("L")) {
      lastOfMonth.add(parseValue(upper.slice(0, -1), DAY_OF_WEEK) % 7);
    } else {
      for (const v of parsePart(part, DAY_OF_WEEK)) days.add(v);
    }
  }
  return { days, lastOfMonth, nth };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whether a calendar day (month 1-12) is one of the schedule's days. */
export function dayMatches(s: CronSchedule, year: number, month: number, day: number): boolean {
  if (s.monthDays === undefined && s.weekDays === undefined) return true;
  if (s.monthDays === undefined) return weekDayMatches(s.weekDays!, year, month, day);
  if (s.weekDays === undefined) return monthDayMatches(s.monthDays, year, month, day);
  return monthDayMatches(s.monthDays, year, month, day) || weekDayMatches(s.weekDays, year, month, day);
}

function monthDayMatches(r: DayOfMonthRule, year: number, month: number, day: number): boolean {
  const last = daysInMonth(year, month);
  if (r.days.has(day)) return true;
  if (r.lastDay && day === last) return true;
  if (r.lastWeekday && day === nearestWeekday(year, month, last)) return true;
  return r.nearestWeekday.some((d) => d <= last && day === nearestWeekday(year, month, d));
}

/** The weekday (Monday to Friday) nearest a day, not leaving its month. */
function nearestWeekday(year: number, month: number, day: number): number {
  const wd = weekdayOf(year, month, day);
  const last = daysInMonth(year, month);
  if (wd === 6) return day === 1 ? 3 : day - 1;
  if (wd === 0) return day === last ? day - 2 : day + 1;
  return day;
}

function weekDayMatches(r: DayOfWeekRule, year: number, month: number, day: number): boolean {
  const wd = weekdayOf(year, month, day);
  if (r.days.has(wd)) return true;
  if (r.lastOfMonth.has(wd) && day + 7 > daysInMonth(year, month)) return true;
  return r.nth.some(([d, n]) => d === wd && Math.ceil(day / 7) === n);
}
