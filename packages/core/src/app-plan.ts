import type { AppDefinition, KillSelection } from "./app-definition.js";
import { isFailure, isTerminal, type TaskRecord } from "./task-state.js";

export interface KillDecision {
  taskId: string;
  reason: string;
}

/** What the dispatcher must do next for one app, from its definition and its tasks. */
export interface AppPlan {
  /** How many new tasks to start now. */
  launch: number;
  kill: KillDecision[];
  /** Ended tasks to forget. */
  expunge: string[];
  /** Ended tasks that failed without being asked to stop: they feed the backoff. */
  failed: TaskRecord[];
}

/** A task counts toward `instances` while it runs or starts and nobody asked it to stop. */
export function isWanted(t: TaskRecord): boolean {
  return !isTerminal(t.state) && t.goal !== "KILL" && t.state !== "TASK_KILLING";
}

/**
 * A task that serves: running, healthy when the app has health checks, and
 * ready when it has readiness checks (they count only during deployments,
 * which is where this is asked).
 */
export function isHealthy(
  t: TaskRecord,
  app: Pick<AppDefinition, "healthChecks"> & Partial<Pick<AppDefinition, "readinessChecks">>,
): boolean {
  return (
    t.state === "TASK_RUNNING" &&
    (app.healthChecks.length === 0 || t.health.state === "HEALTHY") &&
    ((app.readinessChecks?.length ?? 0) === 0 || t.health.ready)
  );
}

/**
 * Whether a change of one task's record can change what its app's plan
 * decides. Its state, goal, version or agent always can; its health and
 * readiness count only while a deployment of the app is running (they gate
 * rolling upgrades and its progress). A task appearing or going always can.
 */
export function changesPlan(before: TaskRecord | undefined, after: TaskRecord | undefined, deploymentRunning: boolean): boolean {
  if (!before || !after) return true;
  if (
    before.state !== after.state ||
    before.goal !== after.goal ||
    before.configVersion !== after.configVersion ||
    before.agentId !== after.agentId
  ) {
    return true;
  }
  return deploymentRunning && (before.health.state !== after.health.state || before.health.ready !== after.health.ready);
}

/**
 * Decides launches and kills for one app. `app` undefined means the app was
 * deleted: every task is stopped. A change of configuration is a rolling
 * upgrade within `upgradeStrategy`: at least minimumHealthCapacity × instances
 * healthy tasks at all times, at most (1 + maximumOverCapacity) × instances
 * tasks in all; old tasks go as new ones turn healthy.
 */
export function planApp(app: AppDefinition | undefined, tasks: readonly TaskRecord[], nowMs = 0): AppPlan {
  // Unreachable tasks: replaced after inactiveAfterSeconds, forgotten after expungeAfterSeconds (unreachableStrategy).
  const strategy = app?.unreachableStrategy ?? { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 };
  const awayFor = (t: TaskRecord) => (t.state === "TASK_UNREACHABLE" && strategy !== "disabled" ? nowMs - t.updatedAtMs : -1);
  const inactive = (t: TaskRecord) => strategy !== "disabled" && awayFor(t) >= strategy.inactiveAfterSeconds * 1000;
  const expunged = tasks.filter((t) => strategy !== "disabled" && awayFor(t) >= strategy.expungeAfterSeconds * 1000);
  tasks = tasks.filter((t) => !expunged.includes(t));
  const ended = tasks.filter((t) => isTerminal(t.state));
  const plan: AppPlan = {
    launch: 0,
    kill: [],
    expunge: [...ended, ...expunged].map((t) => t.taskId),
    failed: ended.filter((t) => t.goal !== "KILL" && isFailure(t.state)),
  };
  const wanted = tasks.filter((t) => isWanted(t) && !inactive(t));
  if (!app) {
    plan.kill = wanted.map((t) => ({ taskId: t.taskId, reason: "app deleted" }));
    return plan;
  }
  const current = app.versionInfo.lastConfigChangeAt;
  const fresh = wanted.filter((t) => t.configVersion === current);
  const old = wanted.filter((t) => t.configVersion !== current);

  const n = app.instances;
  const maxTotal = n + Math.floor(n * app.upgradeStrategy.maximumOverCapacity);
  // Tasks being killed still run (and hold their resources) until they end: they count against the over-capacity.
  const dying = tasks.filter((t) => !isTerminal(t.state) && !isWanted(t)).length;
  const extraFresh = Math.max(0, fresh.length - n);
  for (const t of extraFresh === 0 ? [] : killOrder(fresh, app.killSelection, app).slice(0, extraFresh)) {
    plan.kill.push({ taskId: t.taskId, reason: "scaled down" });
  }
  if (old.length === 0) {
    // Old tasks all being killed (a change that replaced a change under way, a deleted app made again) still count.
    plan.launch = Math.max(0, Math.min(n - fresh.length, maxTotal - fresh.length - dying));
    return plan;
  }
  const minHealthy = Math.ceil(n * app.upgradeStrategy.minimumHealthCapacity);
  const freshKept = Math.min(fresh.length, n);
  const freshHealthy = Math.min(fresh.filter((t) => isHealthy(t, app)).length, n);
  const oldHealthy = old.filter((t) => isHealthy(t, app)).length;
  const oldUnhealthy = old.length - oldHealthy;
  const killOld = Math.min(old.length, oldUnhealthy + Math.max(0, oldHealthy + freshHealthy - minHealthy));
  const killed = killOrder(old, app.killSelection, app).slice(0, killOld);
  for (const t of killed) plan.kill.push({ taskId: t.taskId, reason: "replaced by a new version" });
  plan.launch = Math.max(0, Math.min(n - freshKept, maxTotal - old.length - freshKept - dying));
  return plan;
}

/** Tasks not serving (not running, or unhealthy) go first; then by killSelection on their staging time. */
export function killOrder(
  tasks: readonly TaskRecord[],
  selection: KillSelection,
  app: Pick<AppDefinition, "healthChecks"> = { healthChecks: [] },
): TaskRecord[] {
  return [...tasks].sort((a, b) => {
    const ra = isHealthy(a, app) ? 1 : 0;
    const rb = isHealthy(b, app) ? 1 : 0;
    if (ra !== rb) return ra - rb;
    const byAge = selection === "YOUNGEST_FIRST" ? b.stagedAtMs - a.stagedAtMs : a.stagedAtMs - b.stagedAtMs;
    return byAge !== 0 ? byAge : a.taskId.localeCompare(b.taskId);
  });
}
