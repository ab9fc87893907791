import { deploymentView, mayAccess, NotFoundError, progressOf } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireAccess } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import { shapeOf } from "../views.js";
import type { Deployer } from "../deployer.js";

export async function deploymentRoutes(app: FastifyInstance, opts: { view: ClusterView; deployer: Deployer }): Promise<void> {
  const { view, deployer } = opts;
  /** Another team's deployment answers as one that does not exist. */
  const visible = (req: FastifyRequest, id: string) => {
    const d = view.deployments.get(id)?.value;
    return d && d.affectedApps.every((a) => mayAccess(req.principal, a)) ? d : undefined;
  };
  const present = (req: FastifyRequest, id: string, berth: boolean) => {
    const d = visible(req, id);
    if (!d) return undefined;
    const appId = d.affectedApps[0] ?? "";
    // A group's deployment has its parts' progress each; one app's is shown with its own.
    const progress = d.status === "running" && !d.parts ? progressOf(view.apps.get(appId.slice(1))?.value, view.tasksOf(appId)) : undefined;
    return deploymentView(d, progress, berth);
  };

  /**
   * Running deployments, as Marathon; `?status=all` adds finished ones (kept a
   * week), and `embed=berth` each one's status, times, reason and progress. An
   * app's deployment that is part of a group change's is shown as that one,
   * as Marathon has one deployment per change (GET by its own id still finds it).
   */
  app.get<{ Querystring: { status?: string; embed?: string | string[] } }>("/v2/deployments", async (req) => {
    const all = req.query.status === "all";
    const { berth } = shapeOf(req.query);
    return [...view.deployments.values()]
      .filter((d) => (all || d.status === "running") && !d.partOf && visible(req, d.id))
      .sort((a, b) => a.createdAtMs - b.createdAtMs)
      .map((d) => present(req, d.id, berth || all));
  });

  /** Berth's own: one deployment, with its status, times, reason and progress (Marathon has no such endpoint). */
  app.get<{ Params: { id: string } }>("/v2/deployments/:id", async (req) => {
    const d = present(req, req.params.id, true);
    if (!d) throw new NotFoundError(`DeploymentPlan ${req.params.id} does not exist`);
    return d;
  });

  app.delete<{ Params: { id: string }; Querystring: { force?: string } }>("/v2/deployments/:id", async (req, reply) => {
    const d = visible(req, req.params.id);
    if (!d) throw new NotFoundError(`DeploymentPlan ${req.params.id} does not exist`);
    for (const appId of d.affectedApps) requireAccess(req, appId, "deploy");
    const force = req.query.force === "true";
    const rollback = await deployer.cancel(req.params.id, force);
    if (!rollback) return reply.status(202).send();
    void reply.header("Marathon-Deployment-Id", rollback.id);
    return reply.status(200).send({ deploymentId: rollback.id, version: rollback.version });
  });
}
