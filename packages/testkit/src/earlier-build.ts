import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A build of Berth as it was at an earlier commit, in a tree of its own. */
export interface EarlierBuild {
  /** The tree: pass it as a cluster's `root`. */
  root: string;
  remove(): Promise<void>;
}

/**
 * Checks out `commit` of this repository into a git worktree, installs its packages (from the
 * local store: the registry is not asked) and builds its services, as an operator's earlier
 * release would be.
 */
export async function buildEarlierBerth(commit: string): Promise<EarlierBuild> {
  const root = join(mkdtempSync(join(tmpdir(), "berth-earlier-")), "berth");
  await run("git", ["-C", ROOT, "worktree", "add", "--detach", root, commit]);
  const remove = async () => {
    await run("git", ["-C", ROOT, "worktree", "remove", "--force", root]).catch(() => undefined);
    rmSync(dirname(root), { recursive: true, force: true });
    await run("git", ["-C", ROOT, "worktree", "prune"]).catch(() => undefined);
  };
  try {
    await run("pnpm", ["install", "--frozen-lockfile", "--offline"], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    await run("pnpm", ["exec", "tsc", "-b"], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    await remove();
    throw err;
  }
  return { root, remove };
}
