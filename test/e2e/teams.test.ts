import { dockerInspect, eventually } from "@berth/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { openSse } from "../support/sse.js";

const f = useCluster("e2e-teams", { extraEnv: { BERTH_API_QUOTA_RECONCILE_MS: "500", BERTH_DEFAULT_QUOTA: '{"instances": 6}' } });
let a: Api;
let b: Api;
let tokenIdOfB = "";

async function tokenFor(team: string): Promise<{ token: string; id: string }> {
  const r = await f.api.call<{ token: string; id: string }>("POST", "/v2/tokens", { name: `${team} ci`, team });
  expect(r.status).toBe(201);
  return r.body;
}

beforeAll(async () => {
  a = f.api.as((await tokenFor("team-a")).token);
  const tb = await tokenFor("team-b");
  b = f.api.as(tb.token);
  tokenIdOfB = tb.id;
});

describe("authentication", () => {
  it("refuses a request without a token, or with a wrong one, and keeps the health endpoints open", async () => {
    const none = f.api.as(undefined);
    const r = await none.call<{ message: string }>("GET", "/v2/apps");
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(r.body.message).toMatch(/Authorization: Bearer <token>/);
    expect((await f.api.as("berth_wrong").call<{ message: string }>("GET", "/v2/apps")).body.message).toMatch(/not valid/);
    expect((await none.call("POST", "/v2/apps", sleeper("/team-a/x"))).status).toBe(401);
    for (const path of ["/ping", "/livez", "/readyz"]) expect((await none.call("GET", path)).status).toBe(200);
  });

  it("stores only a hash of each token, and shows the token once", async () => {
    const list = await f.api.call<{ tokens: Record<string, unknown>[] }>("GET", "/v2/tokens");
    expect(list.body.tokens.map((t) => t.name)).toEqual(expect.arrayContaining(["team-a ci", "team-b ci"]));
    expect(JSON.stringify(list.body)).not.toContain(a.token);
    const keys: string[] = [];
    for await (const k of await f.bus.buckets.tokens.keys()) keys.push(k);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
    expect(keys).not.toContain(a.token);
  });

  it("lets only an admin make tokens or configure teams", async () => {
    expect((await a.call("POST", "/v2/tokens", { name: "sneaky", role: "admin" })).status).toBe(403);
    expect((await a.call("PUT", "/v2/teams/team-a", { quota: { cpus: 1000 } })).status).toBe(403);
    expect((await a.call("GET", "/v2/teams/team-b")).status).toBe(403);
  });
});

