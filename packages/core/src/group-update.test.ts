import { describe, expect, it } from "vitest";
import { readGroupUpdate, scaledInstances } from "./group-update.js";

const change = (body: unknown, groupId = "/shop") => {
  const r = readGroupUpdate(body, groupId);
  if (!r.ok || r.update.kind !== "change") throw new Error(JSON.stringify(r));
  return r.update;
};
const existing = ["/shop/web", "/shop/db", "/shop/api/v1", "/shop/api/v2", "/shop/batch/nightly"];
const removed = (body: unknown) => existing.filter(change(body).removes);

describe("a group body, as Marathon's GroupUpdate", () => {
  it("removes nothing when it gives neither apps nor groups", () => {
    expect(removed({})).toEqual([]);
    expect(removed({ id: "/shop" })).toEqual([]);
    expect(removed({ dependencies: [] })).toEqual([]);
  });

  it("replaces the group's own apps when it gives apps, and keeps its subgroups", () => {
    expect(removed({ apps: [{ id: "web" }] })).toEqual(["/shop/db"]);
    expect(removed({ apps: [] })).toEqual(["/shop/web", "/shop/db"]);
  });

  it("replaces the subgroups when it gives groups, and keeps the group's own apps", () => {
    expect(removed({ groups: [{ id: "api" }] })).toEqual(["/shop/batch/nightly"]);
    expect(removed({ groups: [{ id: "api", apps: [{ id: "v2" }] }] })).toEqual(["/shop/api/v1", "/shop/batch/nightly"]);
    expect(removed({ apps: [], groups: [] })).toEqual(existing);
  });

  it("resolves relative ids against their group and names the apps it gives", () => {
    const u = change({ groups: [{ id: "api", apps: [{ id: "v3", cmd: "x" }] }], apps: [{ id: "/shop/web" }] });
    expect(u.apps.map((a) => [a.id, a.path])).toEqual([
      ["/shop/web", "/apps/0"],
      ["/shop/api/v3", "/groups/0/apps/0"],
    ]);
    expect(u.apps[1]?.raw).toEqual({ id: "/shop/api/v3", cmd: "x" });
  });

  it("is a rollback with version, and a scaling with scaleBy, each alone", () => {
    expect(readGroupUpdate({ version: "2026-01-01T00:00:00.000Z" }, "/shop")).toEqual({
      ok: true,
      update: { kind: "rollback", version: "2026-01-01T00:00:00.000Z" },
    });
    expect(readGroupUpdate({ id: "/shop", scaleBy: 2 }, "/shop")).toEqual({ ok: true, update: { kind: "scale", factor: 2 } });
    const mixed = readGroupUpdate({ scaleBy: 2, apps: [] }, "/shop");
    expect(mixed.ok === false && mixed.details).toEqual([{ path: "/apps", errors: ["cannot be changed together with scaleBy"] }]);
    expect(readGroupUpdate({ scaleBy: -1 }, "/shop").ok).toBe(false);
    expect(readGroupUpdate({ scaleBy: 1, version: "v" }, "/shop").ok).toBe(false);
    expect(readGroupUpdate({ version: 5 }, "/shop").ok).toBe(false);
  });

  it("refuses apps and groups outside the group, twice-given ids, unknown fields and deep nesting", () => {
    const fail = (body: unknown) => {
      const r = readGroupUpdate(body, "/shop");
      return r.ok ? [] : r.details.map((d) => d.path);
    };
    expect(fail({ apps: [{ id: "/other/x" }] })).toEqual(["/apps/0/id"]);
    expect(fail({ groups: [{ id: "/other" }] })).toEqual(["/groups/0/id"]);
    expect(fail({ apps: [{ id: "a" }, { id: "/shop/a" }] })).toEqual(["/apps/1/id"]);
    expect(fail({ apps: {}, colour: "red" })).toEqual(["/colour", "/apps"]);
    const deep = JSON.parse(`${'{"groups":['.repeat(200)}{}${"]}".repeat(200)}`) as unknown;
    expect(fail(deep)[0]).toMatch(/^(\/groups\/0)+$/);
  });

  it("rounds a scaled app's instances up", () => {
    expect(scaledInstances(3, 1.5)).toBe(5);
    expect(scaledInstances(2, 0)).toBe(0);
    expect(scaledInstances(1, 2)).toBe(2);
  });
});
