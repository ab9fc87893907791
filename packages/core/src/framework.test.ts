import { describe, expect, it } from "vitest";
import {
  frameworkLaunchRefusal,
  frameworkOf,
  frameworkVisibleTo,
  isMarathonTask,
  marathonFramework,
  usageByFramework,
} from "./framework.js";
import type { Reservation } from "./ledger.js";

const booking = (taskId: string, cpus: number, mem: number, frameworkId?: string): Reservation => ({
  taskId,
  appId: "/a/web",
  cpus,
  mem,
  disk: 0,
  ports: [],
  reservedAtMs: 0,
  ...(frameworkId === undefined ? {} : { frameworkId }),
});

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
      "team quota for cpus exceeded: the quota is 2, 1.75 is in use, and this change needs 1.25 for /t/batch",
    );
    expect(frameworkLaunchRefusal({ instances: 3 }, apps, [], "/t/batch", need)).toBeUndefined();
    expect(frameworkLaunchRefusal({ instances: 2 }, apps, [], "/t/batch", need)).toMatch(/team quota for instances exceeded/);
    expect(frameworkLaunchRefusal({}, apps, [fw("a", 100)], "/t/batch", need)).toBeUndefined();
  });
});
