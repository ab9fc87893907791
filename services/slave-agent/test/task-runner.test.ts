import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, codecs, newSealingKeys, openBus, sealTask, type StatusUpdate, STREAMS, subjects } from "@berth/bus";
import { DeliverPolicy } from "@nats-io/jetstream";
import { parseApp, taskSpec } from "@berth/core";
import {
  containersWithLabel,
  DEMO_IMAGE,
  dockerInspect,
  eventually,
  type NatsServer,
  removeContainersWithLabel,
  startNatsServer,
} from "@berth/testkit";
import { pino } from "pino";
import { DockerRuntime } from "../src/runtime/docker-runtime.js";
import { StatusReporter } from "../src/status/status-reporter.js";
import { HealthChecker } from "../src/tasks/health-checker.js";
import { TaskRunner, type TaskRunnerOptions } from "../src/tasks/task-runner.js";
import { ImageAccess } from "../src/runtime/image-access.js";
import { Sandboxes } from "../src/tasks/sandboxes.js";
import { Fetcher } from "../src/tasks/fetcher.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const log = pino({ level: "silent" });
const agentId = `it-agent-${process.pid}`;
let nats: NatsServer;
let bus: Bus;
const updates: StatusUpdate[] = [];
const runtime = new DockerRuntime("/var/run/docker.sock");
const keys = newSealingKeys();
const workDir = mkdtempSync(join(tmpdir(), "berth-it-agent-"));

const watches: { stop(): void }[] = [];

/**
 * A runner as one agent process has it; `stopAll` ends the previous ones, as a process exit would.
 * TASK_STARTING is said of a launch slower than `startingAfterMs`: a minute here unless a test asks.
 */
function runner(startingAfterMs = 60_000, gcDelayMs = 60_000, more: Partial<TaskRunnerOptions> = {}): TaskRunner {
  const reporter = new StatusReporter(bus.js, { agentId, hostname: "127.0.0.1" }, log);
  const r = new TaskRunner(
    runtime,
    reporter,
    new HealthChecker(runtime, log),
    {
      agentId,
      hostname: "127.0.0.1",
      gcDelayMs,
      sealing: keys,
      images: new ImageAccess(runtime, join(workDir, "public-repositories.json")),
      sandboxes: new Sandboxes(join(workDir, "sandboxes")),
      fetcher: new Fetcher(join(workDir, "fetch-cache"), 10_000, 1024 ** 2),
      startingAfterMs,
      ...more,
    },
    log,
  );
  watches.push(
    runtime.watchExits(
      { "berth.agent": agentId },
      (e) => void r.onExit(e),
      () => undefined,
    ),
  );
  return r;
}

function stopAll(): void {
  for (const w of watches.splice(0)) w.stop();
}

/** A launch's task as the dispatcher sends it: its secrets (from `store`) sealed to `to`, by default this agent's key. */
function spec(taskId: string, over: Record<string, unknown> = {}, store: Record<string, string> = {}, to = keys.publicKey) {
  const r = parseApp(
    { id: "/it/app", cmd: "sleep 600", cpus: 0.5, mem: 40, container: { docker: { image: DEMO_IMAGE } }, ...over },
    { version: "v1" },
  );
  if (!r.ok) throw new Error("fixture");
  return sealTask(
    taskSpec(r.app, taskId, [31500], undefined, (source) => store[source]),
    to,
  );
}

const statesOf = (taskId: string) => updates.filter((u) => u.taskId === taskId).map((u) => u.state);

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "it-agent", logger: log });
  const c = await bus.js.consumers.get(STREAMS.status, {
    filter_subjects: subjects.agentStatus(agentId),
    deliver_policy: DeliverPolicy.All,
  });
  void (async () => {
    for await (const m of await c.consume()) updates.push(...codecs.statusUpdates.decode(m.data).updates);
  })();
});

afterAll(async () => {
  stopAll();
  await removeContainersWithLabel(`berth.agent=${agentId}`);
  await bus?.close();
  await nats?.stop();
});

