import { describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";
import { DEMO_IMAGE, eventually } from "@berth/testkit";

const f = useCluster("e2e-deployments");

const healthCheck = {
  protocol: "MESOS_HTTP",
  path: "/",
  portIndex: 0,
  gracePeriodSeconds: 10,
  intervalSeconds: 2,
  timeoutSeconds: 1,
  delaySeconds: 0,
  maxConsecutiveFailures: 3,
};
const web = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  cmd: "httpd -f -p $PORT0 -h /www",
  cpus: 0.1,
  mem: 32,
  instances: 4,
  taskKillGracePeriodSeconds: 0,
  portDefinitions: [{ port: 0, name: "http" }],
  healthChecks: [healthCheck],
  upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0.25 },
  container: { docker: { image: DEMO_IMAGE } },
  ...over,
});

interface AppBody {
  app: {
    version: string;
    cmd: string;
    env: Record<string, string>;
    tasksHealthy: number;
    tasksRunning: number;
    deployments: { id: string }[];
    tasks: { id: string; version: string }[];
  };
}
const getApp = async (id: string) => (await f.api.call<AppBody>("GET", `/v2/apps${id}`)).body.app;
const deployments = async () => (await f.api.call<{ id: string; affectedApps: string[] }[]>("GET", "/v2/deployments")).body;

describe("rolling upgrades", () => {
  it("keeps at least minimumHealthCapacity healthy while replacing every task", async () => {
    const created = await f.api.call<{ deployments: { id: string }[] }>("POST", "/v2/apps", web("/roll/web"));
    expect(created.status).toBe(201);
    await eventually(async () => (await getApp("/roll/web")).tasksHealthy === 4 && (await deployments()).length === 0, {
      what: "4 healthy, deployment done",
      timeoutMs: 60_000,
    });
    const before = await getApp("/roll/web");

    const put = await f.api.call<{ deploymentId: string; version: string }>("PUT", "/v2/apps/roll/web", { env: { RELEASE: "2" } });
    expect(put.status).toBe(200);
    const samples: number[] = [];
    let done = false;
    while (!done) {
      const a = await getApp("/roll/web");
      samples.push(a.tasksHealthy);
      done = a.deployments.length === 0 && a.tasksHealthy === 4 && a.tasks.every((t) => t.version === put.body.version);
      await new Promise((r) => setTimeout(r, 100));
      if (samples.length > 600) throw new Error(`rollout did not finish: ${JSON.stringify(a)}`);
    }
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2);
    const after = await getApp("/roll/web");
    expect(after.tasks.map((t) => t.id).filter((id) => before.tasks.some((b) => b.id === id))).toEqual([]);
    const success = f.events.find((e) => e.eventType === "deployment_success" && e.id === put.body.deploymentId);
    expect(success).toBeDefined();
    expect((await f.api.call<{ status: string }>("GET", `/v2/deployments/${put.body.deploymentId}`)).body.status).toBe("success");
  });

  it("refuses another change while a deployment holds the app, unless forced", async () => {
    const broken = await f.api.call<{ deploymentId: string }>("PUT", "/v2/apps/roll/web", { cmd: "exit 1", progressDeadlineSeconds: 600 });
    const again = await f.api.call<{ message: string; deployments: { id: string }[] }>("PUT", "/v2/apps/roll/web", { instances: 5 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("App is locked by one or more deployments. Override with the option '?force=true'.");
    expect(again.body.deployments).toEqual([{ id: broken.body.deploymentId }]);

    // DELETE of the deployment rolls the app back to what it was.
    const rollback = await f.api.call<{ deploymentId: string }>("DELETE", `/v2/deployments/${broken.body.deploymentId}`);
    expect(rollback.status).toBe(200);
    expect((await getApp("/roll/web")).cmd).toBe("httpd -f -p $PORT0 -h /www");
    const canceled = await f.api.call<{ status: string; reason: string }>("GET", `/v2/deployments/${broken.body.deploymentId}`);
    expect(canceled.body.status).toBe("canceled");
    await eventually(async () => (await getApp("/roll/web")).tasksHealthy === 4 && (await deployments()).length === 0, {
      what: "healthy again",
      timeoutMs: 60_000,
    });
  });

  it("fails a deployment that misses its progress deadline, says why, and rolls it back", async () => {
    // The deadline leaves room for a task to start and fail first on a busy host, so the reason can name it.
    const broken = await f.api.call<{ deploymentId: string }>("PUT", "/v2/apps/roll/web", { cmd: "exit 1", progressDeadlineSeconds: 10 });
    const failed = await eventually(
      async () => {
        const d = await f.api.call<{ status: string; reason: string }>("GET", `/v2/deployments/${broken.body.deploymentId}`);
        return d.body.status === "failed" && d.body;
      },
      { what: "the deployment to fail", timeoutMs: 40_000 },
    );
    expect(failed.reason).toMatch(
      /^deployment did not finish within its progress deadline of 10s: 0 of 4 instances of \/roll\/web serve the new version/,
    );
    expect(failed.reason).toMatch(/last task failure: Container exited with code 1/);
    // The record is failed first, then the events are stored: wait for the event, then compare.
    const event = await eventually(() => f.events.find((e) => e.eventType === "deployment_failed" && e.id === broken.body.deploymentId), {
      what: "the deployment_failed event",
    });
    expect(event.reason).toBe(failed.reason);
    await eventually(
      async () => {
        const a = await getApp("/roll/web");
        return a.cmd === "httpd -f -p $PORT0 -h /www" && a.tasksHealthy === 4 && a.deployments.length === 0;
      },
      { what: "rolled back and healthy", timeoutMs: 60_000 },
    );
  });

  it("shows the plan of a change without applying it (dryRun)", async () => {
    await eventually(async () => (await deployments()).length === 0, { what: "no deployment running", timeoutMs: 60_000 });
    const before = await getApp("/roll/web");
    const plan = await f.api.call<{ dryRun: boolean; steps: { actions: { action: string }[] }[]; launch: number; kill: string[] }>(
      "PUT",
      "/v2/apps/roll/web?dryRun=true",
      {
        cmd: "httpd -f -p $PORT0 -h /www -v",
      },
    );
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ dryRun: true, steps: [{ actions: [{ action: "RestartApplication" }] }] });
    expect(plan.body.launch + plan.body.kill.length).toBeGreaterThan(0);
    expect((await getApp("/roll/web")).version).toBe(before.version);
    expect(await deployments()).toEqual([]);
  });
});

