import { teamOf } from "./app-id.js";

/** Who a request acts for: an operator with every right, or one team. */
export type Principal = { role: "admin"; name: string } | { role: "team"; team: string; name: string };

/** A token as stored: only its hash is the key; the token itself is shown once, when it is made. */
export interface TokenRecord {
  /** A short, public handle for listing and revoking: the first 12 hex digits of the hash. */
  id: string;
  name: string;
  role: "admin" | "team";
  team?: string;
  createdAtMs: number;
}

export function principalOf(t: TokenRecord): Principal {
  return t.role === "admin" ? { role: "admin", name: t.name } : { role: "team", team: t.team ?? "", name: t.name };
}

/** A team reaches the apps, tasks, deployments and events of its own top-level group; an admin reaches all. */
export function mayAccess(p: Principal, appId: string): boolean {
  return p.role === "admin" || teamOf(appId) === p.team;
}

/** Why this principal may not touch this app, or undefined when it may. */
export function accessRefusal(p: Principal, appId: string): string | undefined {
  if (mayAccess(p, appId)) return undefined;
  return `the token of team '${p.role === "team" ? p.team : ""}' may not access '${appId}': a team reaches only apps under /${p.role === "team" ? p.team : ""}/`;
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
  add((event.appDefinition as { id?: unknown } | undefined)?.id);
  const plan = event.plan as { original?: { apps?: { id?: unknown }[] }; target?: { apps?: { id?: unknown }[] } } | undefined;
  for (const a of [...(plan?.original?.apps ?? []), ...(plan?.target?.apps ?? [])]) add(a.id);
  return ids;
}

/** A team sees an event only when everything it is about is the team's; an admin sees all. */
export function maySeeEvent(p: Principal, event: Record<string, unknown>): boolean {
  if (p.role === "admin") return true;
  const scope = eventScope(event);
  return scope.length > 0 && scope.every((id) => mayAccess(p, id));
}
