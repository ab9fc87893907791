import type { ValidationDetail } from "./errors.js";

const SEGMENT = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
export const MAX_SEGMENT_LENGTH = 63;
export const MAX_ID_LENGTH = 255;

export type AppIdResult = { ok: true; id: string } | { ok: false; error: string };

/**
 * Resolves an app id the way Marathon does: absolute ("/team/web") or relative to `base`.
 * Ids are checked, never normalised: "." and ".." segments, "//", upper case and other
 * characters are rejected.
 */
export function parseAppId(raw: string, base = "/"): AppIdResult {
  if (raw.length === 0) return { ok: false, error: "id must not be empty" };
  if (raw.length > MAX_ID_LENGTH) {
    return { ok: false, error: `id must be at most ${MAX_ID_LENGTH} characters` };
  }
  const absolute = raw.startsWith("/") ? raw : `${base.endsWith("/") ? base : `${base}/`}${raw}`;
  const body = absolute.slice(1);
  const segments = body.endsWith("/") ? body.slice(0, -1).split("/") : body.split("/");
  if (segments.length === 0 || (segments.length === 1 && segments[0] === "")) {
    return { ok: false, error: "id must name an app, not the root group" };
  }
  for (const segment of segments) {
    if (segment === "") return { ok: false, error: "id must not contain empty segments ('//')" };
    if (segment === "." || segment === "..") {
      return { ok: false, error: "id must not contain '.' or '..' segments" };
    }
    if (segment.length > MAX_SEGMENT_LENGTH) {
      return {
        ok: false,
        error: `id segment '${segment.slice(0, 20)}…' is longer than ${MAX_SEGMENT_LENGTH} characters`,
      };
    }
    if (!SEGMENT.test(segment)) {
      return {
        ok: false,
        error: `id segment '${segment}' must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`,
      };
    }
  }
  return { ok: true, id: `/${segments.join("/")}` };
}

export function appIdDetail(raw: unknown): ValidationDetail | undefined {
  if (typeof raw !== "string") return { path: "/id", errors: ["id must be a string"] };
  const r = parseAppId(raw);
  return r.ok ? undefined : { path: "/id", errors: [r.error] };
}

/** The key an app is stored under: its id without the leading slash ("team/web"). */
export function appKey(appId: string): string {
  return appId.replace(/^\//, "");
}

export function appIdFromKey(key: string): string {
  return `/${key}`;
}

/** The team that owns an app: its top-level group ("/team/web" → "team"). */
export function teamOf(appId: string): string {
  return appKey(appId).split("/")[0] ?? "";
}

/** Marathon's task id form: the app id with "/" as "_", a dot, then a unique part. */
export function taskIdFor(appId: string, unique: string): string {
  return `${appKey(appId).replaceAll("/", "_")}.${unique}`;
}
