import {
  type AgentTaskFacts,
  type HealthCheck,
  HEALTH_UNKNOWN,
  type HealthStatus,
  LABELS,
  newAgentTask,
  type ReadinessCheck,
} from "@berth/core";
import type { WireTaskSpec } from "@berth/bus";
import type { ContainerState } from "../runtime/container-runtime.js";
import type { MemberContainer } from "./task-containers.js";

/** A task as this agent holds it, from its launch command or, after a restart, from its container's labels. */
export interface LocalTask {
  taskId: string;
  appId: string;
  version: string;
  image: string;
  networkMode: string;
  /** Where it is in its life (agentTaskStep decides what follows). */
  life: AgentTaskFacts;
  containerId: string;
  pid: number;
  graceSeconds: number;
  ports: number[];
  healthChecks: HealthCheck[];
  startedAtMs: number;
  /** The disk limit in MiB; 0 for none. */
  diskMiB: number;
  readinessChecks: (ReadinessCheck & { port: number })[];
  health: HealthStatus;
  /** The container's own addresses, once it runs off the host's network. */
  ipAddresses: string[];
  /** A pod instance's containers after its first (which is `containerId`). */
  members: MemberContainer[];
}

function parseJsonList<T>(json: string | undefined): T[] {
  if (!json) return [];
  try {
    return JSON.parse(json) as T[];
  } catch {
    return [];
  }
}

/** What every task starts with, whichever way it came. */
function fresh(): Pick<LocalTask, "health"> {
  return { health: { ...HEALTH_UNKNOWN } };
}

/** A task its launch command brings, before anything of it runs. */
export function taskFromSpec(spec: WireTaskSpec): LocalTask {
  return {
    ...fresh(),
    taskId: spec.taskId,
    appId: spec.appId,
    version: spec.version,
    image: spec.image,
    networkMode: spec.networkMode || "host",
    life: newAgentTask("launching"),
    containerId: "",
    pid: 0,
    graceSeconds: spec.killGracePeriodSeconds,
    ports: [...spec.ports],
    healthChecks: parseJsonList<HealthCheck>(spec.healthChecksJson),
    startedAtMs: 0,
    diskMiB: spec.disk,
    readinessChecks: parseJsonList(spec.readinessChecksJson),
    ipAddresses: [],
    members: [],
  };
}

/** A task taken back after a restart, from what its (first) container's labels say. */
export function taskFromContainer(c: ContainerState, taskId: string, members: MemberContainer[]): LocalTask {
  return {
    ...fresh(),
    taskId,
    appId: c.labels[LABELS.app] ?? "",
    version: c.labels[LABELS.version] ?? "",
    image: c.image,
    networkMode: c.networkMode,
    // As the agent last knew it: a container only created was still launching; any other had been started.
    life: newAgentTask(c.status === "created" ? "launching" : "running"),
    containerId: c.id,
    pid: c.pid,
    graceSeconds: Number(c.labels[LABELS.killGrace] ?? 10),
    ports: (c.labels[LABELS.ports] ?? "").split(",").filter(Boolean).map(Number),
    healthChecks: parseJsonList<HealthCheck>(c.labels[LABELS.healthChecks]),
    startedAtMs: Date.parse(c.startedAt) || Date.now(),
    diskMiB: Number(c.labels[LABELS.disk] ?? 0) || 0,
    readinessChecks: parseJsonList(c.labels[LABELS.readinessChecks]),
    ipAddresses: c.ipAddresses,
    members,
  };
}

/** What metrics and disk checks need of a running task. */
export interface RunningContainer {
  taskId: string;
  appId: string;
  version: string;
  image: string;
  networkMode: string;
  containerId: string;
  pid: number;
  diskMiB: number;
}

export function runningContainer(t: LocalTask): RunningContainer {
  const { taskId, appId, version, image, networkMode, containerId, pid, diskMiB } = t;
  return { taskId, appId, version, image, networkMode, containerId, pid, diskMiB };
}
