import { describe, expect, it } from "vitest";
import { homeOf } from "./rendezvous.js";

const agents = Array.from({ length: 3000 }, (_, i) => `sim${i % 4}-${i}`);

function shares(members: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of agents) {
    const h = homeOf(a, members) ?? "none";
    out.set(h, (out.get(h) ?? 0) + 1);
  }
  return out;
}

describe("homeOf", () => {
  it("has no home without members, and the only member's with one", () => {
    expect(homeOf("a", [])).toBeUndefined();
    expect(homeOf("a", ["x"])).toBe("x");
  });

  it("answers the same whatever the order of the members", () => {
    for (const a of agents.slice(0, 200)) expect(homeOf(a, ["x", "y", "z"])).toBe(homeOf(a, ["z", "x", "y"]));
  });

  it("spreads items evenly", () => {
    for (const members of [
      ["x", "y"],
      ["p1", "p2", "p3"],
      ["a", "b", "c", "d", "e"],
    ]) {
      const fair = agents.length / members.length;
      for (const n of shares(members).values()) expect(Math.abs(n - fair) / fair).toBeLessThan(0.1);
    }
  });

  it("moves only the items of a member that leaves, and only to a member that joins", () => {
    const before = new Map(agents.map((a) => [a, homeOf(a, ["x", "y", "z"])]));
    for (const a of agents) {
      const was = before.get(a);
      const now = homeOf(a, ["x", "y"]);
      if (was !== "z") expect(now).toBe(was);
      const joined = homeOf(a, ["x", "y", "z", "w"]);
      if (joined !== "w") expect(joined).toBe(was);
    }
  });
});
