import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, openBus } from "@berth/bus";
import { eventually, type NatsServer, startNatsServer } from "@berth/testkit";
import { PlacerMembers } from "../src/placer-members.js";

const log = { info() {}, warn() {}, error() {} };
let nats: NatsServer;
let bus: Bus;

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "placer-members", logger: log });
});

afterAll(async () => {
  await bus?.close();
  await nats?.stop();
});

describe("PlacerMembers", () => {
  it("lists the live offer-handler instances, the same on each, and forgets one that stops", async () => {
    const a = new PlacerMembers(bus, "oh-a", 100);
    const b = new PlacerMembers(bus, "oh-b", 100);
    a.start();
    b.start();
    await eventually(() => a.members().length === 2 && b.members().length === 2, { timeoutMs: 2_000, what: "both see both" });
    expect(a.members()).toEqual(["oh-a", "oh-b"]);
    expect(b.members()).toEqual(a.members());
    b.stop();
    await eventually(() => a.members().length === 1, { timeoutMs: 2_000, what: "a forgets b" });
    expect(a.members()).toEqual(["oh-a"]);
    a.stop();
  });
});
