// Each tick one run record, on a real nats-server, with two schedulers acting at once (as when a paused one
// wakes after another took over) and after an absence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentCommands, type Bus, cacheOf, openBus } from "@berth/bus";
import { defaultQuotaFrom, type JobRecord, type JobRun, jobRunKey, parseJob } from "@berth/core";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { JobRunner } from "../src/job-runner.js";
import { FairTurn } from "../src/fair-turn.js";
import { RunLauncher } from "../src/run-launcher.js";

const log = { info() {}, warn() {}, error() {}, debug() {}, child: () => log } as never;
const T0 = Date.UTC(2026, 11, 5, 10, 0, 30);
const MINUTE = 60_000;

let nats: NatsServer;
const buses: Bus[] = [];
const runners: JobRunner[] = [];
const events: string[] = [];

/** A scheduler as a process has it: its own connection, read models and runner, acting at the times it is given. */
async function scheduler(name: string): Promise<JobRunner> {
  const bus = await openBus({ servers: nats.url, tls: nats.tls, name, logger: log });
  buses.push(bus);
  const views = {
    jobs: cacheOf(bus.buckets, "jobs"),
    history: cacheOf(bus.buckets, "jobHistory"),
    runs: cacheOf(bus.buckets, "jobRuns"),
    ticks: cacheOf(bus.buckets, "jobTicks"),
    tasks: cacheOf(bus.buckets, "tasks"),
  };
  for (const v of Object.values(views)) await v.start();
  const commands = new AgentCommands(bus, () => undefined);
  const launcher = new RunLauncher(
    bus,
    commands,
    {
      ledgers: cacheOf(bus.buckets, "ledger"),
      teams: cacheOf(bus.buckets, "teams"),
      quotas: cacheOf(bus.buckets, "quotas"),
      secrets: cacheOf(bus.buckets, "secrets"),
      frameworks: cacheOf(bus.buckets, "frameworks"),
    },
    defaultQuotaFrom(undefined),
    new FairTurn(
      {
        agents: cacheOf(bus.buckets, "agents"),
        ledgers: cacheOf(bus.buckets, "ledger"),
        queue: cacheOf(bus.buckets, "queue"),
        roleWeights: cacheOf(bus.buckets, "roleWeights"),
        frameworks: cacheOf(bus.buckets, "frameworks"),
      },
      1_500,
    ),
    log,
  );
  return new JobRunner(
    { runs: bus.jobRuns, history: bus.jobHistory, ticks: bus.jobTicks, tasks: bus.tasks },
    views,
    launcher,
    commands,
    {
      historyLimit: 50,
      maxCatchUp: 10,
      keepEndedTaskMs: 0,
      launchResendAfterMs: 30_000,
      now: () => T0,
      publish: async (e) => void events.push(`${e.eventType} ${e.jobId}/${e.runId}`),
    },
    log,
  );
}

async function addJob(id: string, schedule: Record<string, unknown>, cursorMs: number): Promise<void> {
  const parsed = parseJob({ id, run: { cmd: "true" }, schedules: [{ id: "s", cron: "* * * * *", ...schedule }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.details));
  const rec: JobRecord = { job: parsed.job, schedules: parsed.schedules!, createdAtMs: cursorMs, updatedAtMs: cursorMs };
  await buses[0]!.jobTicks.put(jobRunKey(id, "s"), { afterMs: cursorMs });
  await buses[0]!.jobs.put(id, rec);
}

async function runsOf(jobId: string): Promise<JobRun[]> {
  const out: JobRun[] = [];
  for await (const key of await buses[0]!.jobRuns.kv.keys()) {
    const r = await buses[0]!.jobRuns.get(key);
    if (r && r.value.jobId === jobId) out.push(r.value);
  }
  return out.sort((a, b) => (a.tickMs ?? 0) - (b.tickMs ?? 0));
}

beforeAll(async () => {
  nats = await startNatsServer();
  runners.push(await scheduler("one"), await scheduler("two"));
});
afterAll(async () => {
  for (const b of buses) await b.close();
  await nats.stop();
});

const settled = () => new Promise((r) => setTimeout(r, 300));

describe("a schedule's ticks", () => {
  it("get one run record each when two schedulers act at once, minute after minute", async () => {
    await addJob("ops.twice", {}, T0);
    await settled();
    for (let m = 1; m <= 5; m++) {
      await Promise.all(runners.map((r) => r.tickAll(T0 + m * MINUTE)));
    }
    const runs = await runsOf("ops.twice");
    expect(runs.map((r) => new Date(r.tickMs!).toISOString())).toEqual([
      "2026-12-05T10:01:00.000Z",
      "2026-12-05T10:02:00.000Z",
      "2026-12-05T10:03:00.000Z",
      "2026-12-05T10:04:00.000Z",
      "2026-12-05T10:05:00.000Z",
    ]);
    expect(
      runs.every((r) => r.status === "INITIAL" && r.id === `2026120510${String(new Date(r.tickMs!).getUTCMinutes()).padStart(2, "0")}00-s`),
    ).toBe(true);
    expect((await buses[0]!.jobTicks.get(jobRunKey("ops.twice", "s")))?.value.afterMs).toBe(T0 + 5 * MINUTE);
  });

  it("after an absence: the newest tick within the deadline runs, each other one is recorded missed with why, once", async () => {
    await addJob("ops.away", { startingDeadlineSeconds: 150, concurrencyPolicy: "ALLOW" }, T0);
    await settled();
    // Both come back 10 minutes later, at once.
    await Promise.all(runners.map((r) => r.tickAll(T0 + 10 * MINUTE)));
    const runs = await runsOf("ops.away");
    expect(runs).toHaveLength(10);
    expect(runs.filter((r) => r.status === "INITIAL").map((r) => new Date(r.tickMs!).toISOString())).toEqual(["2026-12-05T10:10:00.000Z"]);
    const missed = runs.filter((r) => r.status === "MISSED");
    expect(missed).toHaveLength(9);
    expect(missed.filter((r) => /startingDeadlineSeconds \(150 s\)/.test(r.reason ?? ""))).toHaveLength(7);
    expect(missed.filter((r) => /a later tick of the same schedule ran in its place/.test(r.reason ?? ""))).toHaveLength(2);
    // Told once each, though both schedulers tried.
    const told = events.filter((e) => e.startsWith("job_run_missed ops.away/"));
    expect(told.sort()).toEqual(missed.map((r) => `job_run_missed ops.away/${r.id}`).sort());
  });

  it("under FORBID records a tick as skipped while a run is active, and under REPLACE asks the active run to stop", async () => {
    await addJob("ops.forbid", { concurrencyPolicy: "FORBID" }, T0);
    await addJob("ops.replace", { concurrencyPolicy: "REPLACE" }, T0);
    await settled();
    await runners[0]!.tickAll(T0 + MINUTE);
    await settled();
    await runners[1]!.tickAll(T0 + 2 * MINUTE);
    const forbid = await runsOf("ops.forbid");
    expect(forbid.map((r) => r.status)).toEqual(["INITIAL", "SKIPPED"]);
    expect(forbid[1]!.reason).toBe(`skipped: run ${forbid[0]!.id} was still active (concurrencyPolicy FORBID)`);
    const replace = await runsOf("ops.replace");
    expect(replace.map((r) => [r.status, r.stopRequested])).toEqual([
      ["INITIAL", `replaced by run ${replace[1]!.id} (concurrencyPolicy REPLACE)`],
      ["INITIAL", undefined],
    ]);
  });
});
