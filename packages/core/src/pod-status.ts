import type { AppDefinition } from "./app-definition.js";
import { isHealthy } from "./app-plan.js";
import { portNames } from "./app-definition.js";
import { podOf } from "./pod-definition.js";
import type { TaskRecord } from "./task-state.js";
import { isTerminal } from "./task-state.js";

/** Marathon's instance states but PENDING: an instance waiting for an agent has no task yet; the pod's `message` tells of it. */
export type PodInstanceState = "STAGING" | "STABLE" | "DEGRADED" | "TERMINAL";

/** Marathon's status of one pod instance (one Berth task): each container's state, endpoints and resources. */
export interface PodInstanceStatus {
  id: string;
  status: PodInstanceState;
  statusSince: string;
  message?: string;
  agentHostname: string;
  agentId: string;
  resources: { cpus: number; mem: number; disk: number; gpus: number };
  networks: { name?: string; addresses: string[] }[];
  containers: {
    name: string;
    status: string;
    statusSince: string;
    containerId: string;
    endpoints: { name: string; allocatedHostPort?: number; healthy?: boolean }[];
    resources: { cpus: number; mem: number; disk: number; gpus: number };
    termination?: { exitCode?: number; message: string };
    lastUpdated: string;
    lastChanged: string;
  }[];
  specReference: string;
  lastUpdated: string;
  lastChanged: string;
}

export interface PodStatus {
  id: string;
  spec: unknown;
  status: "STABLE" | "DEGRADED";
  statusSince: string;
  /** Why it is not STABLE yet, when instances wait for an agent. */
  message?: string;
  instances: PodInstanceStatus[];
  terminationHistory: { instanceID: string; startedAt?: string; terminatedAt: string; message: string }[];
  lastUpdated: string;
  lastChanged: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Where a task is in Marathon's pod-instance lifecycle. */
export function podInstanceState(t: TaskRecord, app: AppDefinition): PodInstanceState {
  if (t.goal === "KILL" || t.state === "TASK_KILLING" || isTerminal(t.state)) return "TERMINAL";
  if (t.state === "TASK_RUNNING") return isHealthy(t, app) ? "STABLE" : "DEGRADED";
  return "STAGING";
}

/** One instance of the pod as /v2/pods/{id}::status answers it. */
export function podInstanceStatus(app: AppDefinition, t: TaskRecord): PodInstanceStatus {
  const pod = podOf(app);
  const containers = pod?.containers ?? [];
  const names = portNames(app);
  const since = iso(t.startedAtMs || t.stagedAtMs);
  const updated = iso(t.updatedAtMs || t.stagedAtMs);
  const healthyOf = (container: string) => {
    const checked = containers.find((k) => k.name === container)?.healthCheck;
    return checked ? t.health.state === "HEALTHY" : undefined;
  };
  const state = podInstanceState(t, app);
  return {
    id: t.taskId,
    status: state,
    statusSince: since,
    ...(t.message ? { message: t.message } : {}),
    agentHostname: t.hostname,
    agentId: t.agentId,
    resources: { cpus: app.cpus, mem: app.mem, disk: app.disk, gpus: 0 },
    networks: (pod?.networks ?? []).map((n) => ({
      ...(n.name ? { name: n.name } : {}),
      addresses: t.ipAddresses ?? [],
    })),
    containers: containers.map((k) => ({
      name: k.name,
      status: t.state,
      statusSince: since,
      containerId: `${t.taskId}.${k.name}`,
      endpoints: k.endpoints.map((e) => {
        const i = names.indexOf(e.name);
        const healthy = healthyOf(k.name);
        return {
          name: e.name,
          ...(i >= 0 && t.ports[i] !== undefined ? { allocatedHostPort: t.ports[i] } : {}),
          ...(healthy !== undefined ? { healthy } : {}),
        };
      }),
      resources: { ...k.resources },
      ...(isTerminal(t.state) ? { termination: { ...(t.hasExitCode ? { exitCode: t.exitCode } : {}), message: t.message } } : {}),
      lastUpdated: updated,
      lastChanged: updated,
    })),
    specReference: `/v2/pods${app.id}::versions/${t.version}`,
    lastUpdated: updated,
    lastChanged: updated,
  };
}

/**
 * Marathon's pod status: STABLE when at least the wanted number of instances
 * is STABLE, else DEGRADED; the instances that run or are on their way; the
 * recent terminations: tasks that ended and are still kept, and the pod's last
 * failure (`lastFailure`, kept after its task is gone; its start is not).
 */
export function podStatus(
  app: AppDefinition,
  tasks: readonly TaskRecord[],
  nowMs: number,
  lastFailure?: { taskId: string; message: string; timestampMs: number },
  waiting?: { count: number; reasons: readonly string[] },
): PodStatus {
  const live = tasks.filter((t) => !isTerminal(t.state));
  const instances = live.map((t) => podInstanceStatus(app, t));
  const stable = instances.filter((i) => i.status === "STABLE").length;
  const changed = Math.max(Date.parse(app.version) || 0, ...tasks.map((t) => t.updatedAtMs));
  return {
    id: app.id,
    spec: podOf(app),
    status: stable >= app.instances ? "STABLE" : "DEGRADED",
    statusSince: iso(changed),
    ...(waiting && waiting.count > 0
      ? {
          message:
            `${waiting.count} instance(s) wait in the launch queue` + (waiting.reasons.length > 0 ? `: ${waiting.reasons.join("; ")}` : ""),
        }
      : {}),
    instances,
    terminationHistory: [
      ...tasks
        .filter((t) => isTerminal(t.state))
        .map((t) => ({
          instanceID: t.taskId,
          startedAt: iso(t.startedAtMs || t.stagedAtMs),
          terminatedAt: iso(t.endedAtMs || t.updatedAtMs),
          message: t.message,
        })),
      ...(lastFailure && !tasks.some((t) => t.taskId === lastFailure.taskId)
        ? [{ instanceID: lastFailure.taskId, terminatedAt: iso(lastFailure.timestampMs), message: lastFailure.message }]
        : []),
    ],
    lastUpdated: iso(nowMs),
    lastChanged: iso(changed),
  };
}