describe("TaskRunner on real Docker", () => {
  it("runs a task with its limits and reports RUNNING as its first word when it starts in time", async () => {
    const r = runner();
    await r.launch({ task: spec("it_app.one"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.one").includes("TASK_RUNNING"), { what: "RUNNING" });
    expect(statesOf("it_app.one")).toEqual(["TASK_RUNNING"]);
    const c = await dockerInspect<{
      Id: string;
      HostConfig: { CpuShares: number; Memory: number };
      State: { Running: boolean; StartedAt: string };
    }>("berth-it_app.one");
    expect(c.State.Running).toBe(true);
    expect(c.HostConfig).toMatchObject({ CpuShares: 512, Memory: 40 * 1024 * 1024 });
    // The same command again (a redelivery, or a resend after no word came) starts nothing new
    // and says RUNNING again, in case the first RUNNING was lost on the way.
    await r.launch({ task: spec("it_app.one"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.one").length === 2, { what: "RUNNING again" });
    expect(statesOf("it_app.one")).toEqual(["TASK_RUNNING", "TASK_RUNNING"]);
    const again = await dockerInspect<{ Id: string; State: { StartedAt: string } }>("berth-it_app.one");
    expect({ id: again.Id, startedAt: again.State.StartedAt }).toEqual({ id: c.Id, startedAt: c.State.StartedAt });
  });

  it("starts nothing for a launch that comes after its task's kill (a redelivery, or a late one)", async () => {
    const r = runner();
    await r.kill({ taskId: "it_app.late", agentId, gracePeriodSeconds: 0, reason: "test", issuedAtMs: 0 });
    await r.launch({ task: spec("it_app.late"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.late").length === 2, { what: "both answered" });
    expect(statesOf("it_app.late")).toEqual(["TASK_KILLED", "TASK_KILLED"]);
    expect(updates.filter((u) => u.taskId === "it_app.late").map((u) => u.reason)).toEqual([
      "REASON_RECONCILIATION",
      "REASON_TASK_KILLED_DURING_LAUNCH",
    ]);
    await expect(dockerInspect("berth-it_app.late")).rejects.toThrow();
  });

  it("starts nothing for a launch that waited while the cluster gave its task up, and starts one still wanted", async () => {
    // The cluster's records: one task still wanted; the other's record is gone (expunged while its agent was away).
    const records = new Map([["it_app.wanted", { state: "TASK_STAGING" as const, goal: "RUNNING" as const }]]);
    const read: string[] = [];
    const taskRecord = async (id: string) => (read.push(id), records.get(id));
    const r = runner(60_000, 60_000, { taskRecord, staleLaunchAfterMs: 1_000 });
    const waited = Date.now() - 30_000;
    await r.launch({ task: spec("it_app.givenup"), agentId, issuedAtMs: waited });
    await r.launch({ task: spec("it_app.wanted"), agentId, issuedAtMs: waited });
    // A launch that did not wait is not checked: it starts without a read.
    await r.launch({ task: spec("it_app.fresh"), agentId, issuedAtMs: Date.now() });
    await eventually(() => statesOf("it_app.wanted").includes("TASK_RUNNING") && statesOf("it_app.fresh").includes("TASK_RUNNING"), {
      what: "the wanted and the fresh task running",
    });
    expect(read).toEqual(["it_app.givenup", "it_app.wanted"]);
    expect(updates.filter((u) => u.taskId === "it_app.givenup")).toEqual([
      expect.objectContaining({
        state: "TASK_KILLED",
        reason: "REASON_TASK_KILLED_DURING_LAUNCH",
        message: expect.stringMatching(/no longer has this task/),
      }),
    ]);
    // Delivered again, it still starts nothing.
    await r.launch({ task: spec("it_app.givenup"), agentId, issuedAtMs: waited });
    await eventually(() => statesOf("it_app.givenup").length === 2, { what: "the second launch answered" });
    expect(await containersWithLabel("berth.task=it_app.givenup")).toEqual([]);
    for (const id of ["it_app.wanted", "it_app.fresh"])
      await r.kill({ taskId: id, agentId, gracePeriodSeconds: 0, reason: "test", issuedAtMs: 0 });
  });

  it("starts nothing for a launch delivered again after its task ended and was forgotten", async () => {
    const r = runner(60_000, 200);
    await r.launch({ task: spec("it_app.over", { cmd: "true" }), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.over").includes("TASK_FINISHED"), { what: "FINISHED" });
    await eventually(async () => (await containersWithLabel("berth.task=it_app.over")).length === 0, { what: "its container removed" });
    const before = statesOf("it_app.over").length;
    await r.launch({ task: spec("it_app.over", { cmd: "true" }), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.over").length === before + 1, { what: "the second launch answered" });
    expect(updates.filter((u) => u.taskId === "it_app.over").at(-1)).toMatchObject({
      state: "TASK_KILLED",
      reason: "REASON_TASK_KILLED_DURING_LAUNCH",
    });
    expect(await containersWithLabel("berth.task=it_app.over")).toEqual([]);
  });

  it("refuses a launch while it cannot checkpoint (a full work dir), and starts the same launch once it can", async () => {
    let problem: string | undefined = "the agent's work dir is full (0 KiB free)";
    const r = runner(60_000, 60_000, { cannotLaunch: () => problem });
    await r.launch({ task: spec("it_app.nospace"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.nospace").length === 1, { what: "the refusal" });
    expect(updates.find((u) => u.taskId === "it_app.nospace")).toMatchObject({
      state: "TASK_DROPPED",
      appId: "/it/app",
      reason: "REASON_CONTAINER_LAUNCH_FAILED",
      message: `agent ${agentId} refused the launch: the agent's work dir is full (0 KiB free)`,
    });
    expect(await containersWithLabel("berth.task=it_app.nospace")).toEqual([]);
    problem = undefined;
    await r.launch({ task: spec("it_app.nospace"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.nospace").includes("TASK_RUNNING"), { what: "RUNNING once there is room" });
    await r.kill({ taskId: "it_app.nospace", agentId, gracePeriodSeconds: 0, reason: "test", issuedAtMs: 0 });
  });

  it("re-adopts its running container after a restart, without restarting it", async () => {
    const before = await dockerInspect<{ Id: string; State: { StartedAt: string } }>("berth-it_app.one");
    stopAll();
    const restarted = runner();
    await restarted.recover();
    expect(restarted.running().map((c) => c.containerId)).toContain(before.Id);
    const after = await dockerInspect<{ Id: string; State: { StartedAt: string } }>("berth-it_app.one");
    expect(after.State.StartedAt).toBe(before.State.StartedAt);

    await restarted.kill({ taskId: "it_app.one", agentId, gracePeriodSeconds: 1, reason: "test", issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.one").includes("TASK_KILLED"), { what: "KILLED" });
    expect(statesOf("it_app.one").slice(-2)).toEqual(["TASK_KILLING", "TASK_KILLED"]);
    const gone = await dockerInspect<{ State: { Running: boolean } }>("berth-it_app.one");
    expect(gone.State.Running).toBe(false);
  });

  it("says STARTING of a launch slower than its bound, once, and then RUNNING", async () => {
    // A bound of 0 makes every launch slow: STARTING is said before Docker has started the container.
    const r = runner(0);
    await r.launch({ task: spec("it_app.slow"), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.slow").includes("TASK_RUNNING"), { what: "RUNNING" });
    expect(statesOf("it_app.slow")).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
    await r.kill({ taskId: "it_app.slow", agentId, gracePeriodSeconds: 1, reason: "test", issuedAtMs: 0 });
  });

  it("waits the grace period for SIGTERM before SIGKILL", async () => {
    const r = runner();
    // A task that traps SIGTERM and exits 0 after a moment: it gets to finish within its grace.
    await r.launch({
      task: spec("it_app.graceful", { cmd: "trap 'sleep 1; exit 0' TERM; while true; do sleep 0.1; done", taskKillGracePeriodSeconds: 5 }),
      agentId,
      issuedAtMs: 0,
    });
    await eventually(() => statesOf("it_app.graceful").includes("TASK_RUNNING"), { what: "RUNNING" });
    const t0 = Date.now();
    await r.kill({ taskId: "it_app.graceful", agentId, gracePeriodSeconds: 5, reason: "test", issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.graceful").includes("TASK_KILLED"), { what: "KILLED" });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(4_500);
    const c = await dockerInspect<{ State: { ExitCode: number } }>("berth-it_app.graceful");
    expect(c.State.ExitCode).toBe(0);
  });

  it("opens the secrets sealed to it into the task's env, and fails a task whose secrets were sealed to another agent", async () => {
    const r = runner();
    const withSecret = { secrets: { pw: { source: "db/pw" } }, env: { PW: { secret: "pw" }, PLAIN: "p" } };
    await r.launch({ task: spec("it_app.sealed", withSecret, { "db/pw": "s3cret" }), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.sealed").includes("TASK_RUNNING"), { what: "RUNNING" });
    const c = await dockerInspect<{ Config: { Env: string[] } }>("berth-it_app.sealed");
    expect(c.Config.Env).toEqual(expect.arrayContaining(["PW=s3cret", "PLAIN=p"]));
    const other = newSealingKeys().publicKey;
    await r.launch({ task: spec("it_app.stolen", withSecret, { "db/pw": "s3cret" }, other), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.stolen").includes("TASK_FAILED"), { what: "FAILED" });
    const failed = updates.find((u) => u.taskId === "it_app.stolen" && u.state === "TASK_FAILED");
    expect(failed?.message).toMatch(/^Cannot open the task's secrets: .*another agent's key/);
    await r.kill({ taskId: "it_app.sealed", agentId, gracePeriodSeconds: 0, reason: "test", issuedAtMs: 0 });
  });

  it("reports FAILED with Docker's message when an image does not exist", async () => {
    const r = runner();
    await r.launch({ task: spec("it_app.noimage", { container: { docker: { image: "127.0.0.1:9/none:1" } } }), agentId, issuedAtMs: 0 });
    await eventually(() => statesOf("it_app.noimage").includes("TASK_FAILED"), { what: "FAILED" });
    const failed = updates.find((u) => u.taskId === "it_app.noimage" && u.state === "TASK_FAILED");
    expect(failed?.message).toMatch(/^Failed to pull image '127.0.0.1:9\/none:1': /);
  });
});
