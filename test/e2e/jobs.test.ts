// Metronome's jobs API on the real cluster: one-off and scheduled runs of real containers next to Marathon's apps.
import { execFile, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiJobRun } from "@berth/contract";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { taskWatches } from "../support/task-watches.js";

const f = useCluster("e2e-jobs", { jobScheduler: true });
let jobs: Api;

type RunView = ApiJobRun;

const run = (cmd: string, over: Record<string, unknown> = {}) => ({ cmd, cpus: 0.1, mem: 32, docker: { image: DEMO_IMAGE }, ...over });

async function runOf(jobId: string, runId: string): Promise<RunView> {
  return (await jobs.call<RunView>("GET", `/v1/jobs/${jobId}/runs/${runId}`)).body;
}

async function ended(jobId: string, runId: string, what: string): Promise<RunView> {
  let last: RunView | undefined;
  await eventually(
    async () => {
      last = await runOf(jobId, runId);
      return last.status === "SUCCESS" || last.status === "FAILED";
    },
    { timeoutMs: 60_000, what },
  );
  return last!;
}

beforeAll(() => {
  jobs = new Api(f.cluster.jobsUrl, f.cluster.adminToken);
});

describe("one-off runs", () => {
  it("runs a job's task to its end next to an app's task, and counts it in the job's history", async () => {
    expect((await f.api.call("POST", "/v2/apps", sleeper("/ops/web", 1, { cpus: 0.1 }))).status).toBe(201);
    await f.api.waitRunning("/ops/web", 1);
    const [webTask] = await f.api.running("/ops/web");

    const cmd = "echo hello from a job; sleep 3";
    const made = await jobs.call("POST", "/v1/jobs", { id: "ops.hello", description: "says hello", run: run(cmd) });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: "ops.hello", run: { cmd, cpus: 0.1, mem: 32, restart: { policy: "NEVER" } } });
    const started = await jobs.call<RunView>("POST", "/v1/jobs/ops.hello/runs");
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ jobId: "ops.hello", status: "INITIAL", completedAt: null });
    expect(started.body.id).toMatch(/^\d{14}[A-Z0-9]{5}$/);

    // While it runs, its task's output is read as any task's, through the api.
    const active = await eventually(
      async () => {
        const r = await runOf("ops.hello", started.body.id);
        return r.status === "ACTIVE" && r;
      },
      { what: "the run active" },
    );
    await eventually(async () => /hello from a job/.test((await f.api.call<string>("GET", `/v2/tasks/${active.tasks[0]!.id}/logs`)).body), {
      what: "the run's output",
    });
    const done = await ended("ops.hello", started.body.id, "the run ended");
    expect(done.status).toBe("SUCCESS");
    expect(done.tasks).toEqual([expect.objectContaining({ status: "TASK_FINISHED", exitCode: 0 })]);

    type History = { history: { successCount: number; failureCount: number; successfulFinishedRuns: { id: string }[] } };
    await eventually(async () => (await jobs.call<History>("GET", "/v1/jobs/ops.hello?embed=history")).body.history.successCount === 1, {
      what: "the run counted",
    });
    expect((await jobs.call<History>("GET", "/v1/jobs/ops.hello?embed=history")).body.history).toMatchObject({
      successCount: 1,
      failureCount: 0,
      successfulFinishedRuns: [{ id: started.body.id }],
    });
    const summary = await jobs.call<{ historySummary: Record<string, unknown> }>("GET", "/v1/jobs/ops.hello?embed=historySummary");
    expect(summary.body.historySummary).toMatchObject({ successCount: 1, failureCount: 0, lastFailureAt: null });
    // Told on the event stream as it went: started with its task, then finished.
    await eventually(() => f.events.some((e) => e.eventType === "job_run_finished" && e.runId === started.body.id), {
      what: "job_run_finished",
    });
    const told = f.events.filter((e) => e.runId === started.body.id);
    expect(told.map((e) => e.eventType)).toEqual(["job_run_started", "job_run_finished"]);
    expect(told[0]).toMatchObject({ jobId: "ops.hello", taskId: done.tasks[0]!.id });
    // The team's job framework is listed with Marathon's, and cannot be torn down behind its jobs' back.
    const frameworks = await f.api.call<{ frameworks: { id: string; name: string; role: string }[] }>("GET", "/v2/frameworks");
    expect(frameworks.body.frameworks).toContainEqual(
      expect.objectContaining({ id: "metronome-ops", name: "metronome", role: "ops/metronome" }),
    );
    expect((await f.api.call("DELETE", "/v2/frameworks/metronome-ops")).status).toBe(409);
    // The api passes /v1 on: the same job at its address.
    expect((await f.api.call("GET", "/v1/jobs/ops.hello")).body).toMatchObject({ id: "ops.hello", description: "says hello" });
    // The app's task was left alone: the same task, still running.
    expect((await f.api.running("/ops/web")).map((t) => t.id)).toEqual([webTask!.id]);
    // nats-server sends the job-scheduler its runs' task records only: the app's go to the api, the dispatcher and the offer-handler.
    const watches = await eventually(
      async () => {
        const all = await taskWatches(f.nats.monitorUrl);
        return all.some((w) => w.keys.includes("metronome-ops.>")) && all;
      },
      { what: "the job-scheduler following team ops's runs" },
    );
    expect(watches.filter((w) => w.keys.includes(">"))).toHaveLength(3);
    expect(watches.filter((w) => !w.keys.includes(">"))).toEqual([{ keys: ["metronome-ops.>"] }]);
  });

  it("tries a failing run again under ON_FAILURE until activeDeadlineSeconds, then fails it with the exit code", async () => {
    const body = { id: "ops.flaky", run: run("exit 3", { restart: { policy: "ON_FAILURE", activeDeadlineSeconds: 6 } }) };
    expect((await jobs.call("POST", "/v1/jobs", body)).status).toBe(201);
    const started = await jobs.call<RunView>("POST", "/v1/jobs/ops.flaky/runs");
    const done = await ended("ops.flaky", started.body.id, "the run failed for good");
    expect(done.status).toBe("FAILED");
    expect(done.tasks.length).toBeGreaterThanOrEqual(2);
    expect(done.tasks.every((t) => t.status === "TASK_FAILED" && t.exitCode === 3)).toBe(true);
    expect(done.reason).toMatch(/activeDeadlineSeconds \(6 s\) has passed.*exit code 3/);
  });

  it("holds a run over its team's quota in /v1/queue with the reason, and stops it when asked", async () => {
    expect((await f.api.call("PUT", "/v2/teams/tight", { quota: { cpus: 0.2 } })).status).toBe(200);
    expect((await jobs.call("POST", "/v1/jobs", { id: "tight.big", run: run("sleep 5", { cpus: 0.5 }) })).status).toBe(201);
    const started = await jobs.call<RunView>("POST", "/v1/jobs/tight.big/runs");
    await eventually(
      async () => {
        const queue = await jobs.call<{ jobId: string; runs: { runId: string; reason?: string }[] }[]>("GET", "/v1/queue");
        const entry = queue.body.find((q) => q.jobId === "tight.big");
        return entry?.runs[0]?.runId === started.body.id && /quota/.test(entry.runs[0].reason ?? "");
      },
      { what: "the run waiting in the queue with the quota as the reason" },
    );
    const stopped = await jobs.call<RunView>("POST", `/v1/jobs/tight.big/runs/${started.body.id}/actions/stop`);
    expect(stopped.status).toBe(200);
    const done = await ended("tight.big", started.body.id, "the stopped run ended");
    expect(done).toMatchObject({ status: "FAILED", reason: "stopped by bootstrap" });
  });
});

