import { describe, expect, it } from "vitest";
import { GroupCommit } from "@berth/bus";
import type { QuotaLedger } from "@berth/core";
import { useBuses } from "./buses.js";

const buses = useBuses("group-commit", "group-commit-other", "closed");

describe("GroupCommit", () => {
  it("applies every change made at once, in few writes, and answers each caller from the value it saw", async () => {
    const ledgers = new GroupCommit(buses["group-commit"].quotas);
    const rival = new GroupCommit(buses["group-commit-other"].quotas);
    const add = (g: GroupCommit<QuotaLedger>, i: number) =>
      g.change("team-a", (cur) => {
        const apps = { ...(cur?.apps ?? {}) };
        if (Object.keys(apps).length >= 150) return { next: undefined, result: "full" };
        apps[`/team-a/app-${i}`] = { cpus: 0, mem: 0, disk: 0, instances: 1 };
        return { next: { apps }, result: `added ${Object.keys(apps).length}` };
      });
    // Two processes' worth of callers; the second writes the same key, so their writes race by compare-and-set.
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => add(i % 4 === 0 ? rival : ledgers, i)));
    const stored = await buses["group-commit"].quotas.get("team-a");
    expect(Object.keys(stored?.value.apps ?? {})).toHaveLength(150);
    expect(results.filter((r) => r === "full")).toHaveLength(50);
    // Each caller saw a distinct count: no change was applied twice or lost.
    const counts = results.filter((r) => r !== "full");
    expect(new Set(counts).size).toBe(150);
    // Far fewer writes than changes: the bucket's revision grew by the writes that won.
    expect(stored?.revision ?? 0).toBeLessThan(100);
  });

  it("tells every caller in a batch when the write fails", async () => {
    const closed = buses.closed;
    await closed.close();
    const failing = new GroupCommit(closed.quotas, 1);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => failing.change("team-b", () => ({ next: { apps: {} }, result: 1 }))));
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
  });
});
