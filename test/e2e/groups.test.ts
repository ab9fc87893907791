// Groups and rollbacks as Marathon clients use them: a request Marathon treats as harmless must not delete work.
import { eventually } from "@berth/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("e2e-groups");

type App = { id: string; instances: number; cmd: string; version: string };
const appsOf = async (group: string) =>
  (await f.api.call<{ apps: App[] }>("GET", "/v2/apps")).body.apps
    .filter((a) => a.id.startsWith(`${group}/`))
    .sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  const r = await f.api.call("PUT", "/v2/groups/shop", {
    apps: [sleeper("/shop/web", 1), sleeper("/shop/db", 1)],
    groups: [{ id: "/shop/api", apps: [sleeper("/shop/api/v1", 1)] }],
  });
  expect(r.status).toBe(200);
  await f.api.settled();
});

describe("PUT /v2/groups/{id}, as Marathon reads it", () => {
  it("scales every app with scaleBy, removing none", async () => {
    const r = await f.api.call<{ deploymentId: string }>("PUT", "/v2/groups/shop", { scaleBy: 2 });
    expect(r.status).toBe(200);
    expect(r.headers.get("marathon-deployment-id")).toBeTruthy();
    expect((await appsOf("/shop")).map((a) => [a.id, a.instances])).toEqual([
      ["/shop/api/v1", 2],
      ["/shop/db", 2],
      ["/shop/web", 2],
    ]);
    await f.api.settled();
  });

  it("changes only what a body names: without apps or groups, nothing is removed", async () => {
    expect((await f.api.call("PUT", "/v2/groups/shop", { id: "/shop" })).status).toBe(200);
    expect((await f.api.call("PUT", "/v2/groups/shop", { groups: [{ id: "api", apps: [sleeper("/shop/api/v1", 1)] }] })).status).toBe(200);
    expect((await appsOf("/shop")).map((a) => [a.id, a.instances])).toEqual([
      ["/shop/api/v1", 1],
      ["/shop/db", 2],
      ["/shop/web", 2],
    ]);
    await f.api.settled();
  });

  it("replaces the group's own apps when the body gives them, keeping its subgroups", async () => {
    expect((await f.api.call("PUT", "/v2/groups/shop?force=true", { apps: [sleeper("/shop/web", 1)] })).status).toBe(200);
    expect((await appsOf("/shop")).map((a) => a.id)).toEqual(["/shop/api/v1", "/shop/web"]);
    await f.api.settled();
  });

  it("rolls the group back to an earlier version, each app as it was then", async () => {
    const versions = (await f.api.call<string[]>("GET", "/v2/groups/shop/versions")).body;
    expect(versions.length).toBeGreaterThanOrEqual(3);
    const first = versions.at(-1)!;
    expect((await f.api.call("PUT", "/v2/groups/shop?force=true", { version: first })).status).toBe(200);
    // The apps there were then are back as they were; /shop/db, removed since, is not restored.
    expect((await appsOf("/shop")).map((a) => [a.id, a.instances])).toEqual([
      ["/shop/api/v1", 1],
      ["/shop/web", 1],
    ]);
    const missing = await f.api.call<{ message: string }>("PUT", "/v2/groups/shop", { version: "1999-01-01T00:00:00.000Z" });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("Group '/shop' has no version 1999-01-01T00:00:00.000Z");
    await f.api.settled();
  });

  it("refuses scaleBy or version mixed with other changes, and changes nothing", async () => {
    const before = await appsOf("/shop");
    const r = await f.api.call<{ details: { path: string }[] }>("PUT", "/v2/groups/shop", { scaleBy: 2, apps: [] });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d) => d.path)).toEqual(["/apps"]);
    expect(await appsOf("/shop")).toEqual(before);
  });
});

