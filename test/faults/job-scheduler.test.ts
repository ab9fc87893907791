// The job scheduler killed with a run under way, and stopped across a tick: every tick is accounted for once.
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
    const job = {
      id: "ops.tick",
      run: { cmd: "sleep 8", cpus: 0.1, mem: 32, docker: { image: DEMO_IMAGE } },
      schedules: [{ id: "m", cron: "* * * * *", startingDeadlineSeconds: 10 }],
    };
    expect((await jobs.call("POST", "/v1/jobs", job)).status).toBe(201);
    const runs = async () => (await jobs.call<RunView[]>("GET", "/v1/jobs/ops.tick/runs")).body;
    const [first] = await eventually(
      async () => {
        const r = await runs();
        return r.length === 1 && r[0]!.tasks.length === 1 && r;
      },
      { timeoutMs: 70_000, what: "the first tick's run launched" },
    );
    const t1 = Date.parse(first!.tick!);

    // Killed while the run's task sleeps: the restarted scheduler follows the same run to its end, launching nothing new.
    await f.cluster.restart("job-scheduler");
    await eventually(async () => (await jobs.call<RunView>("GET", `/v1/jobs/ops.tick/runs/${first!.id}`)).body.status === "SUCCESS", {
      timeoutMs: 30_000,
      what: "the first run finished after the restart",
    });

    // Stopped from before the next tick until past its starting deadline: that tick is missed, with why.
    const scheduler = f.cluster.processes.find((p) => p.name === "job-scheduler")!;
    await sleepUntil(t1 + MINUTE - 3_000);
    scheduler.proc.kill("SIGSTOP");
    await sleepUntil(t1 + MINUTE + 14_000);
    scheduler.proc.kill("SIGCONT");
    const summary = async () =>
      (
        await jobs.call<{ history: { successCount: number; missedCount: number; missedRuns: RunView[] } }>(
          "GET",
          "/v1/jobs/ops.tick?embed=history",
        )
      ).body.history;
    await eventually(async () => (await summary()).missedCount === 1, { timeoutMs: 30_000, what: "the second tick recorded missed" });
    const missed = (await summary()).missedRuns[0]!;
    expect(missed).toMatchObject({ status: "MISSED", tick: new Date(t1 + MINUTE).toISOString() });
    expect(missed.reason).toMatch(/not started within startingDeadlineSeconds \(10 s\)/);

    // The third tick runs on time.
    const third = await eventually(async () => (await runs()).find((r) => r.tick === new Date(t1 + 2 * MINUTE).toISOString()), {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: "the third tick's run",
    });
    expect(Date.parse(third.createdAt) - (t1 + 2 * MINUTE)).toBeLessThan(1_000);

    // Each run that ran was started once: one task each, one job_run_started each.
    expect(first!.tasks).toHaveLength(1);
    const started = () => f.events.filter((e) => e.eventType === "job_run_started" && e.jobId === "ops.tick").map((e) => e.runId);
    await eventually(() => started().includes(third.id), { what: "the third run's start told" });
    expect(started().sort()).toEqual([first!.id, third.id].sort());
    expect((await jobs.call<RunView>("GET", `/v1/jobs/ops.tick/runs/${first!.id}`)).body.tasks).toHaveLength(1);
  }, 240_000);
});
