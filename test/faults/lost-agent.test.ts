import { describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";
import { containersWithLabel, DEMO_IMAGE, eventually } from "@berth/testkit";

const f = useCluster("faults-lost-agent", { agents: 2, extraEnv: { BERTH_AGENT_TIMEOUT_MS: "3000", BERTH_AGENT_HEARTBEAT_MS: "500" } });

describe("an agent that stops answering", () => {
  it("has its tasks marked unreachable and replaced elsewhere; when it comes back, only one copy runs", async () => {
    await f.api.call("POST", "/v2/apps", {
      id: "/lost/web",
      cmd: "sleep 3600",
      cpus: 0.1,
      mem: 32,
      instances: 1,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    });
    const [first] = await eventually(
      async () => {
        const r = await f.api.running("/lost/web");
        return r.length === 1 && r;
      },
      { what: "running" },
    );
    const silentAgent = f.cluster.processes.find((p) => p.env.BERTH_AGENT_ID === first!.slaveId)!;
    silentAgent.proc.kill("SIGSTOP");

    await eventually(() => f.events.some((e) => e.taskId === first!.id && e.taskStatus === "TASK_UNREACHABLE"), {
      what: "TASK_UNREACHABLE",
      timeoutMs: 30_000,
    });
    const agents = (await f.api.call<{ agents: { id: string; active: boolean; healthMessage: string }[] }>("GET", "/v2/agents")).body
      .agents;
    expect(agents.find((a) => a.id === first!.slaveId)).toMatchObject({
      active: false,
      healthMessage: expect.stringMatching(/^no heartbeat for \d+s$/),
    });
    const replacement = await eventually(
      async () => {
        const r = await f.api.running("/lost/web");
        return r.length === 1 && r[0]!.id !== first!.id && r[0];
      },
      { what: "a replacement on the other agent", timeoutMs: 30_000 },
    );
    expect(replacement.slaveId).not.toBe(first!.slaveId);

    silentAgent.proc.kill("SIGCONT");
    // The old copy comes back as a container no task owns, and its agent removes it.
    await eventually(async () => (await containersWithLabel("berth.app=/lost/web", false)).length === 1, {
      what: "one copy running",
      timeoutMs: 60_000,
    });
    const tasks = await f.api.tasks("/lost/web");
    expect(tasks.map((t) => t.id)).toEqual([replacement.id]);
    await eventually(
      async () => (await f.api.call<{ agents: { active: boolean }[] }>("GET", "/v2/agents")).body.agents.every((a) => a.active),
      { what: "the agent active again" },
    );
  });
});
