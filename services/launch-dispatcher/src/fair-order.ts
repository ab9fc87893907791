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
 * A fair round's plan, from each role's claim now (every agent's ledger and
 * the admin's weights, read once): the apps in the order their team's
 * Marathon role (core's `marathonRole`) is served, lowest weighted dominant
 * share of the cluster first, apps of one role in the order they came; and
 * whether a framework that wants offers (subscribed, not suppressed) holds a
 * lower share than the first app's role, so is owed freed room first.
 */
export function fairRoundPlan(views: FairViews): (appIds: readonly string[]) => { order: string[]; yieldFirst: boolean } {
  return (appIds) => {
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
    const total = clusterTotal(views.agents.values());
    const order = fairOrder(
      appIds.map((appId) => ({ appId, ...claimOf(appId) })),
      total,
    ).map((c) => c.appId);
    const frameworkRoles = new Set(wanting.map((f) => f.role));
    const frameworkClaims = [...claims.values()].filter((c) => frameworkRoles.has(c.role));
    const first = order[0];
    return { order, yieldFirst: first !== undefined && someRoleBelow(claimOf(first), frameworkClaims, total) };
  };
}
