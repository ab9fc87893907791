import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentRecord, type Bus, cacheOf, type KvCache, openBus } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { AgentRegistry } from "../src/agent-registry.js";

const log = pino({ level: "silent" });
const REFRESH_MS = 5_000;
let nats: NatsServer;
/** The registry's connection; the cache and the test's own reads and writes use the other. */
let writer: Bus;
let bus: Bus;
let agents: KvCache<AgentRecord>;
let clock = 1_000_000;

/**
 * Messages the registry's connection has published so far, as the server counts them: a read of
 * the bucket is one, a write another. (The cache has a connection of its own.)
 */
async function published(): Promise<number> {
  const connz = (await (await fetch(`${nats.monitorUrl}/connz`)).json()) as { connections: { name?: string; in_msgs: number }[] };
  const mine = connz.connections.find((c) => c.name === "test-registry");
  if (!mine) throw new Error("the registry's connection is not listed");
  return mine.in_msgs;
}

function registry(): AgentRegistry {
  return new AgentRegistry(
    writer,
    log,
    () => clock,
    REFRESH_MS,
    (id) => agents.get(id),
  );
}

async function register(agentId: string): Promise<void> {
  await registry().register({
    agentId,
    hostname: `${agentId}.test`,
    resources: { cpus: 1, mem: 100, disk: 0, ports: [] },
    attributes: {},
    version: "test",
    metricsUrl: "",
    startedAtMs: clock,
    sealingKey: new Uint8Array(),
  });
}

function beat(agentId: string, healthy: boolean, healthMessage: string) {
  return { agentId, sentAtMs: clock, healthy, healthMessage, runningTasks: 0 };
}

/** The agent's record once the cache has caught up with the bucket. */
async function caughtUp(agentId: string): Promise<AgentRecord | undefined> {
  const stored = await bus.agents.get(agentId);
  if (stored) await agents.waitFor(stored.revision);
  return stored?.value;
}

beforeAll(async () => {
  nats = await startNatsServer();
  writer = await openBus({ servers: nats.url, tls: nats.tls, name: "test-registry", logger: log });
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "test-cache", logger: log });
  agents = cacheOf(bus.buckets, "agents");
  await agents.start();
});

afterAll(async () => {
  agents?.stop();
  await bus?.close();
  await writer?.close();
  await nats?.stop();
});

describe("heartbeats", () => {
  it("one that changes nothing and is not due a refresh costs the bucket nothing", async () => {
    await register("quiet");
    await caughtUp("quiet");
    const before = await published();
    clock += REFRESH_MS - 1;
    await registry().heartbeat(beat("quiet", true, ""));
    expect(await published()).toBe(before);
    expect((await caughtUp("quiet"))?.lastHeartbeatMs).toBe(clock - (REFRESH_MS - 1));
  });

  it("one due a refresh writes the record at the revision the cache holds, without reading it first", async () => {
    await register("due");
    await caughtUp("due");
    clock += REFRESH_MS;
    const before = await published();
    await registry().heartbeat(beat("due", true, ""));
    // One message: the write. A read first would be two.
    expect(await published()).toBe(before + 1);
    expect((await caughtUp("due"))?.lastHeartbeatMs).toBe(clock);
  });

  it("one whose cached record is stale still lands, after reading what another writer wrote", async () => {
    await register("stale");
    await caughtUp("stale");
    // The lost-agent check marks it unreachable; the cache has not seen that yet.
    const cached = agents.get("stale");
    const r = await bus.agents.mutate("stale", (cur) => (cur ? { ...cur, unreachableSinceMs: clock } : undefined));
    expect(r.revision).toBeGreaterThan(cached?.revision ?? 0);
    const reg = new AgentRegistry(
      writer,
      log,
      () => clock,
      REFRESH_MS,
      () => cached,
    );
    clock += 1;
    await reg.heartbeat(beat("stale", false, "disk full"));
    const after = await caughtUp("stale");
    expect(after).toMatchObject({ lastHeartbeatMs: clock, healthy: false, healthMessage: "disk full", unreachableSinceMs: 0 });
  });

  it("one of an agent that never registered writes nothing", async () => {
    await registry().heartbeat(beat("stranger", true, ""));
    expect(await bus.agents.get("stranger")).toBeUndefined();
  });
});
