import { describe, expect, it } from "vitest";
import { fairOrder } from "./framework.js";
import { booking } from "./test-fixtures.js";
import {
  isRoleName,
  marathonRole,
  marathonRoleOwedFirst,
  marathonRolesFitting,
  parseRoleWeight,
  roleClaims,
  someRoleBelow,
  weightOf,
  withWeight,
} from "./role-weights.js";

describe("roles' weights", () => {
  it("weighs a role 1 unless the admin set it, and forgets a weight set back to 1", () => {
    const w = withWeight(undefined, "batch", 3);
    expect(weightOf(w, "batch")).toBe(3);
    expect(weightOf(w, "other")).toBe(1);
    expect(withWeight(w, "batch", 1)).toEqual({ weights: {} });
    expect(withWeight(w, "batch", undefined)).toEqual({ weights: {} });
    expect(withWeight(w, "*", 2)).toEqual({ weights: { batch: 3, "*": 2 } });
  });

  it("takes role names as Mesos has them, and refuses others", () => {
    for (const ok of ["*", "batch", "team-a", "eng/web", "a.b", "_x"]) expect(isRoleName(ok)).toBe(true);
    for (const bad of ["", ".", "..", "-x", "/x", "x/", "a//b", "a b", "a*", "x".repeat(129)]) expect(isRoleName(bad)).toBe(false);
  });

  it("reads a weight and says what to fix in one that is not", () => {
    expect(parseRoleWeight("batch", { weight: 2.5 })).toEqual({ ok: true, weight: 2.5 });
    expect(parseRoleWeight("batch", { role: "batch", weight: 1000 })).toEqual({ ok: true, weight: 1000 });
    const refused = (role: string, raw: unknown) => {
      const r = parseRoleWeight(role, raw);
      return r.ok ? [] : r.details.map((d) => d.path);
    };
    expect(refused("batch", { weight: 0 })).toEqual(["/weight"]);
    expect(refused("batch", { weight: 1001 })).toEqual(["/weight"]);
    expect(refused("batch", { weight: "2" })).toEqual(["/weight"]);
    expect(refused("batch", {})).toEqual(["/weight"]);
    expect(refused("batch", { weight: 2, cpus: 1 })).toEqual(["/cpus"]);
    expect(refused("batch", { weight: 2, role: "other" })).toEqual(["/role"]);
    expect(refused("a b", { weight: 2 })).toEqual(["/role"]);
    expect(refused("batch", [2])).toEqual(["/"]);
  });

  it("sums what each role's frameworks hold, with its weight, counting roles that hold nothing", () => {
    const claims = roleClaims(
      [
        { id: "marathon", role: "*" },
        { id: "f1", role: "batch" },
        { id: "f2", role: "batch" },
        { id: "f3", role: "idle" },
      ],
      [
        booking("t1", 1, 100),
        { ...booking("t5", 0.5, 10, "marathon"), appId: "/b/web" },
        booking("t2", 0.5, 64, "f1"),
        booking("t3", 0.25, 64, "f2"),
        booking("t4", 9, 9, "gone"),
      ],
      { weights: { batch: 2, "b/marathon": 3 } },
    );
    // Marathon's tasks count in their team's role: each team's apps are a role of their own.
    expect(marathonRole("a")).toBe("a/marathon");
    expect(Object.fromEntries(claims)).toEqual({
      "a/marathon": { role: "a/marathon", weight: 1, used: { cpus: 1, mem: 100, disk: 0 }, frameworks: ["marathon"] },
      "b/marathon": { role: "b/marathon", weight: 3, used: { cpus: 0.5, mem: 10, disk: 0 }, frameworks: ["marathon"] },
      batch: { role: "batch", weight: 2, used: { cpus: 0.75, mem: 128, disk: 0 }, frameworks: ["f1", "f2"] },
      idle: { role: "idle", weight: 1, used: { cpus: 0, mem: 0, disk: 0 }, frameworks: ["f3"] },
    });
  });

  it("lets a heavier role be served first while it holds less than its weight's share", () => {
    const total = { cpus: 10, mem: 10_000, disk: 0 };
    const frameworks = [
      { id: "a", role: "light" },
      { id: "b", role: "heavy" },
    ];
    // heavy holds 4 cpus, light 3: unweighted, light is served first; with weight 2, heavy's share counts as 0.2.
    const bookings = [booking("t1", 3, 0, "a"), booking("t2", 4, 0, "b")];
    const order = (weights: Record<string, number>) =>
      fairOrder([...roleClaims(frameworks, bookings, { weights }).values()], total).map((c) => c.role);
    expect(order({})).toEqual(["light", "heavy"]);
    expect(order({ heavy: 2 })).toEqual(["heavy", "light"]);
  });
});

