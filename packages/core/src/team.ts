import type { AppDefinition } from "./app-definition.js";
import { Checker } from "./checker.js";
import { heldMemMiB } from "./container-spec.js";
import { DOCKER_PARAMETER_KEYS, isCapabilityName } from "./docker-parameters.js";
import type { ValidationDetail } from "./errors.js";
import { isCleanAbsolutePath } from "./paths.js";
import { DEFAULT_TASK_POLICY, MAX_PIDS_LIMIT, type TaskPolicy } from "./task-policy.js";

/** What a team may hold at once: the sum over its apps of instances × each task's resources. Absent = no limit. */
export interface Quota {
  cpus?: number;
  mem?: number;
  disk?: number;
  instances?: number;
}

export interface Usage {
  cpus: number;
  mem: number;
  disk: number;
  instances: number;
}

/** A team as the operator configures it: it owns the top-level group named by its id. */
export interface Team {
  id: string;
  quota: Quota;
  /**
   * Limits per framework, by the framework's name (`marathon` for the team's apps): what the
   * team's tasks of that framework may hold at once. A launch over one waits (Marathon's, in the
   * queue with the reason) or is refused (a framework's, which is not offered more meanwhile).
   */
  frameworkQuotas?: Record<string, Quota>;
  policy: TaskPolicy;
}

/** What each of a team's apps holds against its quota, by app id; changed only with compare-and-set. */
export interface QuotaLedger {
  apps: Record<string, Usage>;
}

export const RESOURCES = ["cpus", "mem", "disk", "instances"] as const;
const TEAM_ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ZERO: Usage = { cpus: 0, mem: 0, disk: 0, instances: 0 };

export function isTeamId(id: string): boolean {
  return id.length <= 63 && TEAM_ID.test(id);
}

/** A team with no configuration: the default policy and no quota. */
export function defaultTeam(id: string): Team {
  return { id, quota: {}, policy: { ...DEFAULT_TASK_POLICY, parameters: [...DEFAULT_TASK_POLICY.parameters] } };
}

/**
 * A team as it applies: its configuration, or the defaults; a team whose
 * configuration names no quota gets the operator's default quota, so a new
 * team cannot take the whole cluster by accident.
 */
export function effectiveTeam(id: string, configured: Team | undefined, defaultQuota: Quota): Team {
  const team = configured ?? defaultTeam(id);
  return Object.keys(team.quota).length > 0 ? team : { ...team, quota: { ...defaultQuota } };
}

/** Reads the operator's default quota (BERTH_DEFAULT_QUOTA: the JSON of a team's `quota`). */
export function parseQuota(raw: unknown): { ok: true; quota: Quota } | { ok: false; details: ValidationDetail[] } {
  const r = parseTeam("default", { quota: raw });
  return r.ok ? { ok: true, quota: r.team.quota } : r;
}

/** The operator's default quota from BERTH_DEFAULT_QUOTA's text (none when unset); throws saying what to fix. */
export function defaultQuotaFrom(text: string | undefined): Quota {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`BERTH_DEFAULT_QUOTA must be JSON such as {"cpus": 8, "mem": 16384, "instances": 50}, got '${text}'`);
  }
  const r = parseQuota(raw);
  if (!r.ok) throw new Error(`BERTH_DEFAULT_QUOTA: ${r.details.map((d) => `${d.path} ${d.errors.join("; ")}`).join(", ")}`);
  return r.quota;
}

/** What an app holds while it exists: its declared instances, each with the app's resources. */
export function footprint(app: AppDefinition | undefined): Usage {
  if (!app) return { ...ZERO };
  return {
    cpus: app.instances * app.cpus,
    mem: app.instances * heldMemMiB(app.mem),
    disk: app.instances * app.disk,
    instances: app.instances,
  };
}

/**
 * Whether a quota limits anything. A team without limits keeps no ledger (as a
 * Kubernetes namespace without a ResourceQuota tracks no usage): its usage is
 * read from its apps, and its changes book nothing.
 */
export function hasLimits(quota: Quota): boolean {
  return RESOURCES.some((r) => quota[r] !== undefined);
}

/** The ledger a team's stored apps make: each app's footprint (apps that hold nothing are left out). */
export function ledgerOfApps(apps: Iterable<AppDefinition>): QuotaLedger {
  let ledger: QuotaLedger = { apps: {} };
  for (const app of apps) {
    const r = bookQuota(ledger, {}, app.id, footprint(app));
    if (r.ok) ledger = r.ledger;
  }
  return ledger;
}

export function usageOf(ledger: QuotaLedger | undefined): Usage {
  const total = { ...ZERO };
  for (const u of Object.values(ledger?.apps ?? {})) for (const r of RESOURCES) total[r] += u[r];
  for (const r of RESOURCES) total[r] = Math.round(total[r] * 1000) / 1000;
  return total;
}

export type QuotaDecision = { ok: true; ledger: QuotaLedger } | { ok: false; reason: string };

/**
 * Books an app's new footprint on its team's ledger. A change that raises a
 * resource beyond the quota is refused, naming the quota and what is in use; a
 * change that lowers one is always allowed, even when the team is over (after
 * the operator lowered the quota, say).
 */
