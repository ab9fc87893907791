import { describe, expect, it } from "vitest";
import { imageDecision, imageRepository, type LocalImage } from "./image-access.js";

const NOW = 1_000_000;
const state = (over: { publicRepos?: string[]; verifiedUntilMs?: number } = {}) => ({
  publicRepos: new Set(over.publicRepos ?? []),
  verifiedUntilMs: over.verifiedUntilMs,
  nowMs: NOW,
});
const PRIVATE = "127.0.0.1:5000/team/app";
const pulled: LocalImage = { repoTags: [`${PRIVATE}:1`], repoDigests: [`${PRIVATE}@sha256:${"a".repeat(64)}`] };
const imported: LocalImage = { repoTags: ["berth/busybox:latest"], repoDigests: [] };

describe("imageRepository", () => {
  it.each([
    ["127.0.0.1:5000/team/app:1", "127.0.0.1:5000/team/app"],
    ["127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app"],
    [`127.0.0.1:5000/team/app@sha256:${"b".repeat(64)}`, "127.0.0.1:5000/team/app"],
    ["docker.io/library/busybox:1.36", "busybox"],
    ["library/busybox", "busybox"],
    ["localhost:5000/x", "localhost:5000/x"],
  ])("%s is of %s", (ref, repo) => expect(imageRepository(ref)).toBe(repo));
});

describe("using an image already on the agent", () => {
  it("pulls what is absent, and what the app asks to pull", () => {
    expect(imageDecision("x:1", undefined, false, state())).toEqual({ action: "pull" });
    expect(imageDecision("berth/busybox:latest", imported, true, state())).toEqual({ action: "pull" });
  });

  it("uses an image made on this host, by its tag", () => {
    expect(imageDecision("berth/busybox:latest", imported, false, state())).toEqual({ action: "use" });
    expect(imageDecision("berth/busybox", imported, false, state())).toEqual({ action: "use" });
  });

  it("checks a registry image with the task's own credentials, unless its repository is public or they were just checked", () => {
    expect(imageDecision(`${PRIVATE}:1`, pulled, false, state())).toEqual({ action: "pull" });
    expect(imageDecision(`${PRIVATE}@sha256:${"a".repeat(64)}`, pulled, false, state())).toEqual({ action: "pull" });
    expect(imageDecision(`${PRIVATE}:1`, pulled, false, state({ verifiedUntilMs: NOW + 1 }))).toEqual({ action: "use" });
    expect(imageDecision(`${PRIVATE}:1`, pulled, false, state({ verifiedUntilMs: NOW }))).toEqual({ action: "pull" });
    expect(imageDecision(`${PRIVATE}:1`, pulled, false, state({ publicRepos: [PRIVATE] }))).toEqual({ action: "use" });
  });

  it("refuses a registry image named by its id or another local name, unless every registry it came from is public", () => {
    for (const ref of ["sha256:" + "c".repeat(64), "0123456789ab", "other/name:1"]) {
      const d = imageDecision(ref, pulled, false, state());
      expect(d.action, ref).toBe("refuse");
      if (d.action === "refuse") expect(d.reason).toContain(PRIVATE);
      expect(imageDecision(ref, pulled, false, state({ publicRepos: [PRIVATE] }))).toEqual({ action: "use" });
    }
  });

  it("treats a local tag of a pulled image as the operator's own", () => {
    const both: LocalImage = { repoTags: ["berth/busybox:latest", `${PRIVATE}:1`], repoDigests: pulled.repoDigests };
    expect(imageDecision("berth/busybox:latest", both, false, state())).toEqual({ action: "use" });
    expect(imageDecision(`${PRIVATE}:1`, both, false, state())).toEqual({ action: "pull" });
  });
});