describe("health checks on the agent", () => {
  it("kills a task that fails its checks and replaces it", async () => {
    await f.api.call("POST", "/v2/apps", {
      ...web("/health/sick", { instances: 1 }),
      healthChecks: [
        {
          protocol: "COMMAND",
          command: { value: "test -f /tmp/never" },
          gracePeriodSeconds: 0,
          intervalSeconds: 2,
          timeoutSeconds: 1,
          delaySeconds: 0,
          maxConsecutiveFailures: 2,
        },
      ],
    });
    const kill = await eventually(
      () => f.events.find((e) => e.eventType === "unhealthy_instance_kill_event" && e.appId === "/health/sick"),
      { what: "an unhealthy kill", timeoutMs: 30_000 },
    );
    expect(kill.reason).toMatch(/^killed: failed 2 consecutive health checks: command exited with code 1/);
    expect(f.events.some((e) => e.eventType === "failed_health_check_event" && e.appId === "/health/sick")).toBe(true);
    // As Marathon tells it: the kill right after the task's TASK_KILLED and its instance_changed_event.
    const at = f.events.indexOf(kill);
    expect(f.events.slice(at - 2, at).map((e) => [e.eventType, e.taskId ?? e.instanceId, e.taskStatus ?? e.condition])).toEqual([
      ["status_update_event", kill.taskId, "TASK_KILLED"],
      ["instance_changed_event", kill.taskId, "Killed"],
    ]);
    await eventually(async () => (await f.api.tasks("/health/sick")).some((t) => t.id !== kill.taskId), { what: "a replacement" });
    await f.api.call("DELETE", "/v2/apps/health/sick?force=true");
  });

  it("reports healthy tasks with Marathon's healthCheckResults", async () => {
    const tasks = (
      await f.api.call<{ tasks: { healthCheckResults: { alive: boolean; consecutiveFailures: number; lastSuccess: string }[] }[] }>(
        "GET",
        "/v2/apps/roll/web/tasks",
      )
    ).body.tasks;
    expect(tasks).toHaveLength(4);
    for (const t of tasks)
      expect(t.healthCheckResults).toEqual([
        expect.objectContaining({ alive: true, consecutiveFailures: 0, lastSuccess: expect.any(String) }),
      ]);
    expect(f.events.some((e) => e.eventType === "health_status_changed_event" && e.appId === "/roll/web" && e.alive === true)).toBe(true);
    expect(f.events.some((e) => e.eventType === "instance_health_changed_event" && e.runSpecId === "/roll/web" && e.healthy === true)).toBe(
      true,
    );
  });
});

