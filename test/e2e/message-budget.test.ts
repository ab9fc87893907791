// The message budget of a launch, read from nats-server's own counters: how many JetStream writes
// (per stream) one app with one task costs, and each further task of a scale-up. API calls and
// messages are not pinned: heartbeats and lease renewals make them vary from run to run. The numbers are pinned so they cannot creep back; bench/README.md keeps them.
import { describe, expect, it } from "vitest";
import { eventually } from "@berth/testkit";
import { COMMAND_STREAMS } from "@berth/bus";
import { useCluster } from "../support/fixture.js";
import { sleeper } from "../support/apps.js";
import { countsBetween, type NatsCounts, natsCounts } from "../support/nats-counts.js";

// The budget of a launch the agent starts within its STARTING bound (a second by default; a slow one
// says STARTING too: one more status message, task-record write and event). The bound is raised here
// so a slow moment of the machine cannot change the count.
const f = useCluster("e2e-message-budget", { extraEnv: { BERTH_AGENT_STARTING_AFTER_MS: "30000" } });

const counts = () => natsCounts(f.nats.monitorUrl);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts once nothing has been written for `quietMs` (the launch's last status and event are in). */
async function settled(quietMs = 1_500): Promise<NatsCounts> {
  let last = await counts();
  for (;;) {
    await sleep(quietMs);
    const now = await counts();
    const moved = Object.entries(now.writes).some(([name, seq]) => seq !== last.writes[name] && !noisy.has(name));
    if (!moved) return now;
    last = now;
  }
}

/** Streams written while nothing happens (heartbeats, leases): left out of the budget. */
const noisy = new Set<string>();
async function measure(change: () => Promise<void>) {
  const before = await settled();
  await change();
  return countsBetween(before, await settled(), (name) => !noisy.has(name));
}

/**
 * The budget, pinned at what a launch costs now (bench/README.md, "The message budget"): JetStream
 * writes per stream, leaving out the streams an idle cluster writes (agents' heartbeats, leases).
 * KV_berth_tasks: the dispatcher's record, then RUNNING. BERTH_EVENTS: the deployment's
 * deployment_info (carrying the change's other events) and its step's end (carrying the deployment's),
 * and one status_update_event per update (instance_changed_event is derived, not stored).
 * BERTH_STATUS: the agent's messages, each carrying the updates of one turn, so a bound, not a count.
 * KV_berth_app_locks: none; the app's own record names the deployment that holds it.
 */
const ONE_TASK = { total: 12, tasks: 2, events: 3, commands: 1, status: 1, locks: 0 };
const TEN_MORE = { total: 56, tasks: 20, events: 12, commands: 10, status: 10, locks: 0 };

const sum = (writes: Record<string, number>, match: (name: string) => boolean) =>
  Object.entries(writes)
    .filter(([name]) => match(name))
    .reduce((a, [, n]) => a + n, 0);

function expectWithin(m: Awaited<ReturnType<typeof measure>>, budget: typeof ONE_TASK): void {
  const got = {
    total: m.totalWrites,
    tasks: m.writes.KV_berth_tasks ?? 0,
    events: m.writes.BERTH_EVENTS ?? 0,
    commands: sum(m.writes, (n) => COMMAND_STREAMS.includes(n)),
    status: m.writes.BERTH_STATUS ?? 0,
    locks: m.writes.KV_berth_app_locks ?? 0,
  };
  console.log(JSON.stringify({ got, writes: m.writes }));
  expect(got.tasks).toBe(budget.tasks);
  expect(got.events).toBe(budget.events);
  expect(got.commands).toBe(budget.commands);
  expect(got.status).toBeLessThanOrEqual(budget.status);
  expect(got.locks).toBe(budget.locks);
  expect(got.total).toBeLessThanOrEqual(budget.total);
}

const deploymentsDone = () =>
  eventually(async () => (await f.api.call<unknown[]>("GET", "/v2/deployments")).body.length === 0, { what: "deployment done" });

describe("the message budget", () => {
  it("learns what an idle cluster writes, to leave it out", async () => {
    const a = await counts();
    await sleep(6_000);
    const b = await counts();
    for (const [name, grew] of Object.entries(countsBetween(a, b).writes)) if (grew > 0) noisy.add(name);
    // Heartbeats and leases, and nothing on the launch path.
    expect([...noisy].every((n) => n === "KV_berth_agents" || n === "KV_berth_leases")).toBe(true);
  });

  it("one app with one task: 12 JetStream writes", async () => {
    const m = await measure(async () => {
      expect((await f.api.call("POST", "/v2/apps", sleeper("/budget/one"))).status).toBe(201);
      await f.api.waitRunning("/budget/one", 1);
      await deploymentsDone();
    });
    expectWithin(m, ONE_TASK);
  });

  it("a scale-up by 10: at most 56 JetStream writes, 2 task-record writes and 1 event a task", async () => {
    const m = await measure(async () => {
      expect((await f.api.call("PUT", "/v2/apps/budget/one", { instances: 11 })).status).toBe(200);
      await f.api.waitRunning("/budget/one", 11);
      await deploymentsDone();
    });
    expectWithin(m, TEN_MORE);
  });
});
