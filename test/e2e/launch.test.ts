import { describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";
import { containersWithLabel, DEMO_IMAGE, docker, dockerInspect, eventually } from "@berth/testkit";

const f = useCluster("e2e-launch");

const web = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  cmd: "httpd -f -p $PORT0 -h /www",
  cpus: 0.25,
  mem: 48,
  instances: 2,
  taskKillGracePeriodSeconds: 1,
  portDefinitions: [{ port: 0, name: "http" }],
  container: { type: "DOCKER", docker: { image: DEMO_IMAGE } },
  ...over,
});

interface Inspect {
  Config: { Labels: Record<string, string>; Env: string[] };
  HostConfig: { CpuShares: number; Memory: number; NetworkMode: string };
  State: { Running: boolean };
}

describe("a Marathon app on real Docker", () => {
  it("starts 2 instances that answer on their ports, with limits and labels", async () => {
    const created = await f.api.call("POST", "/v2/apps", web("/e2e/web"));
    expect(created.status).toBe(201);
    expect(created.headers.get("marathon-deployment-id")).toMatch(/^[0-9a-f-]{36}$/);

    const tasks = await eventually(
      async () => {
        const running = await f.api.running("/e2e/web");
        return running.length === 2 && running;
      },
      { what: "2 running tasks" },
    );

    for (const t of tasks) {
      expect(t.host).toBe("127.0.0.1");
      expect(t.slaveId).toBe(f.cluster.agentId);
      expect(t.startedAt).not.toBeNull();
      const res = await fetch(`http://127.0.0.1:${t.ports[0]}/`);
      expect(await res.text()).toContain("Hello from Berth");

      const c = await dockerInspect<Inspect>(`berth-${t.id}`);
      expect(c.State.Running).toBe(true);
      expect(c.HostConfig.CpuShares).toBe(256);
      expect(c.HostConfig.Memory).toBe(48 * 1024 * 1024);
      expect(c.HostConfig.NetworkMode).toBe("host");
      expect(c.Config.Labels).toMatchObject({
        "berth.app": "/e2e/web",
        "berth.task": t.id,
        "berth.agent": f.cluster.agentId,
        "berth.version": t.version,
      });
      expect(c.Config.Env).toEqual(
        expect.arrayContaining([
          `PORT0=${t.ports[0]}`,
          `PORTS=${t.ports[0]}`,
          "HOST=127.0.0.1",
          "MARATHON_APP_ID=/e2e/web",
          `MESOS_TASK_ID=${t.id}`,
        ]),
      );
    }
    expect(new Set(tasks.map((t) => t.ports[0])).size).toBe(2);

    const app = await f.api.call<{ app: { tasksRunning: number; tasks: unknown[] } }>("GET", "/v2/apps/e2e/web");
    expect(app.body.app.tasksRunning).toBe(2);
    expect(app.body.app.tasks).toHaveLength(2);
    const listed = await f.api.call<{ apps: { id: string; tasks?: unknown[] }[] }>("GET", "/v2/apps?embed=apps.tasks");
    expect(listed.body.apps.find((a) => a.id === "/e2e/web")?.tasks).toHaveLength(2);
  });

  it("reports RUNNING for each task, after STARTING only if its launch was slow (STAGING is the record the launch wrote)", async () => {
    const ids = (await f.api.running("/e2e/web")).map((t) => t.id);
    await eventually(() => ids.every((id) => f.events.some((e) => e.taskId === id && e.taskStatus === "TASK_RUNNING")), {
      what: "RUNNING events",
    });
    for (const id of ids) {
      const states = f.events.filter((e) => e.eventType === "status_update_event" && e.taskId === id).map((e) => e.taskStatus);
      // A launch that takes the agent over a second (BERTH_AGENT_STARTING_AFTER_MS) says STARTING first.
      const upToRunning = states.slice(0, states.indexOf("TASK_RUNNING") + 1);
      expect([["TASK_RUNNING"], ["TASK_STARTING", "TASK_RUNNING"]]).toContainEqual(upToRunning);
    }
  });

  it("serves the task's series with cAdvisor's names on the agent's /metrics", async () => {
    const [t] = await f.api.running("/e2e/web");
    // Collected on an interval (500 ms in tests): wait for the first collection that has the task.
    const text = await eventually(
      async () => {
        const body = await (
          await fetch(f.cluster.agentMetricsUrl, { headers: { authorization: `Bearer ${f.cluster.metricsToken}` } })
        ).text();
        return body.includes(`task_id="${t!.id}"`) && body;
      },
      { what: "the task's series" },
    );
    for (const name of [
      "container_cpu_usage_seconds_total",
      "container_memory_usage_bytes",
      "container_memory_working_set_bytes",
      "container_spec_memory_limit_bytes",
      "container_spec_cpu_shares",
    ]) {
      expect(text).toMatch(
        new RegExp(
          `^${name}\\{[^}]*task_id="${t!.id.replaceAll(".", "\\.")}"[^}]*app_id="/e2e/web"|^${name}\\{[^}]*app_id="/e2e/web"[^}]*task_id="${t!.id.replaceAll(".", "\\.")}"`,
          "m",
        ),
      );
    }
    const limit = new RegExp(
      `^container_spec_memory_limit_bytes\\{[^}]*task_id="${t!.id.replaceAll(".", "\\.")}"[^}]*\\} (\\d+)`,
      "m",
    ).exec(text);
    expect(Number(limit?.[1])).toBe(48 * 1024 * 1024);
  });

  it("scales to 3 and back to 1", async () => {
    expect((await f.api.call("PUT", "/v2/apps/e2e/web", { instances: 3 })).status).toBe(200);
    await eventually(async () => (await f.api.running("/e2e/web")).length === 3, { what: "3 running" });
    expect(await containersWithLabel("berth.app=/e2e/web", false)).toHaveLength(3);

    const before = (await f.api.running("/e2e/web")).map((t) => t.id);
    expect((await f.api.call("PUT", "/v2/apps/e2e/web", { instances: 1 })).status).toBe(200);
    await eventually(
      async () => (await f.api.tasks("/e2e/web")).length === 1 && (await containersWithLabel("berth.app=/e2e/web", false)).length === 1,
      {
        what: "1 task and 1 container",
      },
    );
    const [left] = await f.api.tasks("/e2e/web");
    expect(before).toContain(left!.id);
  });

  it("replaces the tasks when the configuration changes, new ones first", async () => {
    const [old] = await f.api.running("/e2e/web");
    const put = await f.api.call<{ version: string }>("PUT", "/v2/apps/e2e/web", { env: { GREETING: "v2" }, mem: 56 });
    expect(put.status).toBe(200);
    const fresh = await eventually(
      async () => {
        const tasks = await f.api.tasks("/e2e/web");
        return tasks.length === 1 && tasks[0]!.state === "TASK_RUNNING" && tasks[0]!.id !== old!.id && tasks[0];
      },
      { what: "the new version alone" },
    );
    expect(fresh.version).toBe(put.body.version);
    const c = await dockerInspect<Inspect>(`berth-${fresh.id}`);
    expect(c.Config.Env).toContain("GREETING=v2");
    expect(c.HostConfig.Memory).toBe(56 * 1024 * 1024);
    // The old task stopped only after the new one ran.
    const oldKilled = f.events.find((e) => e.taskId === old!.id && e.taskStatus === "TASK_KILLING");
    const newRunning = f.events.find((e) => e.taskId === fresh.id && e.taskStatus === "TASK_RUNNING");
    expect(f.events.indexOf(newRunning!)).toBeLessThan(f.events.indexOf(oldKilled!));
  });

  it("replaces a container killed behind Berth's back and reports it", async () => {
    const [victim] = await f.api.running("/e2e/web");
    await docker("kill", `berth-${victim!.id}`);
    await eventually(() => f.events.some((e) => e.taskId === victim!.id && e.taskStatus === "TASK_FAILED"), {
      what: "TASK_FAILED event",
    });
    const failed = f.events.find((e) => e.taskId === victim!.id && e.taskStatus === "TASK_FAILED");
    expect(failed?.message).toMatch(/exited with code 137/);
    const replacement = await eventually(
      async () => {
        const running = await f.api.running("/e2e/web");
        return running.length === 1 && running[0]!.id !== victim!.id && running[0];
      },
      { what: "a replacement task" },
    );
    const res = await fetch(`http://127.0.0.1:${replacement.ports[0]}/`);
    expect(res.status).toBe(200);
  });

  it("removes every container when the app is deleted", async () => {
    const del = await f.api.call("DELETE", "/v2/apps/e2e/web");
    expect(del.status).toBe(200);
    expect(del.body).toHaveProperty("deploymentId");
    expect((await f.api.call("GET", "/v2/apps/e2e/web")).status).toBe(404);
    await eventually(async () => (await containersWithLabel("berth.app=/e2e/web")).length === 0, {
      what: "no containers left",
      timeoutMs: 30_000,
    });
    await eventually(async () => (await f.api.call<{ tasks: unknown[] }>("GET", "/v2/tasks")).body.tasks.length === 0, {
      what: "no tasks left",
    });
  });
});

