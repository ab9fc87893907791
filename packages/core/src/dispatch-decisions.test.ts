import { describe, expect, it } from "vitest";
import type { AppDefinition } from "./app-definition.js";
import { NO_BACKOFF } from "./backoff.js";
import { newDeployment } from "./deployment.js";
import { deploymentVerdict, launchGate, taskFailureOf, waitingChanged } from "./dispatch-decisions.js";
import { appOf, task } from "./test-fixtures.js";

const V1 = "2026-01-01T00:00:00.000Z";
const V2 = "2026-01-02T00:00:00.000Z";
const withVersion = (a: AppDefinition, v: string, instances = a.instances): AppDefinition => ({
  ...a,
  instances,
  version: v,
  versionInfo: { lastScalingAt: v, lastConfigChangeAt: v },
});
const before = withVersion(appOf({ progressDeadlineSeconds: 60 }), V1, 2);
const after = withVersion(before, V2, 2);
const running = (id: string, config: string) =>
  task({ taskId: id, appId: "/team/web", state: "TASK_RUNNING", configVersion: config, startedAtMs: 2_000 });

describe("deploymentVerdict", () => {
  const change = newDeployment({ id: "d1", appId: "/team/web", previous: before, target: after, version: V2, nowMs: 1_000 });

  it("succeeds once the app shows the change and its wanted tasks of the new configuration run, none old", () => {
    expect(deploymentVerdict(change, after, [running("n1", V2), running("n2", V2)], 5_000)).toEqual({ kind: "success" });
    expect(deploymentVerdict(change, after, [running("n1", V2), running("o1", V1)], 5_000)).toEqual({ kind: "running" });
  });

  it("is not judged against an app that does not show its change yet", () => {
    expect(deploymentVerdict(change, before, [running("o1", V1), running("o2", V1)], 5_000)).toEqual({ kind: "running" });
  });

  it("is superseded, neither judged nor rolled back, once an earlier build (naming no deployment) wrote a later version", () => {
    const later = { ...after, version: "2026-01-03T00:00:00.000Z" };
    const superseded = { kind: "superseded", reason: "superseded by the app's version 2026-01-03T00:00:00.000Z" };
    expect(deploymentVerdict(change, later, [running("n1", later.version)], 5_000)).toEqual(superseded);
    expect(deploymentVerdict(change, later, [], change.deadlineAtMs)).toEqual(superseded);
    // Written by this build, a later version names its deployment: its own change (running) or a clock ahead of this one's.
    expect(deploymentVerdict(change, { ...later, versionInfo: { ...later.versionInfo, deploymentId: "d0" } }, [], 5_000)).toEqual({
      kind: "running",
    });
  });

  it("fails at its deadline saying what is missing and the last failure since it began, and rolls a change back", () => {
    const lastFailure = { message: "Container exited with code 1", timestampMs: 2_000 };
    const v = deploymentVerdict(change, after, [running("o1", V1)], change.deadlineAtMs, lastFailure);
    expect(v).toEqual({
      kind: "failed",
      rollBack: true,
      reason:
        "deployment did not finish within its progress deadline of 60s: 0 of 2 instances of /team/web serve the new version and 1 old task(s) remain; last task failure: Container exited with code 1",
    });
    const older = deploymentVerdict(change, after, [], change.deadlineAtMs, { ...lastFailure, timestampMs: 500 });
    expect(older.kind === "failed" && older.reason).not.toContain("last task failure");
  });

  it("rolls back neither a creation nor a rollback", () => {
    const creation = newDeployment({ id: "d2", appId: "/team/web", target: after, version: V2, nowMs: 1_000 });
    expect(deploymentVerdict(creation, after, [], creation.deadlineAtMs)).toMatchObject({ kind: "failed", rollBack: false });
    const rollback = newDeployment({
      id: "d3",
      appId: "/team/web",
      previous: after,
      target: before,
      version: V1,
      nowMs: 1_000,
      rollbackOf: "d1",
    });
    expect(deploymentVerdict(rollback, before, [], rollback.deadlineAtMs)).toMatchObject({ kind: "failed", rollBack: false });
  });

  it("ends a removal once no task of the app runs", () => {
    const removal = newDeployment({ id: "d4", appId: "/team/web", previous: after, version: V2, nowMs: 1_000 });
    expect(deploymentVerdict(removal, undefined, [running("n1", V2)], 5_000)).toEqual({ kind: "running" });
    expect(deploymentVerdict(removal, undefined, [], 5_000)).toEqual({ kind: "success" });
  });
});

describe("launchGate", () => {
  const app = appOf({ backoffSeconds: 2, backoffFactor: 2 });

  it("launches what is missing, or nothing when nothing is", () => {
    expect(launchGate(app, 3, NO_BACKOFF, 10_000)).toEqual({ kind: "launch", count: 3 });
    expect(launchGate(app, 0, NO_BACKOFF, 10_000)).toEqual({ kind: "none" });
    expect(launchGate(undefined, 3, NO_BACKOFF, 10_000)).toEqual({ kind: "none" });
  });

  it("waits out the backoff after failures, saying when the next launch comes", () => {
    const backoff = { failures: 2, lastFailureAtMs: 10_000 };
    expect(launchGate(app, 1, backoff, 11_000)).toEqual({
      kind: "wait",
      waiting: { count: 1, reasons: ["backoff: 2 failure(s) in a row; next launch in 3s"], delayUntilMs: 14_000 },
    });
    expect(launchGate(app, 1, backoff, 14_000)).toEqual({ kind: "launch", count: 1 });
  });

  it("waits, naming them, while secrets the app needs are gone from its team's store", () => {
    expect(launchGate(app, 2, NO_BACKOFF, 0, ["db-password"])).toEqual({
      kind: "wait",
      waiting: { count: 2, reasons: ["the secret(s) db-password are not in the team's store"], delayUntilMs: 0 },
    });
  });
});

describe("the queue and failures", () => {
  it("rewrites a queue entry only when it says something new", () => {
    const w = { count: 2, reasons: ["insufficient cpus on 1 of 1 agent"], delayUntilMs: 5_000 };
    expect(waitingChanged(undefined, w)).toBe(true);
    expect(waitingChanged(w, { ...w, delayUntilMs: 5_900 })).toBe(false);
    expect(waitingChanged(w, { ...w, delayUntilMs: 6_000 })).toBe(true);
    expect(waitingChanged(w, { ...w, count: 1 })).toBe(true);
    expect(waitingChanged(w, { ...w, reasons: ["backoff"] })).toBe(true);
    expect(waitingChanged(w, { ...w, forRoom: 2 })).toBe(true);
  });

  it("keeps an ended task's failure for the app, and how long it ran (0 if it never started)", () => {
    const failed = task({ state: "TASK_FAILED", message: "Container exited with code 3", startedAtMs: 2_000, endedAtMs: 9_000 });
    expect(taskFailureOf(failed, 10_000)).toEqual({
      ranForMs: 7_000,
      endedAtMs: 9_000,
      lastTaskFailure: {
        taskId: "web.1",
        state: "TASK_FAILED",
        message: "Container exited with code 3",
        host: "a1.local",
        version: "v1",
        timestampMs: 9_000,
      },
    });
    expect(taskFailureOf(task({ state: "TASK_FAILED" }), 10_000)).toMatchObject({ ranForMs: 0, endedAtMs: 10_000 });
  });
});
