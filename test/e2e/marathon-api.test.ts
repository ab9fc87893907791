// Marathon's endpoints and events that its clients rely on, answered as Marathon answers them.
import { eventually } from "@berth/testkit";
import { describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { openSse } from "../support/sse.js";

const f = useCluster("e2e-marathon-api");
const eventsOf = (type: string) => f.events.filter((e) => e.eventType === type);

describe("endpoints Marathon's clients call", () => {
  it("answers the leader, and names it on every answer", async () => {
    const r = await f.api.call<{ leader: string }>("GET", "/v2/leader");
    expect(r.body.leader).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(r.headers.get("x-marathon-leader")).toBe(`http://${r.body.leader}`);
    expect((await f.api.call("GET", "/v2/apps")).headers.get("x-marathon-leader")).toBe(`http://${r.body.leader}`);
  });

  it("abdicates: the launch-dispatcher gives up its lease, takes it again, and deployments go on", async () => {
    const r = await f.api.call<{ message: string }>("DELETE", "/v2/leader");
    expect(r.body).toEqual({ message: "Leadership abdicated" });
    expect((await f.api.call("POST", "/v2/apps", sleeper("/leader/after", 1))).status).toBe(201);
    await eventually(async () => (await f.api.running("/leader/after")).length === 1, { what: "a launch after the abdication" });
  });

  it("changes several apps with PATCH /v2/apps, and creates a group under a path with POST /v2/groups/{id}", async () => {
    expect((await f.api.call("POST", "/v2/groups/bulk", { id: "inner", apps: [sleeper("a"), sleeper("b")] })).status).toBe(201);
    await f.api.settled();
    const r = await f.api.call<{ deploymentId: string }>("PATCH", "/v2/apps", [
      { id: "/bulk/inner/a", instances: 2 },
      { id: "/bulk/inner/b", labels: { patched: "yes" } },
    ]);
    expect(r.status).toBe(200);
    // One deployment for the request, as Marathon's, over both apps.
    const one = await f.api.call<{ affectedApps: string[] }>("GET", `/v2/deployments/${r.body.deploymentId}`);
    expect(one.body.affectedApps).toEqual(["/bulk/inner/a", "/bulk/inner/b"]);
    const apps = (
      await f.api.call<{ apps: { id: string; instances: number; labels: Record<string, string>; cmd: string }[] }>(
        "GET",
        "/v2/apps?id=/bulk",
      )
    ).body.apps;
    expect(apps.map((a) => [a.id, a.instances, a.labels.patched ?? "", a.cmd])).toEqual([
      ["/bulk/inner/a", 2, "", "sleep 3600"],
      ["/bulk/inner/b", 1, "yes", "sleep 3600"],
    ]);
    await f.api.settled();
    // PATCH of a group reads a GroupUpdate: scaling it leaves every app in place.
    expect((await f.api.call("PATCH", "/v2/groups/bulk/inner", { scaleBy: 2 })).status).toBe(200);
    const scaled = (await f.api.call<{ apps: { instances: number }[] }>("GET", "/v2/apps?id=/bulk")).body.apps;
    expect(scaled.map((a) => a.instances)).toEqual([4, 2]);
    await f.api.settled();
  });

  it("answers running tasks as text for old load-balancer scripts", async () => {
    expect((await f.api.call("POST", "/v2/apps", sleeper("/text/web", 2, { portDefinitions: [{ port: 0 }, { port: 0 }] }))).status).toBe(
      201,
    );
    const running = await eventually(
      async () => {
        const r = await f.api.running("/text/web");
        return r.length === 2 && r;
      },
      { what: "two tasks running" },
    );
    const text = await f.api.call<string>("GET", "/v2/tasks", undefined, undefined, { accept: "text/plain" });
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = text.body.split("\n").filter((l) => l.startsWith("text_web\t"));
    expect(lines).toHaveLength(2);
    const app = await f.api.call<{ app: { portDefinitions: { port: number }[] } }>("GET", "/v2/apps/text/web");
    for (const [i, line] of lines.entries()) {
      const [, servicePort, ...endpoints] = line.split("\t");
      expect(Number(servicePort)).toBeGreaterThanOrEqual(10000);
      expect(Number(servicePort)).toBe(app.body.app.portDefinitions[i]!.port);
      expect(endpoints.filter(Boolean).sort()).toEqual(running.map((t) => `127.0.0.1:${t.ports[i]}`).sort());
    }
  });
});

describe("Marathon's events", () => {
  it("tells of every app that goes, of health checks that come and go, and of each change's group", async () => {
    const check = { protocol: "COMMAND", command: { value: "true" }, gracePeriodSeconds: 5, intervalSeconds: 5 };
    expect((await f.api.call("POST", "/v2/apps", sleeper("/ev/one", 1, { healthChecks: [check] }))).status).toBe(201);
    await eventually(() => eventsOf("add_health_check_event").some((e) => e.appId === "/ev/one"), { what: "add_health_check_event" });
    expect(eventsOf("group_change_success").some((e) => e.groupId === "/ev")).toBe(true);
    expect((await f.api.call("PUT", "/v2/apps/ev/one?force=true", { healthChecks: [] })).status).toBe(200);
    await eventually(() => eventsOf("remove_health_check_event").some((e) => e.appId === "/ev/one"), { what: "remove_health_check_event" });
    // Removed by a group change, not its own DELETE: still an app_terminated_event.
    expect((await f.api.call("PUT", "/v2/groups/ev?force=true", { apps: [] })).status).toBe(200);
    await eventually(() => eventsOf("app_terminated_event").some((e) => e.appId === "/ev/one"), { what: "app_terminated_event" });
  });

  it("tells of a refused group change, with the reason", async () => {
    const r = await f.api.call("PUT", "/v2/groups/ev", { apps: [{ ...sleeper("bad"), cpus: -1 }] });
    expect(r.status).toBe(422);
    const failed = await eventually(() => eventsOf("group_change_failed").find((e) => e.groupId === "/ev"), {
      what: "group_change_failed",
    });
    expect(failed.reason).toBe("Object is not valid");
  });

  it("fills a status update's ipAddresses, and gives deployment plans without their groups with plan-format=light", async () => {
    const light = await openSse(`${f.cluster.apiUrl}/v2/events?plan-format=light`, f.cluster.adminToken);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/ev/two", 1))).status).toBe(201);
    const info = await eventually(() => light.events.find((e) => e.event === "deployment_info"), { what: "a deployment_info" });
    expect(Object.keys(info.data.plan as object).sort()).toEqual(["id", "steps", "version"]);
    const status = await eventually(
      () => eventsOf("status_update_event").find((e) => e.appId === "/ev/two" && e.taskStatus === "TASK_RUNNING"),
      {
        what: "a status update",
      },
    );
    expect(status.ipAddresses).toEqual([{ ipAddress: "127.0.0.1", protocol: "IPv4" }]);
    light.close();
    await eventually(() => eventsOf("event_stream_detached").length > 0 && eventsOf("event_stream_attached").length > 0, {
      what: "the stream's attach and detach events",
    });
  });
});
