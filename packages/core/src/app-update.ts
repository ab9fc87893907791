import { restoreRedacted } from "./redaction.js";
import type { AppDefinition } from "./app-definition.js";
import { type AppParseResult, parseApp } from "./app-validation.js";

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
  if (patch.id !== undefined && patch.id !== previous.id && patch.id !== previous.id.slice(1)) {
    return { ok: false, details: [{ path: "/id", errors: [`id must be ${previous.id} or absent`] }] };
  }
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