describe("team isolation", () => {
  beforeAll(async () => {
    expect((await a.call("POST", "/v2/apps", sleeper("/team-a/web", 1, { env: { DB_PASSWORD: "hunter2" } }))).status).toBe(201);
    await eventually(async () => (await a.running("/team-a/web")).length === 1, { what: "team-a's task running" });
  });

  it("shows a team only its own apps, tasks, deployments, queue and groups", async () => {
    expect((await b.call("POST", "/v2/apps", sleeper("/team-b/web"))).status).toBe(201);
    const apps = await b.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(apps.body.apps.map((x) => x.id)).toEqual(["/team-b/web"]);
    const tasks = await b.call<{ tasks: { appId: string }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.every((t) => t.appId.startsWith("/team-b/"))).toBe(true);
    const deployments = await b.call<{ affectedApps: string[] }[]>("GET", "/v2/deployments?status=all");
    expect(deployments.body.flatMap((d) => d.affectedApps).every((id) => id.startsWith("/team-b/"))).toBe(true);
    const groups = await b.call<{ groups: { id: string }[] }>("GET", "/v2/groups");
    expect(groups.body.groups.map((g) => g.id)).toEqual(["/team-b"]);
    const admin = await f.api.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(admin.body.apps.map((x) => x.id)).toEqual(expect.arrayContaining(["/team-a/web", "/team-b/web"]));
  });

  it("answers 403 for another team's app whether or not it exists, and changes nothing", async () => {
    for (const [method, path] of [
      ["GET", "/v2/apps/team-a/web"],
      ["GET", "/v2/apps/team-a/nothing-here"],
      ["PUT", "/v2/apps/team-a/web"],
      ["DELETE", "/v2/apps/team-a/web"],
      ["POST", "/v2/apps/team-a/web/restart"],
      ["GET", "/v2/groups/team-a"],
      ["DELETE", "/v2/groups/team-a"],
    ] as const) {
      const r = await b.call<{ message: string }>(method, path, method === "PUT" ? { instances: 5 } : undefined);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.message).toMatch(/team 'team-b' may not access '\/team-a/);
    }
    expect((await b.call("POST", "/v2/apps", sleeper("/team-a/planted"))).status).toBe(403);
    // A team's whole-tree PUT of the root group reaches only its own apps.
    expect((await b.call("PUT", "/v2/groups/?force=true", { apps: [sleeper("/team-b/web")] })).status).toBe(200);
    expect((await a.running("/team-a/web")).length).toBe(1);
    expect((await f.api.call("GET", "/v2/apps/team-a/planted")).status).toBe(404);
  });

  it("answers another team's tasks and deployments as unknown", async () => {
    const [task] = await a.running("/team-a/web");
    expect((await b.call("GET", `/v2/tasks/${task!.id}/logs`)).status).toBe(404);
    // As Marathon passes over unknown ids: killed nothing, and the task still runs.
    const killed = await b.call<{ tasks: unknown[] }>("POST", "/v2/tasks/delete", { ids: [task!.id] });
    expect(killed.status).toBe(200);
    expect(killed.body.tasks).toEqual([]);
    expect((await a.running("/team-a/web")).map((t) => t.id)).toContain(task!.id);
    const change = await a.call<{ deploymentId: string }>("PUT", "/v2/apps/team-a/web", { instances: 1, labels: { v: "2" } });
    expect((await b.call("GET", `/v2/deployments/${change.body.deploymentId}`)).status).toBe(404);
    expect((await b.call("DELETE", `/v2/deployments/${change.body.deploymentId}`)).status).toBe(404);
    await eventually(async () => (await a.running("/team-a/web")).some((t) => t.id !== task!.id), { what: "team-a's new task" });
  });

  it("carries only a team's own events on its stream", async () => {
    const sseA = await openSse(`${f.cluster.apiUrl}/v2/events`, a.token!);
    const sseB = await openSse(`${f.cluster.apiUrl}/v2/events`, b.token!);
    await a.call("PUT", "/v2/apps/team-a/web?force=true", { instances: 2 });
    await b.call("PUT", "/v2/apps/team-b/web?force=true", { instances: 2 });
    await eventually(
      () =>
        sseA.events.some((e) => e.event === "status_update_event") &&
        sseB.events.some((e) => e.event === "status_update_event") &&
        sseA.events.some((e) => e.event === "instance_changed_event"),
      {
        what: "status events on both streams, and team-a's instance_changed_event",
      },
    );
    const about = (events: typeof sseA.events) => JSON.stringify(events.map((e) => e.data));
    expect(about(sseA.events)).toContain("/team-a/web");
    expect(about(sseA.events)).not.toContain("/team-b");
    expect(about(sseB.events)).not.toContain("/team-a");
    sseA.close();
    sseB.close();
  });

  it("hides env values in answers and events, and keeps them through a round trip", async () => {
    const got = await a.call<{ app: Record<string, unknown> & { env: Record<string, string> } }>("GET", "/v2/apps/team-a/web");
    expect(got.body.app.env).toEqual({ DB_PASSWORD: "[redacted]" });
    const { tasks: _t, deployments: _d, version: _v, versionInfo: _vi, ...definition } = got.body.app;
    expect((await a.call("PUT", "/v2/apps/team-a/web?force=true", { ...definition, cmd: "sleep 3601" })).status).toBe(200);
    await eventually(
      async () => (await a.running("/team-a/web")).length === 2 && (await f.api.call("GET", "/v2/deployments")).body.length === 0,
      {
        what: "the change deployed",
      },
    );
    const [task] = await a.running("/team-a/web");
    const c = await dockerInspect<{ Config: { Env: string[]; Cmd: string[] } }>(`berth-${task!.id}`);
    expect(c.Config.Env).toContain("DB_PASSWORD=hunter2");
    expect(c.Config.Cmd).toEqual(["sleep 3601"]);
    const everything = JSON.stringify([
      f.events,
      (await f.api.call("GET", "/v2/deployments?status=all")).body,
      (await f.api.call("GET", "/v2/apps/team-a/web/versions")).body,
      (await f.api.call("GET", "/v2/groups")).body,
    ]);
    expect(everything).not.toContain("hunter2");
    const fresh = await a.call<{ details: { path: string }[] }>(
      "POST",
      "/v2/apps",
      sleeper("/team-a/new", 1, { env: { X: "[redacted]" } }),
    );
    expect(fresh.status).toBe(422);
    expect(fresh.body.details[0]?.path).toBe("/env/X");
  });

  it("stops a revoked token at once", async () => {
    expect((await f.api.call("DELETE", `/v2/tokens/${tokenIdOfB}`)).status).toBe(204);
    expect((await b.call("GET", "/v2/apps")).status).toBe(401);
  });
});

