import { teamOf } from "./app-id.js";
import type { ValidationDetail } from "./errors.js";
import { isCleanAbsolutePath } from "./paths.js";
import { jobAppId } from "./job-definition.js";

/**
 * What a token may do where, as DC/OS's permissions did: reading (apps, tasks,
 * deployments, events, logs), deploying (also changing apps and groups,
 * killing tasks, canceling deployments), or administering (also the team's
 * secrets; for an admin token, tokens and teams). Each covers what is below it.
 */
export type Action = "read" | "deploy" | "admin";
export const ACTIONS: readonly Action[] = ["read", "deploy", "admin"];

/** An action on a path prefix: "deploy:/shop/web" covers /shop/web and everything under it; "/" covers all. */
export interface Scope {
  action: Action;
  path: string;
}

/**
 * Who a request acts for: an operator or one team, with the token's scopes
 * when it has any (none: everything the role allows).
 */
export type Principal = ({ role: "admin"; name: string } | { role: "team"; team: string; name: string }) & {
  scopes?: readonly Scope[];
};

/** A token as stored: only its hash is the key; the token itself is shown once, when it is made. */
export interface TokenRecord {
  /** A short, public handle for listing and revoking: the first 12 hex digits of the hash. */
  id: string;
  name: string;
  role: "admin" | "team";
  team?: string;
  /** Absent: everything the role allows. */
  scopes?: Scope[];
  createdAtMs: number;
}

export function principalOf(t: TokenRecord): Principal {
  const scopes = t.scopes ? { scopes: t.scopes } : {};
  return t.role === "admin" ? { role: "admin", name: t.name, ...scopes } : { role: "team", team: t.team ?? "", name: t.name, ...scopes };
}

const RANK: Record<Action, number> = { read: 0, deploy: 1, admin: 2 };

function covers(path: string, id: string): boolean {
  return path === "/" || id === path || id.startsWith(`${path}/`);
}

function scopesAllow(p: Principal, id: string, action: Action): boolean {
  return p.scopes === undefined || p.scopes.some((s) => RANK[s.action] >= RANK[action] && covers(s.path, id));
}

/**
 * A team reaches the apps, tasks, deployments and events of its own top-level
 * group; an admin reaches all; a token's scopes narrow either to the actions
 * and paths they name.
 */
export function mayAccess(p: Principal, appId: string, action: Action = "read"): boolean {
  if (p.role === "team" && teamOf(appId) !== p.team) return false;
  return scopesAllow(p, appId, action);
}

/** Whether the principal may act on the whole cluster (tokens, teams, every agent): an admin whose scopes, if any, cover "/". */
export function mayAdminister(p: Principal, action: Action = "admin"): boolean {
  return p.role === "admin" && scopesAllow(p, "/", action);
}

/** Why this principal may not do this to this app, or undefined when it may. */
export function accessRefusal(p: Principal, appId: string, action: Action = "read"): string | undefined {
  if (mayAccess(p, appId, action)) return undefined;
  if (p.role === "team" && teamOf(appId) !== p.team) {
    return `the token of team '${p.team}' may not access '${appId}': a team reaches only apps under /${p.team}/`;
  }
  const allowed = (p.scopes ?? []).map((s) => `${s.action}:${s.path}`).join(", ");
  return `the token '${p.name}' may not ${action} '${appId}': its scopes are ${allowed || "none"}`;
}

/**
 * Reads a token's scopes ("deploy:/shop/web"), each on a clean absolute path;
 * a team token's only inside its own group.
 */
export function parseScopes(
  raw: unknown,
  team: string | undefined,
): { ok: true; scopes: Scope[] } | { ok: false; details: ValidationDetail[] } {
  const details: ValidationDetail[] = [];
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 50) {
    return { ok: false, details: [{ path: "/scopes", errors: ['give 1 to 50 scopes such as "read:/shop" or "deploy:/shop/web"'] }] };
  }
  const scopes: Scope[] = [];
  raw.forEach((item, i) => {
    const m = typeof item === "string" ? /^(read|deploy|admin):(\/.*)$/.exec(item) : null;
    const path = m?.[2] ?? "";
    const fail = (error: string) => details.push({ path: `/scopes/${i}`, errors: [error] });
    if (!m) return fail('a scope is "<read|deploy|admin>:<path>", such as "deploy:/shop/web"');
    const clean = path === "/" ? "/" : path.replace(/\/$/, "");
    if (!isCleanAbsolutePath(clean)) return fail("its path must be absolute, without '.', '..' or empty segments");
    if (team !== undefined && !covers(`/${team}`, clean)) return fail(`a token of team '${team}' may reach only /${team} and below`);
    scopes.push({ action: m[1] as Action, path: clean });
  });
  return details.length > 0 ? { ok: false, details } : { ok: true, scopes };
}

/** The apps and groups an event is about, read from Marathon's event shapes. */
export function eventScope(event: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === "string" && v !== "") ids.push(v);
  };
  add(event.appId);
  // Marathon names an instance's app its run spec (instance_changed_event, instance_health_changed_event).
  add(event.runSpecId);
  add(event.groupId);
  // A job's events (job_run_*) are its team's, as its tasks are.
  if (typeof event.jobId === "string") add(jobAppId(event.jobId));
  add((event.appDefinition as { id?: unknown } | undefined)?.id);
  const plan = event.plan as { original?: GroupLike; target?: GroupLike; steps?: { actions?: { app?: unknown }[] }[] } | undefined;
  const walk = (g: GroupLike | undefined) => {
    for (const a of g?.apps ?? []) add(a.id);
    for (const child of g?.groups ?? []) walk(child);
  };
  walk(plan?.original);
  walk(plan?.target);
  for (const step of plan?.steps ?? []) for (const action of step.actions ?? []) add(action.app);
  return ids;
}

/** A plan's original or target: Marathon's group, its apps and its groups. */
interface GroupLike {
  apps?: { id?: unknown }[];
  groups?: GroupLike[];
}

/** A principal sees an event only when it may read everything it is about; events about no app, only a cluster admin. */
export function maySeeEvent(p: Principal, event: Record<string, unknown>): boolean {
  const scope = eventScope(event);
  if (scope.length === 0) return mayAdminister(p, "read");
  return scope.every((id) => mayAccess(p, id, "read"));
}
