// docs/operations.md's backup and restore, as an operator runs them: a cold
// copy of the nats-server's store while it is stopped; later, Berth's
// processes stopped, the store replaced by the copy, everything started
// again. The cluster carries on from the backup's state.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { containersWithLabel, eventually } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { expectConverged } from "../support/converged.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("faults-backup");

/** Sends a change once the api answers it (right after NATS is back, a write may answer 503 until JetStream is). */
const once = (method: string, path: string, body: unknown) =>
  eventually(
    async () => {
      const r = await f.api.call(method, path, body);
      return r.status < 500 && r.status;
    },
    { what: `${method} ${path} answered`, timeoutMs: 60_000 },
  );

describe("a backup of the JetStream state", () => {
  it("restored into the nats-server's store, brings the cluster back to the backup's apps and lets it carry on", async () => {
    expect((await f.api.call("POST", "/v2/apps", sleeper("/backup/kept", 2))).status).toBe(201);
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/backup/kept", instances: 2 }]);
    const keptContainers = (await containersWithLabel("berth.app=/backup/kept", false)).sort();
    const backup = await mkdtemp(join(tmpdir(), "berth-backup-"));
    await f.nats.offline((store) => cp(store, join(backup, "store"), { recursive: true }));

    // After the backup: an app the restore will forget.
    expect(await once("POST", "/v2/apps", sleeper("/backup/later", 1))).toBe(201);
    await expectConverged(f.api, f.bus, f.cluster.agentId, [
      { id: "/backup/kept", instances: 2 },
      { id: "/backup/later", instances: 1 },
    ]);

    // The restore: Berth's processes stopped, the store replaced, everything started again.
    for (const p of f.cluster.processes) p.proc.kill("SIGSTOP");
    await f.nats.offline(async (store) => {
      await rm(store, { recursive: true, force: true });
      await cp(join(backup, "store"), store, { recursive: true });
    });
    for (const p of [...f.cluster.processes]) await f.cluster.restart(p.name);

    // The backup's apps run, with the same containers; the later app is unknown and its container goes.
    expect(await once("GET", "/v2/apps/backup/later", undefined)).toBe(404);
    await eventually(async () => (await containersWithLabel("berth.app=/backup/later", false)).length === 0, {
      what: "the container of the app the backup does not know removed",
      timeoutMs: 90_000,
    });
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/backup/kept", instances: 2 }]);
    expect((await containersWithLabel("berth.app=/backup/kept", false)).sort()).toEqual(keptContainers);
    // And it carries on: a change after the restore deploys.
    expect(await once("PUT", "/v2/apps/backup/kept", { instances: 3 })).toBe(200);
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/backup/kept", instances: 3 }]);
    await rm(backup, { recursive: true, force: true });
  });
});
