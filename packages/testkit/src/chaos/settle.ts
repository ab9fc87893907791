import type { ApiClient } from "./client.js";
import { replayStatuses, type ToldStatus } from "./event-follower.js";
import { runningContainers } from "./watchers.js";
import { APP_CPUS, APP_MEM, type AppState } from "./workload.js";

interface AppView {
  app?: { instances: number; labels?: Record<string, string> };
}
interface TaskView {
  id: string;
  appId: string;
  state: string;
}

const matches = (candidates: AppState[], seen: { instances: number; version: number } | undefined) =>
  seen === undefined
    ? candidates.some((c) => c.deleted)
    : candidates.some((c) => !c.deleted && c.instances === seen.instances && c.version === seen.version);

export interface Booked {
  cpus: number;
  mem: number;
  tasks: number;
}

/** What keeps the cluster from being settled: empty once every check below holds. */
async function unsettled(
  admin: ApiClient,
  agentIds: readonly string[],
  expected: ReadonlyMap<string, AppState[]>,
  bookedBefore: ReadonlyMap<string, Booked>,
  explain?: (app: string) => readonly string[] | undefined,
): Promise<string[]> {
  const out: string[] = [];
  const running = await runningContainers(agentIds);
  const tasks = await admin.call<{ tasks?: TaskView[] }>("GET", "/v2/tasks");
  if (tasks.status !== 200 || !tasks.body.tasks) return [`GET /v2/tasks answered ${tasks.status}`];
  for (const [app, candidates] of expected) {
    const got = await admin.call<AppView>("GET", `/v2/apps${app}`);
    if (got.status !== 200 && got.status !== 404) return [`GET /v2/apps${app} answered ${got.status}`];
    const seen = got.body.app
      ? { instances: got.body.app.instances, version: Number(got.body.app.labels?.CHAOS_VERSION ?? -1) }
      : undefined;
    if (!matches(candidates, seen)) {
      const trail = explain?.(app) ?? [];
      out.push(
        `${app} is ${JSON.stringify(seen ?? "gone")}, but the changes acknowledged leave it ${JSON.stringify(candidates)}${
          trail.length ? `; its last changes: ${trail.join("; ")}` : ""
        }`,
      );
    }
    const own = tasks.body.tasks.filter((t) => t.appId === app);
    const want = seen?.instances ?? 0;
    if (own.length !== want || own.some((t) => t.state !== "TASK_RUNNING")) {
      out.push(`${app}: the API lists ${own.map((t) => t.state).join(",") || "no tasks"}, ${want} wanted running`);
    }
    const containers = running.filter((c) => c.app === app).map((c) => c.task);
    if (
      containers.sort().join() !==
      own
        .map((t) => t.id)
        .sort()
        .join()
    ) {
      out.push(`${app}: Docker runs ${containers.length} (${containers.join(",")}), the API lists ${own.map((t) => t.id).join(",")}`);
    }
  }
  const deployments = await admin.call<unknown[]>("GET", "/v2/deployments");
  if (!Array.isArray(deployments.body) || deployments.body.length > 0) {
    out.push(`deployments left: ${JSON.stringify(deployments.body).slice(0, 300)}`);
  }
  const ledgers = await booked(admin, agentIds);
  for (const agentId of agentIds) {
    out.push(...ledgerOff(agentId, bookedBefore.get(agentId), ledgers.get(agentId), running.filter((c) => c.agent === agentId).length));
  }
  return out;
}

/** cpus, mem and tasks booked on each agent named. */
export async function booked(admin: ApiClient, agentIds: readonly string[]): Promise<Map<string, Booked>> {
  const r = await admin.call<{
    agents: { id: string; resources: Record<string, number>; unreserved: Record<string, number>; tasks: number }[];
  }>("GET", "/v2/agents");
  return new Map(
    agentIds.map((agentId) => {
      const a = r.body.agents.find((x) => x.id === agentId);
      if (!a) throw new Error(`agent ${agentId} not listed`);
      return [agentId, { cpus: a.resources.cpus! - a.unreserved.cpus!, mem: a.resources.mem! - a.unreserved.mem!, tasks: a.tasks }];
    }),
  );
}

/**
 * Waits for the cluster to settle after the faults: every app as its
 * acknowledged changes left it, the API and Docker agreeing, no deployment
 * left, each agent's ledger booking exactly its running tasks (bookings of
 * tasks gone while the offer-handler was away are freed by its cleanup, within
 * 90 s). Answers what never did.
 */
export async function settle(
  admin: ApiClient,
  agentIds: readonly string[],
  expected: ReadonlyMap<string, AppState[]>,
  bookedBefore: ReadonlyMap<string, Booked>,
  timeoutMs: number,
  explain?: (app: string) => readonly string[] | undefined,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let left: string[] = [];
  while (Date.now() < deadline) {
    left = await unsettled(admin, agentIds, expected, bookedBefore, explain).catch((err: unknown) => [String(err)]);
    if (left.length === 0) return [];
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return left.map((l) => `not settled after ${timeoutMs / 1000} s: ${l}`);
}

/** An agent's ledger books exactly its running tasks' resources (beyond what it booked at the start). */
function ledgerOff(agentId: string, before: Booked | undefined, now: Booked | undefined, running: number): string[] {
  if (!before || !now) return [`agent ${agentId} is not listed`];
  const want = { cpus: before.cpus + running * APP_CPUS, mem: before.mem + running * APP_MEM, tasks: before.tasks + running };
  const off = Math.abs(now.cpus - want.cpus) > 1e-6 || Math.abs(now.mem - want.mem) > 1e-6 || now.tasks !== want.tasks;
  return off ? [`agent ${agentId}'s ledger books ${JSON.stringify(now)}, its running tasks ${JSON.stringify(want)}`] : [];
}

/**
 * The followed stream told exactly what a reader from the start reads, in the same order: each status
 * change once (a task may go away and come back, TASK_UNREACHABLE then TASK_RUNNING, again and again;
 * it is never told the status it already has).
 */
export async function eventViolations(apiUrl: string, token: string, followed: readonly ToldStatus[]): Promise<string[]> {
  const last = followed.at(-1);
  if (!last) return ["/v2/events told no status change at all"];
  const replay = await replayStatuses(apiUrl, token, last.id);
  const out: string[] = [];
  const lastOf = new Map<string, ToldStatus>();
  for (const s of followed) {
    const before = lastOf.get(s.taskId);
    if (before?.status === s.status) out.push(`/v2/events told ${s.taskId} ${s.status} twice (as ${before.id} and ${s.id})`);
    lastOf.set(s.taskId, s);
  }
  const key = (s: ToldStatus) => `${s.id} ${s.taskId} ${s.status}`;
  const a = followed.map(key);
  const b = replay.map(key);
  const i = a.findIndex((x, n) => x !== b[n]);
  if (i < 0 && a.length === b.length) return out;
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return [
    ...out,
    `the followed stream differs from a replay at its event ${at}: followed ${a[at] ?? "nothing"}, replay ${b[at] ?? "nothing"}`,
  ];
}
