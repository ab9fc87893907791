// Berth upgraded while tasks run: a cluster built from an earlier commit (checked out and built here
// from git) is replaced process by process with this build, agents last, while a client keeps
// scaling an app; then rolled back the same way, agents first. Nothing restarts on its own, no task
// is lost or doubled, the deployments under way finish, and old and new processes work side by side.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEarlierBerth, dockerInspect, type EarlierBuild } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { expectConverged } from "../support/converged.js";
import { useCluster } from "../support/fixture.js";

/** The earlier Berth: main before the logs' typed channels and the full-disk handling (2026-12-06). */
const EARLIER = "7a3b26cd2c1f65a1b902a14ebe029c368497ecc7";
/** This tree. */
const CURRENT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

let earlier: EarlierBuild;
beforeAll(async () => {
  earlier = await buildEarlierBerth(EARLIER);
}, 300_000);
const f = useCluster("faults-upgrade", {
  get root() {
    return earlier.root;
  },
});
afterAll(async () => {
  await earlier?.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const order = ["api", "offer-handler", "status-aggregator", "launch-dispatcher", "slave-agent"];

/**
 * Replaces each process in `order` by the build of `root`, one at a time, while a client scales
 * /upgrade/moving every 1.5 s; answers the instances of the last change the API acknowledged, and
 * every answer that was not an acknowledgement.
 */
async function rollOver(root: string, names: string[]): Promise<{ wanted: number; refusals: string[] }> {
  let scaling = true;
  let wanted = -1;
  const refusals: string[] = [];
  const client = (async () => {
    for (let i = 0; scaling; i++) {
      const instances = [2, 3, 1, 2][i % 4]!;
      const r = await f.api.call("PUT", "/v2/apps/upgrade/moving?force=true", { instances }).catch(() => undefined);
      if (r && r.status < 300) wanted = instances;
      else refusals.push(`${r?.status ?? "no answer"} ${JSON.stringify(r?.body ?? "")}`);
      await sleep(1_500);
    }
  })();
  for (const name of names) {
    await f.cluster.replace(name, root);
    // Old and new side by side for a while before the next goes.
    await sleep(4_000);
  }
  scaling = false;
  await client;
  return { wanted, refusals };
}

describe("an upgrade, process by process, under load", () => {
  const startedAt = async (taskId: string) => (await dockerInspect<{ State: { StartedAt: string } }>(`berth-${taskId}`)).State.StartedAt;
  const steadyTasks = async () => Promise.all((await f.api.running("/upgrade/steady")).map(async (t) => [t.id, await startedAt(t.id)]));

  /** Converged on the apps as asked, the steady app's containers the very ones of `before`, and no process ended by itself. */
  async function expectUnharmed(before: string[][], moving: { wanted: number; refusals: string[] }) {
    expect(moving.wanted).toBeGreaterThan(0);
    await expectConverged(
      f.api,
      f.bus,
      f.cluster.agentId,
      [
        { id: "/upgrade/steady", instances: 2 },
        { id: "/upgrade/moving", instances: moving.wanted },
      ],
      90_000,
    );
    expect((await steadyTasks()).sort()).toEqual(before.sort());
    for (const p of f.cluster.processes) expect({ name: p.name, exitCode: p.proc.exitCode }).toEqual({ name: p.name, exitCode: null });
    // A change is refused only while the api itself is being replaced (no answer), or with 503 and why.
    for (const r of moving.refusals) expect(r).toMatch(/^(no answer|503)/);
  }

  it("from the earlier build to this one keeps every task, doubles none, and finishes the deployments under way", async () => {
    expect(f.cluster.processes.every((p) => p.root === earlier.root)).toBe(true);
    await f.api.call("POST", "/v2/apps", sleeper("/upgrade/steady", 2));
    await f.api.call("POST", "/v2/apps", sleeper("/upgrade/moving", 1));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [
      { id: "/upgrade/steady", instances: 2 },
      { id: "/upgrade/moving", instances: 1 },
    ]);
    const before = await steadyTasks();
    const moving = await rollOver(CURRENT, order);
    expect(f.cluster.processes.every((p) => p.root === CURRENT)).toBe(true);
    await expectUnharmed(before, moving);
  });

  it("rolls back to the earlier build the same way, agents first", async () => {
    const before = await steadyTasks();
    const moving = await rollOver(earlier.root, [...order].reverse());
    expect(f.cluster.processes.every((p) => p.root === earlier.root)).toBe(true);
    await expectUnharmed(before, moving);
  });
});
