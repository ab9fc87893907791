import { containerName, type ContainerSpec, containerSpec, type PodMemberSpec, type TaskSpec } from "./container-spec.js";
import { LABELS } from "./labels.js";
import type { PodDefinition } from "./pod-definition.js";

/** Where a pod's sandbox volume is, inside the instance's sandbox (as Mesos puts it). */
export function sandboxVolumeDir(name: string): string {
  return `volumes/${name}`;
}

/** The containers of one pod instance, as the agent is told to run them. */
export function podMembers(pod: PodDefinition): PodMemberSpec[] {
  return pod.containers.map((k) => {
    const command = k.exec?.command;
    return {
      name: k.name,
      image: k.image.id,
      forcePull: k.image.forcePull,
      cmd: command && "shell" in command ? command.shell : "",
      args: command && "argv" in command ? [...command.argv] : [],
      hasArgs: command !== undefined && "argv" in command,
      env: { ...k.environment },
      cpus: k.resources.cpus,
      mem: k.resources.mem,
      user: k.user ?? pod.user ?? "",
      mounts: k.volumeMounts.map((m) => {
        const host = pod.volumes.find((v) => v.name === m.name)?.host;
        return {
          containerPath: m.mountPath,
          hostPath: host ?? "",
          sandboxDir: host === undefined ? sandboxVolumeDir(m.name) : "",
          readOnly: m.readOnly,
        };
      }),
    };
  });
}

/** The name of a pod member's container: the first is the task's own, the others carry their name after it. */
export function memberContainerName(taskId: string, member: string, first: boolean): string {
  return first ? containerName(taskId) : `${containerName(taskId)}.${member}`;
}

/**
 * Docker's create options for each container of a pod instance, first to last.
 * Every container gets the pod's env, labels and ports (and `ENDPOINT_<NAME>`
 * for each endpoint, as Marathon gives a pod), its own image, command,
 * resources and mounts. The first one owns the network: on the host's, all
 * are there; on any other, the rest join the first's namespace, so they reach
 * each other on localhost. The rest carry LABELS.member with their name.
 */
export function podContainerSpecs(task: TaskSpec, agent: { agentId: string; hostname: string; sandbox?: string }): ContainerSpec[] {
  const members = task.members;
  const endpoints: Record<string, string> = {};
  task.ports.forEach((port, i) => {
    const name = task.portNames[i];
    if (name) endpoints[`ENDPOINT_${name.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}`] = String(port);
  });
  return members.map((m, i) => {
    const first = i === 0;
    const spec = containerSpec(
      {
        ...task,
        image: m.image,
        cmd: m.cmd,
        args: m.args,
        hasArgs: m.hasArgs,
        env: { ...task.env, ...endpoints, ...m.env },
        cpus: m.cpus,
        mem: m.mem,
        user: m.user,
        volumes: m.mounts
          .map((v) => ({
            containerPath: v.containerPath,
            hostPath: v.sandboxDir ? (agent.sandbox ? `${agent.sandbox}/${v.sandboxDir}` : "") : v.hostPath,
            mode: v.readOnly ? "RO" : "RW",
          }))
          .filter((v) => v.hostPath !== ""),
        portMappings: first ? task.portMappings : [],
      },
      agent,
    );
    if (first) return spec;
    const host = spec.networkMode === "host";
    return {
      ...spec,
      name: memberContainerName(task.taskId, m.name, false),
      labels: { ...spec.labels, [LABELS.member]: m.name },
      networkMode: host ? "host" : `container:${containerName(task.taskId)}`,
      portBindings: {},
    };
  });
}
