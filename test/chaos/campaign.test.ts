// A short seeded fault campaign on the real processes, nats-server and Docker:
// teams' clients keep changing apps while processes, NATS and containers are
// killed and paused; nothing acknowledged may be lost and no invariant broken.
// `bench/chaos.mjs` runs longer campaigns with any seed.
import { describe, expect, it } from "vitest";
import { runCampaign } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";

// Seed 20's 90 seconds kill every service, the agent and the nats-server, and pause the agent past its timeout.
const SEED = Number(process.env.BERTH_CHAOS_SEED ?? 20);
const f = useCluster("chaos-campaign");

describe("a seeded fault campaign", () => {
  it(`keeps every invariant under ${SEED}'s faults`, async () => {
    const report = await runCampaign({
      seed: SEED,
      durationMs: 90_000,
      faultEveryMs: 4_000,
      cluster: f.cluster,
      nats: { pids: () => f.nats.pids(), kill: () => f.nats.restart("SIGKILL") },
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify(report));
    expect(report.violations).toEqual([]);
    // The campaign did what it says: faults of several kinds, and changes acknowledged among them.
    expect(report.faults).toBeGreaterThanOrEqual(15);
    expect(Object.keys(report.faultsByKind).length).toBeGreaterThanOrEqual(5);
    expect(report.outcomes.acknowledged).toBeGreaterThanOrEqual(30);
    // The api was killed under the event stream's reader, which resumed with Last-Event-ID.
    if (report.faultsByKind["kill api"]) expect(report.resumed).toBeGreaterThan(0);
  });
});
