import { describe, expect, it } from "vitest";
import { parseCron } from "./cron.js";
import { admitRun, dueTicks, retryAfterFailure, runIdNow, runIdOfTick, type TickPolicy } from "./job-ticks.js";

const everyMinute = (() => {
  const p = parseCron("* * * * *");
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
})();
const at = (hhmmss: string): number => Date.parse(`2026-12-05T${hhmmss}Z`);
const policy = (over: Partial<TickPolicy> = {}): TickPolicy => ({
  timeZone: "UTC",
  startingDeadlineSeconds: 900,
  catchUp: "LATEST",
  ...over,
});

describe("which ticks run", () => {
  it("runs the tick that just fell, and nothing before a tick", () => {
    expect(dueTicks(everyMinute, policy(), at("10:00:00"), at("10:00:59"), 10)).toEqual({ run: [], missed: [], missedUncounted: 0 });
    expect(dueTicks(everyMinute, policy(), at("10:00:00"), at("10:01:00.300"), 10)).toEqual({
      run: [at("10:01:00")],
      missed: [],
      missedUncounted: 0,
    });
  });

  it("after an absence runs the newest tick within the deadline and records the others as missed, with why", () => {
    const due = dueTicks(everyMinute, policy({ startingDeadlineSeconds: 150 }), at("10:00:00"), at("10:05:30"), 10);
    expect(due.run).toEqual([at("10:05:00")]);
    expect(due.missed.map((m) => m.tickMs)).toEqual([at("10:01:00"), at("10:02:00"), at("10:03:00"), at("10:04:00")]);
    expect(due.missed[0]!.reason).toMatch(/not started within startingDeadlineSeconds \(150 s\)/);
    expect(due.missed[3]!.reason).toMatch(/a later tick of the same schedule ran in its place/);
  });

  it("runs nothing when every tick is past the deadline", () => {
    const due = dueTicks(everyMinute, policy({ startingDeadlineSeconds: 30 }), at("10:00:00"), at("10:03:45"), 10);
    expect(due.run).toEqual([]);
    expect(due.missed).toHaveLength(3);
  });

  it("with catchUp ALL runs every tick within the deadline, up to the cap, newest kept", () => {
    const all = dueTicks(everyMinute, policy({ catchUp: "ALL" }), at("10:00:00"), at("10:05:10"), 10);
    expect(all.run).toEqual([at("10:01:00"), at("10:02:00"), at("10:03:00"), at("10:04:00"), at("10:05:00")]);
    expect(all.missed).toEqual([]);
    const capped = dueTicks(everyMinute, policy({ catchUp: "ALL" }), at("10:00:00"), at("10:05:10"), 2);
    expect(capped.run).toEqual([at("10:04:00"), at("10:05:00")]);
    expect(capped.missed.map((m) => m.reason)).toEqual(
      Array(3).fill("more than 2 ticks fell while no job scheduler was running; the newest 2 ran"),
    );
  });

  it("counts ticks of a long absence past the listed thousand without listing them", () => {
    const due = dueTicks(everyMinute, policy(), at("00:00:00"), at("23:59:30"), 10);
    expect(due.run).toEqual([at("23:59:00")]);
    expect(due.missed.length + due.run.length + due.missedUncounted).toBe(24 * 60 - 1);
    expect(due.missed.length).toBe(999);
  });
});

describe("a tick's run beside the job's active runs", () => {
  it("ALLOW starts it beside them", () => {
    expect(admitRun("ALLOW", ["r1"])).toEqual({ start: true, stop: [] });
  });
  it("FORBID skips it while one is active, with why", () => {
    expect(admitRun("FORBID", [])).toEqual({ start: true, stop: [] });
    expect(admitRun("FORBID", ["r1"])).toEqual({ start: false, reason: "skipped: run r1 was still active (concurrencyPolicy FORBID)" });
  });
  it("REPLACE stops the active ones and starts it", () => {
    expect(admitRun("REPLACE", ["r1", "r2"])).toEqual({ start: true, stop: ["r1", "r2"] });
  });
});

describe("run ids", () => {
  it("a tick determines its run's id, so a tick can have one run record", () => {
    expect(runIdOfTick(at("10:05:00"), "nightly")).toBe("20261205100500-nightly");
    expect(runIdOfTick(at("10:05:00"), "nightly")).toBe(runIdOfTick(at("10:05:00"), "nightly"));
    expect(runIdOfTick(at("10:05:00"), "other")).not.toBe(runIdOfTick(at("10:05:00"), "nightly"));
  });
  it("a run started by hand has its time and five letters or digits, as Metronome's", () => {
    let i = 0;
    const id = runIdNow(at("13:02:59"), () => [0, 0.99, 0.5, 0.1, 0.75][i++]!);
    expect(id).toBe("20261205130259A9SD1");
    expect(id).toMatch(/^\d{14}[A-Z0-9]{5}$/);
  });
});

describe("after a failed attempt", () => {
  const started = at("10:00:00");
  it("NEVER does not try again", () => {
    expect(retryAfterFailure({ policy: "NEVER" }, started, at("10:00:05")).retry).toBe(false);
  });
  it("ON_FAILURE tries again until activeDeadlineSeconds after the run began, for ever without one", () => {
    expect(retryAfterFailure({ policy: "ON_FAILURE", activeDeadlineSeconds: 60 }, started, at("10:00:59")).retry).toBe(true);
    const late = retryAfterFailure({ policy: "ON_FAILURE", activeDeadlineSeconds: 60 }, started, at("10:01:00"));
    expect(late).toEqual({ retry: false, reason: "the task failed and activeDeadlineSeconds (60 s) has passed since the run began" });
    expect(retryAfterFailure({ policy: "ON_FAILURE" }, started, at("23:00:00")).retry).toBe(true);
  });
});
