import { teamOf } from "./app-id.js";
import { dockerOptions } from "./docker-parameters.js";
import { LABELS } from "./labels.js";

/** A task as the agent runs it: the protocol's TaskSpec, with its sealed env opened (`secretEnv`). */
export interface TaskSpec {
  taskId: string;
  appId: string;
  version: string;
  image: string;
  forcePullImage: boolean;
  privileged: boolean;
  cmd: string;
  args: string[];
  hasArgs: boolean;
  /** Plain env values. */
  env: Record<string, string>;
  /** Env values from the team's secret store: on the wire only sealed to the agent (`sealed_env`). */
  secretEnv: Record<string, string>;
  labels: Record<string, string>;
  user: string;
  cpus: number;
  mem: number;
  disk: number;
  ports: number[];
  portNames: string[];
  killGracePeriodSeconds: number;
  parameters: { key: string; value: string }[];
  volumes: { containerPath: string; hostPath: string; mode: string }[];
  networkMode: string;
  /** The app's health checks, as JSON. */
  healthChecksJson: string;
  pullTimeoutSeconds: number;
  /** Registry credentials for the pull, as JSON; "" for none. */
  pullAuthJson: string;
  /** The app's readiness checks as JSON, each with the host `port` of its named port. */
  readinessChecksJson: string;
  /** The most processes the container may hold; 0 for the agent's default. */
  pidsLimit: number;
  /** Off the host's network: the container ports bound to the host, `portMappings[i]` to `ports[i]`. */
  portMappings: { containerPort: number; protocol: string }[];
  /** Files the agent downloads into the sandbox before the task starts. */
  fetch: { uri: string; extract: boolean; executable: boolean; cache: boolean; destPath: string }[];
  /** A pod instance's containers, first to last; empty for an app's task. */
  members: PodMemberSpec[];
}

/** One container of a pod instance; the task's env, labels, ports and checks are the whole pod's. */
export interface PodMemberSpec {
  name: string;
  image: string;
  forcePull: boolean;
  cmd: string;
  args: string[];
  hasArgs: boolean;
  env: Record<string, string>;
  cpus: number;
  mem: number;
  user: string;
  mounts: { containerPath: string; hostPath: string; sandboxDir: string; readOnly: boolean }[];
}

/** What to ask the container runtime for: Docker's create options, as plain data. */
export interface ContainerSpec {
  name: string;
  image: string;
  entrypoint?: string[];
  cmd?: string[];
  env: string[];
  labels: Record<string, string>;
  user?: string;
  networkMode: string;
  cpuShares: number;
  memoryBytes: number;
  privileged: boolean;
  binds: string[];
  /** containerPort/protocol → host port, for bridge networking only. */
  portBindings: Record<string, { hostPort: string }[]>;
  stopTimeoutSeconds: number;
  /** Always ["no-new-privileges"]: no process in the container gains privileges it did not start with. */
  securityOpt: string[];
  pidsLimit: number;
  capAdd: string[];
  capDrop: string[];
  init?: boolean;
  readonlyRootfs?: boolean;
  tmpfs: Record<string, string>;
  shmSizeBytes?: number;
  workingDir?: string;
  ulimits: { name: string; soft: number; hard: number }[];
  stopSignal?: string;
  /** Docker's log driver and its options; Docker's default (json-file) when absent. */
  logConfig?: { type: string; config: Record<string, string> };
  extraHosts: string[];
  hostname?: string;
  dns: string[];
  dnsSearch: string[];
  /** Memory and swap together; equal to memoryBytes (no swap) unless the app asks with memory-swap. */
  memorySwapBytes: number;
  memoryReservationBytes?: number;
  /** Microseconds of CPU per 100 ms period: a hard cap, beside the shares. */
  cpuQuota?: number;
}

/**
 * The capabilities a task starts with: Docker's defaults less those a service
 * seldom needs and an attacker on a shared host does. NET_RAW, above all: under
 * host networking a raw socket reads every process's loopback traffic. Also
 * gone: MKNOD, AUDIT_WRITE, SETFCAP, SYS_CHROOT. An app drops more with
 * `cap-drop` and adds (within its team's policy) with `cap-add`.
 */
