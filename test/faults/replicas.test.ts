import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bus } from "@berth/bus";
import {
  type Cluster,
  containersWithLabel,
  DEMO_IMAGE,
  type NatsServer,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { expectConverged, testBus } from "../support/converged.js";

let nats: NatsServer;
let cluster: Cluster;
let bus: Bus;

const sleeper = (id: string, instances: number) => ({
  id,
  cmd: "sleep 3600",
  cpus: 0.05,
  mem: 32,
  instances,
  taskKillGracePeriodSeconds: 0,
  portDefinitions: [{ port: 0 }],
  container: { docker: { image: DEMO_IMAGE } },
});

beforeAll(async () => {
  nats = await startNatsServer();
  cluster = await startCluster({
    natsUrl: nats.url,
    name: "faults-replicas",
    instances: 2,
    extraEnv: { BERTH_AGENT_GC_DELAY_MS: "600000" },
  });
  bus = await testBus(nats.url);
});

afterAll(async () => {
  await bus?.close();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("two instances of every control-plane service", () => {
  it("launch every task once and never book a port twice, whichever api is asked", async () => {
    const [a, b] = cluster.apiUrls.map((u) => new Api(u));
    const apps = Array.from({ length: 4 }, (_, i) => ({ id: `/replicas/app-${i}`, instances: 3 }));
    // Half the apps through each api, at the same time.
    const answers = await Promise.all(apps.map((app, i) => (i % 2 ? b! : a!).call("POST", "/v2/apps", sleeper(app.id, app.instances))));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    await expectConverged(a!, bus, cluster.agentId, apps, 90_000);
    for (const app of apps) expect((await containersWithLabel(`berth.app=${app.id}`, true)).length).toBe(app.instances);
    const ledger = await bus.ledger.get(cluster.agentId);
    const ports = ledger!.value.reservations.flatMap((r) => r.ports);
    expect(ports).toHaveLength(12);
    expect(new Set(ports).size).toBe(12);
    const taskPorts = (await Promise.all(apps.map((app) => b!.tasks(app.id)))).flat().map((t) => t.ports[0]);
    expect(new Set(taskPorts).size).toBe(12);
  });

  it("a standby dispatcher takes over when the acting one dies mid-deployment", async () => {
    const api = new Api(cluster.apiUrl);
    await api.call("POST", "/v2/apps", sleeper("/replicas/takeover", 1));
    await expectConverged(api, bus, cluster.agentId, [{ id: "/replicas/takeover", instances: 1 }]);
    const lease = await bus.leases.get("launch-dispatcher");
    const holder = new TextDecoder().decode(lease!.value);
    const acting = holder === "dispatcher-1" ? "launch-dispatcher" : "launch-dispatcher-2";
    await api.call("PUT", "/v2/apps/replicas/takeover", { instances: 4 });
    const p = cluster.processes.find((x) => x.name === acting)!;
    p.proc.kill("SIGKILL");
    await expectConverged(api, bus, cluster.agentId, [{ id: "/replicas/takeover", instances: 4 }], 90_000);
    expect((await containersWithLabel("berth.app=/replicas/takeover", true)).length).toBe(4);
    const now = new TextDecoder().decode((await bus.leases.get("launch-dispatcher"))!.value);
    expect(now).not.toBe(holder);
  });
});
