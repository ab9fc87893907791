/**
 * Whether a task may use an image already on its agent, or must first show
 * the registry it may have it. An image another team pulled with its
 * registry password stays in the host's cache; a task naming it must not run
 * it for free. As Kubernetes' AlwaysPullImages does, but only where it
 * matters: images built on the host, and images of repositories known to need
 * no credentials, keep the cache.
 */

/** What Docker says of an image on the host: its local tags and the registry digests it was pulled or pushed as. */
export interface LocalImage {
  repoTags: string[];
  repoDigests: string[];
}

export type ImageDecision =
  | { action: "use" }
  /** Pull (a manifest check when the layers are cached) with the task's own credentials, then use it. */
  | { action: "pull" }
  | { action: "refuse"; reason: string };

export interface ImageAccessState {
  /** Repositories a pull without credentials succeeded for: anyone may use them. */
  publicRepos: ReadonlySet<string>;
  /** Until when this image was verified for this task's credentials, if it was. */
  verifiedUntilMs: number | undefined;
  nowMs: number;
}

/** Docker's familiar form: "docker.io/library/busybox" and "library/busybox" are "busybox". */
function familiar(name: string): string {
  return name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "").replace(/^library\//, "");
}

/** The repository an image reference names, without tag or digest: "127.0.0.1:5000/team/app:1" → "127.0.0.1:5000/team/app". */
export function imageRepository(ref: string): string {
  const noDigest = ref.split("@")[0] ?? "";
  const lastSlash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return familiar(colon > lastSlash ? noDigest.slice(0, colon) : noDigest);
}

/** The reference as Docker lists it among an image's tags: the tag "latest" when none is given. */
function taggedName(ref: string): string | undefined {
  if (ref.includes("@")) return undefined;
  const lastSlash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  return familiar(colon > lastSlash ? ref : `${ref}:latest`);
}

export function imageDecision(ref: string, local: LocalImage | undefined, force: boolean, state: ImageAccessState): ImageDecision {
  if (!local || force) return { action: "pull" };
  const registryRepos = new Set(local.repoDigests.map((d) => familiar(d.split("@")[0] ?? "")));
  const repo = imageRepository(ref);
  if (registryRepos.has(repo)) {
    if (state.publicRepos.has(repo)) return { action: "use" };
    if (state.verifiedUntilMs !== undefined && state.verifiedUntilMs > state.nowMs) return { action: "use" };
    return { action: "pull" };
  }
  // Not named by a registry it came from: a tag made on this host (an import, a build), or an image id.
  const tag = taggedName(ref);
  if (tag !== undefined && local.repoTags.map(familiar).includes(tag)) return { action: "use" };
  if ([...registryRepos].every((r) => state.publicRepos.has(r))) return { action: "use" };
  return {
    action: "refuse",
    reason: `'${ref}' names an image this agent has from a registry that may need credentials (${[...registryRepos].join(", ")}): name it by that registry's reference, so access can be checked`,
  };
}