export const TASK_CAPABILITIES = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE", "SETGID", "SETPCAP", "SETUID"];

/**
 * What Docker is told: drop ALL, then add exactly the task's set. The app's
 * `cap-drop` takes from the starting set, its `cap-add` adds (ALL means all).
 */
export function taskCapabilities(capAdd: readonly string[], capDrop: readonly string[]): { capAdd: string[]; capDrop: string[] } {
  if (capAdd.includes("ALL")) return { capAdd: ["ALL"], capDrop: [] };
  const start = capDrop.includes("ALL") ? [] : TASK_CAPABILITIES.filter((c) => !capDrop.includes(c));
  return { capAdd: [...new Set([...start, ...capAdd])].sort(), capDrop: ["ALL"] };
}

export const MIN_CPU_SHARES = 2;
export const MIN_MEMORY_MIB = 32;
/** The pids limit when a task carries none. */
export const DEFAULT_PIDS_LIMIT = 1024;
const MIB = 1024 * 1024;

export function cpuShares(cpus: number): number {
  return Math.max(Math.round(1024 * cpus), MIN_CPU_SHARES);
}

/** The memory a task holds: what it is given (at least MIN_MEMORY_MIB), so that is what is booked on agents and quotas. */
export function heldMemMiB(memMiB: number): number {
  return Math.max(memMiB, MIN_MEMORY_MIB);
}

export function memoryLimitBytes(memMiB: number): number {
  return Math.round(Math.max(memMiB, MIN_MEMORY_MIB) * MIB);
}

export function containerName(taskId: string): string {
  return `berth-${taskId}`;
}

/** The environment Marathon gives a task: ports, host, app and task ids, resources and labels. */
export function taskEnvironment(task: TaskSpec, host: string): Record<string, string> {
  const env: Record<string, string> = {
    HOST: host,
    MARATHON_APP_ID: task.appId,
    MARATHON_APP_VERSION: task.version,
    MARATHON_APP_DOCKER_IMAGE: task.image,
    MARATHON_APP_RESOURCE_CPUS: String(task.cpus),
    MARATHON_APP_RESOURCE_MEM: String(task.mem),
    MARATHON_APP_RESOURCE_DISK: String(task.disk),
    MARATHON_APP_RESOURCE_GPUS: "0",
    MESOS_TASK_ID: task.taskId,
    MARATHON_APP_LABELS: Object.keys(task.labels).map(labelEnvName).join(" "),
  };
  for (const [k, v] of Object.entries(task.labels)) env[`MARATHON_APP_LABEL_${labelEnvName(k)}`] = v;
  if (task.ports.length > 0) {
    env.PORTS = task.ports.join(",");
    env.PORT = String(task.ports[0]);
  }
  task.ports.forEach((port, i) => {
    env[`PORT${i}`] = String(port);
    const name = task.portNames[i];
    if (name) env[`PORT_${labelEnvName(name)}`] = String(port);
  });
  return { ...env, ...task.env, ...task.secretEnv };
}

