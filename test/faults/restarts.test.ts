import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bus } from "@berth/bus";
import {
  type Cluster,
  containersWithLabel,
  DEMO_IMAGE,
  docker,
  dockerInspect,
  eventually,
  type NatsServer,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { expectConverged, testBus } from "../support/converged.js";

let nats: NatsServer;
let cluster: Cluster;
let api: Api;
let bus: Bus;

const sleeper = (id: string, instances: number) => ({
  id,
  cmd: "sleep 3600",
  cpus: 0.05,
  mem: 32,
  instances,
  taskKillGracePeriodSeconds: 0,
  container: { docker: { image: DEMO_IMAGE } },
});

/** Every container Berth ever created for an app, running or not: a duplicate launch would show here. */
const created = async (appId: string) => (await containersWithLabel(`berth.app=${appId}`, true)).length;

beforeAll(async () => {
  nats = await startNatsServer();
  cluster = await startCluster({ natsUrl: nats.url, name: "faults-restarts", extraEnv: { BERTH_AGENT_GC_DELAY_MS: "600000" } });
  api = new Api(cluster.apiUrl);
  bus = await testBus(nats.url);
});

afterAll(async () => {
  await bus?.close();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("processes killed with SIGKILL", () => {
  it("an agent restarted re-adopts its containers without restarting them", async () => {
    await api.call("POST", "/v2/apps", sleeper("/faults/steady", 2));
    await expectConverged(api, bus, cluster.agentId, [{ id: "/faults/steady", instances: 2 }]);
    const before = await Promise.all(
      (await containersWithLabel("berth.app=/faults/steady", false)).map((id) =>
        dockerInspect<{ Id: string; State: { StartedAt: string } }>(id),
      ),
    );
    await cluster.restart("slave-agent");
    await eventually(async () => (await api.call<{ agents: { active: boolean }[] }>("GET", "/v2/agents")).body.agents[0]?.active ?? false, {
      what: "agent back",
    });
    await expectConverged(api, bus, cluster.agentId, [{ id: "/faults/steady", instances: 2 }]);
    const after = await Promise.all(
      (await containersWithLabel("berth.app=/faults/steady", false)).map((id) =>
        dockerInspect<{ Id: string; State: { StartedAt: string } }>(id),
      ),
    );
    expect(after.map((c) => `${c.Id}@${c.State.StartedAt}`).sort()).toEqual(before.map((c) => `${c.Id}@${c.State.StartedAt}`).sort());
  });

  for (const service of ["launch-dispatcher", "offer-handler", "status-aggregator", "api", "slave-agent"]) {
    it(`a deployment completes after the ${service} is killed in the middle of it, with no duplicate launch`, async () => {
      const id = `/faults/mid-${service}`;
      await api.call("POST", "/v2/apps", sleeper(id, 1));
      await expectConverged(api, bus, cluster.agentId, [{ id, instances: 1 }]);
      const put = await api.call("PUT", `/v2/apps${id}`, { instances: 6 });
      expect(put.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      await cluster.restart(service);
      await expectConverged(api, bus, cluster.agentId, [{ id, instances: 6 }], 90_000);
      expect(await created(id)).toBe(6);
      await api.call("DELETE", `/v2/apps${id}?force=true`);
    });
  }

  it("the nats-server restarted in the middle of a deployment loses nothing", async () => {
    const id = "/faults/nats";
    await api.call("POST", "/v2/apps", sleeper(id, 1));
    await expectConverged(api, bus, cluster.agentId, [{ id, instances: 1 }]);
    await api.call("PUT", `/v2/apps${id}`, { instances: 5 });
    await nats.restart();
    await expectConverged(api, bus, cluster.agentId, [{ id, instances: 5 }], 90_000);
    expect(await created(id)).toBe(5);
    await api.call("DELETE", `/v2/apps${id}?force=true`);
  });
});

describe("reconciliation", () => {
  it("replaces a container removed while its agent was away, and removes containers nobody owns", async () => {
    const id = "/faults/removed";
    await api.call("POST", "/v2/apps", sleeper(id, 2));
    await expectConverged(api, bus, cluster.agentId, [{ id, instances: 2 }]);
    const [victim] = await api.running(id);
    const agent = cluster.processes.find((p) => p.name === "slave-agent")!;
    agent.proc.kill("SIGSTOP");
    await docker("rm", "-f", `berth-${victim!.id}`);
    // An orphan: a Berth container for this agent that no task owns.
    await docker(
      "run",
      "-d",
      "--name",
      "berth-orphan-test",
      "--network",
      "none",
      "--label",
      "berth.managed=true",
      "--label",
      `berth.agent=${cluster.agentId}`,
      "--label",
      "berth.task=nobody.orphan",
      "--label",
      "berth.app=/faults/orphan",
      DEMO_IMAGE,
      "sleep",
      "3600",
    );
    await docker("update", "--restart", "no", "berth-orphan-test");
    agent.proc.kill("SIGCONT");
    await eventually(async () => (await api.tasks(id)).every((t) => t.id !== victim!.id), {
      what: "the lost task replaced",
      timeoutMs: 60_000,
    });
    await expectConverged(api, bus, cluster.agentId, [{ id, instances: 2 }]);
    await eventually(async () => (await containersWithLabel("berth.app=/faults/orphan", true)).length === 0, {
      what: "the orphan removed",
      timeoutMs: 60_000,
    });
  });
});
