// Metronome's jobs API on the real cluster: one-off and scheduled runs of real containers next to Marathon's apps.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("e2e-jobs", { jobScheduler: true });
let jobs: Api;

interface RunView {
  id: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  tick?: string;
  scheduleId?: string;
  reason?: string;
  tasks: { id: string; status: string; exitCode?: number }[];
}

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

    const made = await jobs.call("POST", "/v1/jobs", { id: "ops.hello", description: "says hello", run: run("echo hello from a job") });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: "ops.hello",
      run: { cmd: "echo hello from a job", cpus: 0.1, mem: 32, restart: { policy: "NEVER" } },
    });
    const started = await jobs.call<RunView>("POST", "/v1/jobs/ops.hello/runs");
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ jobId: "ops.hello", status: "INITIAL", completedAt: null });
    expect(started.body.id).toMatch(/^\d{14}[A-Z0-9]{5}$/);

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
    // The app's task was left alone: the same task, still running.
    expect((await f.api.running("/ops/web")).map((t) => t.id)).toEqual([webTask!.id]);
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
  it("starts a run within a second of its tick, and with FORBID records the next tick as skipped while it runs", async () => {
    const body = {
      id: "ops.minutely",
      run: run("sleep 75"),
      schedules: [{ id: "every-minute", cron: "* * * * *", concurrencyPolicy: "FORBID" }],
    };
    expect((await jobs.call("POST", "/v1/jobs", body)).status).toBe(201);
    const schedule = await jobs.call<{ nextRunAt: string }>("GET", "/v1/jobs/ops.minutely/schedules/every-minute");
    expect(Date.parse(schedule.body.nextRunAt) % 60_000).toBe(0);

    let first: RunView | undefined;
    await eventually(
      async () => {
        first = (await jobs.call<RunView[]>("GET", "/v1/jobs/ops.minutely/runs")).body[0];
        return first !== undefined;
      },
      { timeoutMs: 70_000, intervalMs: 100, what: "the first tick's run" },
    );
    expect(first).toMatchObject({ scheduleId: "every-minute", tick: schedule.body.nextRunAt });
    expect(Date.parse(first!.createdAt) - Date.parse(first!.tick!)).toBeLessThan(1_000);
    expect(first!.id).toBe(`${schedule.body.nextRunAt.slice(0, 19).replace(/[-T:]/g, "")}-every-minute`);

    // The next tick falls while the first run still sleeps: skipped, with why, and counted.
    await eventually(
      async () => {
        const h = await jobs.call<{ history: { skippedCount: number; missedRuns: RunView[] } }>(
          "GET",
          "/v1/jobs/ops.minutely?embed=history",
        );
        return h.body.history.skippedCount === 1 && /FORBID/.test(h.body.history.missedRuns[0]?.reason ?? "");
      },
      { timeoutMs: 75_000, what: "the second tick skipped" },
    );
    expect(f.events.filter((e) => e.eventType === "job_run_missed" && e.jobId === "ops.minutely")).toEqual([
      expect.objectContaining({ status: "SKIPPED", scheduleId: "every-minute", reason: expect.stringMatching(/FORBID/) }),
    ]);
    expect((await runOf("ops.minutely", first!.id)).status).toBe("ACTIVE");
    expect((await jobs.call("DELETE", "/v1/jobs/ops.minutely")).status).toBe(409);
    expect((await jobs.call("DELETE", "/v1/jobs/ops.minutely?stopCurrentJobRuns=true")).status).toBe(200);
    // The job is gone from the API; its run's record says how it ended: its task killed.
    expect((await jobs.call("GET", "/v1/jobs/ops.minutely")).status).toBe(404);
    await eventually(
      async () => {
        const r = (await f.bus.jobRuns.get(`ops.minutely/${first!.id}`))?.value;
        return r?.status === "FAILED" && r.reason === "the job was removed" && r.attempts[0]?.state === "TASK_KILLED";
      },
      { what: "the run stopped with its job, its task killed" },
    );
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
