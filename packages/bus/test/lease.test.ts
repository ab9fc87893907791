import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, Lease, openBus } from "@berth/bus";
import { eventually, type NatsServer, startNatsServer } from "@berth/testkit";

const log = { info() {}, warn() {}, error() {} };
let nats: NatsServer;
let a: Bus;
let b: Bus;

beforeAll(async () => {
  nats = await startNatsServer();
  a = await openBus({ servers: nats.url, tls: nats.tls, name: "a", logger: log });
  b = await openBus({ servers: nats.url, tls: nats.tls, name: "b", logger: log });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await nats?.stop();
});

describe("Lease", () => {
  it("is held by one holder at a time and passes on when released", async () => {
    const la = new Lease(a.leases, "test", "a", () => undefined);
    const lb = new Lease(b.leases, "test", "b", () => undefined);
    la.start();
    await eventually(() => la.isHeld, { what: "a holds" });
    lb.start();
    await new Promise((r) => setTimeout(r, 3_500));
    expect(lb.isHeld).toBe(false);
    await la.stop();
    await eventually(() => lb.isHeld, { what: "b takes over", timeoutMs: 10_000 });
    expect(la.isHeld).toBe(false);
    await lb.stop();
  });
});
