import { describe, expect, it } from "vitest";
import { accessRefusal, eventScope, mayAccess, mayAdminister, maySeeEvent, parseScopes, type Principal } from "./access.js";

const red: Principal = { role: "team", team: "red", name: "red ci" };
const admin: Principal = { role: "admin", name: "ops" };

describe("what a team reaches", () => {
  it("reaches its own group and nothing else; an admin reaches all", () => {
    expect(mayAccess(red, "/red/web")).toBe(true);
    expect(mayAccess(red, "/redder/web")).toBe(false);
    expect(mayAccess(red, "/blue/web")).toBe(false);
    expect(mayAccess(admin, "/blue/web")).toBe(true);
    expect(accessRefusal(red, "/blue/web")).toMatch(/team 'red' may not access '\/blue\/web'/);
  });

  it("sees an event only when all it is about is the team's, by app id, run spec id, group or plan", () => {
    const status = { eventType: "status_update_event", appId: "/red/web" };
    const instance = { eventType: "instance_changed_event", runSpecId: "/red/web", instanceId: "red_web.x" };
    const health = { eventType: "instance_health_changed_event", runSpecId: "/blue/db" };
    const plan = { eventType: "deployment_info", plan: { original: { apps: [{ id: "/red/a" }] }, target: { apps: [{ id: "/blue/b" }] } } };
    expect(maySeeEvent(red, status)).toBe(true);
    expect(maySeeEvent(red, instance)).toBe(true);
    expect(eventScope(instance)).toEqual(["/red/web"]);
    expect(maySeeEvent(red, health)).toBe(false);
    expect(maySeeEvent(red, plan)).toBe(false);
    expect(maySeeEvent(red, { eventType: "event_stream_attached" })).toBe(false);
    expect(maySeeEvent(admin, plan)).toBe(true);
  });

  it("sees a job's events when the job is the team's, by its dotted id", () => {
    expect(eventScope({ eventType: "job_run_finished", jobId: "red.nightly.report", runId: "r" })).toEqual(["/red/nightly/report"]);
    expect(maySeeEvent(red, { eventType: "job_run_started", jobId: "red.nightly", runId: "r" })).toBe(true);
    expect(maySeeEvent(red, { eventType: "job_run_failed", jobId: "blue.nightly", runId: "r" })).toBe(false);
    expect(maySeeEvent(red, { eventType: "job_run_missed", jobId: "redder.x", runId: "r" })).toBe(false);
  });

  it("reads a plan's groups at every depth, and its steps' apps", () => {
    const tree = (id: string) => ({
      id: "/",
      apps: [],
      groups: [{ id: "/red", apps: [], groups: [{ id: "/red/x", apps: [{ id }], groups: [] }] }],
    });
    const own = {
      eventType: "deployment_success",
      plan: { original: tree("/red/x/a"), target: tree("/red/x/a"), steps: [{ actions: [{ app: "/red/x/a" }] }] },
    };
    const mixed = { ...own, plan: { ...own.plan, target: tree("/blue/x/b") } };
    const step = { ...own, plan: { ...own.plan, steps: [{ actions: [{ app: "/blue/c" }] }] } };
    expect(eventScope(own)).toEqual(["/red/x/a", "/red/x/a", "/red/x/a"]);
    expect(maySeeEvent(red, own)).toBe(true);
    expect(maySeeEvent(red, mixed)).toBe(false);
    expect(maySeeEvent(red, step)).toBe(false);
  });
});

describe("a token's scopes", () => {
  const ci: Principal = { role: "team", team: "shop", name: "ci", scopes: [{ action: "deploy", path: "/shop/web" }] };
  const dashboard: Principal = { role: "team", team: "shop", name: "dash", scopes: [{ action: "read", path: "/shop" }] };
  const readOnlyAdmin: Principal = { role: "admin", name: "grafana", scopes: [{ action: "read", path: "/" }] };

  it("allow an action on the path and below, and the actions under it", () => {
    expect(mayAccess(ci, "/shop/web", "deploy")).toBe(true);
    expect(mayAccess(ci, "/shop/web/api", "deploy")).toBe(true);
    expect(mayAccess(ci, "/shop/web", "read")).toBe(true);
    expect(mayAccess(ci, "/shop/webshop", "read")).toBe(false);
    expect(mayAccess(ci, "/shop/db", "read")).toBe(false);
    expect(mayAccess(ci, "/shop/web", "admin")).toBe(false);
    expect(mayAccess(dashboard, "/shop/db", "read")).toBe(true);
    expect(mayAccess(dashboard, "/shop/db", "deploy")).toBe(false);
    expect(accessRefusal(dashboard, "/shop/db", "deploy")).toBe("the token 'dash' may not deploy '/shop/db': its scopes are read:/shop");
  });

  it("never reach past the team, and an admin's scopes narrow the cluster-wide rights", () => {
    const wide: Principal = { role: "team", team: "shop", name: "x", scopes: [{ action: "admin", path: "/" }] };
    expect(mayAccess(wide, "/other/app", "read")).toBe(false);
    expect(mayAdminister(readOnlyAdmin, "read")).toBe(true);
    expect(mayAdminister(readOnlyAdmin, "admin")).toBe(false);
    expect(mayAccess(readOnlyAdmin, "/any/app", "deploy")).toBe(false);
    expect(mayAdminister(admin)).toBe(true);
    expect(mayAdminister(red, "read")).toBe(false);
  });

  it("decide which events a scoped token sees", () => {
    expect(maySeeEvent(ci, { appId: "/shop/web" })).toBe(true);
    expect(maySeeEvent(ci, { appId: "/shop/db" })).toBe(false);
    expect(maySeeEvent(readOnlyAdmin, { eventType: "event_stream_attached" })).toBe(true);
    const scopedAdmin: Principal = { role: "admin", name: "a", scopes: [{ action: "read", path: "/shop" }] };
    expect(maySeeEvent(scopedAdmin, { eventType: "event_stream_attached" })).toBe(false);
  });

  it("are read from 'action:path' strings, inside a team token's own group", () => {
    expect(parseScopes(["deploy:/shop/web", "read:/shop/"], "shop")).toEqual({
      ok: true,
      scopes: [
        { action: "deploy", path: "/shop/web" },
        { action: "read", path: "/shop" },
      ],
    });
    expect(parseScopes(["read:/"], undefined)).toEqual({ ok: true, scopes: [{ action: "read", path: "/" }] });
    const bad = parseScopes(["write:/shop", "read:shop", "read:/shop/../x", "deploy:/other", 5], "shop");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.details.map((d) => d.path)).toEqual(["/scopes/0", "/scopes/1", "/scopes/2", "/scopes/3", "/scopes/4"]);
    expect(parseScopes([], "shop").ok).toBe(false);
  });
});