describe("between Marathon's roles and the frameworks'", () => {
  const total = { cpus: 4, mem: 4000, disk: 0 };
  const claim = (role: string, cpus: number, weight = 1) => ({ role, weight, used: { cpus, mem: 0, disk: 0 } });

  it("knows when another role is owed room first: one holding a lower weighted share", () => {
    const svc = claim("svc/marathon", 3);
    expect(someRoleBelow(svc, [claim("batch", 0)], total)).toBe(true);
    expect(someRoleBelow(svc, [claim("batch", 3.5)], total)).toBe(false);
    expect(someRoleBelow(svc, [claim("batch", 3.5, 2)], total)).toBe(true);
    expect(someRoleBelow(svc, [svc], total)).toBe(false);
    expect(someRoleBelow(svc, [], total)).toBe(false);
  });

  it("owes a part of an agent to a team whose launches wait for room only where one of them fits", () => {
    const each = { cpus: 0.5, mem: 32, disk: 0 };
    const waiting = [
      { appId: "/svc/web", forRoom: 2, each },
      { appId: "/svc/api", forRoom: 1, each },
      { appId: "/big/db", forRoom: 1, each: { cpus: 2, mem: 32, disk: 0 } },
      { appId: "/lim/web", each },
      { appId: "/old/web", forRoom: 1 },
    ];
    expect(marathonRolesFitting(waiting, { cpus: 1, mem: 1000, disk: 0 })).toEqual(["svc/marathon"]);
    expect(marathonRolesFitting(waiting, { cpus: 2, mem: 1000, disk: 0 })).toEqual(["svc/marathon", "big/marathon"]);
    expect(marathonRolesFitting(waiting, { cpus: 0.4, mem: 1000, disk: 0 })).toEqual([]);
  });

  it("puts a job's launch behind a Marathon role holding less that waits for room it would fit in, and behind no other", () => {
    const total = { cpus: 4, mem: 4096, disk: 0 };
    const jobs = { role: "batch/metronome", weight: 1, used: { cpus: 2, mem: 0, disk: 0 } };
    const need = { cpus: 0.5, mem: 32, disk: 0 };
    const claims = new Map([
      ["svc/marathon", { role: "svc/marathon", weight: 1, used: { cpus: 1, mem: 0, disk: 0 } }],
      ["big/marathon", { role: "big/marathon", weight: 1, used: { cpus: 3, mem: 0, disk: 0 } }],
    ]);
    const svcWaits = [{ appId: "/svc/web", forRoom: 1, each: { cpus: 0.5, mem: 32, disk: 0 } }];
    const full = [{ cpus: 0, mem: 1000, disk: 0 }];
    // Nothing looks free: the room this launch would find is room svc's launch would fit in.
    expect(marathonRoleOwedFirst(jobs, need, claims, svcWaits, full, total, undefined)).toBe("svc/marathon");
    // A role holding more than the job's is not owed first; nor one whose launch would not fit, nor one waiting for no room.
    expect(marathonRoleOwedFirst(jobs, need, claims, [{ ...svcWaits[0]!, appId: "/big/web" }], full, total, undefined)).toBeUndefined();
    expect(marathonRoleOwedFirst(jobs, { ...need, cpus: 0.25 }, claims, svcWaits, full, total, undefined)).toBeUndefined();
    expect(marathonRoleOwedFirst(jobs, need, claims, svcWaits, [{ cpus: 0.25, mem: 1000, disk: 0 }], total, undefined)).toBe(
      "svc/marathon",
    );
    expect(marathonRoleOwedFirst(jobs, need, claims, [{ ...svcWaits[0]!, forRoom: 0 }], full, total, undefined)).toBeUndefined();
    // A role holding nothing yet is owed first; weights count: the job's role weighed 4 holds less than svc's.
    expect(marathonRoleOwedFirst(jobs, need, new Map(), svcWaits, full, total, undefined)).toBe("svc/marathon");
    expect(marathonRoleOwedFirst({ ...jobs, weight: 4 }, need, claims, svcWaits, full, total, undefined)).toBeUndefined();
  });
});
