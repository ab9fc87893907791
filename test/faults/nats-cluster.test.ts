import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jetstreamManager } from "@nats-io/jetstream";
import type { Bus } from "@berth/bus";
import {
  type Cluster,
  containersWithLabel,
  DEMO_IMAGE,
  type NatsCluster,
  removeContainersWithLabel,
  startCluster,
  startNatsCluster,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { expectConverged, testBus } from "../support/converged.js";

let nats: NatsCluster;
let cluster: Cluster;
let api: Api;
let bus: Bus;

beforeAll(async () => {
  nats = await startNatsCluster(3);
  cluster = await startCluster({ natsUrl: nats.urls, name: "faults-nats-cluster", extraEnv: { BERTH_JS_REPLICAS: "3" } });
  api = new Api(cluster.apiUrl, cluster.adminToken);
  bus = await testBus(nats.urls);
});

afterAll(async () => {
  await bus?.close();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("a three-server NATS cluster (JetStream replicas 3)", () => {
  it("loses one server in the middle of a deployment, and the deployment completes", async () => {
    const info = await (await jetstreamManager(bus.nc)).streams.info("BERTH_STATUS");
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.replicas?.length).toBe(2);
    await api.call("POST", "/v2/apps", {
      id: "/cluster/web",
      cmd: "sleep 3600",
      cpus: 0.05,
      mem: 32,
      instances: 1,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    });
    await expectConverged(api, bus, cluster.agentId, [{ id: "/cluster/web", instances: 1 }], 90_000);
    await api.call("PUT", "/v2/apps/cluster/web", { instances: 5 });
    await nats.servers[0]!.stop();
    await expectConverged(api, bus, cluster.agentId, [{ id: "/cluster/web", instances: 5 }], 120_000);
    expect((await containersWithLabel("berth.app=/cluster/web", true)).length).toBe(5);
    await nats.servers[0]!.start();
  });
});