describe("PUT /v2/apps/{id} with a version", () => {
  it("rolls the app back to that version, as a deployment", async () => {
    expect((await f.api.call("POST", "/v2/apps", sleeper("/roll/app", 1, { cmd: "sleep 1001" }))).status).toBe(201);
    await f.api.settled();
    const [v1] = (await f.api.call<{ versions: string[] }>("GET", "/v2/apps/roll/app/versions")).body.versions;
    expect((await f.api.call("PUT", "/v2/apps/roll/app", { cmd: "sleep 1002", instances: 2 })).status).toBe(200);
    await f.api.settled();
    const back = await f.api.call<{ deploymentId: string; version: string }>("PUT", "/v2/apps/roll/app", { version: v1 });
    expect(back.status).toBe(200);
    expect(back.headers.get("marathon-deployment-id")).toBe(back.body.deploymentId);
    const app = (await f.api.call<{ app: App }>("GET", "/v2/apps/roll/app")).body.app;
    expect(app).toMatchObject({ cmd: "sleep 1001", instances: 1, version: back.body.version });
    await eventually(
      async () => {
        const running = await f.api.running("/roll/app");
        return running.length === 1 && running[0]!.version === back.body.version;
      },
      { what: "the rolled-back task running" },
    );
    const mixed = await f.api.call<{ details: { path: string; errors: string[] }[] }>("PUT", "/v2/apps/roll/app", {
      version: v1,
      cmd: "x",
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.details[0]?.errors).toEqual(["The 'version' field may only be combined with the 'id' field"]);
    expect((await f.api.call("PUT", "/v2/apps/roll/app", { version: "1999-01-01T00:00:00.000Z" })).status).toBe(404);
  });
});

describe("a group change is one deployment, as Marathon's", () => {
  type Listed = { id: string; affectedApps: string[] };
  const listed = async () => (await f.api.call<Listed[]>("GET", "/v2/deployments")).body;

  it("is listed once over its apps and on each app, and ends with one deployment_success when every app is up", async () => {
    const r = await f.api.call<{ deploymentId: string }>("PUT", "/v2/groups/one", {
      apps: [sleeper("/one/a", 1), sleeper("/one/b", 2)],
    });
    expect(r.status).toBe(200);
    const id = r.body.deploymentId;
    expect(r.headers.get("marathon-deployment-id")).toBe(id);
    const during = await listed();
    expect(during.filter((d) => d.affectedApps.some((a) => a.startsWith("/one/")))).toEqual([
      expect.objectContaining({ id, affectedApps: ["/one/a", "/one/b"] }),
    ]);
    const onApp = await f.api.call<{ app: { deployments: { id: string }[] } }>("GET", "/v2/apps/one/b");
    expect(onApp.body.app.deployments).toEqual([{ id }]);
    await eventually(async () => !(await listed()).some((d) => d.id === id), { what: "the group's deployment to end" });
    // It ended only with both apps up, and told of it once, under its own id.
    expect((await f.api.running("/one/a")).length).toBe(1);
    expect((await f.api.running("/one/b")).length).toBe(2);
    const success = await eventually(() => f.events.filter((e) => e.eventType === "deployment_success" && e.id === id), {
      what: "deployment_success for the group's deployment",
    });
    expect(success).toHaveLength(1);
    // The plan's target is Marathon's root group, holding the group with both apps.
    const plan = (success[0] as unknown as { plan: { target: { id: string; groups: { id: string; apps: { id: string }[] }[] } } }).plan;
    expect(plan.target.id).toBe("/");
    expect(plan.target.groups.map((g) => [g.id, g.apps.map((a) => a.id).sort()])).toEqual([["/one", ["/one/a", "/one/b"]]]);
    const started = f.events.filter((e) => e.eventType === "deployment_info" && (e as unknown as { plan: { id: string } }).plan.id === id);
    expect(started).toHaveLength(1);
  });

  it("rolls every app back when canceled, as one deployment again", async () => {
    await f.api.settled();
    const broken = await f.api.call<{ deploymentId: string }>("PUT", "/v2/groups/one", {
      apps: [sleeper("/one/a", 1, { cmd: "exit 1" }), sleeper("/one/b", 2, { cmd: "exit 1" })],
    });
    expect(broken.status).toBe(200);
    const canceled = await f.api.call<{ deploymentId: string }>("DELETE", `/v2/deployments/${broken.body.deploymentId}`);
    expect(canceled.status).toBe(200);
    const rollback = await f.api.call<Listed & { status: string; rollbackOf: string }>(
      "GET",
      `/v2/deployments/${canceled.body.deploymentId}`,
    );
    expect(rollback.body).toMatchObject({ affectedApps: ["/one/a", "/one/b"], rollbackOf: broken.body.deploymentId });
    const was = await f.api.call<{ status: string }>("GET", `/v2/deployments/${broken.body.deploymentId}`);
    expect(was.body.status).toBe("canceled");
    expect((await appsOf("/one")).map((a) => a.cmd)).toEqual(["sleep 3600", "sleep 3600"]);
    await eventually(async () => !(await listed()).some((d) => d.id === canceled.body.deploymentId), { what: "the rollback done" });
  });
});
