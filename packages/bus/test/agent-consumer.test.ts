import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMAND_STREAMS,
  commandStreamOf,
  CONSUMERS,
  durableConsumerConfig,
  ensureAgentConsumer,
  ensureTopology,
  LEGACY_COMMAND_STREAM,
  subjects,
  WORK_QUEUE_COMMAND_STREAMS,
} from "@berth/bus";
import { eventually, type NatsCluster, startNatsCluster, startNatsServer } from "@berth/testkit";
import { jetstream, jetstreamManager, RetentionPolicy } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

let nats: NatsCluster;
let nc: NatsConnection;

beforeAll(async () => {
  nats = await startNatsCluster(3);
  nc = await connect({ servers: nats.urls.split(","), tls: nats.tls ?? null });
  // JetStream answers once the servers have chosen a meta leader.
  // The command streams of earlier versions, each with an agent's consumer on it: the single one, and a
  // work-queue stream of the sharded layout.
  const earlier = [
    { stream: "BERTH_COMMANDS", prefix: "berth.v1.cmd.agent" },
    { stream: "BERTH_COMMANDS_3", prefix: "berth.v1.cmd.3.agent" },
  ];
  await eventually(
    async () => {
      const jsm = await jetstreamManager(nc);
      for (const { stream, prefix } of earlier) {
        await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`], retention: RetentionPolicy.Workqueue, num_replicas: 3 });
        await jsm.consumers.add(stream, durableConsumerConfig(CONSUMERS.agent("agent-old"), `${prefix}.agent-old.>`));
        await jetstream(nc).publish(`${prefix}.agent-old.launch`, "left over");
      }
      return true;
    },
    { timeoutMs: 30_000, what: "JetStream" },
  );
  await ensureTopology(nc, { replicas: 3 });
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

describe("command streams", () => {
  it("are one per shard and keep commands read or not; the single stream of earlier versions is gone, their work-queue streams emptied and without consumers", async () => {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const si of jsm.streams.list()) names.push(si.config.name);
    expect(names).not.toContain(LEGACY_COMMAND_STREAM);
    expect(names.filter((n) => n.startsWith("BERTH_AGENT_COMMANDS_")).sort()).toEqual([...COMMAND_STREAMS].sort());
    expect(COMMAND_STREAMS).toContain(commandStreamOf("agent-a"));
    expect((await jsm.streams.info(commandStreamOf("agent-a"))).config.retention).toBe(RetentionPolicy.Limits);
    // Kept, so that an earlier build rolled back to finds its agents' stream, but with nothing in it.
    const earlier = await jsm.streams.info("BERTH_COMMANDS_3");
    expect(earlier.state).toMatchObject({ messages: 0, consumer_count: 0 });
    expect(WORK_QUEUE_COMMAND_STREAMS).toContain("BERTH_COMMANDS_3");
  });
});

describe("an agent's command consumer on a three-server cluster", () => {
  it("has one replica, in memory; when its server goes down it is made again on another and delivers the last minutes' commands again, read or not", async () => {
    const jsm = await jetstreamManager(nc);
    expect(await ensureAgentConsumer(nc, "agent-a")).toBe("created");
    const first = await jsm.consumers.info(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"));
    expect(first.cluster?.replicas ?? []).toEqual([]);
    expect(first.config.mem_storage).toBe(true);
    expect(await ensureAgentConsumer(nc, "agent-a")).toBe("present");

    const js = jetstream(nc);
    const read = async (): Promise<string[]> => {
      const got: string[] = [];
      const consumer = await js.consumers.get(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"));
      for await (const m of await consumer.fetch({ max_messages: 10, expires: 2_000 })) {
        got.push(m.string());
        m.ack();
      }
      return got;
    };
    await js.publish(subjects.agentCommand("agent-a", "launch"), "t0");
    expect(await read()).toEqual(["t0"]);
    await js.publish(subjects.agentCommand("agent-a", "launch"), "t1");
    const holder = nats.servers.find((s) => s.name === first.cluster?.leader);
    await holder!.stop();
    try {
      // The stream may be choosing a new leader: the publisher tries again, the message id keeps it to one copy.
      await eventually(() => js.publish(subjects.agentCommand("agent-a", "launch"), "t2", { msgID: "t2" }).then(() => true), {
        timeoutMs: 30_000,
        what: "the third command to be stored",
      });
      const state = await eventually(() => ensureAgentConsumer(nc, "agent-a").then((s) => (s === "recreated" ? s : undefined)), {
        timeoutMs: 30_000,
        what: "the consumer to be made again",
      });
      expect(state).toBe("recreated");
      const moved = await jsm.consumers.info(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"));
      expect(moved.cluster?.leader).not.toBe(holder!.name);
      // t0 was read before: it comes again, and the agent takes it as a repeat.
      expect(await read()).toEqual(["t0", "t1", "t2"]);
    } finally {
      await holder!.start();
    }
  });
});

describe("an agent's command consumer made anew", () => {
  // On one nats-server (make up's): exact. On a cluster the server holding it may start it earlier, never later.
  it("starts at its replay window: older commands are left to the resends", async () => {
    const one = await startNatsServer();
    const c = await connect({ servers: one.url, tls: one.tls ?? null });
    try {
      await ensureTopology(c, { replicas: 1 });
      const js = jetstream(c);
      await js.publish(subjects.agentCommand("agent-b", "kill"), "old");
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await ensureAgentConsumer(c, "agent-b", 1_000)).toBe("created");
      await js.publish(subjects.agentCommand("agent-b", "kill"), "new");
      const consumer = await js.consumers.get(commandStreamOf("agent-b"), CONSUMERS.agent("agent-b"));
      const got: string[] = [];
      for await (const m of await consumer.fetch({ max_messages: 10, expires: 2_000 })) got.push(m.string());
      expect(got).toEqual(["new"]);
    } finally {
      await c.close();
      await one.stop();
    }
  });
});
