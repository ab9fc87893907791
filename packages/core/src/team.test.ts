import { describe, expect, it } from "vitest";
import { DEFAULT_TASK_POLICY } from "./task-policy.js";
import {
  bookQuota,
  defaultTeam,
  effectiveTeam,
  footprint,
  hasLimits,
  ledgerOfApps,
  parseQuota,
  parseTeam,
  type QuotaLedger,
  usageOf,
} from "./team.js";
import { appOf } from "./test-fixtures.js";
import { taskNeed } from "./task-spec.js";

const use = (instances: number, cpus = 1, mem = 128) => ({ instances, cpus: instances * cpus, mem: instances * mem, disk: 0 });

describe("quota booking", () => {
  it("counts instances times each task's resources", () => {
    expect(footprint(appOf({ instances: 3, cpus: 0.5, mem: 64, disk: 10 }))).toEqual({ cpus: 1.5, mem: 192, disk: 30, instances: 3 });
    expect(footprint(undefined)).toEqual({ cpus: 0, mem: 0, disk: 0, instances: 0 });
    // A task gets at least 32 MiB, so that is what it holds against the quota.
    expect(footprint(appOf({ instances: 2, mem: 0 })).mem).toBe(64);
    expect(taskNeed(appOf({ mem: 0 }), "t").mem).toBe(32);
  });

  it("has limits only when it names one, so a team without keeps no ledger", () => {
    expect(hasLimits({})).toBe(false);
    expect(hasLimits({ instances: 0 })).toBe(true);
    expect(hasLimits({ disk: 10 })).toBe(true);
  });

  it("reads the ledger of stored apps as their footprints, leaving out apps that hold nothing", () => {
    const ledger = ledgerOfApps([appOf({ id: "/t/a", instances: 2, cpus: 0.5 }), appOf({ id: "/t/idle", instances: 0 })]);
    expect(Object.keys(ledger.apps)).toEqual(["/t/a"]);
    expect(usageOf(ledger)).toMatchObject({ cpus: 1, instances: 2 });
    expect(ledgerOfApps([])).toEqual({ apps: {} });
  });

  it("books within the quota and sums every app of the team", () => {
    let ledger: QuotaLedger | undefined;
    for (const id of ["/t/a", "/t/b"]) {
      const r = bookQuota(ledger, { cpus: 4 }, id, use(2));
      expect(r.ok).toBe(true);
      if (r.ok) ledger = r.ledger;
    }
    expect(usageOf(ledger)).toEqual({ cpus: 4, mem: 512, disk: 0, instances: 4 });
  });

  it("refuses a change that goes over, naming the quota and what is in use", () => {
    const ledger = { apps: { "/t/a": use(3) } };
    const r = bookQuota(ledger, { instances: 4 }, "/t/b", use(2));
    expect(r).toEqual({
      ok: false,
      reason: "team quota for instances exceeded: the quota is 4, 3 is in use, and this change needs 2 for /t/b",
    });
  });

  it("counts the app's own current booking as replaced, not added", () => {
    const ledger = { apps: { "/t/a": use(3) } };
    expect(bookQuota(ledger, { instances: 4 }, "/t/a", use(4)).ok).toBe(true);
    expect(bookQuota(ledger, { instances: 4 }, "/t/a", use(5)).ok).toBe(false);
  });

  it("always allows going down, even when the team is already over", () => {
    const ledger = { apps: { "/t/a": use(10) } };
    const r = bookQuota(ledger, { instances: 2 }, "/t/a", use(5));
    expect(r.ok && usageOf(r.ledger).instances).toBe(5);
  });

  it("forgets a deleted app", () => {
    const r = bookQuota({ apps: { "/t/a": use(1) } }, {}, "/t/a", footprint(undefined));
    expect(r.ok && r.ledger.apps).toEqual({});
  });

  it("checks each resource on its own", () => {
    const r = bookQuota(undefined, { cpus: 10, mem: 100 }, "/t/a", use(1, 1, 128));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/quota for mem exceeded: the quota is 100/);
  });

  it("does not let floating-point sums refuse what fits", () => {
    let ledger: QuotaLedger | undefined;
    for (let i = 0; i < 10; i++) {
      const r = bookQuota(ledger, { cpus: 1 }, `/t/a${i}`, use(1, 0.1));
      expect(r.ok).toBe(true);
      if (r.ok) ledger = r.ledger;
    }
  });
});

describe("team configuration", () => {
  it("fills what is left out with the defaults", () => {
    expect(parseTeam("team-a", {})).toEqual({ ok: true, team: { id: "team-a", quota: {}, policy: DEFAULT_TASK_POLICY } });
  });

  it("reads quotas and a widened policy", () => {
    const r = parseTeam("ops", {
      quota: { cpus: 8, mem: 16384, instances: 20 },
      policy: { privileged: true, hostPaths: ["/srv/ops"], capabilities: ["NET_ADMIN"], parameters: ["ulimit"], pidsLimit: 4096 },
    });
    expect(r.ok && r.team).toEqual({
      id: "ops",
      quota: { cpus: 8, mem: 16384, instances: 20 },
      policy: { privileged: true, hostPaths: ["/srv/ops"], capabilities: ["NET_ADMIN"], parameters: ["ulimit"], pidsLimit: 4096 },
    });
  });

  it.each([
    ["Team", {}, "/id"],
    ["a", { quota: { gpus: 1 } }, "/quota/gpus"],
    ["a", { quota: { cpus: -1 } }, "/quota/cpus"],
    ["a", { quota: { instances: 1.5 } }, "/quota/instances"],
    ["a", { policy: { hostPaths: ["/srv/../etc"] } }, "/policy/hostPaths/0"],
    ["a", { policy: { parameters: ["net"] } }, "/policy/parameters/0"],
    ["a", { policy: { capabilities: ["rm -rf"] } }, "/policy/capabilities/0"],
    ["a", { policy: { root: true } }, "/policy/root"],
    ["a", { id: "b" }, "/id"],
  ])("refuses team %s %j at %s", (id, raw, path) => {
    const r = parseTeam(id, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.details.map((d) => d.path)).toContain(path);
  });
});

describe("the operator's default quota", () => {
  const fallback = { cpus: 8, instances: 50 };

  it("applies to a team with no configuration, or one whose configuration names no quota", () => {
    expect(effectiveTeam("new", undefined, fallback).quota).toEqual(fallback);
    expect(effectiveTeam("policy-only", { ...defaultTeam("policy-only"), quota: {} }, fallback).quota).toEqual(fallback);
  });

  it("gives way to a quota the operator set for the team", () => {
    expect(effectiveTeam("big", { ...defaultTeam("big"), quota: { cpus: 100 } }, fallback).quota).toEqual({ cpus: 100 });
    expect(effectiveTeam("any", undefined, {}).quota).toEqual({});
  });

  it("is read as a team's quota is, with the same errors", () => {
    expect(parseQuota({ cpus: 8, mem: 16384 })).toEqual({ ok: true, quota: { cpus: 8, mem: 16384 } });
    expect(parseQuota({ cpus: -1 }).ok).toBe(false);
    expect(parseQuota({ gpus: 1 }).ok).toBe(false);
  });
});