describe("tasks that end", () => {
  it("reports FINISHED for exit 0 and FAILED with the exit code otherwise", async () => {
    await f.api.call("POST", "/v2/apps", { id: "/e2e/ok", cmd: "true", cpus: 0.1, mem: 32, container: { docker: { image: DEMO_IMAGE } } });
    await f.api.call("POST", "/v2/apps", {
      id: "/e2e/bad",
      cmd: "exit 3",
      cpus: 0.1,
      mem: 32,
      container: { docker: { image: DEMO_IMAGE } },
    });
    await eventually(() => f.events.some((e) => e.appId === "/e2e/ok" && e.taskStatus === "TASK_FINISHED"), { what: "FINISHED" });
    await eventually(() => f.events.some((e) => e.appId === "/e2e/bad" && e.taskStatus === "TASK_FAILED"), { what: "FAILED" });
    const failed = f.events.find((e) => e.appId === "/e2e/bad" && e.taskStatus === "TASK_FAILED");
    expect(failed?.message).toBe("Container exited with code 3");
    // Failing apps are relaunched with a growing delay, not in a tight loop.
    await eventually(() => f.events.filter((e) => e.appId === "/e2e/bad" && e.taskStatus === "TASK_FAILED").length >= 2, {
      what: "a relaunch",
    });
    // These apps never stay running, so their deployments may still hold them: delete with force.
    expect((await f.api.call("DELETE", "/v2/apps/e2e/ok?force=true")).status).toBe(200);
    expect((await f.api.call("DELETE", "/v2/apps/e2e/bad?force=true")).status).toBe(200);
  });

  it("reports FAILED with Docker's message when the image cannot be pulled", async () => {
    await f.api.call("POST", "/v2/apps", {
      id: "/e2e/nopull",
      cmd: "true",
      cpus: 0.1,
      mem: 32,
      container: { docker: { image: "127.0.0.1:9/absent/image:1" } },
    });
    await eventually(() => f.events.some((e) => e.appId === "/e2e/nopull" && e.taskStatus === "TASK_FAILED"), {
      what: "pull failure",
    });
    const failed = f.events.find((e) => e.appId === "/e2e/nopull" && e.taskStatus === "TASK_FAILED");
    expect(failed?.message).toMatch(/Failed to pull image '127\.0\.0\.1:9\/absent\/image:1': .*(connection refused|dial tcp)/);
    // No task ever runs, so the deployment holds the app until its deadline: deleting it needs force.
    const locked = await f.api.call<{ message: string; deployments: { id: string }[] }>("DELETE", "/v2/apps/e2e/nopull");
    expect(locked.status).toBe(409);
    expect(locked.body.message).toMatch(/locked by one or more deployments/);
    expect(locked.body.deployments).toHaveLength(1);
    expect((await f.api.call("DELETE", "/v2/apps/e2e/nopull?force=true")).status).toBe(200);
  });
});

