import type { AppDefinition } from "./app-definition.js";

/**
 * Env values and registry passwords are never answered: the API, the event
 * stream and the logs show this placeholder instead. A definition sent back
 * with the placeholder keeps the stored value, so GET-edit-PUT round trips work.
 */
export const REDACTED = "[redacted]";

export function redactApp(app: AppDefinition): AppDefinition {
  // A secret reference names where the value is kept, not the value: it stays. Which deployment wrote the version is Berth's own.
  const env = Object.fromEntries(Object.entries(app.env).map(([k, v]) => [k, typeof v === "string" ? REDACTED : v]));
  const { lastScalingAt, lastConfigChangeAt } = app.versionInfo;
  const out: AppDefinition = { ...app, env, versionInfo: { lastScalingAt, lastConfigChangeAt } };
  const docker = app.container?.docker;
  if (app.container && docker?.pullConfig) {
    out.container = { ...app.container, docker: { ...docker, pullConfig: { ...(docker.pullConfig as object), password: REDACTED } } };
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Puts the stored values back where an incoming definition carries the
 * placeholder. A placeholder with nothing stored behind it stays, and the
 * validator refuses it.
 */
export function restoreRedacted(raw: unknown, current: AppDefinition | undefined): unknown {
  if (!isObject(raw) || !current) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (isObject(raw.env)) {
    out.env = Object.fromEntries(Object.entries(raw.env).map(([k, v]) => [k, v === REDACTED ? (current.env[k] ?? v) : v]));
  }
  const container = raw.container;
  const docker = isObject(container) ? container.docker : undefined;
  const pull = isObject(docker) ? docker.pullConfig : undefined;
  const stored = (current.container?.docker.pullConfig as { password?: string } | undefined)?.password;
  if (isObject(container) && isObject(docker) && isObject(pull) && pull.password === REDACTED && stored !== undefined) {
    out.container = { ...container, docker: { ...docker, pullConfig: { ...pull, password: stored } } };
  }
  return out;
}