describe("schedules", () => {
  it("starts a run within a second of its tick, and with FORBID records the tick as skipped while a run is active", async () => {
    // Two jobs on one tick (one wait of a minute at most): one with nothing under way, one whose run, started by
    // hand before its schedule was added, still sleeps when the tick falls.
    const everyMinute = { id: "every-minute", cron: "* * * * *", concurrencyPolicy: "FORBID" };
    expect((await jobs.call("POST", "/v1/jobs", { id: "ops.busy", run: run("sleep 300") })).status).toBe(201);
    const busy = (await jobs.call<RunView>("POST", "/v1/jobs/ops.busy/runs")).body;
    // Under way before its schedule exists, so it is ACTIVE whenever the tick falls (even a few ms after).
    await eventually(async () => (await runOf("ops.busy", busy.id)).status === "ACTIVE", { what: "the busy job's run active" });
    expect((await jobs.call("POST", "/v1/jobs/ops.busy/schedules", everyMinute)).status).toBe(201);
    expect((await jobs.call("POST", "/v1/jobs", { id: "ops.minutely", run: run("sleep 1"), schedules: [everyMinute] })).status).toBe(201);
    const schedule = await jobs.call<{ nextRunAt: string }>("GET", "/v1/jobs/ops.minutely/schedules/every-minute");
    expect(Date.parse(schedule.body.nextRunAt) % 60_000).toBe(0);

    let first: RunView | undefined;
    await eventually(
      async () => {
        first = (await jobs.call<RunView[]>("GET", "/v1/jobs/ops.minutely/runs")).body[0];
        return first !== undefined;
      },
      { timeoutMs: 70_000, intervalMs: 100, what: "the tick's run" },
    );
    expect(first).toMatchObject({ scheduleId: "every-minute", tick: schedule.body.nextRunAt });
    expect(Date.parse(first!.createdAt) - Date.parse(first!.tick!)).toBeLessThan(1_000);
    expect(first!.id).toBe(`${schedule.body.nextRunAt.slice(0, 19).replace(/[-T:]/g, "")}-every-minute`);

    // The busy job's tick fell while its run still slept: skipped, with why, and counted.
    await eventually(
      async () => {
        const h = await jobs.call<{ history: { skippedCount: number; missedRuns: RunView[] } }>("GET", "/v1/jobs/ops.busy?embed=history");
        return h.body.history.skippedCount === 1 && /FORBID/.test(h.body.history.missedRuns[0]?.reason ?? "");
      },
      { timeoutMs: 75_000, what: "the busy job's tick skipped" },
    );
    expect(f.events.filter((e) => e.eventType === "job_run_missed" && e.jobId === "ops.busy")).toEqual([
      expect.objectContaining({ status: "SKIPPED", scheduleId: "every-minute", reason: expect.stringMatching(/FORBID/) }),
    ]);
    expect((await runOf("ops.busy", busy.id)).status).toBe("ACTIVE");
    expect((await jobs.call("DELETE", "/v1/jobs/ops.busy")).status).toBe(409);
    expect((await jobs.call("DELETE", "/v1/jobs/ops.busy?stopCurrentJobRuns=true")).status).toBe(200);
    // The job is gone from the API; its run's record says how it ended: its task killed.
    expect((await jobs.call("GET", "/v1/jobs/ops.busy")).status).toBe(404);
    await eventually(
      async () => {
        const r = (await f.bus.jobRuns.get(`ops.busy/${busy.id}`))?.value;
        return r?.status === "FAILED" && r.reason === "the job was removed" && r.attempts[0]?.state === "TASK_KILLED";
      },
      { what: "the run stopped with its job, its task killed" },
    );
    expect((await jobs.call("DELETE", "/v1/jobs/ops.minutely?stopCurrentJobRuns=true")).status).toBe(200);
  }, 180_000);
});

