/**
 * Wall-clock time in an IANA time zone, from the runtime's time zone database
 * (Intl). A "local" time is given as the milliseconds Date.UTC would give for
 * the same fields, so calendar arithmetic on it is plain arithmetic.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** What to fix in a time zone name, or undefined for one the database knows. */
export function timeZoneError(zone: string): string | undefined {
  try {
    formatterOf(zone);
    return undefined;
  } catch {
    return `Unknown time zone '${zone}': give an IANA name such as UTC, Europe/Berlin or America/New_York`;
  }
}

/** The wall-clock reading of an instant in a zone, whole seconds. */
export function localOf(instantMs: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(zone).formatToParts(new Date(instantMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

function offsetAt(instantMs: number, zone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return localOf(whole, zone) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time names in a zone. A time that occurs twice
 * (clocks set back) names its first occurrence; a time that does not occur
 * (clocks set forward over it) names the first instant after the gap.
 */
export function instantOfLocal(local: number, zone: string): number {
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const candidates = [local - before, local - after].filter((t) => localOf(t, zone) === local);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: the clocks jumped from `before` to `after` between these two instants.
  let lo = local - after;
  let hi = local - before;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(mid, zone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}
