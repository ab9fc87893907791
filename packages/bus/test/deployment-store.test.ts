import { beforeAll, describe, expect, it } from "vitest";
import { DeploymentStore, LOCKED_MESSAGE, lockHolder } from "@berth/bus";
import { type AppDefinition, appKey, ConflictError, newDeployment, parseApp } from "@berth/core";
import { useBuses } from "./buses.js";

const buses = useBuses("deployment-store");
let store: DeploymentStore;
beforeAll(() => {
  store = new DeploymentStore(buses["deployment-store"]);
});

function app(id: string, instances: number): AppDefinition {
  const r = parseApp({ id, cmd: "sleep 600", instances }, { version: `v${instances}` });
  if (!r.ok) throw new Error("fixture");
  return r.app;
}

let n = 0;
/** Applies a change of `id` to `instances` (undefined deletes it) as a new deployment, at `nowMs`. */
async function change(id: string, instances: number | undefined, opts: { force?: boolean; nowMs?: number } = {}) {
  const current = await buses["deployment-store"].apps.get(appKey(id));
  const d = newDeployment({
    id: `d${++n}`,
    appId: id,
    previous: current?.value,
    target: instances === undefined ? undefined : app(id, instances),
    version: `v${n}`,
    nowMs: opts.nowMs ?? Date.now(),
  });
  await store.apply(d, current, opts.force ?? false);
  return d.id;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => (err instanceof ConflictError ? { message: err.message, ids: err.deploymentIds } : err),
  );

describe("DeploymentStore's locks", () => {
  it("refuses a second change while the first deployment runs, naming it, and lets the next in once it ended", async () => {
    const bus = buses["deployment-store"];
    const first = await change("/locks/web", 1);
    expect(await lockHolder(bus, "/locks/web", Date.now())).toBe(first);
    expect(await refusal(change("/locks/web", 2))).toEqual({ message: LOCKED_MESSAGE, ids: [first] });
    expect(await refusal(change("/locks/web", undefined))).toEqual({ message: LOCKED_MESSAGE, ids: [first] });
    const stored = await bus.apps.get(appKey("/locks/web"));
    expect(stored?.value.instances).toBe(1);
    // The app's record is its lock: installing it wrote no key of berth_app_locks.
    expect(stored?.value.versionInfo.deploymentId).toBe(first);
    expect(await bus.locks.get(appKey("/locks/web"))).toBeUndefined();

    expect(await store.finish(first, "success", "", Date.now())).toBe(true);
    // Ending frees the app without a write to it.
    expect((await bus.apps.get(appKey("/locks/web")))?.revision).toBe(stored?.revision);
    expect(await lockHolder(bus, "/locks/web", Date.now())).toBeUndefined();

    const second = await change("/locks/web", 2);
    expect(await lockHolder(bus, "/locks/web", Date.now())).toBe(second);
    expect((await bus.apps.get(appKey("/locks/web")))?.value.instances).toBe(2);
  });

  it("lets one of two changes made at once win, and refuses the other naming the winner, leaving nothing of it", async () => {
    const bus = buses["deployment-store"];
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        change("/locks/race", i).then(
          (id) => ({ id }),
          (err: unknown) => ({ err }),
        ),
      ),
    );
    const won = outcomes.flatMap((o) => ("id" in o ? [o.id] : []));
    expect(won).toHaveLength(1);
    for (const o of outcomes) if ("err" in o) expect(await refusal(Promise.reject(o.err))).toEqual({ message: LOCKED_MESSAGE, ids: won });
    expect((await bus.apps.get(appKey("/locks/race")))?.value.versionInfo.deploymentId).toBe(won[0]);
    // The four deployments were d<n-3> to d<n>: only the winner's is recorded.
    const recorded = [];
    for (let i = n - 3; i <= n; i++) if (await bus.deployments.get(`d${i}`)) recorded.push(`d${i}`);
    expect(recorded).toEqual(won);
  });

  it("lets a forced change take a held lock, ending the deployment it took it from as canceled", async () => {
    const held = await lockHolder(buses["deployment-store"], "/locks/web", Date.now());
    const forced = await change("/locks/web", 3, { force: true });
    expect(await lockHolder(buses["deployment-store"], "/locks/web", Date.now())).toBe(forced);
    expect((await buses["deployment-store"].deployments.get(held ?? ""))?.value).toMatchObject({ status: "canceled" });
  });

  it("holds a lock whose deployment is not recorded for a while (a change between its two writes, or dead there), then not", async () => {
    const t = Date.now();
    await buses["deployment-store"].locks.create(appKey("/locks/half"), { deploymentId: "never-recorded", lockedAtMs: t });
    expect(await refusal(change("/locks/half", 1, { nowMs: t + 1_000 }))).toMatchObject({ ids: ["never-recorded"] });
    const id = await change("/locks/half", 1, { nowMs: t + 10_000 });
    expect(await lockHolder(buses["deployment-store"], "/locks/half", t + 10_000)).toBe(id);
  });

  it("removes a deleted app's lock when its deletion ends, and frees a refused change's lock at once", async () => {
    const gone = await change("/locks/web", undefined, { force: true });
    expect(await store.finish(gone, "success", "", Date.now())).toBe(true);
    expect(await buses["deployment-store"].locks.get(appKey("/locks/web"))).toBeUndefined();

    // The app changed under the change (its read revision is stale): refused, and nothing of it holds.
    await change("/locks/other", 1);
    const current = await buses["deployment-store"].apps.get(appKey("/locks/other"));
    await store.finish((await lockHolder(buses["deployment-store"], "/locks/other", Date.now())) ?? "", "success", "", Date.now());
    await buses["deployment-store"].apps.update(appKey("/locks/other"), app("/locks/other", 5), current?.revision ?? 0);
    const stale = newDeployment({
      id: "stale",
      appId: "/locks/other",
      previous: current?.value,
      target: app("/locks/other", 2),
      version: "vs",
      nowMs: Date.now(),
    });
    await expect(store.apply(stale, current, false)).rejects.toThrow(/changed while this change was applied/);
    expect(await lockHolder(buses["deployment-store"], "/locks/other", Date.now())).toBeUndefined();
    expect(await buses["deployment-store"].deployments.get("stale")).toBeUndefined();
  });
});
