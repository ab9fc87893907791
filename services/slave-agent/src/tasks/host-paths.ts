import { realpath } from "node:fs/promises";

/**
 * Why the agent will not bind this host path into a container, or undefined
 * when it will. Checked when the task is launched, on this host, not only
 * when the app was admitted: a path that passed the team's prefix check may
 * since have become (or always been) a symbolic link that a task planted
 * through a read-write mount (`/srv/team/esc -> /`). Only a path that exists
 * and is its own real path, with no link anywhere along it, is mounted.
 */
export async function hostPathRefusal(path: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return `the host path '${path}' does not exist on this agent`;
    return `the host path '${path}' cannot be read on this agent (${code ?? String(err)})`;
  }
  if (real !== path) return `the host path '${path}' leads through a symbolic link: only paths without links are mounted`;
  return undefined;
}
