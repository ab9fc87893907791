import { describe, expect, it } from "vitest";
import { parseJob, parseSchedule } from "./job-validation.js";

function errorsOf(raw: unknown): Record<string, readonly string[]> {
  const r = parseJob(raw);
  if (r.ok) throw new Error("expected the job to be refused");
  return Object.fromEntries(r.details.map((d) => [d.path, d.errors]));
}

describe("a Metronome job", () => {
  it("takes Metronome's example and fills Metronome's defaults", () => {
    const example = {
      id: "shop.nightly-report",
      description: "Totals of the day",
      labels: { location: "olympus" },
      run: {
        cmd: "node report.js",
        cpus: 0.5,
        mem: 64,
        disk: 0,
        docker: { image: "berth/test:latest" },
        env: { MODE: "full", TOKEN: { secret: "tok" } },
        secrets: { tok: { source: "shop/report-token" } },
        placement: { constraints: [{ attribute: "hostname", operator: "EQ", value: "node-1" }] },
        restart: { policy: "ON_FAILURE", activeDeadlineSeconds: 120 },
      },
    };
    const r = parseJob(example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.job).toEqual({
      ...example,
      run: {
        ...example.run,
        gpus: 0,
        docker: { image: "berth/test:latest", forcePullImage: false, privileged: false, parameters: [] },
        maxLaunchDelay: 3600,
        artifacts: [],
        volumes: [],
      },
    });
    expect(r.schedules).toBeUndefined();
  });

  it("gives a run Metronome's defaults: 1 cpu, 128 MiB, restart NEVER, an hour to start", () => {
    const r = parseJob({ id: "ops.backup", run: { cmd: "true" } });
    expect(r.ok && r.job.run).toMatchObject({ cpus: 1, mem: 128, disk: 0, restart: { policy: "NEVER" }, maxLaunchDelay: 3600 });
  });

  it("names every wrong field by its path in the job, as Metronome does", () => {
    expect(
      errorsOf({
        id: "Shop..x",
        owner: "me",
        run: { cmd: "x", args: ["y"], cpus: -1, mem: "lots", ucr: { image: { id: "x" } }, restart: { policy: "SOMETIMES" }, gpus: 2 },
      }),
    ).toMatchObject({
      "/id": [expect.stringMatching(/lower-case letters/)],
      "/owner": ["is not a field of a job"],
      "/run/ucr": [expect.stringMatching(/give run.docker instead/)],
      "/run/args": ["give either cmd or args, not both"],
      "/run/restart/policy": ["must be one of NEVER, ON_FAILURE"],
      "/run/gpus": [expect.stringMatching(/no agent offers GPUs/)],
    });
    expect(errorsOf({ id: "a.b", run: { cmd: "x", cpus: -1 } })).toEqual({ "/run/cpus": ["must be greater than 0"] });
    expect(errorsOf({ id: "a.b", run: { cmd: "x", mem: "lots" } })).toEqual({ "/run/mem": ["must be a number"] });
    expect(errorsOf({ id: "a.b", run: {} })).toEqual({ "/run": ["give cmd, args or docker.image: a run needs something to start"] });
    expect(errorsOf({ id: "a.b" })).toEqual({ "/run": ["must be an object"] });
    expect(errorsOf([])).toEqual({ "/": ["must be an object"] });
  });

  it("checks what a run starts as an app's task is checked, with the job's paths", () => {
    const e = errorsOf({
      id: "a.b",
      run: {
        docker: { image: "UPPER/case", parameters: [{ key: "privileged", value: "true" }] },
        env: { "1BAD": "x" },
        volumes: [{ containerPath: "relative", hostPath: "/x/../etc" }],
        artifacts: [{ uri: "ftp://example/x" }],
        placement: { constraints: [{ attribute: "rack", operator: "LIKE", value: "(" }] },
      },
    });
    expect(Object.keys(e).sort()).toEqual(
      [
        "/run/artifacts/0/uri",
        "/run/docker/image",
        "/run/docker/parameters/0",
        "/run/env/1BAD",
        "/run/placement/constraints/0",
        "/run/volumes/0/containerPath",
        "/run/volumes/0/hostPath",
      ].sort(),
    );
    expect(errorsOf({ id: "a.b", run: { cmd: "x", volumes: [{ containerPath: "/data" }] } })).toEqual({
      "/run/volumes": ["volumes need run.docker: they are bound into its container"],
    });
    expect(errorsOf({ id: "a.b", run: { cmd: "x", networks: [{ mode: "container", name: "dcos" }] } })).toMatchObject({
      "/run/networks": [expect.stringMatching(/host's network/)],
    });
  });

  it("takes schedules given with the job, each checked, no id twice", () => {
    const r = parseJob({ id: "a.b", run: { cmd: "x" }, schedules: [{ id: "nightly", cron: "0 2 * * *", timeZone: "Europe/Berlin" }] });
    expect(r.ok && r.schedules).toEqual([
      {
        id: "nightly",
        cron: "0 2 * * *",
        timeZone: "Europe/Berlin",
        startingDeadlineSeconds: 900,
        concurrencyPolicy: "ALLOW",
        enabled: true,
        catchUp: "LATEST",
      },
    ]);
    expect(
      errorsOf({
        id: "a.b",
        run: { cmd: "x" },
        schedules: [
          { id: "s", cron: "0 2 * * *" },
          { id: "s", cron: "61 * * * *", timeZone: "Mars/Olympus" },
        ],
      }),
    ).toEqual({
      "/schedules/1/id": ["schedule 's' is given twice"],
      "/schedules/1/cron": [expect.stringMatching(/minute 61 is out of range/)],
      "/schedules/1/timeZone": [expect.stringMatching(/Unknown time zone 'Mars\/Olympus'/)],
    });
  });
});

describe("a Metronome schedule", () => {
  it("takes Metronome's fields with its defaults, and Berth's catchUp", () => {
    expect(parseSchedule({ id: "every-minute", cron: "* * * * *" })).toEqual({
      ok: true,
      schedule: {
        id: "every-minute",
        cron: "* * * * *",
        timeZone: "UTC",
        startingDeadlineSeconds: 900,
        concurrencyPolicy: "ALLOW",
        enabled: true,
        catchUp: "LATEST",
      },
    });
    const all = parseSchedule({
      id: "s",
      cron: "@hourly",
      concurrencyPolicy: "FORBID",
      enabled: false,
      catchUp: "ALL",
      startingDeadlineSeconds: 60,
    });
    expect(all.ok && all.schedule).toMatchObject({
      concurrencyPolicy: "FORBID",
      enabled: false,
      catchUp: "ALL",
      startingDeadlineSeconds: 60,
    });
  });

  it("refuses what it cannot run, saying what to fix", () => {
    const r = parseSchedule({ id: "-s", cron: "* * *", concurrencyPolicy: "SOMETIMES", startingDeadlineSeconds: 0, color: "red" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(r.details.map((d) => [d.path, d.errors]))).toEqual({
      "/color": ["is not a field of a schedule"],
      "/id": ["must be lower-case letters, digits and '-', not first or last"],
      "/cron": [expect.stringMatching(/3 fields; give 5/)],
      "/concurrencyPolicy": ["must be one of ALLOW, FORBID, REPLACE"],
      "/startingDeadlineSeconds": ["must be at least 1"],
    });
    expect(parseSchedule({ cron: "* * * * *" })).toMatchObject({ ok: false, details: [{ path: "/id", errors: ["must be a string"] }] });
  });
});
