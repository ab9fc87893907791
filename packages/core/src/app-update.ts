import { restoreRedacted } from "./redaction.js";
import type { AppDefinition } from "./app-definition.js";
import { type AppParseResult, parseApp } from "./app-validation.js";
import { parseAppId } from "./app-id.js";
import type { ValidationDetail } from "./errors.js";

/**
 * A body sent to an app's own path (PUT or PATCH /v2/apps/{id}) may name no id
 * or that path's; any other is refused, never followed: the path is what was
 * authorised, so an app's id is its path.
 */
export function bodyIdRefusal(raw: unknown, pathId: string): ValidationDetail | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const id = (raw as { id?: unknown }).id;
  if (id === undefined || id === null) return undefined;
  const parsed = typeof id === "string" ? parseAppId(id) : undefined;
  if (parsed?.ok && parsed.id === pathId) return undefined;
  return { path: "/id", errors: [`must be ${pathId} (the app's path) or absent: an app's id is the path it is sent to`] };
}

export interface AppUpdateContext {
  readonly version: string;
  /** Marathon's PUT merges the given fields into the current app (partialUpdate=true, the default). */
  readonly partial: boolean;
}

/**
 * Applies an update to an app. The result is validated whole; a change of only
 * `instances` is a scaling change and keeps the app's configuration version, so
 * running tasks are kept.
 */
export function updateApp(previous: AppDefinition, raw: unknown, ctx: AppUpdateContext): AppParseResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, details: [{ path: "/", errors: ["must be an object"] }] };
  }
  const patch = restoreRedacted(raw, previous) as Record<string, unknown>;
  const refused = bodyIdRefusal(patch, previous.id);
  if (refused) return { ok: false, details: [refused] };
  const base: Record<string, unknown> = ctx.partial ? { ...definitionOf(previous) } : {};
  const merged = { ...base, ...patch, id: previous.id };
  const parsed = parseApp(merged, { version: ctx.version });
  if (!parsed.ok) return parsed;
  const next = parsed.app;
  const scalingOnly = sameConfiguration(previous, next);
  next.versionInfo = scalingOnly
    ? { lastScalingAt: ctx.version, lastConfigChangeAt: previous.versionInfo.lastConfigChangeAt }
    : { lastScalingAt: ctx.version, lastConfigChangeAt: ctx.version };
  return { ok: true, app: next };
}

/**
 * Marathon's rollback: a body to an app's path naming a `version` (and at
 * most the app's own `id`) asks for the app as it was at that version.
 * Returns the version, a reason the body is refused, or undefined when the
 * body is an ordinary change. A whole definition sent back with the app's
 * current `version` (a GET, edit, PUT round trip) is an ordinary change.
 */
export function rollbackVersion(raw: unknown, currentVersion?: string): { version: string } | { refused: ValidationDetail } | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const body = raw as Record<string, unknown>;
  if (body.version === undefined || body.version === null) return undefined;
  const others = Object.keys(body).filter((k) => k !== "version" && k !== "id");
  if (others.length > 0 && body.version === currentVersion) return undefined;
  if (others.length > 0) return { refused: { path: "/version", errors: ["The 'version' field may only be combined with the 'id' field"] } };
  if (typeof body.version !== "string")
    return { refused: { path: "/version", errors: ["must be one of the app's versions, as GET .../versions lists them"] } };
  return { version: body.version };
}

/** The app as a client would send it: without the version fields Berth stamps. */
export function definitionOf(app: AppDefinition): Omit<AppDefinition, "version" | "versionInfo"> {
  const { version: _v, versionInfo: _vi, ...rest } = app;
  return rest;
}

/** True when two definitions differ in nothing but `instances`. */
export function sameConfiguration(a: AppDefinition, b: AppDefinition): boolean {
  const strip = (app: AppDefinition): string => JSON.stringify({ ...definitionOf(app), instances: 0 });
  return strip(a) === strip(b);
}