describe("quotas", () => {
  it("refuses a change that goes over a quota, naming it, and shows the usage", async () => {
    const put = await f.api.call("PUT", "/v2/teams/team-q", { quota: { instances: 3, cpus: 1 } });
    expect(put.status).toBe(200);
    const q = f.api.as((await tokenFor("team-q")).token);
    expect((await q.call("POST", "/v2/apps", sleeper("/team-q/one", 2))).status).toBe(201);
    const over = await q.call<{ message: string }>("PUT", "/v2/apps/team-q/one?force=true", { instances: 4 });
    expect(over.status).toBe(403);
    expect(over.body.message).toBe(
      "team quota for instances exceeded: the quota is 3, 2 is in use, and this change needs 4 for /team-q/one",
    );
    const team = await q.call<{ quota: unknown; usage: unknown }>("GET", "/v2/teams/team-q");
    expect(team.body).toMatchObject({ quota: { instances: 3, cpus: 1 }, usage: { instances: 2, cpus: 0.1 } });
  });

  it("lets only one of many concurrent changes take the last of a quota", async () => {
    const q = f.api.as((await tokenFor("team-q")).token);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => q.call("POST", "/v2/apps", sleeper(`/team-q/race-${i}`, 1))));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 403, 403, 403, 403, 403, 403, 403]);
    const apps = await q.call<{ apps: { id: string; instances: number }[] }>("GET", "/v2/apps");
    expect(apps.body.apps.reduce((n, x) => n + x.instances, 0)).toBe(3);
    const team = await q.call<{ usage: { instances: number } }>("GET", "/v2/teams/team-q");
    expect(team.body.usage.instances).toBe(3);
  });

  it("frees the quota when an app is removed, and drops a booking no stored app backs (a crash between booking and writing)", async () => {
    const q = f.api.as((await tokenFor("team-q")).token);
    expect((await q.call("DELETE", "/v2/apps/team-q/one?force=true")).status).toBe(200);
    expect((await q.call<{ usage: { instances: number } }>("GET", "/v2/teams/team-q")).body.usage.instances).toBe(1);
    // A ghost of 5 instances would refuse the next app for ever; reconciliation drops it, and the app is let in.
    await f.bus.quotas.mutate("team-q", (l) => ({
      apps: { ...(l?.apps ?? {}), "/team-q/ghost": { cpus: 1, mem: 1, disk: 0, instances: 5 } },
    }));
    await eventually(async () => (await q.call("POST", "/v2/apps", sleeper("/team-q/two", 2))).status === 201, {
      what: "the app let in once the ghost booking is dropped",
    });
    expect((await q.call<{ usage: { instances: number } }>("GET", "/v2/teams/team-q")).body.usage.instances).toBe(3);
  });
});

describe("a team's limit for its apps (frameworkQuotas.marathon)", () => {
  type Queue = { queue: { app: { id: string }; count: number; reasons: string[] }[] };
  const waiting = async (api: Api, id: string) =>
    (await api.call<Queue>("GET", "/v2/queue?embed=berth")).body.queue.find((q) => q.app.id === id);

  it("launches up to the limit, keeps the rest waiting in the queue with the reason, and launches them once it is raised", async () => {
    const limited = { quota: { instances: 10 }, frameworkQuotas: { marathon: { instances: 2 } } };
    expect((await f.api.call("PUT", "/v2/teams/team-lim", limited)).status).toBe(200);
    expect((await f.api.call("GET", "/v2/teams/team-lim")).body).toMatchObject({ frameworkQuotas: { marathon: { instances: 2 } } });
    const lim = f.api.as((await tokenFor("team-lim")).token);
    // Within the team's quota, so accepted: the limit holds back launches, it does not refuse the app.
    expect((await lim.call("POST", "/v2/apps", sleeper("/team-lim/web", 3, { cpus: 0.01 }))).status).toBe(201);
    await eventually(async () => (await lim.running("/team-lim/web")).length === 2, { what: "two tasks running" });
    const entry = await eventually(async () => waiting(lim, "/team-lim/web"), { what: "the third launch waiting" });
    expect(entry).toMatchObject({ count: 1, reasons: ["team 'team-lim' limits framework 'marathon': instances to 2, and 2 is in use"] });
    // Several passes later, still two: the limit holds.
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await lim.call<{ app: { tasksRunning: number; tasksStaged: number } }>("GET", "/v2/apps/team-lim/web")).body.app).toMatchObject(
      { tasksRunning: 2, tasksStaged: 0 },
    );

    // A bad limit says what to fix, and changes nothing.
    const bad = await f.api.call<{ details: { path: string }[] }>("PUT", "/v2/teams/team-lim", {
      frameworkQuotas: { marathon: { cpus: -1 } },
    });
    expect([bad.status, bad.body.details.map((d) => d.path)]).toEqual([422, ["/frameworkQuotas/marathon/cpus"]]);

    expect((await f.api.call("PUT", "/v2/teams/team-lim", { ...limited, frameworkQuotas: { marathon: { instances: 3 } } })).status).toBe(
      200,
    );
    await eventually(async () => (await lim.running("/team-lim/web")).length === 3, { what: "the third task running" });
    await eventually(async () => (await waiting(lim, "/team-lim/web")) === undefined, { what: "the queue empty" });
    expect((await lim.call("DELETE", "/v2/apps/team-lim/web?force=true")).status).toBe(200);
  });
});

