import { describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";
import { basic, subscribe, subscribeAs } from "../support/mesos.js";
import { containersWithLabel, DEMO_IMAGE, eventually } from "@berth/testkit";

const f = useCluster("faults-lost-agent", {
  agents: 2,
  schedulerApi: true,
  extraEnv: { BERTH_AGENT_TIMEOUT_MS: "3000", BERTH_AGENT_HEARTBEAT_MS: "500", BERTH_SCHEDULER_OFFER_INTERVAL_MS: "300" },
});

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
    // A Mesos framework is subscribed: it hears of the agent's loss as from a Mesos master, FAILURE with its agent_id.
    const token = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "watcher", team: "watch" });
    const framework = await subscribe(f.cluster.schedulerUrl, subscribeAs("watcher"), basic(token.body.token));
    await framework.next("OFFERS");
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
    const failure = await framework.next("FAILURE");
    expect(failure).toEqual({ type: "FAILURE", failure: { agent_id: { value: first!.slaveId } } });
    framework.close();
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
