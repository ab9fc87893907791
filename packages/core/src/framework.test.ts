import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPLETED_FRAMEWORK_FOLLOWED_MS,
  frameworkTaskKeys,
  fairOrder,
  frameworkLaunchRefusal,
  frameworkOf,
  frameworkVisibleTo,
  isMarathonTask,
  ledgerWithFrameworks,
  marathonFramework,
  usageBy,
  usageByFramework,
  weightedDominantShare,
  withoutFrameworks,
} from "./framework.js";
import { booking } from "./test-fixtures.js";

describe("frameworks", () => {
  it("takes a record or booking that names no framework (or an empty one) for marathon's", () => {
    expect(frameworkOf({})).toBe("marathon");
    expect(frameworkOf({ frameworkId: "" })).toBe("marathon");
    expect(frameworkOf({ frameworkId: null })).toBe("marathon");
    expect(frameworkOf({ frameworkId: "fw-1" })).toBe("fw-1");
    expect(isMarathonTask({ frameworkId: "marathon" })).toBe(true);
    expect(isMarathonTask({ frameworkId: "fw-1" })).toBe(false);
  });

  it("sums the bookings by framework, rounded as resources are", () => {
    const u = usageByFramework([booking("t1", 0.1, 32), booking("t2", 0.2, 64, "marathon"), booking("t3", 0.05, 16, "fw-1")]);
    expect(u.get("marathon")).toEqual({ cpus: 0.3, mem: 96, disk: 0, tasks: 2 });
    expect(u.get("fw-1")).toEqual({ cpus: 0.05, mem: 16, disk: 0, tasks: 1 });
    expect(usageByFramework([]).size).toBe(0);
    // Any other key: the team each booking's app belongs to.
    const byTeam = usageBy(
      [
        { ...booking("t1", 0.1, 32), appId: "/shop/web" },
        { ...booking("t2", 0.2, 64), appId: "/shop/api" },
      ],
      (r) => r.appId.split("/")[1] ?? "",
    );
    expect(Object.fromEntries(byTeam)).toEqual({ shop: { cpus: 0.3, mem: 96, disk: 0, tasks: 2 } });
  });

  it("shows the admin every framework, and a team its own and the shared ones", () => {
    const admin = { role: "admin" as const, name: "root" };
    const shop = { role: "team" as const, team: "shop", name: "ci" };
    expect(frameworkVisibleTo({ team: "batch" }, admin)).toBe(true);
    expect(frameworkVisibleTo({ team: "batch" }, shop)).toBe(false);
    expect(frameworkVisibleTo({ team: "shop" }, shop)).toBe(true);
    expect(frameworkVisibleTo(marathonFramework(0), shop)).toBe(true);
  });

  it("counts a team's apps and its frameworks' tasks against its quota when a framework launches", () => {
    const apps = { apps: { "/t/web": { cpus: 1, mem: 256, disk: 0, instances: 2 } } };
    const fw = (taskId: string, cpus: number) => ({ ...booking(taskId, cpus, 32, "fw-1"), appId: "/t/batch" });
    const need = { cpus: 0.5, mem: 32, disk: 0 };
    // Marathon's own bookings are its apps': the ledger counts them, not the agents'.
    const marathonBooking = { ...booking("m1", 1, 256, "marathon"), appId: "/t/web" };
    expect(frameworkLaunchRefusal({ cpus: 2 }, apps, [marathonBooking, fw("a", 0.5)], "/t/batch", need)).toBeUndefined();
    expect(frameworkLaunchRefusal({ cpus: 2 }, apps, [fw("a", 0.5), fw("b", 0.25)], "/t/batch", need)).toBe(
      "team quota for cpus exceeded: the quota is 2, 1.75 is in use, and this change needs 1.25 for /t/batch (framework)",
    );
    // An app of the framework's path is another entry: the two never add into one.
    const sameName = { apps: { ...apps.apps, "/t/batch": { cpus: 0.25, mem: 32, disk: 0, instances: 1 } } };
    expect(frameworkLaunchRefusal({ cpus: 1.9 }, sameName, [fw("a", 0.25)], "/t/batch", need)).toMatch(/1.5 is in use/);
    expect(frameworkLaunchRefusal({ instances: 3 }, apps, [], "/t/batch", need)).toBeUndefined();
    expect(frameworkLaunchRefusal({ instances: 2 }, apps, [], "/t/batch", need)).toMatch(/team quota for instances exceeded/);
    expect(frameworkLaunchRefusal({}, apps, [fw("a", 100)], "/t/batch", need)).toBeUndefined();
  });

  it("counts a team's frameworks' tasks beside its apps, and stores only the apps' entries", () => {
    const apps = { apps: { "/t/web": { cpus: 1, mem: 256, disk: 0, instances: 2 } } };
    const fw = (taskId: string, cpus: number) => ({ ...booking(taskId, cpus, 32, "fw-1"), appId: "/t/batch" });
    const counted = ledgerWithFrameworks(apps, [fw("a", 0.5), fw("b", 0.25), { ...booking("m", 1, 256, "marathon"), appId: "/t/web" }]);
    expect(counted.apps).toEqual({
      "/t/web": { cpus: 1, mem: 256, disk: 0, instances: 2 },
      "/t/batch (framework)": { cpus: 0.75, mem: 64, disk: 0, instances: 2 },
    });
    expect(withoutFrameworks(counted)).toEqual(apps);
  });

  it("serves roles in dominant resource fairness order: lowest weighted dominant share first", () => {
    const total = { cpus: 10, mem: 1000, disk: 0 };
    const cpuHeavy = { role: "a", weight: 1, used: { cpus: 5, mem: 100, disk: 0 } }; // dominant: cpus 0.5
    const memHeavy = { role: "b", weight: 1, used: { cpus: 1, mem: 300, disk: 0 } }; // dominant: mem 0.3
    const idle = { role: "c", weight: 1, used: { cpus: 0, mem: 0, disk: 0 } };
    expect(weightedDominantShare(cpuHeavy, total)).toBe(0.5);
    expect(fairOrder([cpuHeavy, memHeavy, idle], total).map((c) => c.role)).toEqual(["c", "b", "a"]);
    // A weight of 2 halves the share: a now comes before b.
    expect(fairOrder([memHeavy, { ...cpuHeavy, weight: 2 }], total).map((c) => c.role)).toEqual(["a", "b"]);
    // Ties go by role name; a resource the cluster has none of counts nothing.
    expect(fairOrder([{ ...idle, role: "z" }, idle], total).map((c) => c.role)).toEqual(["c", "z"]);
  });

  it("never puts a role whose weighted share is higher before one whose share is lower", () => {
    const amount = fc.double({ min: 0, max: 1, noNaN: true });
    const claim = (i: number) =>
      fc.record({ weight: fc.integer({ min: 1, max: 4 }), cpus: amount, mem: amount, disk: amount }).map((c) => ({
        role: `r${i}`,
        weight: c.weight,
        used: { cpus: c.cpus * 64, mem: c.mem * 65536, disk: c.disk * 1e5 },
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => claim(i)))),
        (claims) => {
          const total = { cpus: 64, mem: 65536, disk: 1e5 };
          const shares = fairOrder(claims, total).map((c) => weightedDominantShare(c, total));
          return shares.every((s, i) => i === 0 || s >= shares[i - 1]!);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("the task records the scheduler-api follows", () => {
  const fw = (id: string, state: "active" | "inactive" | "completed", updatedAtMs = 0) => ({ id, state, updatedAtMs });
  const now = 100 * 60_000;

  it("are every framework's but Marathon's, by the key filter of its id", () => {
    expect(
      frameworkTaskKeys([fw("marathon", "active"), fw("f1", "active"), fw("f2", "inactive"), fw("metronome-ops", "active")], now),
    ).toEqual(["f1.>", "f2.>", "metronome-ops.>"]);
  });

  it("keep a completed framework's until some minutes after it completed, then let them go", () => {
    const completedAt = now - COMPLETED_FRAMEWORK_FOLLOWED_MS;
    expect(frameworkTaskKeys([fw("done", "completed", completedAt)], now)).toEqual(["done.>"]);
    expect(frameworkTaskKeys([fw("done", "completed", completedAt - 1)], now)).toEqual([]);
    // Only completion lets go: a framework gone (inactive) long ago still has tasks living on.
    expect(frameworkTaskKeys([fw("away", "inactive", 0)], now)).toEqual(["away.>"]);
  });

  it("are none with no framework but Marathon", () => {
    expect(frameworkTaskKeys([fw("marathon", "active")], now)).toEqual([]);
    expect(frameworkTaskKeys([], now)).toEqual([]);
  });
});
