import { describe, expect, it } from "vitest";
import { type AppDefinition, parseApp, stagedTask, type TaskRecord } from "@berth/core";
import { appView, type AppViewOptions, appViewJson, taskView, taskViewJson } from "./views.js";

function appOf(over: Record<string, unknown>): AppDefinition {
  const r = parseApp(
    { id: "/team/web", cmd: "httpd -f -p $PORT0", container: { docker: { image: "berth/busybox:test" } }, ...over },
    { version: "2026-01-01T00:00:00.000Z" },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.app;
}

function taskOf(n: number, over: Partial<TaskRecord>): TaskRecord {
  const staged = stagedTask({
    taskId: `team_web.${n}`,
    appId: "/team/web",
    agentId: "a1",
    hostname: "a1.local",
    ports: [31000 + n],
    version: "v1",
    configVersion: "v1",
    killGracePeriodSeconds: 3,
    nowMs: 1000,
  });
  return { ...staged, ...over };
}

const healthy = {
  state: "HEALTHY",
  consecutiveFailures: 0,
  firstSuccessMs: 2000,
  lastSuccessMs: 3000,
  lastFailureMs: 0,
  lastFailureCause: "",
};
const unhealthy = { ...healthy, state: "UNHEALTHY", consecutiveFailures: 2, lastFailureMs: 4000, lastFailureCause: "exit 1" };

describe("appViewJson", () => {
  const plain = appOf({});
  const secretive = appOf({
    env: { TOKEN: "s3cret", DB: { secret: "db" } },
    secrets: { db: { source: "db/password" } },
    labels: { tier: "web" },
    healthChecks: [{ protocol: "COMMAND", command: { value: "true" } }],
    container: { docker: { image: "registry.local/web:1", pullConfig: { username: "u", password: "p4ss" } } },
  });
  const tasks = [
    taskOf(1, { state: "TASK_RUNNING", health: healthy as TaskRecord["health"] }),
    taskOf(2, { state: "TASK_RUNNING", health: unhealthy as TaskRecord["health"], goal: "KILL", message: "killing" }),
    taskOf(3, { state: "TASK_STAGING" }),
    taskOf(4, { state: "TASK_FAILED" }),
  ];
  const cases: [string, AppDefinition, AppViewOptions][] = [
    ["counts only", plain, { embedTasks: false, embedCounts: true }],
    ["nothing added", plain, { embedTasks: false, embedCounts: false }],
    [
      "secrets, health, tasks, deployments and the last failure",
      secretive,
      {
        embedTasks: true,
        embedCounts: true,
        deployments: [{ id: "d1" }],
        lastTaskFailure: { taskId: "team_web.4", state: "TASK_FAILED", message: "exit 1" },
      },
    ],
  ];

  it.each(cases)("is exactly JSON.stringify(appView(...)): %s", (_, app, opts) => {
    const json = appViewJson(app, tasks, opts);
    expect(json).toBe(JSON.stringify(appView(app, tasks, opts)));
    // Asked again (the definition's part kept), the same.
    expect(appViewJson(app, tasks, opts)).toBe(json);
  });

  it("never answers a secret, and follows the tasks as they change", () => {
    const opts = { embedTasks: false, embedCounts: true };
    const json = appViewJson(secretive, tasks, opts);
    expect(json).not.toContain("s3cret");
    expect(json).not.toContain("p4ss");
    expect(JSON.parse(json)).toMatchObject({ tasksRunning: 2, tasksHealthy: 1, tasksUnhealthy: 1, tasksStaged: 1 });
    expect(JSON.parse(appViewJson(secretive, tasks.slice(0, 1), opts))).toMatchObject({ tasksRunning: 1, tasksUnhealthy: 0 });
  });

  it("answers a changed definition (a new stored version) anew", () => {
    const opts = { embedTasks: false, embedCounts: false };
    expect(JSON.parse(appViewJson(plain, [], opts)).cmd).toBe("httpd -f -p $PORT0");
    expect(JSON.parse(appViewJson(appOf({ cmd: "sleep 1" }), [], opts)).cmd).toBe("sleep 1");
  });
});

describe("taskViewJson", () => {
  it("is exactly JSON.stringify(taskView(...)), with and without health results, and follows a changed record", () => {
    const t = taskOf(1, { state: "TASK_RUNNING", health: unhealthy as TaskRecord["health"], message: "slow" });
    for (const checked of [true, false]) {
      expect(taskViewJson(t, checked)).toBe(JSON.stringify(taskView(t, checked)));
      expect(taskViewJson(t, checked)).toBe(taskViewJson(t, checked));
    }
    expect(JSON.parse(taskViewJson(t, true)).healthCheckResults[0]).toMatchObject({ alive: false, consecutiveFailures: 2 });
    expect(JSON.parse(taskViewJson(t, false)).healthCheckResults).toEqual([]);
    // A change is a new record: its JSON is made anew.
    const killed = { ...t, state: "TASK_KILLED" as const };
    expect(JSON.parse(taskViewJson(killed, true)).state).toBe("TASK_KILLED");
  });
});