describe("task logs", () => {
  it("returns a task's stdout and stderr, and follows it", async () => {
    await f.api.call("POST", "/v2/apps", {
      id: "/e2e/chatty",
      cmd: "echo hello-out; echo hello-err >&2; i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done",
      cpus: 0.1,
      mem: 32,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    });
    const [task] = await eventually(
      async () => {
        const r = await f.api.running("/e2e/chatty");
        return r.length === 1 && r;
      },
      { what: "running" },
    );
    const both = await eventually(
      async () => {
        const r = await f.api.call<string>("GET", `/v2/tasks/${task!.id}/logs?tail=0`);
        return r.status === 200 && r.body.includes("tick 2") && r.body;
      },
      { what: "some output" },
    );
    expect(both).toContain("hello-out");
    expect(both).toContain("hello-err");
    const errOnly = await f.api.call<string>("GET", `/v2/tasks/${task!.id}/logs?tail=0&stream=stderr`);
    expect(errOnly.body).toBe("hello-err\n");
    const tail = await f.api.call<string>("GET", `/v2/tasks/${task!.id}/logs?tail=2&stream=stdout`);
    // Docker counts the tail over both streams before it keeps stdout: at most 2 lines, ending with a tick.
    const lines = tail.body.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.at(-1)).toMatch(/^tick \d+$/);

    const ac = new AbortController();
    const res = await fetch(`${f.cluster.apiUrl}/v2/tasks/${task!.id}/logs?follow=true&tail=1&stream=stdout`, {
      signal: ac.signal,
      headers: { authorization: `Bearer ${f.cluster.adminToken}` },
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const reader = res.body!.getReader();
    let text = "";
    const start = Number(/tick (\d+)/.exec(tail.body)?.[1] ?? 0);
    while (!new RegExp(`tick ${start + 5}\\b`).test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ac.abort();
    expect(text).toMatch(new RegExp(`tick ${start + 5}`));
    expect((await f.api.call("GET", "/v2/tasks/nope.nothing/logs")).status).toBe(404);
    expect((await f.api.call("GET", `/v2/tasks/${task!.id}/logs?tail=-1`)).status).toBe(422);
    await f.api.call("DELETE", "/v2/apps/e2e/chatty?force=true");
  });
});

describe("the cluster", () => {
  it("answers /ping, /livez, /readyz, /v2/info and /metrics", async () => {
    expect((await f.api.call("GET", "/ping")).body).toBe("pong");
    expect((await f.api.call("GET", "/livez")).status).toBe(200);
    expect((await f.api.call("GET", "/readyz")).status).toBe(200);
    const agentBase = f.cluster.agentMetricsUrl.replace(/\/metrics$/, "");
    expect((await fetch(`${agentBase}/readyz`)).status).toBe(200);
    expect((await f.api.call<{ name: string }>("GET", "/v2/info")).body.name).toBe("berth");
    const metrics = await f.api.call<string>("GET", "/metrics/prometheus");
    expect(metrics.body).toMatch(/^berth_api_requests_total\{/m);
    // Marathon's /metrics is JSON, as Dropwizard's registry.
    const json = await f.api.call<{ counters: Record<string, { count: number }>; gauges: Record<string, unknown> }>("GET", "/metrics");
    expect(Object.keys(json.body.counters).some((k) => k.startsWith("berth_api_requests_total{"))).toBe(true);
    const agents = await f.api.call<{ agents: { id: string; resources: { cpus: number }; active: boolean }[] }>("GET", "/v2/agents");
    expect(agents.body.agents).toEqual([
      expect.objectContaining({ id: f.cluster.agentId, active: true, resources: expect.objectContaining({ cpus: 4 }) }),
    ]);
  });
});

describe("bad input", () => {
  it("answers 422 with details for invalid definitions and changes nothing", async () => {
    const before = await f.api.call<{ apps: unknown[] }>("GET", "/v2/apps");
    const r = await f.api.call<{ message: string; details: { path: string; errors: string[] }[] }>("POST", "/v2/apps", {
      id: "/Bad//Id",
      cpus: -1,
      mem: "lots",
      instances: 1.5,
      container: { docker: { image: "no spaces allowed" } },
    });
    expect(r.status).toBe(422);
    expect(r.body.details.map((d) => d.path).sort()).toEqual(["/container/docker/image", "/cpus", "/id", "/instances", "/mem"]);
    const after = await f.api.call<{ apps: unknown[] }>("GET", "/v2/apps");
    expect(after.body.apps).toEqual(before.body.apps);
    expect(await containersWithLabel("berth.app=/Bad//Id")).toEqual([]);
  });

  it("answers 400 for malformed JSON, 404 for unknown apps and 409 for a duplicate", async () => {
    const bad = await f.api.call<{ message: string }>("POST", "/v2/apps", undefined, '{"id": "/x", ');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe("Invalid JSON");
    expect((await f.api.call("GET", "/v2/apps/e2e/nothing-here")).status).toBe(404);
    expect((await f.api.call("DELETE", "/v2/apps/e2e/nothing-here")).status).toBe(404);
    expect((await f.api.call("GET", "/v2/apps/e2e/nothing-here/tasks")).status).toBe(404);
    const app = { id: "/e2e/dup", cmd: "sleep 600", cpus: 0.1, mem: 32, instances: 0, container: { docker: { image: DEMO_IMAGE } } };
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const dup = await f.api.call<{ message: string }>("POST", "/v2/apps", app);
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe("An app with id [/e2e/dup] already exists.");
    await f.api.call("DELETE", "/v2/apps/e2e/dup");
  });

  it("answers 413 for an oversized body", async () => {
    const r = await f.api.call("POST", "/v2/apps", undefined, JSON.stringify({ id: "/e2e/big", cmd: "x".repeat(2 * 1024 * 1024) }));
    expect(r.status).toBe(413);
    expect((await f.api.call("GET", "/v2/apps/e2e/big")).status).toBe(404);
  });
});