describe("what users get wrong, and other teams", () => {
  it("answers a wrong job in Metronome's error shape, naming each field", async () => {
    const r = await jobs.call("POST", "/v1/jobs", {
      id: "ops.Bad",
      run: { cpus: "lots", cmd: "x" },
      schedules: [{ id: "s", cron: "61 * * * *" }],
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      message: "Object is not valid",
      details: expect.arrayContaining([
        expect.objectContaining({ path: "/id" }),
        expect.objectContaining({ path: "/run/cpus", errors: ["must be a number"] }),
        expect.objectContaining({ path: "/schedules/0/cron" }),
      ]),
    });
    expect((await jobs.call("POST", "/v1/jobs", undefined, "{nope")).status).toBe(400);
    expect((await jobs.call("GET", "/v1/jobs/ops.nothing")).body).toEqual({ message: "Job 'ops.nothing' does not exist" });
    expect((await jobs.as(undefined).call("GET", "/v1/jobs")).status).toBe(401);
  });

  it("keeps a team to its own jobs", async () => {
    const token = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "other ci", team: "other" })).body.token;
    const other = jobs.as(token);
    expect((await other.call("POST", "/v1/jobs", { id: "ops.sneaky", run: run("true") })).status).toBe(403);
    expect((await other.call("GET", "/v1/jobs/ops.hello")).status).toBe(404);
    expect((await other.call("POST", "/v1/jobs/ops.hello/runs")).status).toBe(404);
    expect((await other.call("POST", "/v1/jobs", { id: "other.mine", run: run("true") })).status).toBe(201);
    expect((await other.call<{ id: string }[]>("GET", "/v1/jobs")).body.map((j) => j.id)).toEqual(["other.mine"]);
  });
});

