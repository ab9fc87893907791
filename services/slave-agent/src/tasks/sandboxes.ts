import { chmod, chown, lstat, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Each command task's sandbox: a directory on the agent, mounted in the task
 * as its working directory, as Mesos's command executor gives one. It goes
 * when the task's container goes.
 */
export class Sandboxes {
  constructor(private readonly root: string) {}

  dir(taskId: string): string {
    return join(this.root, taskId);
  }

  /** Makes the task's sandbox, owned by the task's user when that is a numeric uid[:gid]. */
  async make(taskId: string, user: string): Promise<string> {
    const dir = this.dir(taskId);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await ownBy(dir, user);
    return dir;
  }

  /** A directory of the task's sandbox every container of it may write (a pod's sandbox volume), whichever user each runs as. */
  async makeShared(taskId: string, relative: string, user: string): Promise<string> {
    const dir = join(this.dir(taskId), relative);
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o777);
    await ownBy(dir, user);
    return dir;
  }

  /** Bytes the task's sandbox holds (0 when it has none): counted with its writable layer against its disk limit. */
  async usageBytes(taskId: string): Promise<number> {
    return usage(this.dir(taskId));
  }

  async remove(taskId: string): Promise<void> {
    await rm(this.dir(taskId), { recursive: true, force: true });
  }

  /** Removes the sandboxes of tasks this agent no longer holds (their containers went while it was away). */
  async sweep(held: (taskId: string) => boolean): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    for (const name of names) if (!held(name)) await rm(join(this.root, name), { recursive: true, force: true });
  }
}

/** Gives a directory to a task's user when it is numeric ("1000" or "1000:1000"); a name is the image's to resolve. */
async function ownBy(dir: string, user: string): Promise<void> {
  const ids = /^([0-9]+)(?::([0-9]+))?$/.exec(user);
  if (ids) await chown(dir, Number(ids[1]), Number(ids[2] ?? ids[1]));
}

/** What a directory holds, walked without following links; 0 for one that is not there. */
async function usage(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const e of entries) {
    const p = join(path, e.name);
    if (e.isDirectory()) total += await usage(p);
    else total += (await lstat(p).catch(() => ({ size: 0 }))).size;
  }
  return total;
}
