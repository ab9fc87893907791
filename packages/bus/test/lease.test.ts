import { describe, expect, it } from "vitest";
import { Lease } from "@berth/bus";
import { eventually } from "@berth/testkit";
import { useBuses } from "./buses.js";

const buses = useBuses("a", "b");

describe("Lease", () => {
  it("is held by one holder at a time and passes on when released", async () => {
    const la = new Lease(buses.a.leases, "test", "a", () => undefined);
    const lb = new Lease(buses.b.leases, "test", "b", () => undefined);
    la.start();
    await eventually(() => la.isHeld, { what: "a holds" });
    lb.start();
    await new Promise((r) => setTimeout(r, 3_500));
    expect(lb.isHeld).toBe(false);
    await la.stop();
    await eventually(() => lb.isHeld, { what: "b takes over", timeoutMs: 10_000 });
    expect(la.isHeld).toBe(false);
    await lb.stop();
  });
});
