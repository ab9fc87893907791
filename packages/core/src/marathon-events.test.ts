import { describe, expect, it } from "vitest";
import {
  asOneWrite,
  carrying,
  conditionOf,
  eventsAtEdge,
  healthEvents,
  statusEvent,
  storedTypesOf,
  unhealthyKillEvent,
} from "./marathon-events.js";
import { HEALTH_UNKNOWN } from "./health-check.js";
import { task } from "./test-fixtures.js";

describe("events at the edge", () => {
  const status = {
    eventType: "status_update_event",
    timestamp: "2026-12-05T10:00:00.000Z",
    slaveId: "agent-1",
    taskId: "shop_web.1",
    taskStatus: "TASK_RUNNING",
    message: "",
    appId: "/shop/web",
    host: "10.0.0.1",
    ipAddresses: [],
    ports: [31000],
    version: "2026-12-05T09:59:00.000Z",
  };

  it("gives a status update with Marathon's instance_changed_event beside it, every field from the update", () => {
    expect(eventsAtEdge(status)).toEqual([
      status,
      {
        eventType: "instance_changed_event",
        timestamp: "2026-12-05T10:00:00.000Z",
        instanceId: "shop_web.1",
        condition: "Running",
        runSpecId: "/shop/web",
        agentId: "agent-1",
        host: "10.0.0.1",
        runSpecVersion: "2026-12-05T09:59:00.000Z",
      },
    ]);
  });

  it("gives any other event as it is", () => {
    const e = { eventType: "deployment_success", timestamp: "t", id: "d1" };
    expect(eventsAtEdge(e)).toEqual([e]);
  });

  it("tells the events a stored event carries right after it, in order, without the carrier's field", () => {
    const info = { eventType: "deployment_info", timestamp: "t", plan: {} };
    const group = { eventType: "group_change_success", timestamp: "t", groupId: "/a", version: "t" };
    const post = { eventType: "api_post_event", timestamp: "t", uri: "/v2/apps" };
    const stored = carrying(info, [group, post]);
    expect(eventsAtEdge(stored)).toEqual([info, group, post]);
    expect(JSON.parse(JSON.stringify(eventsAtEdge(stored)[0]))).not.toHaveProperty("carries");
    expect(carrying(info, [])).toEqual(info);
  });

  it("tells a status update's carried events after the instance_changed_event derived from it", () => {
    const kill = { eventType: "unhealthy_instance_kill_event", timestamp: status.timestamp, taskId: status.taskId };
    expect(eventsAtEdge(carrying(status, [kill])).map((e) => e.eventType)).toEqual([
      "status_update_event",
      "instance_changed_event",
      "unhealthy_instance_kill_event",
    ]);
  });

  it("stores the events of one moment as one write, the first carrying the rest and named as the first", () => {
    const failed = { eventType: "failed_health_check_event", timestamp: "t", taskId: "w.1" };
    const changed = { eventType: "health_status_changed_event", timestamp: "t", taskId: "w.1", alive: false };
    expect(
      asOneWrite([
        [failed, "failed-1"],
        [changed, "changed-1"],
      ]),
    ).toEqual([[{ ...failed, carries: [changed] }, "failed-1"]]);
    expect(asOneWrite([[changed, "changed-1"]])).toEqual([[changed, "changed-1"]]);
    expect(asOneWrite([])).toEqual([]);
  });

  it("gives a health change with Marathon's instance_health_changed_event beside it, also where a failed check carries it", () => {
    const changed = {
      eventType: "health_status_changed_event",
      timestamp: "t",
      appId: "/shop/web",
      instanceId: "shop_web.1",
      taskId: "shop_web.1",
      version: "v1",
      alive: false,
    };
    const instance = {
      eventType: "instance_health_changed_event",
      timestamp: "t",
      instanceId: "shop_web.1",
      runSpecId: "/shop/web",
      runSpecVersion: "v1",
      healthy: false,
    };
    expect(eventsAtEdge(changed)).toEqual([changed, instance]);
    const failed = { eventType: "failed_health_check_event", timestamp: "t", taskId: "shop_web.1" };
    expect(eventsAtEdge(carrying(failed, [changed]))).toEqual([failed, changed, instance]);
  });

  it("names Marathon's conditions, and where each type is stored", () => {
    expect(["TASK_STARTING", "TASK_KILLING", "TASK_FAILED"].map(conditionOf)).toEqual(["Starting", "Killing", "Failed"]);
    expect(storedTypesOf("instance_changed_event")).toEqual(["status_update_event"]);
    expect(storedTypesOf("deployment_info")).toEqual(["deployment_info"]);
    expect(storedTypesOf("api_post_event")).toEqual(["api_post_event", "deployment_info"]);
    expect(storedTypesOf("deployment_success")).toEqual(["deployment_success", "deployment_step_success"]);
    expect(storedTypesOf("deployment_failed")).toEqual(["deployment_failed", "deployment_step_failure"]);
    expect(storedTypesOf("health_status_changed_event")).toEqual(["health_status_changed_event", "failed_health_check_event"]);
    expect(storedTypesOf("failed_health_check_event")).toEqual(["failed_health_check_event"]);
    expect(storedTypesOf("instance_health_changed_event")).toEqual(["health_status_changed_event", "failed_health_check_event"]);
    expect(storedTypesOf("unhealthy_instance_kill_event")).toEqual(["unhealthy_instance_kill_event", "status_update_event"]);
  });
});

