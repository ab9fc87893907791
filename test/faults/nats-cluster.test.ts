import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jetstreamManager } from "@nats-io/jetstream";
import { type Bus, commandStreamOf, CONSUMERS } from "@berth/bus";
import {
  type Cluster,
  containersWithLabel,
  DEMO_IMAGE,
  eventually,
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
  cluster = await startCluster({
    natsUrl: nats.urls,
    natsTls: nats.tls,
    name: "faults-nats-cluster",
    extraEnv: { BERTH_JS_REPLICAS: "3" },
  });
  api = new Api(cluster.apiUrl, cluster.adminToken);
  bus = await testBus({ url: nats.urls, tls: nats.tls });
});

afterAll(async () => {
  await bus?.close();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("a three-server NATS cluster (JetStream replicas 3)", () => {
  it("loses the server holding the agent's command consumer in the middle of a deployment, and the deployment completes", async () => {
    const jsm = await jetstreamManager(bus.nc);
    const info = await jsm.streams.info(commandStreamOf(cluster.agentId));
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.replicas?.length).toBe(2);
    // The agent's consumer has one replica, in memory: its commands are in the replicated stream, its place on one server.
    const consumer = await eventually(
      async () => {
        const c = await jsm.consumers.info(commandStreamOf(cluster.agentId), CONSUMERS.agent(cluster.agentId));
        return c.cluster?.leader ? c : undefined;
      },
      { what: "the agent's consumer led" },
    );
    expect(consumer.cluster?.replicas ?? []).toEqual([]);
    expect(consumer.config.mem_storage).toBe(true);
    const holder = nats.servers.find((s) => s.name === consumer.cluster?.leader);
    expect(holder).toBeDefined();
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
    // Down before the new tasks' launches are sent: only a consumer made again elsewhere delivers them.
    await holder!.stop();
    // While the cluster elects new leaders a write may be refused (503): a client tries again.
    await eventually(async () => (await api.call("PUT", "/v2/apps/cluster/web", { instances: 5 })).status === 200, {
      timeoutMs: 60_000,
      what: "the scale to be accepted",
    });
    await expectConverged(api, bus, cluster.agentId, [{ id: "/cluster/web", instances: 5 }], 120_000);
    expect((await containersWithLabel("berth.app=/cluster/web", true)).length).toBe(5);
    // The offer-handler made the consumer again on a server that is up.
    const moved = await jsm.consumers.info(commandStreamOf(cluster.agentId), CONSUMERS.agent(cluster.agentId));
    expect(moved.cluster?.leader).not.toBe(holder!.name);
    await holder!.start();
  });
});
