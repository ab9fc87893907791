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
} from "@berth/bus";
import { eventually, type NatsCluster, startNatsCluster } from "@berth/testkit";
import { jetstream, jetstreamManager, RetentionPolicy } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

let nats: NatsCluster;
let nc: NatsConnection;

beforeAll(async () => {
  nats = await startNatsCluster(3);
  nc = await connect({ servers: nats.urls.split(","), tls: nats.tls ?? null });
  // JetStream answers once the servers have chosen a meta leader.
  // The single command stream of earlier versions, with an agent's consumer on it.
  await eventually(
    async () => {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({
        name: LEGACY_COMMAND_STREAM,
        subjects: ["berth.v1.cmd.agent.>"],
        retention: RetentionPolicy.Workqueue,
        num_replicas: 3,
      });
      await jsm.consumers.add(LEGACY_COMMAND_STREAM, durableConsumerConfig(CONSUMERS.agent("agent-old"), "berth.v1.cmd.agent.agent-old.>"));
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
  it("are one per shard, and the single stream of earlier versions is gone with its consumers", async () => {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const si of jsm.streams.list()) names.push(si.config.name);
    expect(names).not.toContain(LEGACY_COMMAND_STREAM);
    expect(names.filter((n) => n.startsWith("BERTH_COMMANDS_")).sort()).toEqual([...COMMAND_STREAMS].sort());
    expect(COMMAND_STREAMS).toContain(commandStreamOf("agent-a"));
  });
});

describe("an agent's command consumer on a three-server cluster", () => {
  it("has the stream's three replicas (nats-server 2.10 wants them), in memory; when its leader's server goes down another leads it and it still delivers every unacknowledged command", async () => {
    const jsm = await jetstreamManager(nc);
    expect(await ensureAgentConsumer(nc, "agent-a")).toBe("created");
    const first = await jsm.consumers.info(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"));
    expect(first.cluster?.replicas ?? []).toHaveLength(2);
    expect(first.config.mem_storage).toBe(true);
    expect(await ensureAgentConsumer(nc, "agent-a")).toBe("present");

    const js = jetstream(nc);
    await js.publish(subjects.agentCommand("agent-a", "launch"), "t1");
    const holder = nats.servers.find((s) => s.name === first.cluster?.leader);
    await holder!.stop();
    try {
      // The stream may be choosing a new leader: the publisher tries again, the message id keeps it to one copy.
      await eventually(() => js.publish(subjects.agentCommand("agent-a", "launch"), "t2", { msgID: "t2" }).then(() => true), {
        timeoutMs: 30_000,
        what: "the second command to be stored",
      });
      // Kept by the other two (or, were it offline, made again on a server that is up).
      await eventually(
        async () => {
          const state = await ensureAgentConsumer(nc, "agent-a").catch(() => undefined);
          const info = state && (await jsm.consumers.info(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a")).catch(() => undefined));
          return info?.cluster?.leader !== undefined && info.cluster.leader !== holder!.name;
        },
        { timeoutMs: 30_000, what: "another server leading the consumer" },
      );
      const got: string[] = [];
      const consumer = await js.consumers.get(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"));
      const batch = await consumer.fetch({ max_messages: 10, expires: 2_000 });
      for await (const m of batch) {
        got.push(m.string());
        m.ack();
      }
      expect(got).toEqual(["t1", "t2"]);
    } finally {
      await holder!.start();
    }
  });
});
