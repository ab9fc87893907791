import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeDurable, durableConsumerConfig, ensureConsumer, jsonCodec } from "@berth/bus";
import { eventually, type NatsServer, startNatsServer } from "@berth/testkit";
import { jetstream, jetstreamManager, RetentionPolicy } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

let nats: NatsServer;
let nc: NatsConnection;
const codec = jsonCodec<{ key: string; n: number }>("Item");
/** A test stream read as a channel: every message one item. */
const itemsOf = (stream: string) => ({ streamOf: () => stream, decode: (_subject: string, data: Uint8Array) => codec.decode(data) });

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connect({ servers: nats.url, tls: nats.tls ?? null, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: "ITEMS", subjects: ["items.>"] });
  await ensureConsumer(jsm, "ITEMS", "worker");
});

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

describe("consumeDurable with keys", () => {
  it("handles different keys at once, each key's messages in the order stored, never more than the limit", async () => {
    const js = jetstream(nc);
    const keys = ["a", "b", "c", "d", "e"];
    for (let n = 0; n < 200; n++) {
      const key = keys[n % keys.length] ?? "a";
      await js.publish(`items.${key}`, codec.encode({ key, n }));
    }
    const seen = new Map<string, number[]>();
    let running = 0;
    let most = 0;
    let handled = 0;
    const all = new Promise<void>((resolve) => {
      void consumeDurable(
        js,
        itemsOf("ITEMS"),
        undefined,
        "worker",
        async (d) => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, Math.random() * 4));
          seen.set(d.value.key, [...(seen.get(d.value.key) ?? []), d.value.n]);
          running--;
          d.ack();
          if (++handled === 200) resolve();
        },
        () => undefined,
        { keyOf: (v) => v.key, concurrency: 3 },
      ).then((c) => all.then(() => c.stop()));
    });
    await all;
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
    for (const key of keys) {
      const ns = seen.get(key) ?? [];
      expect(ns).toHaveLength(40);
      expect(ns).toEqual([...ns].sort((x, y) => x - y));
    }
  });
});

/**
 * A work-queue stream `name` (subjects `<subject>.>`) read through a consumer kept in memory: `made` says whether the consumer exists before reading starts; `onMissing` makes it (again) and counts.
 */
async function memoryWorker(name: string, subject: string, made: boolean) {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name, subjects: [`${subject}.>`], retention: RetentionPolicy.Workqueue });
  const durable = `${subject}-worker`;
  const config = { ...durableConsumerConfig(durable, `${subject}.>`), mem_storage: true };
  if (made) await jsm.consumers.add(name, config);
  const js = jetstream(nc);
  const got: number[] = [];
  const counts = { remade: 0 };
  const publish = async (n: number) => void (await js.publish(`${subject}.a`, codec.encode({ key: "a", n }), { msgID: `${subject}-${n}` }));
  const start = () =>
    consumeDurable(
      js,
      itemsOf(name),
      undefined,
      durable,
      async (d) => {
        got.push(d.value.n);
        d.ack();
      },
      () => undefined,
      {
        onMissing: async () => {
          counts.remade++;
          await (await jetstreamManager(nc)).consumers.add(name, config);
        },
      },
    );
  return { got, counts, publish, start };
}

describe("consumeDurable of a consumer kept in memory", () => {
  it("has the consumer made again when a nats-server restart loses it, and gets every message not yet acknowledged", async () => {
    const w = await memoryWorker("WORK", "work", true);
    const consumer = await w.start();
    try {
      await w.publish(1);
      await eventually(() => w.got.length === 1, { what: "the first message" });
      await nats.restart();
      await eventually(() => w.publish(2).then(() => true), { what: "a publish after the restart" });
      await eventually(() => w.got.includes(2), { timeoutMs: 20_000, what: "the message sent after the restart" });
      expect(w.counts.remade).toBeGreaterThanOrEqual(1); // the restart lost it
      expect(w.got.filter((n) => n === 1)).toHaveLength(1); // acknowledged before the restart: not again
    } finally {
      await consumer.stop();
    }
  });

  it("starts on a consumer missing at start by having it made (a restart lost it before the first look)", async () => {
    const w = await memoryWorker("LATE", "late", false);
    await w.publish(7);
    const consumer = await w.start();
    try {
      await eventually(() => w.got.includes(7), { what: "the message stored before the consumer was made" });
      expect(w.counts.remade).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it("without a way to make it, a consumer missing at start is an error", async () => {
    const failed = consumeDurable(
      jetstream(nc),
      itemsOf("ITEMS"),
      undefined,
      "nobody",
      async () => undefined,
      () => undefined,
    );
    await expect(failed).rejects.toThrow(/consumer not found/);
  });
});
