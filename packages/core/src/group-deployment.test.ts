import { describe, expect, it } from "vitest";
import { type Deployment, groupOutcome, newDeployment, newGroupDeployment, planJson } from "./deployment.js";
import { appOf } from "./test-fixtures.js";

const part = (id: string, appId: string, over: Partial<Deployment> = {}): Deployment => ({
  ...newDeployment({ id, appId, target: appOf({ id: appId }), version: "v2", nowMs: 1000 }),
  partOf: "g",
  ...over,
});

describe("a group change's one deployment", () => {
  it("affects every app of its parts, shows all their actions in one step, and the plan holds every app", () => {
    const before = appOf({ id: "/shop/db", instances: 1 });
    const parts = [
      part("p1", "/shop/web"),
      {
        ...newDeployment({ id: "p2", appId: "/shop/db", previous: before, version: "v2", nowMs: 1000 }),
        partOf: "g",
        deadlineAtMs: 9_000_000,
      },
    ];
    const g = newGroupDeployment({ id: "g", version: "v2", nowMs: 2000, parts });
    expect(g).toMatchObject({
      id: "g",
      affectedApps: ["/shop/web", "/shop/db"],
      steps: [
        {
          actions: [
            { action: "StartApplication", app: "/shop/web" },
            { action: "StopApplication", app: "/shop/db" },
          ],
        },
      ],
      status: "running",
      parts: ["p1", "p2"],
      deadlineAtMs: 9_000_000,
    });
    type Group = { id: string; apps: { id: string }[]; groups: Group[] };
    const plan = planJson(g) as { original: Group; target: Group };
    expect(plan.original).toMatchObject({ id: "/", apps: [], groups: [{ id: "/shop", apps: [{ id: "/shop/db" }], groups: [] }] });
    expect(plan.target).toMatchObject({ id: "/", apps: [], groups: [{ id: "/shop", apps: [{ id: "/shop/web" }], groups: [] }] });
  });

  it("runs while any part runs or is not yet seen, and ends as its parts did", () => {
    const ok = part("a", "/a", { status: "success" });
    expect(groupOutcome([ok, part("b", "/b")])).toBeUndefined();
    expect(groupOutcome([ok, undefined])).toBeUndefined();
    expect(groupOutcome([ok, part("b", "/b", { status: "success" })])).toEqual({ status: "success", reason: "" });
    expect(groupOutcome([ok, part("b", "/b", { status: "failed", reason: "deadline" }), part("c", "/c", { status: "canceled" })])).toEqual({
      status: "failed",
      reason: "/b: failed (deadline); /c: canceled",
    });
    expect(groupOutcome([ok, part("c", "/c", { status: "canceled", reason: "superseded" })])).toEqual({
      status: "canceled",
      reason: "/c: canceled (superseded)",
    });
  });
});
