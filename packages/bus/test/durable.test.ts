import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeDurable, ensureConsumer, jsonCodec } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

let nats: NatsServer;
let nc: NatsConnection;
const codec = jsonCodec<{ key: string; n: number }>("Item");

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connect({ servers: nats.url });
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
        "ITEMS",
        "worker",
        codec,
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
