import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterTaking, beyondOffers, offeredTogether, splitOffer, type SplitClaim } from "./offer-split.js";
import { countPorts, type Resources } from "./resources.js";

const TOTAL = { cpus: 2, mem: 1000, disk: 1000 };
const SMALLEST = { cpus: 0.01, mem: 1, disk: 0 };
const FREE: Resources = { cpus: 1.8, mem: 900, disk: 0, ports: [{ begin: 31000, end: 31099 }] };
const claim = (frameworkId: string, cpus = 0, weight = 1, role = frameworkId): SplitClaim => ({
  frameworkId,
  role,
  weight,
  used: { cpus, mem: 0, disk: 0 },
});
const cpusOf = (parts: ReturnType<typeof splitOffer>) => Object.fromEntries(parts.map((p) => [p.frameworkId, p.resources.cpus]));

describe("splitting an agent's free resources among the frameworks that want them", () => {
  it("offers all of it to a framework alone", () => {
    expect(splitOffer([claim("a", 1)], FREE, TOTAL, SMALLEST)).toEqual([{ frameworkId: "a", resources: FREE }]);
  });

  it("halves it between two roles holding nothing, ports in two runs that do not overlap", () => {
    const parts = splitOffer([claim("a"), claim("b")], FREE, TOTAL, SMALLEST);
    expect(parts).toEqual([
      { frameworkId: "a", resources: { cpus: 0.9, mem: 450, disk: 0, ports: [{ begin: 31000, end: 31049 }] } },
      { frameworkId: "b", resources: { cpus: 0.9, mem: 450, disk: 0, ports: [{ begin: 31050, end: 31099 }] } },
    ]);
  });

  it("splits by weight: a role of weight 2 gets twice what a role of weight 1 gets", () => {
    expect(cpusOf(splitOffer([claim("a", 0, 1), claim("b", 0, 2)], FREE, TOTAL, SMALLEST))).toEqual({ a: 0.6, b: 1.2 });
  });

  it("gives all to a role far below the other, and nothing to the one above the level", () => {
    // a holds 60 % of the cluster, b nothing: the 0.6 cpus free (30 %) cannot lift b to a.
    const free = { ...FREE, cpus: 0.6, mem: 100 };
    expect(splitOffer([claim("a", 1.2), claim("b", 0)], free, TOTAL, SMALLEST)).toEqual([{ frameworkId: "b", resources: free }]);
  });

  it("levels the shares when the free resources can: the lower role gets the gap and half of the rest", () => {
    // a holds 20 %, b nothing, 40 % free: both end at 30 %, so b gets 0.6 cpus and a 0.2.
    const free = { ...FREE, cpus: 0.8, mem: 100 };
    expect(cpusOf(splitOffer([claim("a", 0.4), claim("b", 0)], free, TOTAL, SMALLEST))).toEqual({ a: 0.2, b: 0.6 });
  });

  it("splits each resource by its own shares: plentiful memory does not make a cpu-starved role look full", () => {
    // Memory is plentiful on this agent: a slice of every resource in one proportion would count the
    // role holding nothing as taking most of the agent's memory, and hold it to half the cpus.
    const total = { cpus: 4, mem: 24_000, disk: 0 };
    const free = { cpus: 1.4, mem: 23_000, disk: 0, ports: [] };
    const heavy = { frameworkId: "heavy", role: "heavy", weight: 2, used: { cpus: 2.6, mem: 416, disk: 0 } };
    const light = { frameworkId: "light", role: "light", weight: 1, used: { cpus: 0, mem: 0, disk: 0 } };
    // cpus: both end at a weighted share of 1/3: light 1.333, heavy 0.066.
    const parts = cpusOf(splitOffer([heavy, light], free, total, SMALLEST));
    expect(parts.light).toBeCloseTo(1.333, 3);
    expect(parts.heavy).toBeCloseTo(0.066, 3);
  });

  it("shares a role's part equally among its frameworks", () => {
    const parts = splitOffer([claim("a1", 0, 1, "x"), claim("a2", 0, 1, "x"), claim("b", 0, 1, "y")], FREE, TOTAL, SMALLEST);
    expect(cpusOf(parts)).toEqual({ a1: 0.45, a2: 0.45, b: 0.9 });
  });

  it("gives no one a part too small for the smallest task: the rest goes to the others", () => {
    // b's part would be 0.02 cpus against a smallest task of 0.1.
    const free = { ...FREE, cpus: 0.42, mem: 100 };
    const parts = splitOffer([claim("a", 0), claim("b", 0.4)], free, TOTAL, { cpus: 0.1, mem: 1, disk: 0 });
    expect(parts).toEqual([{ frameworkId: "a", resources: free }]);
  });

  it("offers nothing when nothing is free or no one wants it", () => {
    expect(splitOffer([claim("a")], { cpus: 0, mem: 0, disk: 0, ports: [] }, TOTAL, SMALLEST)).toEqual([]);
    expect(splitOffer([], FREE, TOTAL, SMALLEST)).toEqual([]);
  });

  it("never offers more than is free, never a port twice, and never more to a role already holding more", () => {
    const used = fc.double({ min: 0, max: 1.5, noNaN: true });
    fc.assert(
      fc.property(fc.array(used, { minLength: 1, maxLength: 6 }), fc.double({ min: 0.05, max: 2, noNaN: true }), (held, cpus) => {
        const claims = held.map((c, i) => claim(`f${i}`, c));
        const free = { ...FREE, cpus };
        const parts = splitOffer(claims, free, TOTAL, SMALLEST);
        const sum = parts.reduce((n, p) => n + p.resources.cpus, 0);
        expect(sum).toBeLessThanOrEqual(cpus + 1e-9);
        const ports = parts.flatMap((p) =>
          p.resources.ports.flatMap((r) => Array.from({ length: r.end - r.begin + 1 }, (_, i) => r.begin + i)),
        );
        expect(new Set(ports).size).toBe(ports.length);
        expect(ports.length).toBeLessThanOrEqual(countPorts(FREE.ports));
        const got = (id: string) => parts.find((p) => p.frameworkId === id)?.resources.cpus ?? 0;
        for (const a of claims)
          for (const b of claims)
            if (a.used.cpus < b.used.cpus) expect(got(a.frameworkId)).toBeGreaterThanOrEqual(got(b.frameworkId) - 0.001);
      }),
      { numRuns: 500 },
    );
  });
});

