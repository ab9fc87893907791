import { appKey, mayAccess, peakOf, sumPoints, type UsagePoint, ValidationError } from "@berth/core";
import type { FastifyInstance } from "fastify";
import type { ClusterView } from "../cluster-view.js";
import type { TaskUsageEntry, UsageHistory } from "../usage-history.js";

export interface UsageQuery {
  app?: string;
  team?: string;
  history?: string;
}

/** A point as the API shows it: cores of CPU used, the share of time throttled, bytes of memory (working set). */
const pointView = (p: UsagePoint) => ({
  timestamp: new Date(p.atMs).toISOString(),
  cpus: round(p.cpuCores),
  throttled: round(p.throttledShare),
  memBytes: Math.round(p.memoryBytes),
});
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * GET /v2/usage: what each task the caller may read uses now, its peak over the
 * window and (history=true) one point a step, with what it was given (its
 * booking: cpus, mem in MiB), and each app's totals. Filters: app (an id), team.
 */
export async function usageRoutes(
  app: FastifyInstance,
  opts: { view: ClusterView; usage: UsageHistory; now: () => number },
): Promise<void> {
  const { view, usage } = opts;
  /** Each agent's bookings by task id, for what a task was given. */
  const booked = (taskId: string, agentId: string) => view.ledgers.get(agentId)?.value.reservations.find((r) => r.taskId === taskId);

  app.get<{ Querystring: UsageQuery }>("/v2/usage", async (req) => {
    const now = opts.now();
    const q = req.query;
    const appFilter = q.app === undefined ? undefined : `/${q.app.replace(/^\/+|\/+$/g, "")}`;
    if (q.team !== undefined && !/^[a-z0-9-]+$/.test(q.team)) {
      throw new ValidationError([{ path: "/team", errors: ["must be a team's name (lowercase letters, digits, '-')"] }]);
    }
    const withHistory = q.history === "true";
    const chosen = (e: TaskUsageEntry) =>
      mayAccess(req.principal, e.appId) &&
      (appFilter === undefined || e.appId === appFilter) &&
      (q.team === undefined || e.appId.startsWith(`/${q.team}/`));
    const tasks = [...usage.entries()].filter(chosen).map((e) => {
      const points = e.series.points(now);
      const current = e.series.current();
      const record = view.tasks.get(e.taskId)?.value;
      const booking = booked(e.taskId, e.agentId);
      return {
        entry: e,
        points,
        view: {
          taskId: e.taskId,
          appId: e.appId,
          agentId: e.agentId,
          state: record?.state ?? null,
          cpus: booking?.cpus ?? null,
          mem: booking?.mem ?? null,
          memLimitBytes: e.memoryLimitBytes,
          current: current && current.atMs > now - 3 * usage.window.stepMs ? pointView(current) : null,
          peak: { cpus: round(peakOf(points).cpuCores), memBytes: Math.round(peakOf(points).memoryBytes) },
          ...(withHistory ? { history: points.map(pointView) } : {}),
        },
      };
    });
    const apps = [...new Set(tasks.map((t) => t.entry.appId))].sort().map((appId) => {
      const own = tasks.filter((t) => t.entry.appId === appId);
      const total = sumPoints(
        own.map((t) => t.points),
        usage.window.stepMs,
      );
      const live = own.flatMap((t) => (t.view.current ? [t.view.current] : []));
      const definition = view.apps.get(appKey(appId))?.value;
      return {
        appId,
        instances: definition?.instances ?? null,
        tasks: live.length,
        current: {
          cpus: round(live.reduce((a, p) => a + p.cpus, 0)),
          memBytes: live.reduce((a, p) => a + p.memBytes, 0),
        },
        peak: { cpus: round(peakOf(total).cpuCores), memBytes: Math.round(peakOf(total).memoryBytes) },
        ...(withHistory ? { history: total.map(pointView) } : {}),
      };
    });
    return {
      timestamp: new Date(now).toISOString(),
      stepSeconds: usage.window.stepMs / 1000,
      windowSeconds: usage.window.windowMs / 1000,
      tasks: tasks.map((t) => t.view),
      apps,
    };
  });
}
