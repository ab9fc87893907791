import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bus } from "@berth/bus";
import {
  type Cluster,
  containersWithLabel,
  DEMO_IMAGE,
  eventually,
  type NatsServer,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { collectEvents } from "../support/events.js";
import { testBus } from "../support/converged.js";

let nats: NatsServer;
let cluster: Cluster;
let api: Api;
let bus: Bus;
let events: Awaited<ReturnType<typeof collectEvents>>;

beforeAll(async () => {
  nats = await startNatsServer();
  cluster = await startCluster({
    natsUrl: nats.url,
    name: "faults-lost-agent",
    agents: 2,
    extraEnv: { BERTH_AGENT_TIMEOUT_MS: "3000", BERTH_AGENT_HEARTBEAT_MS: "500" },
  });
  api = new Api(cluster.apiUrl);
  bus = await testBus(nats.url);
  events = await collectEvents(nats.url);
});

afterAll(async () => {
  await events?.stop();
  await bus?.close();
  for (const p of cluster?.processes ?? []) p.proc.kill("SIGCONT");
  await cluster?.stop();
  for (const id of cluster?.agentIds ?? []) await removeContainersWithLabel(`berth.agent=${id}`);
  await nats?.stop();
});

describe("an agent that stops answering", () => {
  it("has its tasks marked unreachable and replaced elsewhere; when it comes back, only one copy runs", async () => {
    await api.call("POST", "/v2/apps", {
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
        const r = await api.running("/lost/web");
        return r.length === 1 && r;
      },
      { what: "running" },
    );
    const silentAgent = cluster.processes.find((p) => p.env.BERTH_AGENT_ID === first!.slaveId)!;
    silentAgent.proc.kill("SIGSTOP");

    await eventually(() => events.events.some((e) => e.taskId === first!.id && e.taskStatus === "TASK_UNREACHABLE"), {
      what: "TASK_UNREACHABLE",
      timeoutMs: 30_000,
    });
    const agents = (await api.call<{ agents: { id: string; active: boolean; healthMessage: string }[] }>("GET", "/v2/agents")).body.agents;
    expect(agents.find((a) => a.id === first!.slaveId)).toMatchObject({
      active: false,
      healthMessage: expect.stringMatching(/^no heartbeat for \d+s$/),
    });
    const replacement = await eventually(
      async () => {
        const r = await api.running("/lost/web");
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
    const tasks = await api.tasks("/lost/web");
    expect(tasks.map((t) => t.id)).toEqual([replacement.id]);
    await eventually(
      async () => (await api.call<{ agents: { active: boolean }[] }>("GET", "/v2/agents")).body.agents.every((a) => a.active),
      { what: "the agent active again" },
    );
  });
});