export function bookQuota(ledger: QuotaLedger | undefined, quota: Quota, appId: string, next: Usage): QuotaDecision {
  const apps = { ...(ledger?.apps ?? {}) };
  const before = apps[appId] ?? { ...ZERO };
  const others = usageOf({ apps: Object.fromEntries(Object.entries(apps).filter(([id]) => id !== appId)) });
  for (const r of RESOURCES) {
    const limit = quota[r];
    if (limit === undefined || next[r] <= before[r]) continue;
    const total = Math.round((others[r] + next[r]) * 1000) / 1000;
    if (total > limit) {
      return {
        ok: false,
        reason: `team quota for ${r} exceeded: the quota is ${limit}, ${Math.round((others[r] + before[r]) * 1000) / 1000} is in use, and this change needs ${Math.round(next[r] * 1000) / 1000} for ${appId}`,
      };
    }
  }
  if (next.instances === 0 && next.cpus === 0 && next.mem === 0 && next.disk === 0) delete apps[appId];
  else apps[appId] = next;
  return { ok: true, ledger: { apps } };
}

/** Reads a team's configuration from an operator's JSON; what is left out takes the default. */
export function parseTeam(id: string, raw: unknown): { ok: true; team: Team } | { ok: false; details: ValidationDetail[] } {
  const c = new Checker();
  if (!isTeamId(id)) c.fail("/id", "a team id is lower-case letters, digits and '-', at most 63 characters");
  const input = c.object("/", raw ?? {});
  const team = defaultTeam(id);
  if (!input) return { ok: false, details: c.details };
  for (const key of Object.keys(input))
    if (!["id", "quota", "frameworkQuotas", "policy"].includes(key)) c.fail(`/${key}`, "is not a field of a team");
  if (input.id !== undefined && input.id !== id) c.fail("/id", `does not match the team in the path ('${id}')`);
  if (input.quota !== undefined) team.quota = readQuota(c, "/quota", input.quota);
  const perFramework = input.frameworkQuotas === undefined ? undefined : c.object("/frameworkQuotas", input.frameworkQuotas);
  if (perFramework) {
    team.frameworkQuotas = {};
    for (const [name, raw] of Object.entries(perFramework)) {
      if (!FRAMEWORK_NAME.test(name)) c.fail(`/frameworkQuotas/${name}`, "a framework's name is 1 to 128 characters without '/' or spaces");
      else team.frameworkQuotas[name] = readQuota(c, `/frameworkQuotas/${name}`, raw);
    }
  }
  const policy = input.policy === undefined ? undefined : c.object("/policy", input.policy);
  if (policy) readPolicy(c, policy, team.policy);
  return c.ok ? { ok: true, team } : { ok: false, details: c.details };
}

/** A framework named in a team's `frameworkQuotas`: its name as it registered (`marathon` for the apps). */
const FRAMEWORK_NAME = /^[^/\s]{1,128}$/;

function readQuota(c: Checker, path: string, raw: unknown): Quota {
  const quota: Quota = {};
  for (const [key, value] of Object.entries(c.object(path, raw) ?? {})) {
    if (!(RESOURCES as readonly string[]).includes(key)) c.fail(`${path}/${key}`, `is not a quota; give ${RESOURCES.join(", ")}`);
    else if (value !== null) {
      const n = c.number(`${path}/${key}`, value, { min: 0, ...(key === "instances" ? { integer: true } : {}) });
      if (n !== undefined) quota[key as keyof Quota] = n;
    }
  }
  return quota;
}

function readPolicy(c: Checker, input: Record<string, unknown>, into: TaskPolicy): void {
  for (const key of Object.keys(input)) {
    if (!["privileged", "hostPaths", "capabilities", "parameters", "pidsLimit"].includes(key))
      c.fail(`/policy/${key}`, "is not a policy field");
  }
  if (input.privileged !== undefined) into.privileged = c.boolean("/policy/privileged", input.privileged) ?? false;
  if (input.pidsLimit !== undefined) {
    into.pidsLimit = c.number("/policy/pidsLimit", input.pidsLimit, { min: 1, max: MAX_PIDS_LIMIT, integer: true }) ?? into.pidsLimit;
  }
  const list = (key: "hostPaths" | "capabilities" | "parameters", check: (s: string) => string | undefined) => {
    if (input[key] === undefined) return;
    const items = c.array(`/policy/${key}`, input[key], 100) ?? [];
    into[key] = items.flatMap((item, i) => {
      const s = c.string(`/policy/${key}/${i}`, item, { nonEmpty: true, maxLength: 4096 });
      const error = s === undefined ? undefined : check(s);
      if (error) c.fail(`/policy/${key}/${i}`, error);
      return s === undefined || error ? [] : [s];
    });
  };
  list("hostPaths", (s) => (isCleanAbsolutePath(s) ? undefined : "must be an absolute path without '.', '..' or empty segments"));
  list("capabilities", (s) => (isCapabilityName(s) ? undefined : "must be a capability name such as NET_ADMIN, or ALL"));
  list("parameters", (s) =>
    (DOCKER_PARAMETER_KEYS as readonly string[]).includes(s) ? undefined : `Berth supports only ${DOCKER_PARAMETER_KEYS.join(", ")}`,
  );
}
