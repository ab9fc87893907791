import { describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { containersWithLabel } from "@berth/testkit";
import { Api } from "../support/api.js";
import { expectConverged } from "../support/converged.js";

const f = useCluster("faults-replicas", { instances: 2, extraEnv: { BERTH_AGENT_GC_DELAY_MS: "600000" } });

describe("two instances of every control-plane service", () => {
  it("launch every task once and never book a port twice, whichever api is asked", async () => {
    const [a, b] = f.cluster.apiUrls.map((u) => new Api(u, f.cluster.adminToken));
    const apps = Array.from({ length: 4 }, (_, i) => ({ id: `/replicas/app-${i}`, instances: 3 }));
    // Half the apps through each api, at the same time.
    const answers = await Promise.all(
      apps.map((app, i) => (i % 2 ? b! : a!).call("POST", "/v2/apps", sleeper(app.id, app.instances, { portDefinitions: [{ port: 0 }] }))),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    await expectConverged(a!, f.bus, f.cluster.agentId, apps, 90_000);
    for (const app of apps) expect((await containersWithLabel(`berth.app=${app.id}`, true)).length).toBe(app.instances);
    const ledger = await f.bus.ledger.get(f.cluster.agentId);
    const ports = ledger!.value.reservations.flatMap((r) => r.ports);
    expect(ports).toHaveLength(12);
    expect(new Set(ports).size).toBe(12);
    const taskPorts = (await Promise.all(apps.map((app) => b!.tasks(app.id)))).flat().map((t) => t.ports[0]);
    expect(new Set(taskPorts).size).toBe(12);
  });

  it("a standby dispatcher takes over when the acting one dies mid-deployment", async () => {
    const api = new Api(f.cluster.apiUrl, f.cluster.adminToken);
    await api.call("POST", "/v2/apps", sleeper("/replicas/takeover", 1, { portDefinitions: [{ port: 0 }] }));
    await expectConverged(api, f.bus, f.cluster.agentId, [{ id: "/replicas/takeover", instances: 1 }]);
    const lease = await f.bus.leases.get("launch-dispatcher");
    const holder = new TextDecoder().decode(lease!.value);
    const acting = holder === "dispatcher-1" ? "launch-dispatcher" : "launch-dispatcher-2";
    await api.call("PUT", "/v2/apps/replicas/takeover", { instances: 4 });
    const p = f.cluster.processes.find((x) => x.name === acting)!;
    p.proc.kill("SIGKILL");
    await expectConverged(api, f.bus, f.cluster.agentId, [{ id: "/replicas/takeover", instances: 4 }], 90_000);
    expect((await containersWithLabel("berth.app=/replicas/takeover", true)).length).toBe(4);
    const now = new TextDecoder().decode((await f.bus.leases.get("launch-dispatcher"))!.value);
    expect(now).not.toBe(holder);
  });
});
