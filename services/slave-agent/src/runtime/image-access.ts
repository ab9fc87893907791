import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { imageDecision, imageRepository } from "@berth/core";
import { type ContainerRuntime, type PullOptions, RuntimeError } from "./container-runtime.js";

/** A task may not use the image it names: it is another's, and the task did not show it may have it. */
export class ImageRefusedError extends RuntimeError {
  override readonly name = "ImageRefusedError";
}

/** How long a successful check of an image with one task's credentials lets others with the same credentials use it. */
export const VERIFIED_FOR_MS = 10 * 60_000;

/**
 * Gets a task's image ready, and makes sure the task may have it
 * (`imageDecision` in core): an image another team pulled with its password
 * stays on the host, and a task without that password must not run it.
 * Repositories that a pull without credentials succeeded for are kept in the
 * agent's work dir (`public-repositories.json`), so they keep the cache after
 * a restart; a check with credentials holds for VERIFIED_FOR_MS, in memory.
 */
export class ImageAccess {
  private readonly verified = new Map<string, number>();
  /** Pulls under way, by image and credentials: tasks that start together share one (as Nomad's Docker driver does). */
  private readonly pulling = new Map<string, Promise<void>>();
  private readonly publicRepos: Set<string>;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.publicRepos = new Set(readList(file));
  }

  async ensure(image: string, opts: PullOptions & { force: boolean }): Promise<void> {
    const credentials = opts.auth ? createHash("sha256").update(JSON.stringify(opts.auth)).digest("hex") : "none";
    const key = `${image} ${credentials}`;
    const decision = imageDecision(image, await this.runtime.inspectImage(image), opts.force, {
      publicRepos: this.publicRepos,
      verifiedUntilMs: this.verified.get(key),
      nowMs: this.now(),
    });
    if (decision.action === "use") return;
    if (decision.action === "refuse") throw new ImageRefusedError(decision.reason, false);
    // Shared only with the same credentials: a task must not run an image on another's password.
    let pull = this.pulling.get(key);
    if (!pull) {
      pull = this.runtime.pullImage(image, opts).finally(() => this.pulling.delete(key));
      this.pulling.set(key, pull);
    }
    await pull;
    if (opts.auth) {
      this.verified.set(key, this.now() + VERIFIED_FOR_MS);
    } else if (!this.publicRepos.has(imageRepository(image))) {
      this.publicRepos.add(imageRepository(image));
      writeList(this.file, [...this.publicRepos]);
    }
  }
}

function readList(file: string): string[] {
  try {
    const list = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function writeList(file: string, list: string[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(list.sort()));
  renameSync(`${file}.tmp`, file);
}