describe("Marathon's events from a task and an update", () => {
  const t = task({ taskId: "web.1", appId: "/web", state: "TASK_RUNNING", ports: [31000] });
  const update = { state: "TASK_RUNNING", message: "", timestampMs: Date.parse("2026-12-05T10:00:00.000Z") };

  it("tells of a status update with the task's agent, host, ports and version", () => {
    expect(statusEvent(t, update)).toEqual({
      eventType: "status_update_event",
      timestamp: "2026-12-05T10:00:00.000Z",
      slaveId: "a1",
      taskId: "web.1",
      taskStatus: "TASK_RUNNING",
      message: "",
      appId: "/web",
      host: "a1.local",
      ipAddresses: [{ ipAddress: "a1.local", protocol: "IPv4" }],
      ports: [31000],
      version: "v1",
    });
    expect(unhealthyKillEvent(t, { ...update, state: "TASK_KILLED", message: "3 failures" })).toMatchObject({
      eventType: "unhealthy_instance_kill_event",
      instanceId: "web.1",
      reason: "3 failures",
    });
  });

  it("tells of a failed check, and of a change between alive and not, but not of a check that passes again", () => {
    const check = { protocol: "COMMAND" } as never;
    const failing = {
      ...t,
      health: { ...HEALTH_UNKNOWN, state: "UNHEALTHY" as const, consecutiveFailures: 1, lastFailureMs: 5, lastFailureCause: "exit 1" },
    };
    const kinds = (before: typeof HEALTH_UNKNOWN, now: typeof t) =>
      healthEvents(now, before, update, [check]).map(([e, k]) => [e.eventType, k]);
    expect(kinds(HEALTH_UNKNOWN, failing)).toEqual([["failed_health_check_event", "failed-health-check"]]);
    const healthy = { ...t, health: { ...HEALTH_UNKNOWN, state: "HEALTHY" as const } };
    expect(kinds(failing.health, healthy)).toEqual([["health_status_changed_event", "health-changed"]]);
    expect(healthEvents(healthy, failing.health, update, [check])[0]?.[0]).toMatchObject({ alive: true });
    expect(kinds(healthy.health, healthy)).toEqual([]);
    // A healthy task's failed check tells both, the failure first: stored as one write, the first carrying the second.
    expect(kinds(healthy.health, failing)).toEqual([
      ["failed_health_check_event", "failed-health-check"],
      ["health_status_changed_event", "health-changed"],
    ]);
    expect(storedTypesOf("health_status_changed_event")).toContain("failed_health_check_event");
  });
});
