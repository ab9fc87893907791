import { type AppDefinition, hostMappedPorts, hostPortCount, killGraceSeconds, portNames, requiredHostPorts } from "./app-definition.js";
import { dockerNetwork } from "./networks.js";
import { heldMemMiB, type TaskSpec } from "./container-spec.js";
import type { TaskNeed } from "./offer-matcher.js";
import { DEFAULT_TASK_POLICY, effectivePidsLimit, type TaskPolicy } from "./task-policy.js";
import { teamOf } from "./app-id.js";
import { resolveEnv } from "./secrets.js";
import { podMembers } from "./pod-containers.js";

/** What a task of this app needs from an agent. */
export function taskNeed(app: AppDefinition, taskId: string): TaskNeed {
  return {
    taskId,
    appId: app.id,
    cpus: app.cpus,
    mem: heldMemMiB(app.mem),
    disk: app.disk,
    portCount: hostPortCount(app),
    requiredPorts: requiredHostPorts(app),
    constraints: app.constraints,
    network: dockerNetwork(app),
    command: app.container === undefined,
  };
}

/**
 * The spec an agent runs for one task of this app, on the host ports it was given, with each
 * secret reference replaced by its value from the team's store (`secretValue`). Throws when a
 * secret the app needs is not in the store.
 */
export function taskSpec(
  app: AppDefinition,
  taskId: string,
  ports: readonly number[],
  policy: TaskPolicy = DEFAULT_TASK_POLICY,
  secretValue: (source: string) => string | undefined = () => undefined,
): TaskSpec {
  const env = resolveEnv(app, secretValue);
  if (!env.ok) throw new Error(`the secret(s) ${env.missing.join(", ")} are not in ${teamOf(app.id)}'s store`);
  const docker = app.container?.docker;
  return {
    taskId,
    appId: app.id,
    version: app.version,
    image: docker?.image ?? "",
    forcePullImage: docker?.forcePullImage ?? false,
    privileged: docker?.privileged ?? false,
    cmd: app.cmd ?? "",
    args: app.args ?? [],
    hasArgs: app.args !== undefined,
    env: env.env,
    secretEnv: env.secretEnv,
    labels: { ...app.labels },
    user: app.user ?? "",
    cpus: app.cpus,
    mem: app.mem,
    disk: app.disk,
    ports: [...ports],
    portNames: portNames(app),
    killGracePeriodSeconds: killGraceSeconds(app),
    parameters: docker?.parameters.map((p) => ({ ...p })) ?? [],
    volumes: (app.container?.volumes ?? []).map((v) => ({
      containerPath: v.containerPath,
      hostPath: v.hostPath ?? "",
      mode: v.mode,
    })),
    networkMode: dockerNetwork(app),
    portMappings: hostMappedPorts(app).map((m) => ({ containerPort: m.containerPort, protocol: m.protocol })),
    healthChecksJson: app.healthChecks.length > 0 ? JSON.stringify(app.healthChecks) : "",
    pullTimeoutSeconds: app.pullTimeoutSeconds,
    pullAuthJson: docker?.pullConfig ? JSON.stringify(docker.pullConfig) : "",
    readinessChecksJson:
      app.readinessChecks.length > 0
        ? JSON.stringify(app.readinessChecks.map((r) => ({ ...r, port: ports[portNames(app).indexOf(r.portName)] ?? 0 })))
        : "",
    pidsLimit: effectivePidsLimit(app, policy),
    fetch: (app.fetch ?? []).map((f) => ({ ...f, destPath: f.destPath ?? "" })),
    members: app.pod ? podMembers(app.pod) : [],
  };
}
