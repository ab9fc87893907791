// A Mesos framework written for Mesos's scheduler HTTP API, unchanged: npm's mesos-framework 0.5.3
// subscribes to Berth's scheduler-api as to a Mesos master, is offered the agent's free resources,
// launches Docker tasks next to a Marathon app, hears their updates and acknowledges them, kills one,
// reconciles, and tears itself down.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IMAGE, dockerInspect, eventually } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

interface MesosStatus {
  task_id: { value: string };
  agent_id?: { value: string };
  state: string;
  reason?: string;
  message?: string;
  container_status?: { container_id: { value: string } };
}
interface FrameworkTasks {
  frameworkId: string | null;
  pending: number;
  launched: { taskId: string; agentId?: string; state?: string }[];
}

// The client gives up on a stream silent for 10 s: heartbeats come every 2 s here (5 s by default).
const f = useCluster("compat-mesos", {
  schedulerApi: true,
  extraEnv: { BERTH_SCHEDULER_ANONYMOUS_TEAM: "batch", BERTH_SCHEDULER_HEARTBEAT_SECONDS: "2" },
});

const here = dirname(fileURLToPath(import.meta.url));
let framework: ChildProcessWithoutNullStreams;
let frameworkId = "";
const updates: MesosStatus[] = [];
const errors: string[] = [];
let lastTasks: FrameworkTasks | undefined;

const tell = (command: Record<string, unknown>) => framework.stdin.write(`${JSON.stringify(command)}\n`);

/** The framework's own view of its tasks, asked of it. */
async function frameworkTasks(): Promise<FrameworkTasks> {
  lastTasks = undefined;
  tell({ cmd: "tasks" });
  return eventually(() => lastTasks, { what: "the framework's answer" });
}

beforeAll(async () => {
  await f.api.call("POST", "/v2/apps", sleeper("/shop/web"));
  await f.api.waitRunning("/shop/web", 1);
  const url = new URL(f.cluster.schedulerUrl);
  const logDir = join(process.cwd(), "test-results", "compat-mesos");
  mkdirSync(logDir, { recursive: true });
  // The framework as its own process, as its users run it (in its log directory: it writes logs/ where it runs).
  framework = spawn(process.execPath, [join(here, "mesos-framework-runner.cjs"), url.hostname, url.port, DEMO_IMAGE, logDir], {
    cwd: logDir,
  });
  createInterface({ input: framework.stdout }).on("line", (line) => {
    const { event, data } = JSON.parse(line) as { event: string; data: unknown };
    if (event === "subscribed") frameworkId = (data as { frameworkId: string }).frameworkId;
    if (event === "update") updates.push(data as MesosStatus);
    if (event === "error") errors.push(String(data));
    if (event === "tasks") lastTasks = data as FrameworkTasks;
  });
  await eventually(() => frameworkId !== "", { what: "the framework subscribed", timeoutMs: 30_000 });
});

afterAll(() => {
  framework?.kill("SIGKILL");
});

const running = async () => (await frameworkTasks()).launched.filter((t) => t.state === "TASK_RUNNING");

describe("a Mesos framework from npm (mesos-framework) on Berth", () => {
  it("subscribes, is offered the agent, and runs its two Docker tasks next to the Marathon app", async () => {
    expect(frameworkId).toMatch(/-0000$/);
    await eventually(async () => (await running()).length === 2, {
      what: () =>
        `the framework's two tasks running (its tasks: ${JSON.stringify(lastTasks)}; its errors: ${JSON.stringify(errors)}; ` +
        `the updates that were not RUNNING: ${JSON.stringify(updates.filter((u) => u.state !== "TASK_RUNNING").map((u) => [u.state, u.reason, u.message]))})`,
      timeoutMs: 60_000,
    });
    expect((await frameworkTasks()).pending).toBe(0);
    for (const t of await running()) {
      const status = updates.filter((u) => u.task_id.value === t.taskId && u.state === "TASK_RUNNING").at(-1);
      const containerId = status?.container_status?.container_id.value ?? "";
      expect((await dockerInspect<{ State: { Running: boolean } }>(containerId)).State.Running).toBe(true);
    }
    // Marathon's side is untouched: its app runs, and its views do not show the framework's tasks.
    const tasks = await f.api.call<{ tasks: { appId: string }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.map((t) => t.appId)).toEqual(["/shop/web"]);
    const fw = await f.api.call<{ team: string; state: string; used: { tasks: number } }>("GET", `/v2/frameworks/${frameworkId}`);
    expect(fw.body).toMatchObject({ team: "batch", state: "active", used: { tasks: 2 } });
    expect(errors).toEqual([]);
  });

  it("kills a task it asks to kill, tells it TASK_KILLED, and forgets it once acknowledged", async () => {
    const [victim] = await running();
    if (!victim?.agentId) throw new Error("no running task");
    tell({ cmd: "kill", taskId: victim.taskId, agentId: victim.agentId });
    await eventually(() => updates.some((u) => u.task_id.value === victim.taskId && u.state === "TASK_KILLED"), { what: "TASK_KILLED" });
    // It declared no TASK_KILLING_STATE, so, as from a Mesos master, it hears no TASK_KILLING.
    expect(updates.filter((u) => u.state === "TASK_KILLING")).toEqual([]);
    // The client acknowledged the update: Berth's record of the task goes.
    const berthId = `${frameworkId}.${victim.taskId}`;
    await eventually(async () => (await f.bus.tasks.get(berthId)) === undefined, { what: "the acknowledged task's record gone" });
    const fw = await f.api.call<{ used: { tasks: number } }>("GET", `/v2/frameworks/${frameworkId}`);
    expect(fw.body.used.tasks).toBe(1);
  });

  it("answers an implicit reconciliation with the live task's state", async () => {
    const before = updates.length;
    tell({ cmd: "reconcile" });
    await eventually(() => updates.slice(before).some((u) => u.reason === "REASON_RECONCILIATION"), { what: "a reconciliation update" });
    const reconciled = updates.slice(before).filter((u) => u.reason === "REASON_RECONCILIATION");
    expect(reconciled.map((u) => u.state)).toEqual(["TASK_RUNNING"]);
  });

  it("tears down: its last task is killed and the framework is completed, while the Marathon app runs on", async () => {
    const id = frameworkId;
    tell({ cmd: "teardown" });
    await eventually(
      async () => (await f.api.call<{ state: string; used: { tasks: number } }>("GET", `/v2/frameworks/${id}`)).body.state === "completed",
      { what: "the framework completed" },
    );
    await eventually(async () => (await f.api.call<{ used: { tasks: number } }>("GET", `/v2/frameworks/${id}`)).body.used.tasks === 0, {
      what: "its bookings released",
    });
    expect((await f.api.call<{ tasks: unknown[] }>("GET", "/v2/apps/shop/web/tasks")).body.tasks).toHaveLength(1);
  });
});
