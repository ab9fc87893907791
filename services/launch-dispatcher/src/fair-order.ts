import { type AgentLedger, type AgentRecord, clusterTotal, type KvCache, ROLE_WEIGHTS_KEY } from "@berth/bus";
import { fairOrder, marathonRole, roleClaims, type RoleWeights, teamOf, weightOf } from "@berth/core";

/**
 * The order in which apps waiting for room are served: by their team's
 * Marathon role (core's `marathonRole`), lowest weighted dominant share of
 * the cluster first, as every agent's ledger and the admin's weights have it
 * now; apps of one role in the order they came.
 */
export function appFairOrder(views: {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  roleWeights: KvCache<RoleWeights>;
}): (appIds: readonly string[]) => string[] {
  return (appIds) => {
    const weights = views.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
    const claims = roleClaims(
      [],
      [...views.ledgers.values()].flatMap((l) => l.reservations),
      weights,
    );
    const claimOf = (appId: string) => {
      const role = marathonRole(teamOf(appId));
      return { appId, ...(claims.get(role) ?? { role, weight: weightOf(weights, role), used: { cpus: 0, mem: 0, disk: 0 } }) };
    };
    return fairOrder(appIds.map(claimOf), clusterTotal(views.agents.values())).map((c) => c.appId);
  };
}
