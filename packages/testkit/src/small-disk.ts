import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A file system of its own, `sizeKiB` in size (a tmpfs), that a test can fill up and free again. */
export interface SmallDisk {
  readonly dir: string;
  /** Writes a file until the file system has no byte left (ENOSPC). */
  fill(): void;
  /** Removes what `fill` wrote. */
  free(): void;
  unmount(): Promise<void>;
}

/** Mounts it on `at` (made if missing), or on a new directory. */
export async function mountSmallDisk(sizeKiB: number, at?: string): Promise<SmallDisk> {
  const dir = at ?? mkdtempSync(join(tmpdir(), "berth-small-disk-"));
  mkdirSync(dir, { recursive: true });
  await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKiB}k,mode=0755`, "tmpfs", dir]);
  const filler = join(dir, "filler");
  return {
    dir,
    fill() {
      const block = Buffer.alloc(4096, 1);
      for (let i = 0; ; i++) {
        try {
          writeFileSync(filler, block, { flag: "a" });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOSPC") return;
          throw err;
        }
        if (i > sizeKiB) throw new Error(`${dir} does not fill up`);
      }
    },
    free() {
      unlinkSync(filler);
    },
    async unmount() {
      await run("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
