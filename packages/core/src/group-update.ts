import { parseAppId } from "./app-id.js";
import type { ValidationDetail } from "./errors.js";

/** Groups nest no deeper than an id can: 255 characters hold at most 128 segments. */
export const MAX_GROUP_DEPTH = 128;

/** An app a group body names: its absolute id, its definition with that id, and where it is in the body. */
export interface GroupApp {
  id: string;
  raw: Record<string, unknown>;
  path: string;
}

/** A group in a body, and which of its parts the body gives: a part left out is left as it is. */
interface GroupNode {
  id: string;
  appsGiven: boolean;
  groupsGiven: boolean;
}

/**
 * What a `PUT /v2/groups/{id}` (Marathon's GroupUpdate) asks for: a rollback
 * to a version, a scaling of every app by a factor, or a change of the apps
 * and groups the body names.
 */
export type GroupUpdate =
  | { kind: "rollback"; version: string }
  | { kind: "scale"; factor: number }
  | { kind: "change"; apps: GroupApp[]; removes: (appId: string) => boolean };

const UPDATE_FIELDS = new Set(["id", "apps", "groups", "dependencies", "version", "scaleBy", "enforceRole", "pods"]);

/**
 * Reads a group body as Marathon does. `version` rolls the group back and
 * `scaleBy` scales it; neither goes with other changes. Otherwise the apps and
 * groups given replace the group's own: a group whose `apps` the body gives
 * loses the apps it does not list; one whose `groups` it gives loses the
 * subgroups it does not list; a part the body leaves out is left alone.
 * Relative ids resolve against their group. Throws nothing: every reason the
 * body is wrong is in `details`.
 */
export function readGroupUpdate(
  raw: unknown,
  groupId: string,
): { ok: true; update: GroupUpdate } | { ok: false; details: ValidationDetail[] } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, details: [{ path: "/", errors: ["must be an object"] }] };
  const body = raw as Record<string, unknown>;
  const details: ValidationDetail[] = [];
  for (const key of Object.keys(body))
    if (!UPDATE_FIELDS.has(key)) details.push({ path: `/${key}`, errors: ["is not a field of a group"] });
  const given = (k: string) => body[k] !== undefined && body[k] !== null;
  const others = ["apps", "groups", "dependencies"].filter(given);
  if (given("version") || given("scaleBy")) {
    if (given("version") && given("scaleBy"))
      details.push({ path: "/scaleBy", errors: ["give either version (a rollback) or scaleBy, not both"] });
    for (const k of others)
      details.push({ path: `/${k}`, errors: [`cannot be changed together with ${given("version") ? "version" : "scaleBy"}`] });
    if (given("version") && typeof body.version !== "string")
      details.push({ path: "/version", errors: ["must be a version of the group, as GET .../versions lists them"] });
    const factor = body.scaleBy;
    if (given("scaleBy") && (typeof factor !== "number" || !Number.isFinite(factor) || factor < 0 || factor > 1000)) {
      details.push({ path: "/scaleBy", errors: ["must be a number from 0 to 1000"] });
    }
    if (details.length > 0) return { ok: false, details };
    return given("version")
      ? { ok: true, update: { kind: "rollback", version: body.version as string } }
      : { ok: true, update: { kind: "scale", factor: factor as number } };
  }
  const { apps, nodes } = walk(body, groupId, details);
  if (details.length > 0) return { ok: false, details };
  return { ok: true, update: { kind: "change", apps, removes: removal(nodes, new Set(apps.map((a) => a.id))) } };
}

function walk(
  root: Record<string, unknown>,
  groupId: string,
  details: ValidationDetail[],
): { apps: GroupApp[]; nodes: Map<string, GroupNode> } {
  const apps: GroupApp[] = [];
  const nodes = new Map<string, GroupNode>();
  const visit = (node: unknown, base: string, path: string, depth: number) => {
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      details.push({ path: path || "/", errors: ["must be an object"] });
      return;
    }
    if (depth > MAX_GROUP_DEPTH) {
      details.push({ path, errors: [`groups nest at most ${MAX_GROUP_DEPTH} deep (an id holds at most 255 characters)`] });
      return;
    }
    const g = node as { id?: unknown; apps?: unknown; groups?: unknown };
    let here = base;
    if (g.id !== undefined && path !== "") {
      const r = typeof g.id === "string" ? parseAppId(g.id, base) : { ok: false as const, error: "must be a string" };
      if (!r.ok) details.push({ path: `${path}/id`, errors: [r.error] });
      else here = r.id;
    }
    if (here !== groupId && groupId !== "/" && !here.startsWith(`${groupId}/`)) {
      details.push({ path: `${path}/id`, errors: [`${here} is not inside ${groupId}`] });
    }
    const appsGiven = g.apps !== undefined && g.apps !== null;
    const groupsGiven = g.groups !== undefined && g.groups !== null;
    nodes.set(here, { id: here, appsGiven, groupsGiven });
    if (appsGiven) {
      if (!Array.isArray(g.apps)) details.push({ path: `${path}/apps`, errors: ["must be an array"] });
      else
        g.apps.forEach((a: unknown, i) => {
          const id = (a as { id?: unknown } | null)?.id;
          const r = typeof id === "string" ? parseAppId(id, here) : { ok: false as const, error: "is required" };
          if (!r.ok) details.push({ path: `${path}/apps/${i}/id`, errors: [r.error] });
          else apps.push({ id: r.id, raw: { ...(a as object), id: r.id }, path: `${path}/apps/${i}` });
        });
    }
    if (groupsGiven) {
      if (!Array.isArray(g.groups)) details.push({ path: `${path}/groups`, errors: ["must be an array"] });
      else g.groups.forEach((child: unknown, i) => visit(child, here, `${path}/groups/${i}`, depth + 1));
    }
  };
  visit(root, groupId, "", 0);
  const seen = new Set<string>();
  for (const a of apps) {
    if (groupId !== "/" && !a.id.startsWith(`${groupId}/`))
      details.push({ path: `${a.path}/id`, errors: [`${a.id} is not inside ${groupId}`] });
    if (seen.has(a.id)) details.push({ path: `${a.path}/id`, errors: [`${a.id} is given twice`] });
    seen.add(a.id);
  }
  return { apps, nodes };
}

/**
 * Whether an existing app the body does not name goes: decided by the
 * deepest group of the body that holds it. An app directly in it goes when
 * the body gives that group's `apps`; one in a subgroup the body does not
 * list goes when it gives that group's `groups`.
 */
function removal(nodes: Map<string, GroupNode>, wanted: Set<string>): (appId: string) => boolean {
  return (appId) => {
    if (wanted.has(appId)) return false;
    const parent = appId.slice(0, appId.lastIndexOf("/")) || "/";
    for (let g = parent; ; g = g.slice(0, g.lastIndexOf("/")) || "/") {
      const node = nodes.get(g);
      if (node) return g === parent ? node.appsGiven : node.groupsGiven;
      if (g === "/") return false;
    }
  };
}

/** An app's instances after a group is scaled by `factor`, as Marathon rounds: up. */
export function scaledInstances(instances: number, factor: number): number {
  return Math.ceil(instances * factor);
}