describe("readiness checks", () => {
  it("hold a deployment until the new task answers ready", async () => {
    const created = await f.api.call<{ deployments: { id: string }[] }>("POST", "/v2/apps", {
      ...web("/ready/web", { instances: 1, healthChecks: [] }),
      cmd: "(sleep 3; echo ok > /www/ready) & httpd -f -p $PORT0 -h /www",
      readinessChecks: [
        {
          name: "ready",
          protocol: "HTTP",
          path: "/ready",
          portName: "http",
          intervalSeconds: 1,
          timeoutSeconds: 1,
          httpStatusCodesForReady: [200],
        },
      ],
    });
    const id = created.body.deployments[0]!.id;
    const started = Date.now();
    await eventually(async () => (await f.api.running("/ready/web")).length === 1, { what: "running" });
    expect((await deployments()).map((d) => d.id)).toContain(id);
    await eventually(async () => !(await deployments()).some((d) => d.id === id), { what: "deployment done", timeoutMs: 20_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    expect((await f.api.call<{ status: string }>("GET", `/v2/deployments/${id}`)).body.status).toBe("success");
    await f.api.call("DELETE", "/v2/apps/ready/web");
  });
});

describe("the launch queue", () => {
  it("says why a task waits: two UNIQUE hostname instances on one agent", async () => {
    await f.api.call("POST", "/v2/apps", {
      id: "/queue/unique",
      cmd: "sleep 600",
      cpus: 0.1,
      mem: 32,
      instances: 2,
      constraints: [["hostname", "UNIQUE"]],
      container: { docker: { image: DEMO_IMAGE } },
    });
    await eventually(async () => (await f.api.running("/queue/unique")).length === 1, { what: "one running" });
    const q = await eventually(
      async () => {
        const body = (
          await f.api.call<{ queue: { app: { id: string }; count: number; reasons: string[] }[] }>("GET", "/v2/queue?embed=berth")
        ).body;
        return body.queue.find((e) => e.app.id === "/queue/unique");
      },
      { what: "a queue entry" },
    );
    expect(q.count).toBe(1);
    expect(q.reasons).toEqual(["constraint hostname:UNIQUE on 1 of 1 agent"]);
    expect((await f.api.running("/queue/unique")).length).toBe(1);
    await f.api.call("DELETE", "/v2/apps/queue/unique?force=true");
  });

  it("delays relaunches of a failing app more each time, and DELETE …/delay resets it", async () => {
    await f.api.call("POST", "/v2/apps", {
      id: "/queue/crash",
      cmd: "exit 1",
      cpus: 0.1,
      mem: 32,
      backoffSeconds: 1,
      backoffFactor: 2,
      maxLaunchDelaySeconds: 60,
      container: { docker: { image: DEMO_IMAGE } },
    });
    const failures = () =>
      f.events.filter((e) => e.appId === "/queue/crash" && e.taskStatus === "TASK_FAILED").map((e) => Date.parse(String(e.timestamp)));
    await eventually(() => failures().length >= 4, { what: "4 failures", timeoutMs: 60_000 });
    const [a, b, c, d] = failures();
    // Delays of 1, 2 and 4 s, each plus a launch's time (which varies by a second on a loaded machine):
    // the gap after the third failure is about 3 s longer than the one after the first.
    expect(d! - c!).toBeGreaterThan(b! - a! + 1_500);
    const entry = await eventually(
      async () => {
        const body = (
          await f.api.call<{ queue: { app: { id: string }; delay: { timeLeftSeconds: number }; reasons: string[] }[] }>(
            "GET",
            "/v2/queue?embed=berth",
          )
        ).body;
        return body.queue.find((e) => e.app.id === "/queue/crash" && e.delay.timeLeftSeconds > 0);
      },
      { what: "a delayed queue entry" },
    );
    expect(entry.reasons[0]).toMatch(/^backoff: \d+ failure\(s\) in a row; next launch in \d+s$/);
    expect((await f.api.call("DELETE", "/v2/queue/queue/crash/delay")).status).toBe(204);
    const n = failures().length;
    await eventually(() => failures().length > n, { what: "an immediate relaunch", timeoutMs: 5_000 });
    await f.api.call("DELETE", "/v2/apps/queue/crash?force=true");
  });
});

describe("more of Marathon's API", () => {
  it("keeps versions, restarts, patches, and kills a task with scale", async () => {
    const id = "/more/app";
    await f.api.call("POST", "/v2/apps", {
      id,
      cmd: "sleep 600",
      cpus: 0.1,
      mem: 32,
      instances: 2,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    });
    await eventually(async () => (await f.api.running(id)).length === 2 && (await deployments()).length === 0, { what: "2 running" });
    const patched = await f.api.call<{ version: string }>("PATCH", `/v2/apps${id}`, { labels: { tier: "batch" } });
    expect(patched.status).toBe(200);
    await eventually(async () => (await deployments()).length === 0, { what: "patch done" });
    const versions = (await f.api.call<{ versions: string[] }>("GET", `/v2/apps${id}/versions`)).body.versions;
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions[0]).toBe(patched.body.version);
    const old = await f.api.call<{ labels: Record<string, string> }>("GET", `/v2/apps${id}/versions/${versions[1]}`);
    expect(old.body.labels).toEqual({});

    const before = (await f.api.running(id)).map((t) => t.id);
    const restart = await f.api.call<{ deploymentId: string }>("POST", `/v2/apps${id}/restart`);
    expect(restart.status).toBe(200);
    await eventually(
      async () => {
        const now = (await f.api.running(id)).map((t) => t.id);
        return now.length === 2 && now.every((t) => !before.includes(t)) && (await deployments()).length === 0;
      },
      { what: "restarted", timeoutMs: 30_000 },
    );

    const [victim] = await f.api.running(id);
    const killed = await f.api.call<{ deploymentId: string }>("DELETE", `/v2/apps${id}/tasks/${victim!.id}?scale=true`);
    expect(killed.status).toBe(200);
    await eventually(async () => (await f.api.tasks(id)).length === 1 && (await deployments()).length === 0, { what: "scaled to 1" });
    expect((await f.api.call<{ app: { instances: number } }>("GET", `/v2/apps${id}`)).body.app.instances).toBe(1);

    const bulk = await f.api.call<{ deploymentId: string }>("PUT", "/v2/apps", [
      { id, instances: 2 },
      { id: "/more/other", cmd: "sleep 600", cpus: 0.1, mem: 32, instances: 0, container: { docker: { image: DEMO_IMAGE } } },
    ]);
    expect(bulk.status).toBe(200);
    expect(bulk.headers.get("marathon-deployment-id")).toBe(bulk.body.deploymentId);
    expect((await deployments()).map((d) => [d.id, d.affectedApps])).toContainEqual([bulk.body.deploymentId, [id, "/more/other"]]);
    const invalidBulk = await f.api.call<{ details: { path: string }[] }>("PUT", "/v2/apps", [{ id: "/more/x", cmd: "x", cpus: -1 }]);
    expect(invalidBulk.status).toBe(422);
    expect(invalidBulk.body.details[0]?.path).toBe("/0/cpus");
  });
});

describe("groups", () => {
  const sleeper = (id: string, instances = 1) => ({
    id,
    cmd: "sleep 600",
    cpus: 0.1,
    mem: 32,
    instances,
    taskKillGracePeriodSeconds: 0,
    container: { docker: { image: DEMO_IMAGE } },
  });

  it("creates a tree of apps with relative ids, shows it, replaces it whole and deletes it", async () => {
    const created = await f.api.call<{ deploymentId: string }>("POST", "/v2/groups", {
      id: "/shop",
      apps: [sleeper("web")],
      groups: [{ id: "backend", apps: [sleeper("db")] }],
    });
    expect(created.status).toBe(201);
    const listed = (await deployments()).filter((d) => d.affectedApps.some((a) => a.startsWith("/shop/")));
    expect(listed.map((d) => d.id)).toEqual([created.body.deploymentId]);
    expect(listed[0]?.affectedApps.sort()).toEqual(["/shop/backend/db", "/shop/web"]);
    await eventually(
      async () => (await f.api.running("/shop/web")).length === 1 && (await f.api.running("/shop/backend/db")).length === 1,
      {
        what: "both running",
      },
    );
    const tree = await f.api.call<{ id: string; apps: { id: string }[]; groups: { id: string; apps: { id: string }[] }[] }>(
      "GET",
      "/v2/groups/shop",
    );
    expect(tree.body).toMatchObject({
      id: "/shop",
      apps: [{ id: "/shop/web" }],
      groups: [{ id: "/shop/backend", apps: [{ id: "/shop/backend/db" }] }],
    });
    expect((await f.api.call("POST", "/v2/groups", { id: "/shop", apps: [] })).status).toBe(409);

    await eventually(async () => (await deployments()).length === 0, { what: "deployments done" });
    // Giving both apps and groups replaces the whole tree (a part left out would be left alone).
    const put = await f.api.call("PUT", "/v2/groups/shop", { id: "/shop", apps: [sleeper("web", 2)], groups: [] });
    expect(put.status).toBe(200);
    await eventually(
      async () => (await f.api.running("/shop/web")).length === 2 && (await f.api.call("GET", "/v2/apps/shop/backend/db")).status === 404,
      { what: "tree replaced" },
    );
    expect(f.events.some((e) => e.eventType === "group_change_success" && e.groupId === "/shop")).toBe(true);

    type Stored = { app: { version: string; instances: number; cpus: number } };
    const before = (await f.api.call<Stored>("GET", "/v2/apps/shop/web")).body.app;
    const bad = await f.api.call<{ details: { path: string }[] }>("PUT", "/v2/groups/shop?force=true", {
      id: "/shop",
      apps: [{ ...sleeper("web"), cpus: -1 }, sleeper("../escape")],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((d) => d.path).sort()).toEqual(["/apps/1/id"]);
    // Refused whole: the app is as it was, same version.
    expect((await f.api.call<Stored>("GET", "/v2/apps/shop/web")).body.app).toMatchObject({
      version: before.version,
      instances: 2,
      cpus: before.cpus,
    });

    await eventually(async () => (await deployments()).length === 0, { what: "deployments done" });
    expect((await f.api.call("DELETE", "/v2/groups/shop")).status).toBe(200);
    await eventually(
      async () =>
        (await f.api.call("GET", "/v2/groups/shop")).status === 404 &&
        (await f.api.call<{ tasks: unknown[] }>("GET", "/v2/tasks")).body.tasks.every(
          (t) => !String((t as { appId: string }).appId).startsWith("/shop/"),
        ),
      { what: "group gone" },
    );
  });
});
