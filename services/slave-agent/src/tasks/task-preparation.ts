import type { TaskSpec } from "@berth/core";
import type { Fetcher } from "./fetcher.js";
import { hostPathRefusal } from "./host-paths.js";
import { type ImageAccess, ImageRefusedError } from "../runtime/image-access.js";
import type { Sandboxes } from "./sandboxes.js";

export interface PreparationDeps {
  images: ImageAccess;
  sandboxes: Sandboxes;
  fetcher: Fetcher;
  /** The image a command task runs in; undefined: this agent runs none. */
  commandImage?: string;
}

/** A task ready to start (the image its first container runs, its sandbox when it has one), or why it ends before it starts. */
export type Preparation =
  { ok: true; image: string; sandbox?: string } | { ok: false; state: "TASK_FAILED" | "TASK_KILLED"; message: string; reason: string };

const failed = (message: string): Preparation => ({ ok: false, state: "TASK_FAILED", message, reason: "REASON_CONTAINER_PREPARE_FAILED" });
const KILLED: Preparation = {
  ok: false,
  state: "TASK_KILLED",
  message: "killed before the container started",
  reason: "REASON_TASK_KILLED_DURING_LAUNCH",
};

/**
 * What Mesos's containerizer does before a task starts: pulls its images (a
 * pod's, each), refuses host paths it may not mount, makes the sandbox (for a
 * command task, a task that fetches files, and every pod instance, with a
 * directory per sandbox volume) and fetches into it. Stops early when the task
 * is killed meanwhile (`killed`).
 */
export async function prepareTask(task: TaskSpec, deps: PreparationDeps, killed: () => boolean): Promise<Preparation> {
  // A command task (no container) runs in the agent's command image, in a sandbox of its own.
  const command = task.image === "";
  if (command && !deps.commandImage) return failed("This agent has no image for command tasks (BERTH_AGENT_COMMAND_IMAGE)");
  const image = command ? (deps.commandImage ?? "") : task.image;
  const members = task.members ?? [];
  const pulls = members.length > 0 ? members.map((m) => ({ image: m.image, force: m.forcePull })) : [{ image, force: task.forcePullImage }];
  for (const pull of pulls) {
    try {
      await deps.images.ensure(pull.image, {
        force: pull.force,
        timeoutMs: (task.pullTimeoutSeconds || 600) * 1000,
        ...(task.pullAuthJson ? { auth: JSON.parse(task.pullAuthJson) as Record<string, string> } : {}),
      });
    } catch (err) {
      const why = err instanceof ImageRefusedError ? `Refused image '${pull.image}'` : `Failed to pull image '${pull.image}'`;
      return failed(`${why}: ${(err as Error).message}`);
    }
  }
  if (killed()) return KILLED;
  for (const v of task.volumes) {
    const refused = v.hostPath ? await hostPathRefusal(v.hostPath) : undefined;
    if (refused) return failed(`Refused to mount a host path: ${refused}`);
  }
  const first = members[0]?.image ?? image;
  if (!command && task.fetch.length === 0 && members.length === 0) return { ok: true, image: first };
  let sandbox: string;
  try {
    sandbox = await deps.sandboxes.make(task.taskId, task.user);
    for (const dir of new Set(members.flatMap((m) => m.mounts.map((v) => v.sandboxDir)).filter(Boolean))) {
      await deps.sandboxes.makeShared(task.taskId, dir, task.user);
    }
    await deps.fetcher.fetchAll(sandbox, task.fetch);
  } catch (err) {
    return failed((err as Error).message);
  }
  return killed() ? KILLED : { ok: true, image: first, sandbox };
}
