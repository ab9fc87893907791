import type { AppDefinition, TaskRecord } from "@berth/core";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { type AgentLedger, type AgentRecord, codecs, jsonCodec } from "./codec.js";
import { type BusOptions, connectBus } from "./connection.js";
import { jetstreamOf } from "./durable.js";
import { TypedKv } from "./kv.js";
import { type Buckets, ensureTopology } from "./topology.js";
import type { KV } from "@nats-io/kv";

export interface BackoffRecord {
  failures: number;
  lastFailureAtMs: number;
}

/** A service's handle on NATS: the connection, JetStream, and every bucket with its type. */
export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  apps: TypedKv<AppDefinition>;
  tasks: TypedKv<TaskRecord>;
  agents: TypedKv<AgentRecord>;
  ledger: TypedKv<AgentLedger>;
  backoff: TypedKv<BackoffRecord>;
  leases: KV;
  buckets: Buckets;
  close(): Promise<void>;
}

export const appCodec = jsonCodec<AppDefinition>("AppDefinition");
export const backoffCodec = jsonCodec<BackoffRecord>("BackoffRecord");

/**
 * Connects, creates the topology if missing, and opens every bucket. Retries
 * until NATS and JetStream answer, logging why it waits.
 */
export async function openBus(opts: BusOptions & { replicas?: number }): Promise<Bus> {
  const nc = await connectBus(opts);
  let buckets: Buckets | undefined;
  for (let attempt = 1; !buckets; attempt++) {
    try {
      buckets = await ensureTopology(nc, { replicas: opts.replicas ?? 1 });
    } catch (err) {
      opts.logger.warn({ err: String(err), attempt }, "JetStream not ready; retrying");
      await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5_000)));
    }
  }
  return busFrom(nc, buckets);
}

export function busFrom(nc: NatsConnection, buckets: Buckets): Bus {
  return {
    nc,
    js: jetstreamOf(nc),
    apps: new TypedKv(buckets.apps, appCodec),
    tasks: new TypedKv(buckets.tasks, codecs.taskRecord),
    agents: new TypedKv(buckets.agents, codecs.agentRecord),
    ledger: new TypedKv(buckets.ledger, codecs.agentLedger),
    backoff: new TypedKv(buckets.backoff, backoffCodec),
    leases: buckets.leases,
    buckets,
    close: async () => {
      await nc.drain().catch(() => nc.close());
    },
  };
}
