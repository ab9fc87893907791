// The job scheduler killed with a run under way, and stopped across a tick: every run started once, every tick accounted for.
import { describe, expect, it } from "vitest";
import type { ApiJobRun } from "@berth/contract";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { Api } from "../support/api.js";
import { useCluster } from "../support/fixture.js";

// A launch the agent never heard of (the scheduler killed between recording and sending it) is sent again after 3 s.
const f = useCluster("faults-job-scheduler", { jobScheduler: true, extraEnv: { BERTH_LAUNCH_RESEND_AFTER_MS: "3000" } });

type RunView = ApiJobRun;

const MINUTE = 60_000;
const sleepUntil = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now())));

describe("the job scheduler under faults", () => {
  it("finishes a run it was killed in the middle of, records the tick that fell while it was stopped as missed, and runs the next", async () => {
    const jobs = new Api(f.cluster.jobsUrl, f.cluster.adminToken);
    const sleeper = (id: string) => ({ id, run: { cmd: "sleep 8", cpus: 0.1, mem: 32, docker: { image: DEMO_IMAGE } } });
    for (const id of ["ops.tick", "ops.once"]) expect((await jobs.call("POST", "/v1/jobs", sleeper(id))).status).toBe(201);
    const runs = async (job: string) => (await jobs.call<RunView[]>("GET", `/v1/jobs/${job}/runs`)).body;

    // A schedule whose next tick is at least 5 s away, so the scheduler can be stopped before it.
    if (MINUTE - (Date.now() % MINUTE) < 5_000) await sleepUntil(Date.now() + 6_000);
    const schedule = { id: "m", cron: "* * * * *", startingDeadlineSeconds: 10 };
    expect((await jobs.call("POST", "/v1/jobs/ops.tick/schedules", schedule)).status).toBe(201);
    const t1 = Date.parse((await jobs.call<{ nextRunAt: string }>("GET", "/v1/jobs/ops.tick/schedules/m")).body.nextRunAt);

    // Stopped from before the tick until past its starting deadline: that tick is missed, with why.
    const scheduler = f.cluster.processes.find((p) => p.name === "job-scheduler")!;
    await sleepUntil(t1 - 3_000);
    scheduler.proc.kill("SIGSTOP");
    await sleepUntil(t1 + 14_000);
    scheduler.proc.kill("SIGCONT");
    const summary = async () =>
      (
        await jobs.call<{ history: { successCount: number; missedCount: number; missedRuns: RunView[] } }>(
          "GET",
          "/v1/jobs/ops.tick?embed=history",
        )
      ).body.history;
    await eventually(async () => (await summary()).missedCount === 1, { timeoutMs: 30_000, what: "the tick recorded missed" });
    const missed = (await summary()).missedRuns[0]!;
    expect(missed).toMatchObject({ status: "MISSED", tick: new Date(t1).toISOString() });
    expect(missed.reason).toMatch(/not started within startingDeadlineSeconds \(10 s\)/);

    // Before the next tick, another job's run, with the scheduler killed while its task sleeps:
    // the restarted scheduler follows the same run to its end, launching nothing new.
    const { id: onceId } = (await jobs.call<RunView>("POST", "/v1/jobs/ops.once/runs")).body;
    await eventually(async () => (await runs("ops.once")).find((x) => x.id === onceId)?.tasks.length === 1, { what: "the run launched" });
    await f.cluster.restart("job-scheduler");
    await eventually(async () => (await jobs.call<RunView>("GET", `/v1/jobs/ops.once/runs/${onceId}`)).body.status === "SUCCESS", {
      timeoutMs: 30_000,
      what: "the run finished after the restart",
    });
    expect(Date.now()).toBeLessThan(t1 + MINUTE - 1_000); // so the next tick falls after the restart

    // The next tick runs on time.
    const next = await eventually(async () => (await runs("ops.tick")).find((r) => r.tick === new Date(t1 + MINUTE).toISOString()), {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: "the next tick's run",
    });
    expect(Date.parse(next.createdAt) - (t1 + MINUTE)).toBeLessThan(1_000);

    // Each run that ran was started once: one task each, one job_run_started each.
    const started = () => f.events.filter((e) => e.eventType === "job_run_started").map((e) => e.runId);
    await eventually(() => started().includes(next.id), { what: "the next run's start told" });
    expect(started().sort()).toEqual([onceId, next.id].sort());
    expect((await jobs.call<RunView>("GET", `/v1/jobs/ops.once/runs/${onceId}`)).body.tasks).toHaveLength(1);
    expect((await summary()).missedCount).toBe(1);
  }, 240_000);
});
