import { type ContainerSpec, LABELS } from "@berth/core";
import type { ContainerRuntime, ContainerState } from "../runtime/container-runtime.js";

/** A pod instance's container after its first: its pod container's name and Docker's id. */
export interface MemberContainer {
  name: string;
  containerId: string;
}

/**
 * Starts a task's containers in order: an app's one, or a pod instance's
 * (the first owns the network the others join). When one cannot start, those
 * already started are removed, so a failed launch leaves nothing running.
 */
export async function startContainers(
  runtime: ContainerRuntime,
  specs: readonly ContainerSpec[],
): Promise<{ first: ContainerState; members: MemberContainer[] }> {
  const started: ContainerState[] = [];
  try {
    for (const spec of specs) started.push(await runtime.start(spec));
  } catch (err) {
    for (const c of started.reverse()) await runtime.remove(c.id).catch(() => undefined);
    throw err;
  }
  const [first, ...rest] = started;
  if (!first) throw new Error("a task needs at least one container");
  return { first, members: rest.map((c, i) => ({ name: memberName(specs[i + 1]), containerId: c.id })) };
}

function memberName(spec: ContainerSpec | undefined): string {
  return spec?.labels[LABELS.member] ?? "";
}

/** The first of a pod's other containers that is not running, with how it ended. */
export async function endedMember(
  runtime: ContainerRuntime,
  members: readonly MemberContainer[],
): Promise<{ name: string; exitCode: number } | undefined> {
  for (const m of members) {
    const state = await runtime.inspect(m.containerId).catch(() => undefined);
    if (!state?.running) return { name: m.name, exitCode: state?.exitCode ?? -1 };
  }
  return undefined;
}

/** Stops a pod's other containers (the first is stopped by the task's own stop); errors are left for removal to mop up. */
export async function stopMembers(runtime: ContainerRuntime, members: readonly MemberContainer[], graceSeconds: number): Promise<void> {
  await Promise.all(members.map((m) => runtime.stop(m.containerId, graceSeconds).catch(() => undefined)));
}

/** A pod instance's other containers among an agent's, by task: they are taken back with its first. */
export function membersByTask(containers: readonly ContainerState[]): Map<string, MemberContainer[]> {
  const members = new Map<string, MemberContainer[]>();
  for (const c of containers) {
    const taskId = c.labels[LABELS.task];
    const name = c.labels[LABELS.member];
    if (taskId && name) members.set(taskId, [...(members.get(taskId) ?? []), { name, containerId: c.id }]);
  }
  return members;
}