const bin = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "packages/cli/dist/main.js");
const cliEnv = () => ({
  ...process.env,
  BERTH_URL: f.cluster.apiUrl,
  BERTH_JOBS_URL: f.cluster.jobsUrl,
  BERTH_TOKEN: f.cluster.adminToken,
});

/** Runs the real `berth` binary against the cluster's jobs API. */
function berth(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = execFile(process.execPath, [bin, ...args], { env: cliEnv() }, (err, stdout, stderr) =>
      res({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe("the berth command's jobs", () => {
  it("adds a job, runs it, follows the run to its end, and shows, lists, tells the history of and removes it", async () => {
    const add = await berth(["job", "add", "-"], JSON.stringify({ id: "cli.greet", run: run("echo hi; sleep 3; exit 4") }));
    expect(add).toMatchObject({ code: 0, stdout: "job cli.greet added\n" });
    const bad = await berth(["job", "add", "-"], JSON.stringify({ id: "cli.bad", run: { cmd: "x", mem: -1 } }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Object is not valid\n\s+\/run\/mem: must be at least 0/);

    const started = await berth(["job", "run", "cli.greet"]);
    const runId = /run (\S+) started/.exec(started.stdout)?.[1];
    expect(runId).toMatch(/^\d{14}[A-Z0-9]{5}$/);
    // Followed until it ends (it runs 3 s, so the follow sees it active): its states as they change, the last with the exit code.
    const follow = spawn(process.execPath, [bin, "job", "runs", "cli.greet", "--follow"], { env: cliEnv() });
    let out = "";
    follow.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await eventually(() => /FAILED\s+TASK_FAILED\(4\)/.test(out), { what: "the run followed to its end", timeoutMs: 30_000 });
    follow.kill();
    expect(out.split("\n")[0]).toMatch(new RegExp(`^${runId}\\s+(INITIAL|STARTING|ACTIVE|FAILED)`));

    const history = await berth(["job", "history", "cli.greet"]);
    expect(history.stdout).toMatch(/0 succeeded, 1 failed, 0 missed, 0 skipped/);
    expect(history.stdout).toMatch(new RegExp(`${runId}\\s+FAILED\\s+\\S+\\s+the task failed and the job's restart policy is NEVER`));
    expect((await berth(["job", "show", "cli.greet"])).stdout).toMatch(
      /runs echo hi; sleep 3; exit 4 in berth\/busybox:latest, 0.1 cpus, 32 MiB/,
    );
    expect((await berth(["job", "list"])).stdout).toMatch(/cli\.greet\s+0\s+0\s+1\s+0/);
    expect(await berth(["job", "remove", "cli.greet"])).toMatchObject({ code: 0, stdout: "job cli.greet removed\n" });
    expect((await berth(["job", "show", "cli.greet"])).stderr).toBe("error: Job 'cli.greet' does not exist\n");
  });
});
