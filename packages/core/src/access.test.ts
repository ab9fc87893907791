import { describe, expect, it } from "vitest";
import { accessRefusal, eventScope, mayAccess, maySeeEvent, type Principal } from "./access.js";

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
});
