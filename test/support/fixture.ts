import { afterAll, beforeAll } from "vitest";
import type { Bus, PublicEvent } from "@berth/bus";
import { type Cluster, type NatsServer, removeContainersWithLabel, startCluster } from "@berth/testkit";
import { Api } from "./api.js";
import { testBus } from "./converged.js";
import { collectEvents } from "./events.js";
import { startSecuredNats, type TestNatsUsers } from "./nats-users.js";

/** What a test file gets: a real nats-server, the Berth processes, an API client, a bus, and every public event. */
export interface ClusterFixture {
  nats: NatsServer;
  /** The NATS users: every process connects as its own; the tests as the operator. */
  natsUsers: TestNatsUsers;
  cluster: Cluster;
  api: Api;
  bus: Bus;
  /** Every event published since the cluster started, in order. */
  events: PublicEvent[];
}

/**
 * Starts a cluster before the file's tests and tears it down after them
 * (processes stopped, containers removed). The fields are set once
 * `beforeAll` has run.
 */
export function useCluster(
  name: string,
  opts: Omit<Parameters<typeof startCluster>[0], "natsUrl" | "natsTls" | "name"> = {},
): ClusterFixture {
  const f = {} as ClusterFixture;
  let stopEvents: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const secured = await startSecuredNats();
    f.nats = secured.nats;
    f.natsUsers = secured.users;
    f.cluster = await startCluster({ natsUrl: f.nats.url, natsTls: f.nats.tls, name, natsUsers: f.natsUsers, ...opts });
    f.api = new Api(f.cluster.apiUrl, f.cluster.adminToken, f.cluster.apiCa);
    f.bus = await testBus(f.nats, f.natsUsers.operator);
    const collected = await collectEvents(f.nats, f.natsUsers.operator);
    f.events = collected.events;
    stopEvents = collected.stop;
  });
  afterAll(async () => {
    await stopEvents?.();
    await f.bus?.close();
    for (const p of f.cluster?.processes ?? []) p.proc.kill("SIGCONT");
    await f.cluster?.stop();
    for (const id of f.cluster?.agentIds ?? []) await removeContainersWithLabel(`berth.agent=${id}`);
    await f.nats?.stop();
  });
  return f;
}
