import { type AgentLedger, type AgentRecord, clusterTotal, type KvCache, ROLE_WEIGHTS_KEY } from "@berth/bus";
import { fairOrder, type Framework, marathonRole, roleClaims, type RoleWeights, someRoleBelow, teamOf, weightOf } from "@berth/core";

/** What the fair order of launches waiting for room is decided on. */
export interface FairViews {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  roleWeights: KvCache<RoleWeights>;
  frameworks: KvCache<Framework>;
}

/**
 * Each role's claim now, as every agent's ledger and the admin's weights have
 * it: Marathon's per team (core's `marathonRole`), and the roles of the
 * frameworks that want offers (subscribed, not suppressed).
 */
function claimsNow(views: FairViews) {
  const weights = views.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
  const wanting = [...views.frameworks.values()].filter((f) => f.state === "active" && !f.suppressed);
  const claims = roleClaims(
    wanting,
    [...views.ledgers.values()].flatMap((l) => l.reservations),
    weights,
  );
  const claimOf = (appId: string) => {
    const role = marathonRole(teamOf(appId));
    return claims.get(role) ?? { role, weight: weightOf(weights, role), used: { cpus: 0, mem: 0, disk: 0 } };
  };
  const frameworkRoles = new Set(wanting.map((f) => f.role));
  return {
    claimOf,
    frameworkClaims: [...claims.values()].filter((c) => frameworkRoles.has(c.role)),
    total: clusterTotal(views.agents.values()),
  };
}

/**
 * The order in which apps waiting for room are served: by their team's
 * Marathon role, lowest weighted dominant share of the cluster first; apps
 * of one role in the order they came.
 */
export function appFairOrder(views: FairViews): (appIds: readonly string[]) => string[] {
  return (appIds) => {
    const { claimOf, total } = claimsNow(views);
    return fairOrder(
      appIds.map((appId) => ({ appId, ...claimOf(appId) })),
      total,
    ).map((c) => c.appId);
  };
}

/** Whether a framework that wants offers holds a lower weighted share than the app's role: it is owed freed room first. */
export function frameworkOwedFirst(views: FairViews): (appId: string) => boolean {
  return (appId) => {
    const { claimOf, frameworkClaims, total } = claimsNow(views);
    return someRoleBelow(claimOf(appId), frameworkClaims, total);
  };
}
