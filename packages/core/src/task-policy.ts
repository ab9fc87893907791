import type { AppDefinition } from "./app-definition.js";
import { capabilityName, DOCKER_PARAMETER_KEYS, dockerOptions } from "./docker-parameters.js";
import type { ValidationDetail } from "./errors.js";
import { isCleanAbsolutePath } from "./paths.js";

/**
 * What a team's tasks may do on a shared host. The defaults are the safe ones;
 * an operator widens them per team. Apps are checked against their team's
 * policy when they are submitted, and the agent applies the hardening that no
 * policy lifts (no-new-privileges, a memory limit, a pids limit).
 */
export interface TaskPolicy {
  /** May the team run privileged containers? */
  privileged: boolean;
  /** Host paths the team may mount: each allows itself and everything below it. */
  hostPaths: string[];
  /** Capabilities the team may add with the cap-add parameter ("NET_ADMIN"; "ALL" allows any). */
  capabilities: string[];
  /** Docker parameters the team may use. */
  parameters: string[];
  /** The most processes a container may hold; an app may ask for fewer with pids-limit. */
  pidsLimit: number;
}

export const DEFAULT_TASK_POLICY: TaskPolicy = {
  privileged: false,
  hostPaths: [],
  capabilities: [],
  // Every parameter but ulimit, which can lift a limit the host set.
  parameters: DOCKER_PARAMETER_KEYS.filter((k) => k !== "ulimit"),
  pidsLimit: 1024,
};

export const MAX_PIDS_LIMIT = 4_194_304;

function under(path: string, allowed: string): boolean {
  return allowed === "/" || path === allowed || path.startsWith(`${allowed}/`);
}

/** Why this app breaks its team's policy, field by field; [] when it may run. */
export function policyViolations(app: AppDefinition, policy: TaskPolicy): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  const fail = (path: string, error: string) => out.push({ path, errors: [error] });
  const docker = app.container?.docker;
  if (docker?.privileged && !policy.privileged) {
    fail("/container/docker/privileged", "privileged containers are not allowed for this team: ask the operator to allow them");
  }
  (app.container?.volumes ?? []).forEach((v, i) => {
    if (v.hostPath === undefined) return;
    const path = `/container/volumes/${i}/hostPath`;
    if (!isCleanAbsolutePath(v.hostPath)) fail(path, "must be an absolute path without '.', '..' or empty segments");
    else if (!policy.hostPaths.some((allowed) => under(v.hostPath ?? "", allowed))) {
      fail(
        path,
        `mounting '${v.hostPath}' from the host is not allowed for this team` +
          (policy.hostPaths.length > 0 ? `; allowed: ${policy.hostPaths.join(", ")}` : ": no host paths are allowed"),
      );
    }
  });
  const parameters = docker?.parameters ?? [];
  parameters.forEach((p, i) => {
    if (!policy.parameters.includes(p.key)) {
      fail(
        `/container/docker/parameters/${i}/key`,
        `the docker parameter '${p.key}' is not allowed for this team; allowed: ${policy.parameters.join(", ") || "none"}`,
      );
    }
  });
  const read = dockerOptions(parameters);
  if (read.ok) {
    const allowedCaps = new Set(policy.capabilities.map(capabilityName));
    for (const cap of read.options.capAdd) {
      if (!allowedCaps.has("ALL") && !allowedCaps.has(cap)) {
        const i = parameters.findIndex((p) => p.key === "cap-add" && capabilityName(p.value) === cap);
        fail(
          `/container/docker/parameters/${i}/value`,
          `adding the capability ${cap} is not allowed for this team; allowed: ${[...allowedCaps].join(", ") || "none"}`,
        );
      }
    }
    const pids = read.options.pidsLimit;
    if (pids !== undefined && pids > policy.pidsLimit) {
      const i = parameters.findIndex((p) => p.key === "pids-limit");
      fail(`/container/docker/parameters/${i}/value`, `pids-limit ${pids} is above this team's limit of ${policy.pidsLimit}`);
    }
  }
  return out;
}

/** The pids limit a task of this app runs with: the app's own when lower, else the policy's. */
export function effectivePidsLimit(app: AppDefinition, policy: TaskPolicy): number {
  const read = dockerOptions(app.container?.docker.parameters ?? []);
  const asked = read.ok ? read.options.pidsLimit : undefined;
  return Math.min(asked ?? policy.pidsLimit, policy.pidsLimit);
}
