import type { AppDefinition, EnvValue, KillSelection, UnreachableStrategy } from "./app-definition.js";

/**
 * Marathon's pod: containers placed together on one agent, sharing one network
 * namespace and the pod's volumes, scaled and replaced together. Berth runs a pod
 * as an app whose every task (a pod instance) is several Docker containers; the
 * pod as given is kept beside that app (`AppDefinition.pod`) and is what
 * /v2/pods answers.
 */
export interface PodEndpoint {
  name: string;
  containerPort?: number;
  /** 0: any free port of the agent; absent (off the host's network): not bound on the host. */
  hostPort?: number;
  protocol: string[];
  labels: Record<string, string>;
}

export interface PodVolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
}

/** A container's health check as a pod gives it: over an endpoint (http, tcp) or a command run in the container. */
export interface PodHealthCheck {
  http?: { endpoint: string; path: string; scheme: "HTTP" | "HTTPS" };
  tcp?: { endpoint: string };
  exec?: { command: { shell: string } };
  gracePeriodSeconds: number;
  intervalSeconds: number;
  maxConsecutiveFailures: number;
  timeoutSeconds: number;
  delaySeconds: number;
}

export interface PodArtifact {
  uri: string;
  extract: boolean;
  executable: boolean;
  cache: boolean;
  destPath?: string;
}

export interface PodContainer {
  name: string;
  image: { kind: "DOCKER"; id: string; forcePull: boolean };
  exec?: { command: { shell: string } | { argv: string[] } };
  resources: { cpus: number; mem: number; disk: number; gpus: number };
  endpoints: PodEndpoint[];
  environment: Record<string, string>;
  user?: string;
  healthCheck?: PodHealthCheck;
  volumeMounts: PodVolumeMount[];
  artifacts: PodArtifact[];
  labels: Record<string, string>;
  lifecycle?: { killGracePeriodSeconds: number };
}

/** A pod volume: a directory of the instance's sandbox every container may mount, or a path of the host. */
export interface PodVolume {
  name: string;
  host?: string;
}

export interface PodDefinition {
  id: string;
  labels: Record<string, string>;
  user?: string;
  environment: Record<string, EnvValue>;
  secrets: Record<string, { source: string }>;
  containers: PodContainer[];
  volumes: PodVolume[];
  networks: { mode: "host" | "container/bridge" | "container"; name?: string; labels?: Record<string, string> }[];
  scaling: { kind: "fixed"; instances: number; maxInstances?: number };
  scheduling: {
    backoff: { backoff: number; backoffFactor: number; maxLaunchDelay: number };
    upgrade: { minimumHealthCapacity: number; maximumOverCapacity: number };
    placement: { constraints: string[][]; acceptedResourceRoles: string[] };
    killSelection: KillSelection;
    unreachableStrategy: UnreachableStrategy;
  };
  /** Accepted as Marathon's; Berth runs no executor, so nothing is held for one. */
  executorResources: { cpus: number; mem: number; disk: number };
  version: string;
}

/** The pod as Marathon answers it, at the version of the app it runs as. */
export function podOf(app: AppDefinition): PodDefinition | undefined {
  return app.pod ? { ...app.pod, version: app.version } : undefined;
}
