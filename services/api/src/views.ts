import { type AppDefinition, isTerminal, type TaskRecord } from "@berth/core";

/** A task in Marathon's shape. */
export function taskView(t: TaskRecord): Record<string, unknown> {
  return {
    id: t.taskId,
    appId: t.appId,
    host: t.hostname,
    ports: t.ports,
    servicePorts: [],
    slaveId: t.agentId,
    stagedAt: new Date(t.stagedAtMs).toISOString(),
    startedAt: t.startedAtMs > 0 ? new Date(t.startedAtMs).toISOString() : null,
    state: t.state,
    version: t.version,
    healthCheckResults: [],
    ipAddresses: [{ ipAddress: t.hostname, protocol: "IPv4" }],
    ...(t.message ? { message: t.message } : {}),
    ...(t.goal === "KILL" && !isTerminal(t.state) ? { killRequested: true } : {}),
  };
}

export interface AppViewOptions {
  embedTasks: boolean;
  embedCounts: boolean;
}

/** An app in Marathon's shape, with the counts and (when embedded) the tasks Marathon adds on GET. */
export function appView(
  app: AppDefinition,
  tasks: readonly TaskRecord[],
  opts: AppViewOptions = { embedTasks: false, embedCounts: true },
): Record<string, unknown> {
  const live = tasks.filter((t) => !isTerminal(t.state));
  const view: Record<string, unknown> = { ...app };
  if (opts.embedCounts) {
    view.tasksStaged = live.filter((t) => t.state === "TASK_STAGING" || t.state === "TASK_STARTING").length;
    view.tasksRunning = live.filter((t) => t.state === "TASK_RUNNING").length;
    view.tasksHealthy = 0;
    view.tasksUnhealthy = 0;
    view.deployments = [];
  }
  if (opts.embedTasks) view.tasks = live.map(taskView);
  return view;
}
