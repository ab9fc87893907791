import type { HealthCheck, ReadinessCheck } from "./health-check.js";
import type { PodDefinition } from "./pod-definition.js";

/** Marathon's app definition, as Berth stores it and answers it. Defaults follow Marathon's. */

export interface PortDefinition {
  port: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface PortMapping {
  containerPort: number;
  hostPort?: number;
  servicePort?: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface Volume {
  containerPath: string;
  hostPath?: string;
  mode: "RO" | "RW";
}

/** A file the agent downloads into the task's sandbox before it starts (Marathon's fetch, Mesos's fetcher). */
export interface FetchUri {
  uri: string;
  /** Unpack a .tar, .tar.gz, .tgz, .tar.bz2, .tar.xz or .zip into the sandbox. */
  extract: boolean;
  executable: boolean;
  /** Keep the download on the agent, keyed by URI, and copy it from there next time. */
  cache: boolean;
  /** Where in the sandbox, relative; default the URI's file name. */
  destPath?: string;
}

export interface DockerParameter {
  key: string;
  value: string;
}

export interface DockerContainer {
  image: string;
  forcePullImage: boolean;
  privileged: boolean;
  parameters: DockerParameter[];
  pullConfig?: unknown;
}

export interface Container {
  type: "DOCKER";
  docker: DockerContainer;
  portMappings?: PortMapping[];
  volumes: Volume[];
}

export interface Network {
  mode: "host" | "container/bridge" | "container";
  name?: string;
}

export interface UpgradeStrategy {
  minimumHealthCapacity: number;
  maximumOverCapacity: number;
}

export type UnreachableStrategy = "disabled" | { inactiveAfterSeconds: number; expungeAfterSeconds: number };

export type KillSelection = "YOUNGEST_FIRST" | "OLDEST_FIRST";

export interface VersionInfo {
  lastScalingAt: string;
  lastConfigChangeAt: string;
  /**
   * Berth's own, never answered: the deployment that wrote this version. While it runs it holds the app
   * (another change is refused unless forced); kept in the app's record, so taking an app costs no write of its own.
   * Absent in versions earlier builds wrote.
   */
  deploymentId?: string;
}

/** An env value kept in the team's secret store: the name of one of the app's `secrets`. */
export interface SecretRef {
  secret: string;
}

export type EnvValue = string | SecretRef;

export interface AppDefinition {
  id: string;
  cmd?: string;
  args?: string[];
  user?: string;
  env: Record<string, EnvValue>;
  /** Marathon's secrets: a name the app's env uses → where its team's secret store keeps the value. */
  secrets: Record<string, { source: string }>;
  labels: Record<string, string>;
  instances: number;
  cpus: number;
  mem: number;
  disk: number;
  gpus: number;
  container?: Container;
  networks: Network[];
  portDefinitions: PortDefinition[];
  requirePorts: boolean;
  constraints: string[][];
  healthChecks: HealthCheck[];
  readinessChecks: ReadinessCheck[];
  dependencies: string[];
  upgradeStrategy: UpgradeStrategy;
  unreachableStrategy: UnreachableStrategy;
  killSelection: KillSelection;
  backoffSeconds: number;
  backoffFactor: number;
  maxLaunchDelaySeconds: number;
  taskKillGracePeriodSeconds?: number;
  /** Files fetched into the sandbox before each task starts; absent in definitions stored before fetch was honoured. */
  fetch?: FetchUri[];
  /** Berth: a deployment of this app that has not finished after this long fails and is rolled back. */
  progressDeadlineSeconds: number;
  /** Berth: an image pull that takes longer fails the task; separate from any launch timeout. */
  pullTimeoutSeconds: number;
  version: string;
  versionInfo: VersionInfo;
  /** Set when this app runs a pod (/v2/pods): the pod as given; each task is one instance of all its containers. */
  pod?: PodDefinition;
}

export const APP_DEFAULTS = {
  instances: 1,
  cpus: 1,
  mem: 128,
  disk: 0,
  gpus: 0,
  requirePorts: false,
  backoffSeconds: 1,
  backoffFactor: 1.15,
  maxLaunchDelaySeconds: 300,
  killSelection: "YOUNGEST_FIRST" as KillSelection,
  upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
  unreachableStrategy: { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 },
  /** Used when an app sets no taskKillGracePeriodSeconds: Docker's own default for `docker stop`. */
  taskKillGracePeriodSeconds: 10,
  progressDeadlineSeconds: 600,
  pullTimeoutSeconds: 600,
} as const;

/** Fields Marathon answers on GET that a client may send back; they are ignored on input. */
export const READ_ONLY_FIELDS = [
  "version",
  "versionInfo",
  "tasksStaged",
  "tasksRunning",
  "tasksHealthy",
  "tasksUnhealthy",
  "deployments",
  "tasks",
  "lastTaskFailure",
  "taskStats",
  "readinessCheckResults",
  "counts",
] as const;

/** On the host's network, ports are the port definitions; on any other, the port mappings. */
export function usesPortMappings(app: AppDefinition): boolean {
  return app.networks.some((n) => n.mode !== "host");
}

/** The port mappings bound to a host port (hostPort given; 0 means any), in order: task port i is mapping i's. */
export function hostMappedPorts(app: AppDefinition): PortMapping[] {
  return usesPortMappings(app) ? (app.container?.portMappings ?? []).filter((m) => m.hostPort !== undefined) : [];
}

/** The ports an app's tasks need on the host: one per port definition, or per host-mapped port. */
export function hostPortCount(app: AppDefinition): number {
  return usesPortMappings(app) ? hostMappedPorts(app).length : app.portDefinitions.length;
}

/** The host ports an app requires exactly: fixed host ports of mappings, or (requirePorts) its port definitions. */
export function requiredHostPorts(app: AppDefinition): number[] {
  if (usesPortMappings(app)) {
    const fixed = hostMappedPorts(app).map((m) => m.hostPort ?? 0);
    return fixed.every((p) => p !== 0) ? fixed : [];
  }
  return app.requirePorts ? app.portDefinitions.map((p) => p.port).filter((p) => p !== 0) : [];
}

export function portNames(app: AppDefinition): string[] {
  return usesPortMappings(app) ? hostMappedPorts(app).map((m) => m.name ?? "") : app.portDefinitions.map((p) => p.name ?? "");
}

export function killGraceSeconds(app: AppDefinition): number {
  return app.taskKillGracePeriodSeconds ?? APP_DEFAULTS.taskKillGracePeriodSeconds;
}
