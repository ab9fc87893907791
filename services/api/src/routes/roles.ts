import { type BusHandles, clusterTotal, ROLE_WEIGHTS_KEY } from "@berth/bus";
import { marathonFramework, parseRoleWeight, roleClaims, ValidationError, weightedDominantShare, weightOf, withWeight } from "@berth/core";
import type { FastifyInstance } from "fastify";
import { requireAdmin } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";

/**
 * The roles frameworks share the agents in, for the admin: each role's
 * weight, its frameworks, what they hold and its weighted dominant share of
 * the cluster (the lowest is served first when frameworks compete). The admin
 * sets a role's weight with PUT and sets it back to 1 with DELETE.
 */
export async function roleRoutes(
  app: FastifyInstance,
  opts: { bus: BusHandles<"roleWeights">; view: ClusterView; startedAtMs: number },
): Promise<void> {
  const { view } = opts;
  const weights = () => view.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
  /** Sets a role's weight (undefined: back to the default), and answers once this api's view has it. */
  const set = async (role: string, weight: number | undefined) => {
    const r = await opts.bus.roleWeights.mutate(ROLE_WEIGHTS_KEY, (cur) =>
      weightOf(cur, role) === (weight ?? weightOf(undefined, role)) ? undefined : withWeight(cur, role, weight),
    );
    if (r.changed) await view.roleWeights.waitFor(r.revision);
  };

  app.get("/v2/roles", async (req) => {
    requireAdmin(req, "Listing roles", "read");
    const claims = roleClaims(
      [marathonFramework(opts.startedAtMs), ...view.frameworks.values()].filter((f) => f.state !== "completed"),
      [...view.ledgers.values()].flatMap((l) => l.reservations),
      weights(),
    );
    // Roles weighed by the admin are listed whether or not a framework holds their share yet.
    for (const role of Object.keys(weights()?.weights ?? {})) {
      if (!claims.has(role))
        claims.set(role, { role, weight: weightOf(weights(), role), used: { cpus: 0, mem: 0, disk: 0 }, frameworks: [] });
    }
    const total = clusterTotal(view.agents.values());
    return {
      roles: [...claims.values()]
        .sort((a, b) => a.role.localeCompare(b.role))
        .map((c) => ({ ...c, share: Math.round(weightedDominantShare(c, total) * 10_000) / 10_000 })),
    };
  });

  app.put<{ Params: { role: string }; Body: unknown }>("/v2/roles/:role", async (req) => {
    requireAdmin(req, "Setting a role's weight");
    const { role } = req.params;
    const r = parseRoleWeight(role, req.body);
    if (!r.ok) throw new ValidationError(r.details, "Invalid role weight");
    await set(role, r.weight);
    return { role, weight: r.weight };
  });

  app.delete<{ Params: { role: string } }>("/v2/roles/:role", async (req) => {
    requireAdmin(req, "Setting a role's weight");
    const { role } = req.params;
    await set(role, undefined);
    return { role, weight: weightOf(weights(), role) };
  });
}
