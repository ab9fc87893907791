// The HTTP API in-process (Fastify's inject) against a real nats-server: no Docker, no other services.
// What a Marathon client sees for bad input, conflicts, selectors, groups, dry runs and sign-in.
import { describe, expect, it } from "vitest";
import { useInProcessApi } from "./in-process-api.js";

const ADMIN = "admin-token-for-inject-tests";
const f = useInProcessApi(ADMIN);

const call = async (
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const r = await f.api.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { payload: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: r.statusCode, headers: r.headers, body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {} };
};
const app = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  cmd: "sleep 100",
  cpus: 0.1,
  mem: 32,
  instances: 0,
  container: { docker: { image: "busybox:1.36" } },
  ...over,
});

describe("the API in-process, on a real nats-server", () => {
  it("answers bad JSON, an invalid definition and an unknown id in Marathon's shapes, and stores nothing", async () => {
    const bad = await call("POST", "/v2/apps", "{ not json");
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/JSON/i);
    const invalid = await call("POST", "/v2/apps", { id: "/x/y", cpus: -1 });
    expect(invalid).toMatchObject({
      status: 422,
      body: { message: "Object is not valid", details: expect.arrayContaining([{ path: "/cpus", errors: ["must be greater than 0"] }]) },
    });
    const unknown = await call("GET", "/v2/apps/no/such");
    expect(unknown).toMatchObject({ status: 404, body: { message: "App '/no/such' does not exist" } });
    expect((await f.bus.apps.get("x/y"))?.value).toBeUndefined();
  });

  it("creates an app, then answers 409 for it again and for a change while its deployment holds it", async () => {
    const created = await call("POST", "/v2/apps", app("/inj/web", { instances: 1 }));
    expect(created.status).toBe(201);
    expect(created.headers["marathon-deployment-id"]).toBeTruthy();
    expect((await call("POST", "/v2/apps", app("/inj/web"))).status).toBe(409);
    // No dispatcher runs here: the deployment stays running, and holds the app.
    const locked = await call("PUT", "/v2/apps/inj/web", { instances: 2 });
    expect(locked).toMatchObject({
      status: 409,
      body: { message: "App is locked by one or more deployments. Override with the option '?force=true'." },
    });
    expect((await call("PUT", "/v2/apps/inj/web?force=true", { instances: 2 })).status).toBe(200);
  });

  it("selects apps by label as Marathon's label selectors do", async () => {
    await call("POST", "/v2/apps", app("/inj/a", { labels: { tier: "web", env: "prod" } }));
    await call("POST", "/v2/apps", app("/inj/b", { labels: { tier: "db" } }));
    const ids = async (q: string) =>
      ((await call("GET", `/v2/apps?label=${encodeURIComponent(q)}`)).body.apps as { id: string }[]).map((a) => a.id).sort();
    expect(await ids("tier==web")).toEqual(["/inj/a"]);
    expect(await ids("tier!=web")).toEqual(["/inj/b", "/inj/web"]);
    expect(await ids("tier in (web, db)")).toEqual(["/inj/a", "/inj/b"]);
    expect(await ids("env")).toEqual(["/inj/a"]);
  });

  it("shows a group's plan without applying it on dryRun, and applies it as one deployment", async () => {
    const group = { id: "/shop", apps: [app("web"), app("db")] };
    const dry = await call("PUT", "/v2/groups/shop?dryRun=true", group);
    expect(dry).toMatchObject({ status: 200, body: { dryRun: true, apps: ["/shop/web", "/shop/db"] } });
    expect((await call("GET", "/v2/groups/shop")).status).toBe(404);
    const applied = await call("PUT", "/v2/groups/shop", group);
    expect(applied.status).toBe(200);
    const id = applied.body.deploymentId as string;
    const listed = (await call("GET", "/v2/deployments")).body as unknown as { id: string; affectedApps: string[] }[];
    expect(listed.find((d) => d.id === id)?.affectedApps).toEqual(["/shop/web", "/shop/db"]);
  });

  it("gives 50 apps created at once 50 different service ports, none refused", async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call("POST", "/v2/apps", app(`/burst/a${i}`, { portDefinitions: [{ port: 0 }] }))),
    );
    expect(created.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 201));
    const ports = created.map((r) => (r.body.portDefinitions as { port: number }[])[0]?.port);
    expect(new Set(ports).size).toBe(50);
    for (const p of ports) expect(p! >= 10000 && p! <= 20000, `${p}`).toBe(true);
  });

  it("signs in with Bearer, token= and Basic, and refuses anything else with 401", async () => {
    const basic = `Basic ${Buffer.from(`anyone:${ADMIN}`).toString("base64")}`;
    for (const authorization of [`Bearer ${ADMIN}`, `token=${ADMIN}`, basic]) {
      expect((await call("GET", "/v2/apps", undefined, { authorization })).status).toBe(200);
    }
    for (const authorization of ["Bearer wrong", `Basic ${Buffer.from("anyone:wrong").toString("base64")}`, ""]) {
      const r = await call("GET", "/v2/apps", undefined, { authorization });
      expect(r.status).toBe(401);
      expect(typeof r.body.message).toBe("string");
    }
  });

  it("keeps no quota ledger for a team without limits, and makes one from its apps when it gains them", async () => {
    // Without limits a change books nothing; the team's usage is read from its apps.
    expect((await call("POST", "/v2/apps", app("/free/a", { instances: 3 }))).status).toBe(201);
    expect((await call("POST", "/v2/apps", app("/free/b", { instances: 4 }))).status).toBe(201);
    expect(await f.bus.quotas.get("free")).toBeUndefined();
    expect((await call("GET", "/v2/teams/free")).body).toMatchObject({ quota: {}, usage: { instances: 7 } });
    // Given limits, the team counts what it already has: 7 in use leaves no room under 8 for 2 more.
    expect((await call("PUT", "/v2/teams/free", { quota: { instances: 8 } })).status).toBe(200);
    const over = await call("POST", "/v2/apps", app("/free/c", { instances: 2 }));
    expect(over).toMatchObject({
      status: 403,
      body: { message: "team quota for instances exceeded: the quota is 8, 7 is in use, and this change needs 2 for /free/c" },
    });
    expect((await call("POST", "/v2/apps", app("/free/c", { instances: 1 }))).status).toBe(201);
    expect((await f.bus.quotas.get("free"))?.value.apps).toMatchObject({ "/free/a": { instances: 3 }, "/free/c": { instances: 1 } });
  });
});
