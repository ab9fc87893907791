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
 * Decides launches and kills for one app. `app` undefined means the app was
 * deleted: every task is stopped. A change of configuration replaces old tasks
 * one for one as new ones reach RUNNING, so capacity never drops below `instances`.
 */
export function planApp(app: AppDefinition | undefined, tasks: readonly TaskRecord[]): AppPlan {
  const ended = tasks.filter((t) => isTerminal(t.state));
  const plan: AppPlan = {
    launch: 0,
    kill: [],
    expunge: ended.map((t) => t.taskId),
    failed: ended.filter((t) => t.goal !== "KILL" && isFailure(t.state)),
  };
  const wanted = tasks.filter(isWanted);
  if (!app) {
    plan.kill = wanted.map((t) => ({ taskId: t.taskId, reason: "app deleted" }));
    return plan;
  }
  const current = app.versionInfo.lastConfigChangeAt;
  const fresh = wanted.filter((t) => t.configVersion === current);
  const old = wanted.filter((t) => t.configVersion !== current);

  plan.launch = Math.max(0, app.instances - fresh.length);
  const extraFresh = Math.max(0, fresh.length - app.instances);
  for (const t of killOrder(fresh, app.killSelection).slice(0, extraFresh)) {
    plan.kill.push({ taskId: t.taskId, reason: "scaled down" });
  }
  const freshRunning = fresh.filter((t) => t.state === "TASK_RUNNING").length;
  const oldToKeep = Math.max(0, app.instances - Math.min(freshRunning, app.instances));
  for (const t of killOrder(old, app.killSelection).slice(0, Math.max(0, old.length - oldToKeep))) {
    plan.kill.push({ taskId: t.taskId, reason: "replaced by a new version" });
  }
  return plan;
}

/** Tasks not yet running go first; then by killSelection on their staging time. */
export function killOrder(tasks: readonly TaskRecord[], selection: KillSelection): TaskRecord[] {
  return [...tasks].sort((a, b) => {
    const ra = a.state === "TASK_RUNNING" ? 1 : 0;
    const rb = b.state === "TASK_RUNNING" ? 1 : 0;
    if (ra !== rb) return ra - rb;
    const byAge = selection === "YOUNGEST_FIRST" ? b.stagedAtMs - a.stagedAtMs : a.stagedAtMs - b.stagedAtMs;
    return byAge !== 0 ? byAge : a.taskId.localeCompare(b.taskId);
  });
}