describe("the default quota", () => {
  it("holds a team the operator never configured to the operator's default, until it is given its own", async () => {
    const fresh = f.api.as((await tokenFor("team-new")).token);
    const over = await fresh.call<{ message: string }>("POST", "/v2/apps", sleeper("/team-new/big", 7, { cpus: 0.01 }));
    expect(over.status).toBe(403);
    expect(over.body.message).toMatch(/team quota for instances exceeded: the quota is 6/);
    expect((await fresh.call<{ quota: unknown; configured: boolean }>("GET", "/v2/teams/team-new")).body).toMatchObject({
      quota: { instances: 6 },
      configured: false,
    });
    await f.api.call("PUT", "/v2/teams/team-new", { quota: { instances: 10 } });
    expect((await fresh.call("POST", "/v2/apps?dryRun=true", sleeper("/team-new/big", 7, { cpus: 0.01 }))).status).toBe(200);
  });
});

describe("token scopes", () => {
  const scoped = async (team: string, scopes: string[]) => {
    const r = await f.api.call<{ token: string; scopes: unknown }>("POST", "/v2/tokens", { name: `${team} scoped`, team, scopes });
    expect(r.status).toBe(201);
    return f.api.as(r.body.token);
  };

  it("lets a CI token deploy one app and touch nothing else of its team", async () => {
    expect((await a.call("POST", "/v2/apps", sleeper("/team-a/other"))).status).toBe(201);
    const ci = await scoped("team-a", ["deploy:/team-a/web"]);
    expect((await ci.call("PUT", "/v2/apps/team-a/web?force=true", { labels: { by: "ci" } })).status).toBe(200);
    const refused = await ci.call<{ message: string }>("PUT", "/v2/apps/team-a/other?force=true", { instances: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("the token 'team-a scoped' may not deploy '/team-a/other': its scopes are deploy:/team-a/web");
    expect((await ci.call("DELETE", "/v2/apps/team-a/other")).status).toBe(403);
    expect((await ci.call("POST", "/v2/apps", sleeper("/team-a/new-one"))).status).toBe(403);
    const listed = await ci.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(listed.body.apps.map((x) => x.id)).toEqual(["/team-a/web"]);
    expect((await ci.call("GET", "/v2/secrets/team-a")).status).toBe(403);
    // The group above the app is beyond it too.
    expect((await ci.call("PUT", "/v2/groups/team-a", { apps: [sleeper("/team-a/other")] })).status).toBe(403);
    expect((await a.call("GET", "/v2/apps/team-a/other")).status).toBe(200);
  });

  it("lets a read-only token read apps, tasks, logs and events, and change nothing", async () => {
    const dash = await scoped("team-a", ["read:/team-a"]);
    expect((await dash.call("GET", "/v2/apps/team-a/web")).status).toBe(200);
    const [task] = await a.running("/team-a/web");
    expect((await dash.call("GET", `/v2/tasks/${task!.id}/logs`)).status).toBe(200);
    expect((await dash.call("PUT", "/v2/apps/team-a/web", { instances: 3 })).status).toBe(403);
    expect((await dash.call("POST", "/v2/apps/team-a/web/restart")).status).toBe(403);
    expect((await dash.call("POST", "/v2/tasks/delete", { ids: [task!.id] })).status).toBe(403);
    expect((await dash.call("DELETE", "/v2/queue/team-a/web/delay")).status).toBe(403);
    expect((await a.running("/team-a/web")).map((t) => t.id)).toContain(task!.id);
    const sse = await openSse(`${f.cluster.apiUrl}/v2/events`, dash.token!);
    await a.call("PUT", "/v2/apps/team-a/other?force=true", { labels: { seen: "yes" } });
    await eventually(() => sse.events.some((e) => JSON.stringify(e.data).includes("/team-a/other")), { what: "the dashboard's event" });
    sse.close();
  });

  it("refuses a scope outside the token's team, and a malformed one", async () => {
    const r = await f.api.call<{ details: { path: string }[] }>("POST", "/v2/tokens", {
      name: "x",
      team: "team-a",
      scopes: ["deploy:/team-b/web", "write:/team-a"],
    });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d) => d.path)).toEqual(["/scopes/0", "/scopes/1"]);
  });
});