describe("launching from offers", () => {
  const a: Resources = { cpus: 0.5, mem: 100, disk: 0, ports: [{ begin: 31000, end: 31009 }] };
  const b: Resources = { cpus: 0.25, mem: 50, disk: 10, ports: [{ begin: 31050, end: 31050 }] };

  it("adds up several offers of one agent", () => {
    expect(offeredTogether([a, b])).toEqual({ cpus: 0.75, mem: 150, disk: 10, ports: [...a.ports, ...b.ports] });
    expect(offeredTogether([])).toEqual({ cpus: 0, mem: 0, disk: 0, ports: [] });
  });

  it("lets a task use what its offers have left, and no more", () => {
    const task = { cpus: 0.5, mem: 100, disk: 0, requiredPorts: [31005] };
    expect(beyondOffers(task, a)).toBeUndefined();
    const left = afterTaking(a, task);
    expect(left).toEqual({
      cpus: 0,
      mem: 0,
      disk: 0,
      ports: [
        { begin: 31000, end: 31004 },
        { begin: 31006, end: 31009 },
      ],
    });
    expect(beyondOffers({ cpus: 0.1, mem: 1, disk: 0, requiredPorts: [] }, left)).toBe(
      "Task uses more resources (cpus 0.1, mem 1, disk 0) than its offers have left (cpus 0, mem 0, disk 0)",
    );
    expect(beyondOffers({ cpus: 0, mem: 0, disk: 0, requiredPorts: [31005, 31100] }, left)).toBe(
      "Task uses ports the offers do not have (left): 31005, 31100",
    );
  });
});
