import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, openBus, cacheOf } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { AgentRegistry } from "../src/agent-registry.js";
import { Placer } from "../src/placer.js";

const log = pino({ level: "silent" });
let nats: NatsServer;
const buses: Bus[] = [];

async function placer(): Promise<Placer> {
  const bus = await openBus({ servers: nats.url, tls: nats.tls, name: "test-placer", logger: log });
  buses.push(bus);
  const agents = cacheOf(bus.buckets, "agents");
  const ledgers = cacheOf(bus.buckets, "ledger");
  await agents.start();
  await ledgers.start();
  return new Placer(bus, agents, ledgers, { agentTimeoutMs: 60_000, now: Date.now }, log);
}

beforeAll(async () => {
  nats = await startNatsServer();
  const bus = await openBus({ servers: nats.url, tls: nats.tls, name: "test-setup", logger: log });
  buses.push(bus);
  const registry = new AgentRegistry(bus, log);
  for (const agentId of ["a1", "a2"]) {
    await registry.register({
      agentId,
      hostname: `${agentId}.test`,
      resources: { cpus: 10, mem: 10_000, disk: 0, ports: [{ begin: 31000, end: 31014 }] },
      attributes: {},
      version: "test",
      metricsUrl: "",
      startedAtMs: Date.now(),
      sealingKey: new Uint8Array(),
    });
  }
});

afterAll(async () => {
  for (const b of buses) await b.close();
  await nats?.stop();
});

describe("two placers racing on the same agents", () => {
  it("never book one cpu or one port twice", async () => {
    const [p1, p2] = await Promise.all([placer(), placer()]);
    const req = (prefix: string, n: number) => ({
      tasks: Array.from({ length: n }, (_, i) => ({
        taskId: `${prefix}-${i}`,
        appId: "/race",
        cpus: 1,
        mem: 10,
        disk: 0,
        portCount: 1,
        requiredPorts: [],
        constraints: [],
      })),
    });
    // 30 tasks of 1 cpu each ask for 20 cpus in all, in 6 concurrent batches from 2 placers.
    const replies = await Promise.all([
      p1!.place(req("p1a", 5)),
      p2!.place(req("p2a", 5)),
      p1!.place(req("p1b", 5)),
      p2!.place(req("p2b", 5)),
      p1!.place(req("p1c", 5)),
      p2!.place(req("p2c", 5)),
    ]);
    const placed = replies.flatMap((r) => r.placements ?? []);
    const unplaced = replies.flatMap((r) => r.unplaced ?? []);
    expect({ placed: placed.length, reasons: [...new Set(unplaced.flatMap((u) => u.reasons))] }).toEqual({
      placed: 20,
      reasons: ["insufficient cpus on 2 of 2 agents"],
    });
    expect(unplaced.length).toBe(10);
    expect(unplaced[0]?.reasons?.[0]).toMatch(/insufficient cpus/);
    const seats = placed.map((p) => `${p.agentId}:${p.ports?.[0]}`);
    expect(new Set(seats).size).toBe(20);

    const bus = buses[0]!;
    for (const agentId of ["a1", "a2"]) {
      const ledger = await bus.ledger.get(agentId);
      const reservations = ledger?.value.reservations ?? [];
      expect(reservations.reduce((n, r) => n + r.cpus, 0)).toBe(10);
      const ports = reservations.flatMap((r) => r.ports);
      expect(new Set(ports).size).toBe(ports.length);
    }
  });

  it("gives a task its existing booking when asked again", async () => {
    const p = await placer();
    const req = {
      tasks: [{ taskId: "p1a-0", appId: "/race", cpus: 1, mem: 10, disk: 0, portCount: 1, requiredPorts: [], constraints: [] }],
    };
    const first = await p.place(req);
    const again = await p.place(req);
    expect(again.placements).toEqual(first.placements);
  });
});
