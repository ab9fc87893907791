import type { FastifyInstance } from "fastify";
import type { ClusterView } from "../cluster-view.js";
import { taskView } from "../views.js";

const STATUS_TO_STATES: Record<string, readonly string[]> = {
  running: ["TASK_RUNNING"],
  staging: ["TASK_STAGING", "TASK_STARTING"],
};

export async function taskRoutes(app: FastifyInstance, opts: { view: ClusterView }): Promise<void> {
  app.get<{ Querystring: { status?: string | string[] } }>("/v2/tasks", async (req) => {
    const wanted = ([] as string[]).concat(req.query.status ?? []).flatMap((s) => STATUS_TO_STATES[s.toLowerCase()] ?? [s]);
    const tasks = [...opts.view.tasks.values()].filter((t) => wanted.length === 0 || wanted.includes(t.state));
    return { tasks: tasks.map(taskView) };
  });
}
