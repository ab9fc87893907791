import { type BusHandles, ROLE_WEIGHTS_KEY } from "@berth/bus";
import {
  ConflictError,
  type Framework,
  frameworkVisibleTo,
  type FrameworkUsage,
  MARATHON_FRAMEWORK_ID,
  mayAccess,
  marathonFramework,
  NotFoundError,
  type Principal,
  type Reservation,
  usageByFramework,
  weightOf,
} from "@berth/core";
import type { FastifyInstance } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";

const NONE: FrameworkUsage = { cpus: 0, mem: 0, disk: 0, tasks: 0 };

/**
 * GET /v2/frameworks: the schedulers that share the agents (marathon, built
 * in, and those registered), each with what it holds in all and on each
 * agent. The admin sees every framework and every booking; a team sees its
 * own frameworks and the shared ones, and only its own tasks' bookings.
 */
export async function frameworkRoutes(
  app: FastifyInstance,
  opts: { bus: BusHandles<"frameworks">; view: ClusterView; startedAtMs: number; now: () => number },
): Promise<void> {
  const { view } = opts;

  const visibleBookings = (p: Principal) =>
    view.ledgers.entriesList().map(([agentId, { value }]) => ({
      agentId,
      hostname: view.agents.get(agentId)?.value.registration?.hostname ?? "",
      reservations: value.reservations.filter((r: Reservation) => mayAccess(p, r.appId)),
    }));

  const frameworksFor = (p: Principal) => {
    const all: Framework[] = [marathonFramework(opts.startedAtMs), ...view.frameworks.values()];
    const agents = visibleBookings(p).map((a) => ({ ...a, usage: usageByFramework(a.reservations) }));
    const total = usageByFramework(agents.flatMap((a) => a.reservations));
    return all
      .filter((f) => frameworkVisibleTo(f, p))
      .map((f) => ({
        id: f.id,
        name: f.name,
        team: f.team || null,
        role: f.role,
        weight: weightOf(view.roleWeights.get(ROLE_WEIGHTS_KEY)?.value, f.role),
        failoverTimeoutSeconds: f.failoverTimeoutSeconds,
        state: f.state,
        suppressed: f.suppressed === true,
        capabilities: f.capabilities ?? [],
        registeredAt: new Date(f.registeredAtMs).toISOString(),
        updatedAt: new Date(f.updatedAtMs).toISOString(),
        used: total.get(f.id) ?? NONE,
        agents: agents.flatMap((a) => {
          const u = a.usage.get(f.id);
          return u ? [{ agentId: a.agentId, hostname: a.hostname, ...u }] : [];
        }),
      }));
  };

  app.get("/v2/frameworks", async (req) => ({ frameworks: frameworksFor(req.principal) }));

  app.get<{ Params: { id: string } }>("/v2/frameworks/:id", async (req) => {
    const found = frameworksFor(req.principal).find((f) => f.id === req.params.id);
    // Another team's framework is answered as one that does not exist: its existence is not the caller's to learn.
    if (!found) throw new NotFoundError(`Framework '${req.params.id}' does not exist`);
    return found;
  });

  /**
   * Tears a framework down: it is completed (it may not subscribe again), and
   * the scheduler-api ends its stream and kills its tasks. The admin may, and
   * a token that may deploy in the framework's team.
   */
  app.delete<{ Params: { id: string } }>("/v2/frameworks/:id", async (req, reply) => {
    const { id } = req.params;
    if (id === MARATHON_FRAMEWORK_ID)
      throw new ConflictError("The built-in marathon framework cannot be torn down: remove its apps instead");
    const found = view.frameworks.get(id)?.value;
    if (!found || !frameworkVisibleTo(found, req.principal)) throw new NotFoundError(`Framework '${id}' does not exist`);
    requireAccess(req, `/${found.team}`, "deploy");
    if (found.builtIn) throw new ConflictError(`The framework '${id}' runs the team's jobs: remove or stop its jobs instead (/v1/jobs)`);
    const now = opts.now();
    await opts.bus.frameworks.mutate(id, (cur) =>
      cur && cur.state !== "completed" ? { ...cur, state: "completed", updatedAtMs: now } : undefined,
    );
    return reply.status(202).send({ id, state: "completed", message: "Framework torn down: its tasks are being killed" });
  });
}
