import { describe, expect, it } from "vitest";
import { conditionOf, eventsAtEdge, storedTypeOf } from "./marathon-events.js";

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

  it("names Marathon's conditions, and where each type is stored", () => {
    expect(["TASK_STARTING", "TASK_KILLING", "TASK_FAILED"].map(conditionOf)).toEqual(["Starting", "Killing", "Failed"]);
    expect(storedTypeOf("instance_changed_event")).toBe("status_update_event");
    expect(storedTypeOf("deployment_info")).toBe("deployment_info");
  });
});
