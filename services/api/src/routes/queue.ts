import type { BusHandles } from "@berth/bus";
import { appKey, mayAccess, NotFoundError, podOf } from "@berth/core";
import { definitionView, shapeOf } from "../views.js";
import { requireAccess } from "../auth.js";
import type { FastifyInstance } from "fastify";
import type { ClusterView } from "../cluster-view.js";
import { appIdFrom } from "./apps.js";

/** GET /v2/queue: launches that wait, with the delay and why offers did not fit. */
export async function queueRoutes(
  app: FastifyInstance,
  opts: { bus: BusHandles<"backoff">; view: ClusterView; now: () => number },
): Promise<void> {
  const { view } = opts;
  app.get<{ Querystring: { embed?: string | string[] } }>("/v2/queue", async (req) => {
    const now = opts.now();
    const { berth } = shapeOf(req.query);
    const queue = [...view.queue.values()]
      .filter((q) => mayAccess(req.principal, q.appId))
      .map((q) => {
        const definition = view.apps.get(appKey(q.appId))?.value;
        const delaySeconds = Math.max(0, Math.ceil((q.delayUntilMs - now) / 1000));
        return {
          count: q.count,
          delay: { timeLeftSeconds: delaySeconds, overdue: delaySeconds === 0 },
          since: new Date(q.sinceMs).toISOString(),
          // A pod waits as itself, as in Marathon's queue.
          ...(definition?.pod ? { pod: podOf(definition) } : { app: definition ? definitionView(definition) : { id: q.appId } }),
          // Per reason, how many agents refused the launch (Berth's form of Marathon's processedOffersSummary).
          ...(berth ? { reasons: q.reasons } : {}),
          processedOffersSummary: { rejectSummaryLastOffers: q.reasons.map((reason) => ({ reason })) },
        };
      });
    return { queue };
  });

  app.delete<{ Params: { "*": string } }>("/v2/queue/*", async (req, reply) => {
    const path = req.params["*"].replace(/\/+$/, "");
    if (!path.endsWith("/delay")) throw new NotFoundError(`No route for DELETE ${req.url}`);
    const id = appIdFrom(path.slice(0, -"/delay".length));
    requireAccess(req, id, "deploy");
    if (!view.apps.get(appKey(id))) throw new NotFoundError(`App '${id}' does not exist`);
    await opts.bus.backoff.mutate(appKey(id), (cur) => (cur ? { ...cur, failures: 0 } : undefined));
    return reply.status(204).send();
  });
}
