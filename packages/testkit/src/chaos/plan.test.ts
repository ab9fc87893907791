import { describe, expect, it } from "vitest";
import { appId, type PlanOptions, planCampaign, teamName } from "./plan.js";
import { seededRandom } from "./random.js";

const options: PlanOptions = {
  durationMs: 120_000,
  opEveryMs: 1_500,
  faultEveryMs: 5_000,
  teams: 2,
  appsPerTeam: 3,
  processes: ["api", "launch-dispatcher", "offer-handler", "status-aggregator", "slave-agent"],
  maxPauseMs: 22_000,
};

describe("seededRandom", () => {
  it("gives the same numbers for the same seed, and others for another", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(seededRandom(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("planCampaign", () => {
  it("replays the same schedule from the same seed, and another from another seed", () => {
    expect(planCampaign(7, options)).toEqual(planCampaign(7, options));
    expect(planCampaign(7, options)).not.toEqual(planCampaign(8, options));
  });

  it("keeps its steps in time order inside the campaign", () => {
    const steps = planCampaign(11, options);
    expect(steps.map((s) => s.atMs)).toEqual([...steps.map((s) => s.atMs)].sort((a, b) => a - b));
    expect(steps.every((s) => s.atMs > 0 && s.atMs < options.durationMs)).toBe(true);
  });

  it("has each team act on its own apps only, creating an app before changing it", () => {
    for (const seed of [1, 2, 3, 11]) {
      const exists = new Set<string>();
      for (const s of planCampaign(seed, options)) {
        if (!("op" in s) || s.op.kind === "read") continue;
        expect(s.op.app.startsWith(`/${teamName(s.team)}/`)).toBe(true);
        if (s.op.kind === "create") exists.add(s.op.app);
        else expect(exists.has(s.op.app), `${s.op.kind} of ${s.op.app} before its create`).toBe(true);
        if (s.op.kind === "delete") exists.delete(s.op.app);
      }
    }
    expect(appId(1, 2)).toBe("/chaos-b/app2");
  });

  it("draws faults of every kind, on the processes it was given, with pauses within bounds", () => {
    const faults = [1, 2, 3, 4, 5].flatMap((seed) => planCampaign(seed, options).flatMap((s) => ("fault" in s ? [s.fault] : [])));
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(["kill", "pause", "nats-kill", "nats-pause", "docker-kill", "docker-rm"]));
    for (const f of faults) {
      if ("process" in f) expect(options.processes).toContain(f.process);
      if ("ms" in f) expect(f.ms).toBeGreaterThanOrEqual(1_000);
      if (f.kind === "pause") expect(f.ms).toBeLessThanOrEqual(options.maxPauseMs);
    }
    // About one fault every faultEveryMs, and sometimes two at one moment.
    const one = planCampaign(9, options).filter((s) => "fault" in s);
    expect(one.length).toBeGreaterThan(options.durationMs / options.faultEveryMs / 2);
    expect(new Set(one.map((s) => s.atMs)).size).toBeLessThan(one.length);
  });

  it("restarts the Docker daemon only when asked, leaving every other seed's schedule as it was", () => {
    const kinds = (o: PlanOptions) =>
      [1, 2, 3, 4, 5].flatMap((seed) => planCampaign(seed, o).flatMap((s) => ("fault" in s ? [s.fault.kind] : [])));
    expect(kinds(options)).not.toContain("docker-restart");
    expect(planCampaign(7, { ...options, dockerRestarts: false })).toEqual(planCampaign(7, options));
    const restarts = [1, 2, 3, 4, 5].flatMap((seed) =>
      planCampaign(seed, { ...options, dockerRestarts: true }).flatMap((s) =>
        "fault" in s && s.fault.kind === "docker-restart" ? [s.fault] : [],
      ),
    );
    expect(restarts.length).toBeGreaterThan(0);
    for (const f of restarts) expect(f.ms).toBeGreaterThanOrEqual(1_000);
  });

  it("fills the agent's disk and JetStream's store only when asked, leaving every other seed's schedule as it was", () => {
    const kinds = (o: PlanOptions) =>
      [1, 2, 3, 4, 5].flatMap((seed) => planCampaign(seed, o).flatMap((s) => ("fault" in s ? [s.fault.kind] : [])));
    expect(kinds(options)).not.toContain("agent-disk-full");
    expect(kinds(options)).not.toContain("store-full");
    expect(planCampaign(7, { ...options, fullDisks: false })).toEqual(planCampaign(7, options));
    const full = [1, 2, 3, 4, 5].flatMap((seed) =>
      planCampaign(seed, { ...options, fullDisks: true }).flatMap((s) =>
        "fault" in s && (s.fault.kind === "agent-disk-full" || s.fault.kind === "store-full") ? [s.fault] : [],
      ),
    );
    expect(new Set(full.map((f) => f.kind))).toEqual(new Set(["agent-disk-full", "store-full"]));
    for (const f of full) expect(f.ms).toBeGreaterThanOrEqual(3_000);
  });
});