function labelEnvName(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

/**
 * Translates a task into Docker's terms: CPU shares, memory limit, host networking, labels, command,
 * and the hardening every task gets. Throws when a docker parameter cannot be read.
 */
/** Where a command task's sandbox is mounted, and what MESOS_SANDBOX says, as under Mesos's Docker containerizer. */
export const SANDBOX_PATH = "/mnt/mesos/sandbox";

export function containerSpec(task: TaskSpec, agent: { agentId: string; hostname: string; sandbox?: string }): ContainerSpec {
  const read = dockerOptions(task.parameters);
  if (!read.ok) throw new Error(`invalid docker parameters: ${read.errors.map((e) => e.error).join("; ")}`);
  const o = read.options;
  // The parameters' env first, so the app's own env (and Marathon's variables) are what a name ends up with.
  const env = {
    ...Object.fromEntries(o.env.map((e) => e.split(/=(.*)/s))),
    ...(agent.sandbox ? { MESOS_SANDBOX: SANDBOX_PATH } : {}),
    ...taskEnvironment(task, agent.hostname),
  };
  const spec: ContainerSpec = {
    name: containerName(task.taskId),
    image: task.image,
    env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    labels: {
      ...o.labels,
      [LABELS.managed]: "true",
      [LABELS.agent]: agent.agentId,
      [LABELS.app]: task.appId,
      [LABELS.task]: task.taskId,
      [LABELS.version]: task.version,
      [LABELS.team]: teamOf(task.appId),
      [LABELS.ports]: task.ports.join(","),
      [LABELS.killGrace]: String(task.killGracePeriodSeconds),
      [LABELS.disk]: String(task.disk),
      ...(task.healthChecksJson ? { [LABELS.healthChecks]: task.healthChecksJson } : {}),
      ...(task.readinessChecksJson ? { [LABELS.readinessChecks]: task.readinessChecksJson } : {}),
    },
    networkMode: task.networkMode || "host",
    cpuShares: cpuShares(task.cpus),
    memoryBytes: memoryLimitBytes(task.mem),
    memorySwapBytes: Math.max(o.memorySwapBytes ?? 0, memoryLimitBytes(task.mem)),
    privileged: task.privileged,
    binds: [
      ...(agent.sandbox ? [`${agent.sandbox}:${SANDBOX_PATH}:rw`] : []),
      ...task.volumes.filter((v) => v.hostPath !== "").map((v) => `${v.hostPath}:${v.containerPath}:${v.mode === "RO" ? "ro" : "rw"}`),
    ],
    // A task checkpointed before port mappings were carried has none.
    portBindings: portBindings(task.portMappings ?? [], task.ports),
    stopTimeoutSeconds: task.killGracePeriodSeconds,
    securityOpt: ["no-new-privileges"],
    pidsLimit: Math.min(o.pidsLimit ?? Infinity, task.pidsLimit > 0 ? task.pidsLimit : DEFAULT_PIDS_LIMIT),
    ...taskCapabilities(o.capAdd, o.capDrop),
    tmpfs: o.tmpfs,
    ulimits: o.ulimits,
    extraHosts: o.extraHosts,
    dns: o.dns,
    dnsSearch: o.dnsSearch,
  };
  if (o.logDriver !== undefined || Object.keys(o.logOptions).length > 0) {
    spec.logConfig = { type: o.logDriver ?? "json-file", config: o.logOptions };
  }
  if (o.hostname !== undefined) spec.hostname = o.hostname;
  if (o.memoryReservationBytes !== undefined) spec.memoryReservationBytes = o.memoryReservationBytes;
  if (o.cpuQuota !== undefined) spec.cpuQuota = o.cpuQuota;
  if (o.init !== undefined) spec.init = o.init;
  if (o.readOnly !== undefined) spec.readonlyRootfs = o.readOnly;
  if (o.shmSizeBytes !== undefined) spec.shmSizeBytes = o.shmSizeBytes;
  if (o.workdir !== undefined) spec.workingDir = o.workdir;
  else if (agent.sandbox) spec.workingDir = SANDBOX_PATH;
  if (o.stopSignal !== undefined) spec.stopSignal = o.stopSignal;
  if (task.cmd) {
    spec.entrypoint = ["/bin/sh", "-c"];
    spec.cmd = [task.cmd];
  } else if (task.hasArgs) {
    spec.cmd = [...task.args];
  }
  const user = task.user || o.user;
  if (user) spec.user = user;
  return spec;
}

/** Each mapped container port (0: the same as its host port) bound to the host port the placement gave it. */
function portBindings(
  mappings: readonly { containerPort: number; protocol: string }[],
  hostPorts: readonly number[],
): ContainerSpec["portBindings"] {
  const bindings: ContainerSpec["portBindings"] = {};
  mappings.forEach((m, i) => {
    const host = hostPorts[i];
    if (host === undefined) return;
    for (const proto of m.protocol.split(",")) {
      const containerPort = m.containerPort === 0 ? host : m.containerPort;
      bindings[`${containerPort}/${proto}`] = [{ hostPort: String(host) }];
    }
  });
  return bindings;
}
