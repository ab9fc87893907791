import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { chmod, copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface FetchEntry {
  uri: string;
  extract: boolean;
  executable: boolean;
  cache: boolean;
  destPath: string;
}

/** A fetch that failed: the URI and why, as the task's failure says it. */
export class FetchError extends Error {
  constructor(
    readonly uri: string,
    reason: string,
  ) {
    super(`Failed to fetch '${uri}': ${reason}`);
  }
}

const ARCHIVES: [RegExp, "tar" | "zip"][] = [
  [/\.(tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz)$/i, "tar"],
  [/\.zip$/i, "zip"],
];

/**
 * Mesos's fetcher: downloads each URI into a task's sandbox before the task
 * starts, unpacks archives (GNU tar and Info-ZIP unzip, which keep members
 * inside the directory), marks files executable, and keeps a download on the
 * agent, keyed by URI, when asked to cache it.
 */
export class Fetcher {
  /** Downloads into the cache under way, by cache file: tasks that start together download once. */
  private readonly caching = new Map<string, Promise<void>>();

  constructor(
    private readonly cacheDir: string,
    private readonly timeoutMs: number,
    private readonly maxBytes: number,
  ) {}

  async fetchAll(sandbox: string, entries: readonly FetchEntry[]): Promise<void> {
    for (const e of entries) await this.fetchOne(sandbox, e);
  }

  private async fetchOne(sandbox: string, e: FetchEntry): Promise<void> {
    const name = e.destPath || basename(new URL(e.uri).pathname) || "download";
    const dest = join(sandbox, name);
    await mkdir(dirname(dest), { recursive: true });
    if (e.cache) {
      const cached = join(this.cacheDir, createHash("sha256").update(e.uri).digest("hex"));
      await this.cached(e.uri, cached);
      await copyFile(cached, dest);
    } else {
      await this.download(e.uri, dest);
    }
    const kind = ARCHIVES.find(([re]) => re.test(name))?.[1];
    if (e.extract && kind) await this.extract(e.uri, dest, dirname(dest), kind);
    if (e.executable) await chmod(dest, 0o755);
  }

  private cached(uri: string, file: string): Promise<void> {
    let pending = this.caching.get(file);
    if (!pending) {
      pending = (async () => {
        if (await exists(file)) return;
        await mkdir(this.cacheDir, { recursive: true });
        await this.download(uri, file);
      })().finally(() => this.caching.delete(file));
      this.caching.set(file, pending);
    }
    return pending;
  }

  private async download(uri: string, dest: string): Promise<void> {
    const partial = `${dest}.part-${randomUUID()}`;
    try {
      const res = await fetch(uri, { signal: AbortSignal.timeout(this.timeoutMs), redirect: "follow" });
      if (!res.ok || !res.body) throw new FetchError(uri, `HTTP ${res.status} ${res.statusText}`.trim());
      let bytes = 0;
      const limit = new Transform({
        transform: (chunk: Buffer, _enc, done) => {
          bytes += chunk.length;
          done(bytes > this.maxBytes ? new FetchError(uri, `larger than ${this.maxBytes} bytes`) : null, chunk);
        },
      });
      await pipeline(Readable.fromWeb(res.body as never), limit, createWriteStream(partial));
      await rename(partial, dest);
    } catch (err) {
      await rm(partial, { force: true });
      if (err instanceof FetchError) throw err;
      const e = err as Error & { cause?: Error };
      const reason = e.name === "TimeoutError" ? `no answer within ${this.timeoutMs} ms` : (e.cause?.message ?? e.message);
      throw new FetchError(uri, reason);
    }
  }

  private async extract(uri: string, archive: string, into: string, kind: "tar" | "zip"): Promise<void> {
    const [cmd, args] =
      kind === "tar"
        ? ["tar", ["-xf", archive, "-C", into, "--no-same-owner", "--no-same-permissions"]]
        : ["unzip", ["-o", "-q", archive, "-d", into]];
    try {
      await run(cmd, args, { timeout: this.timeoutMs });
    } catch (err) {
      const e = err as Error & { stderr?: string };
      throw new FetchError(uri, `cannot unpack it: ${(e.stderr || e.message).trim().split("\n")[0]}`);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
