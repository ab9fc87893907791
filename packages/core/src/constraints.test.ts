import { describe, expect, it } from "vitest";
import { matchTask } from "./offer-matcher.js";
import { need, offer } from "./test-fixtures.js";

function cluster() {
  const a = offer("a", {}, { rack: "r1", zone: "z1" });
  const b = offer("b", {}, { rack: "r1", zone: "z2" });
  const c = offer("c", {}, { rack: "r2" });
  return [a, b, c];
}

describe("constraints", () => {
  it("UNIQUE hostname avoids hosts that run the app", () => {
    const [a, b, c] = cluster();
    a!.appTaskCounts.set("/web", 1);
    b!.appTaskCounts.set("/web", 1);
    expect(matchTask(need({ constraints: [["hostname", "UNIQUE"]] }), [a!, b!, c!])).toMatchObject({ agentId: "c" });
    c!.appTaskCounts.set("/web", 1);
    expect(matchTask(need({ constraints: [["hostname", "UNIQUE"]] }), [a!, b!, c!])).toEqual({
      ok: false,
      reasons: ["constraint hostname:UNIQUE on 3 of 3 agents"],
    });
  });

  it("CLUSTER and IS pin to a value", () => {
    expect(matchTask(need({ constraints: [["rack", "CLUSTER", "r2"]] }), cluster())).toMatchObject({ agentId: "c" });
    expect(matchTask(need({ constraints: [["@zone", "IS", "z2"]] }), cluster())).toMatchObject({ agentId: "b" });
    expect(matchTask(need({ constraints: [["rack", "IS", "r9"]] }), cluster()).ok).toBe(false);
  });

  it("LIKE and UNLIKE match whole values", () => {
    expect(matchTask(need({ constraints: [["rack", "LIKE", "r[2-3]"]] }), cluster())).toMatchObject({ agentId: "c" });
    expect(matchTask(need({ constraints: [["rack", "LIKE", "r"]] }), cluster()).ok).toBe(false);
    const r = matchTask(need({ constraints: [["rack", "UNLIKE", "r1"]] }), cluster());
    expect(r).toMatchObject({ agentId: "c" });
  });

  it("MAX_PER caps tasks per value", () => {
    const [a, b, c] = cluster();
    a!.appTaskCounts.set("/web", 1);
    b!.appTaskCounts.set("/web", 1);
    expect(matchTask(need({ constraints: [["rack", "MAX_PER", "2"]] }), [a!, b!, c!])).toMatchObject({ agentId: "c" });
  });

  it("GROUP_BY evens tasks across values", () => {
    const [a, b, c] = cluster();
    a!.appTaskCounts.set("/web", 1);
    expect(matchTask(need({ constraints: [["rack", "GROUP_BY"]] }), [a!, b!, c!])).toMatchObject({ agentId: "c" });
  });

  it("counts only the same app's tasks", () => {
    const [a, b, c] = cluster();
    a!.appTaskCounts.set("/other", 5);
    expect(matchTask(need({ constraints: [["hostname", "UNIQUE"]] }), [a!, b!, c!]).ok).toBe(true);
  });
});
