import { describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { containersWithLabel, DEMO_IMAGE, docker, dockerInspect, eventually } from "@berth/testkit";
import { expectConverged } from "../support/converged.js";

const f = useCluster("faults-restarts", { extraEnv: { BERTH_AGENT_GC_DELAY_MS: "600000" } });

const slowHealth = {
  protocol: "COMMAND",
  command: { value: "test -e /tmp/ready" },
  gracePeriodSeconds: 30,
  intervalSeconds: 1,
  delaySeconds: 0,
};

/** Every container Berth ever created for an app, running or not: a duplicate launch would show here. */
const created = async (appId: string) => (await containersWithLabel(`berth.app=${appId}`, true)).length;

describe("processes killed with SIGKILL", () => {
  it("an agent restarted re-adopts its containers without restarting them", async () => {
    await f.api.call("POST", "/v2/apps", sleeper("/faults/steady", 2));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/faults/steady", instances: 2 }]);
    const before = await Promise.all(
      (await containersWithLabel("berth.app=/faults/steady", false)).map((id) =>
        dockerInspect<{ Id: string; State: { StartedAt: string } }>(id),
      ),
    );
    await f.cluster.restart("slave-agent");
    await eventually(
      async () => (await f.api.call<{ agents: { active: boolean }[] }>("GET", "/v2/agents")).body.agents[0]?.active ?? false,
      {
        what: "agent back",
      },
    );
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/faults/steady", instances: 2 }]);
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
      // Each task turns healthy 2 s after it starts: the scale-up below stays under way long enough to be caught in the middle.
      await f.api.call("POST", "/v2/apps", sleeper(id, 1, { cmd: "sleep 2; touch /tmp/ready; sleep 3600", healthChecks: [slowHealth] }));
      await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 1 }]);
      const put = await f.api.call<{ deploymentId: string }>("PUT", `/v2/apps${id}`, { instances: 6 });
      expect(put.status).toBe(200);
      // In the middle: new tasks launched, and the deployment still running.
      await eventually(
        async () => {
          const d = await f.api.call<{ status: string }>("GET", `/v2/deployments/${put.body.deploymentId}`);
          return d.body.status === "running" && (await f.api.tasks(id)).length > 1;
        },
        { what: "the deployment under way", intervalMs: 20 },
      );
      await f.cluster.restart(service);
      await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 6 }], 90_000);
      expect(await created(id)).toBe(6);
      await f.api.call("DELETE", `/v2/apps${id}?force=true`);
    });
  }

  it("the nats-server restarted in the middle of a deployment loses nothing", async () => {
    const id = "/faults/nats";
    await f.api.call("POST", "/v2/apps", sleeper(id, 1));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 1 }]);
    await f.api.call("PUT", `/v2/apps${id}`, { instances: 5 });
    await f.nats.restart();
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 5 }], 90_000);
    expect(await created(id)).toBe(5);
    await f.api.call("DELETE", `/v2/apps${id}?force=true`);
  });
});

describe("reconciliation", () => {
  it("replaces a container removed while its agent was away, and removes containers nobody owns", async () => {
    const id = "/faults/removed";
    await f.api.call("POST", "/v2/apps", sleeper(id, 2));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 2 }]);
    const [victim] = await f.api.running(id);
    const agent = f.cluster.processes.find((p) => p.name === "slave-agent")!;
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
      `berth.agent=${f.cluster.agentId}`,
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
    await eventually(async () => (await f.api.tasks(id)).every((t) => t.id !== victim!.id), {
      what: "the lost task replaced",
      timeoutMs: 60_000,
    });
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id, instances: 2 }]);
    await eventually(async () => (await containersWithLabel("berth.app=/faults/orphan", true)).length === 0, {
      what: "the orphan removed",
      timeoutMs: 60_000,
    });
  });
});