describe("what an operator may allow", () => {
  it("runs a host mount and an added capability for the one team allowed them, with no-new-privileges", async () => {
    const ops = f.api.as((await tokenFor("ops")).token);
    const app = sleeper("/ops/agent", 1, {
      container: {
        docker: { image: "berth/busybox:latest", parameters: [{ key: "cap-add", value: "NET_ADMIN" }] },
        volumes: [{ hostPath: "/tmp", containerPath: "/host-tmp", mode: "RO" }],
      },
    });
    expect((await ops.call("POST", "/v2/apps", app)).status).toBe(422);
    await f.api.call("PUT", "/v2/teams/ops", { policy: { hostPaths: ["/tmp"], capabilities: ["NET_ADMIN"] } });
    expect((await ops.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await eventually(
      async () => {
        const r = await ops.running("/ops/agent");
        return r.length === 1 && r;
      },
      { what: "ops task running" },
    );
    const c = await dockerInspect<{ HostConfig: { Binds: string[]; CapAdd: string[]; SecurityOpt: string[]; PidsLimit: number } }>(
      `berth-${task!.id}`,
    );
    expect(c.HostConfig).toMatchObject({
      Binds: ["/tmp:/host-tmp:ro"],
      CapAdd: expect.arrayContaining(["NET_ADMIN"]),
      SecurityOpt: ["no-new-privileges"],
      PidsLimit: 1024,
    });
    expect((await a.call("POST", "/v2/apps", { ...app, id: "/team-a/agent" })).status).toBe(422);
  });
});

describe("secrets", () => {
  it("puts a team's secret in its task's env and answers it nowhere", async () => {
    const s = f.api.as((await tokenFor("team-s")).token);
    const other = f.api.as((await tokenFor("team-o")).token);
    const app = sleeper("/team-s/db", 1, { secrets: { pw: { source: "db/password" } }, env: { DB_PASSWORD: { secret: "pw" } } });
    const missing = await s.call<{ details: { path: string; errors: string[] }[] }>("POST", "/v2/apps", app);
    expect(missing.status).toBe(422);
    expect(missing.body.details[0]).toMatchObject({
      path: "/secrets/pw/source",
      errors: [expect.stringMatching(/PUT \/v2\/secrets\/team-s\/db\/password/)],
    });

    expect((await other.call("PUT", "/v2/secrets/team-s/db/password", { value: "stolen" })).status).toBe(403);
    expect((await s.call("PUT", "/v2/secrets/team-s/db/password", { value: "correct horse" })).status).toBe(204);
    expect((await other.call("GET", "/v2/secrets/team-s")).status).toBe(403);
    const listed = await s.call<{ secrets: { source: string }[] }>("GET", "/v2/secrets/team-s");
    expect(listed.body.secrets.map((x) => x.source)).toEqual(["db/password"]);

    expect((await s.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await eventually(
      async () => {
        const r = await s.running("/team-s/db");
        return r.length === 1 && r;
      },
      { what: "team-s task running" },
    );
    const c = await dockerInspect<{ Config: { Env: string[] } }>(`berth-${task!.id}`);
    expect(c.Config.Env).toContain("DB_PASSWORD=correct horse");
    const got = await s.call<{ app: { env: unknown } }>("GET", "/v2/apps/team-s/db");
    expect(got.body.app.env).toEqual({ DB_PASSWORD: { secret: "pw" } });
    const everything = JSON.stringify([f.events, listed.body, got.body, (await f.api.call("GET", "/v2/deployments?status=all")).body]);
    expect(everything).not.toContain("correct horse");
  });
});
