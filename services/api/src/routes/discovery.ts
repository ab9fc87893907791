import { appKey, mayAccess, mayAdminister, teamOf, frameworkOf } from "@berth/core";
import type { FastifyInstance } from "fastify";
import type { ClusterView } from "../cluster-view.js";

/** One target group in Prometheus's http_sd format. */
export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

function hostPort(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * GET /v2/discovery/prometheus: Prometheus's HTTP service discovery. `kind=agents`
 * lists every agent's metrics endpoint; `kind=tasks` every running task's ports,
 * labelled with app, task, team and port name. Without `kind`, both.
 */
export async function discoveryRoutes(app: FastifyInstance, opts: { view: ClusterView }): Promise<void> {
  app.get<{ Querystring: { kind?: string } }>("/v2/discovery/prometheus", async (req, reply) => {
    const kind = req.query.kind ?? "all";
    if (!["all", "agents", "tasks"].includes(kind)) {
      return reply.status(400).send({ message: `kind must be agents or tasks, got '${kind}'` });
    }
    const groups: TargetGroup[] = [];
    // Agents' endpoints carry every team's containers: only an admin is told where they are.
    if (kind !== "tasks" && mayAdminister(req.principal, "read")) {
      for (const [agentId, { value }] of opts.view.agents.entriesList()) {
        const url = value.registration?.metricsUrl ?? "";
        const target = hostPort(url);
        if (!target) continue;
        groups.push({
          targets: [target],
          labels: {
            __metrics_path__: new URL(url).pathname,
            berth_kind: "agent",
            berth_agent_id: agentId,
            berth_agent_hostname: value.registration?.hostname ?? "",
          },
        });
      }
    }
    if (kind !== "agents") {
      for (const task of opts.view.tasks.values()) {
        if (task.state !== "TASK_RUNNING" || !mayAccess(req.principal, task.appId)) continue;
        const definition = opts.view.apps.get(appKey(task.appId))?.value;
        task.ports.forEach((port, i) => {
          groups.push({
            targets: [`${task.hostname}:${port}`],
            labels: {
              berth_kind: "task",
              berth_app_id: task.appId,
              berth_task_id: task.taskId,
              berth_framework: frameworkOf(task),
              berth_team: teamOf(task.appId),
              berth_agent_id: task.agentId,
              berth_port_index: String(i),
              berth_port_name: definition?.portDefinitions[i]?.name ?? "",
            },
          });
        });
      }
    }
    return groups;
  });
}
