import { untilAnswered } from "./until-answered.js";
import {
  type AppDefinition,
  appKey,
  type Deployment,
  type Framework,
  type JobHistory,
  type JobRecord,
  type JobRun,
  type JobTickCursor,
  type RoleWeights,
  type Principal,
  type QuotaLedger,
  type TaskRecord,
  type Team,
  type TokenRecord,
} from "@berth/core";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { type AgentLedger, type AgentRecord, type Codec, codecs, jsonCodec } from "./codec.js";
import { type BusOptions, connectBus, natsCredentialsFromEnv } from "./connection.js";
import { jetstreamOf } from "./durable.js";
import { KvCache } from "./kv-cache.js";
import { TypedKv } from "./kv.js";
import { type Buckets, ensureTopology, openTopology } from "./topology.js";
import type { KV } from "@nats-io/kv";

/** The deployment holding an app: while it exists, other changes are refused (409) unless forced. */
export interface AppLock {
  deploymentId: string;
  lockedAtMs: number;
}

export interface TaskFailure {
  taskId: string;
  state: string;
  message: string;
  host: string;
  version: string;
  timestampMs: number;
}

export interface BackoffRecord {
  failures: number;
  lastFailureAtMs: number;
  lastTaskFailure?: TaskFailure;
}

/** A secret's value in its team's store. */
export interface StoredSecret {
  value: string;
  updatedAtMs: number;
}

/** A Marathon HTTP event subscription: where to send the events its owner may see. */
export interface EventSubscription {
  callbackUrl: string;
  /** Whose: the principal of the token that made it; it gets the events that token may read. */
  owner: Principal;
  clientIp: string;
  createdAtMs: number;
}

export const subscriptionCodec = jsonCodec<EventSubscription>("EventSubscription");

/** That an app holds a service port: written before the app that holds it, so a claim may outlive an app that was never stored. */
export interface ServicePortClaim {
  appId: string;
  claimedAtMs: number;
}

/** That a secret exists, read without its value (a headers-only watch of the secrets bucket). */
export const secretPresenceCodec: Codec<Record<string, never>> = {
  name: "SecretPresence",
  encode: () => {
    throw new Error("a secret's presence is read, never written");
  },
  decode: () => ({}),
};

/** Launches of one app that wait, and why. */
export interface QueueEntry {
  appId: string;
  count: number;
  /** Per reason, how many agents refused: "insufficient cpus on 3 of 3 agents". */
  reasons: string[];
  sinceMs: number;
  /** When backoff delays the launches: when they may start. */
  delayUntilMs: number;
  /** How many of them wait for room (some agent lacked only room for them), as against a constraint, a limit or a backoff. */
  forRoom?: number;
  /** What each of them holds: cpus, mem (as held) and disk. */
  each?: { cpus: number; mem: number; disk: number };
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
  deployments: TypedKv<Deployment>;
  locks: TypedKv<AppLock>;
  queue: TypedKv<QueueEntry>;
  tokens: TypedKv<TokenRecord>;
  teams: TypedKv<Team>;
  quotas: TypedKv<QuotaLedger>;
  secrets: TypedKv<StoredSecret>;
  subscriptions: TypedKv<EventSubscription>;
  servicePorts: TypedKv<ServicePortClaim>;
  frameworks: TypedKv<Framework>;
  roleWeights: TypedKv<RoleWeights>;
  jobs: TypedKv<JobRecord>;
  jobRuns: TypedKv<JobRun>;
  jobHistory: TypedKv<JobHistory>;
  jobTicks: TypedKv<JobTickCursor>;
  leases: KV;
  buckets: Buckets;
  close(): Promise<void>;
}

/** An app lives under the key made from its id, and nowhere else: every decision that follows the key follows the id. */
export const appCodec = jsonCodec<AppDefinition>("AppDefinition", (app) => appKey(app.id));
export const backoffCodec = jsonCodec<BackoffRecord>("BackoffRecord");
export const deploymentCodec = jsonCodec<Deployment>("Deployment");
export const lockCodec = jsonCodec<AppLock>("AppLock");

/**
 * The part of the bus a class uses, named where it is received: only a
 * service's composition root (its app.ts or server.ts) holds the whole Bus.
 */
export type BusHandles<K extends keyof Bus> = Pick<Bus, K>;

/**
 * Connects, creates the topology if missing, and opens every bucket. Retries
 * until NATS and JetStream answer, logging why it waits.
 */
export async function openBus(
  opts: BusOptions & {
    replicas?: number;
    createTopology?: boolean;
    /** With createTopology false: how to tell the buckets exist (an agent reads its own ledger entry). */
    ready?: (buckets: Buckets) => Promise<unknown>;
  },
): Promise<Bus> {
  const nc = await connectBus(opts);
  // Agents may not create streams or buckets: they open what the control plane made, once it has
  // (until then every error, a missing stream too, is waited out).
  const buckets = await untilAnswered(
    Number.POSITIVE_INFINITY,
    () => (opts.createTopology === false ? openTopology(nc, opts.ready) : ensureTopology(nc, { replicas: opts.replicas ?? 1 })),
    {
      retryIf: () => true,
      onRetry: (err, attempt) => opts.logger.warn({ err: String(err), attempt }, "JetStream not ready; retrying"),
      stepMs: 500,
      maxBackoffMs: 5_000,
    },
  );
  return busFrom(nc, buckets);
}

/** A control-plane service's bus: named `berth-<service>`, as the user BERTH_NATS_USER names (if set). */
export function openServiceBus(
  service: string,
  config: { natsUrl: string; jsReplicas: number; natsTls: BusOptions["tls"] },
  logger: BusOptions["logger"],
): Promise<Bus> {
  return openBus({
    servers: config.natsUrl,
    replicas: config.jsReplicas,
    name: `berth-${service}`,
    logger,
    ...natsCredentialsFromEnv(),
    ...(config.natsTls ? { tls: config.natsTls } : {}),
  });
}

/** Every typed bucket with the codec of its values: the one place the two are paired. */
export const bucketCodecs = {
  apps: appCodec,
  tasks: codecs.taskRecord,
  agents: codecs.agentRecord,
  ledger: codecs.agentLedger,
  backoff: backoffCodec,
  deployments: deploymentCodec,
  locks: lockCodec,
  queue: jsonCodec<QueueEntry>("QueueEntry"),
  tokens: jsonCodec<TokenRecord>("TokenRecord"),
  teams: jsonCodec<Team>("Team"),
  quotas: jsonCodec<QuotaLedger>("QuotaLedger"),
  secrets: jsonCodec<StoredSecret>("StoredSecret"),
  subscriptions: subscriptionCodec,
  servicePorts: jsonCodec<ServicePortClaim>("ServicePortClaim"),
  frameworks: jsonCodec<Framework>("Framework"),
  roleWeights: jsonCodec<RoleWeights>("RoleWeights"),
  jobs: jsonCodec<JobRecord>("JobRecord"),
  jobRuns: jsonCodec<JobRun>("JobRun"),
  jobHistory: jsonCodec<JobHistory>("JobHistory"),
  jobTicks: jsonCodec<JobTickCursor>("JobTickCursor"),
};
export type TypedBucket = keyof typeof bucketCodecs;
export type BucketValue<B extends TypedBucket> = (typeof bucketCodecs)[B] extends Codec<infer T> ? T : never;

/** A read model of a bucket, with the bucket's codec; `keep` keeps part of each value (see KvCache). */
export function cacheOf<B extends TypedBucket, Kept = BucketValue<B>>(
  buckets: Buckets,
  name: B,
  keep?: (value: BucketValue<B>, written: Date) => Kept,
  /** Only the keys these NATS subject filters match (every key unless given): KvCache.followKeys. */
  keys?: readonly string[],
): KvCache<BucketValue<B>, Kept> {
  return new KvCache<BucketValue<B>, Kept>(buckets[name], bucketCodecs[name] as Codec<BucketValue<B>>, keep, keys ? { keys } : {});
}

const typed = <B extends TypedBucket>(buckets: Buckets, name: B) =>
  new TypedKv<BucketValue<B>>(buckets[name], bucketCodecs[name] as Codec<BucketValue<B>>);

export function busFrom(nc: NatsConnection, buckets: Buckets): Bus {
  return {
    nc,
    js: jetstreamOf(nc),
    apps: typed(buckets, "apps"),
    tasks: typed(buckets, "tasks"),
    agents: typed(buckets, "agents"),
    ledger: typed(buckets, "ledger"),
    backoff: typed(buckets, "backoff"),
    deployments: typed(buckets, "deployments"),
    locks: typed(buckets, "locks"),
    queue: typed(buckets, "queue"),
    tokens: typed(buckets, "tokens"),
    teams: typed(buckets, "teams"),
    quotas: typed(buckets, "quotas"),
    secrets: typed(buckets, "secrets"),
    subscriptions: typed(buckets, "subscriptions"),
    servicePorts: typed(buckets, "servicePorts"),
    frameworks: typed(buckets, "frameworks"),
    roleWeights: typed(buckets, "roleWeights"),
    jobs: typed(buckets, "jobs"),
    jobRuns: typed(buckets, "jobRuns"),
    jobHistory: typed(buckets, "jobHistory"),
    jobTicks: typed(buckets, "jobTicks"),
    leases: buckets.leases,
    buckets,
    close: async () => {
      await nc.drain().catch(() => nc.close());
    },
  };
}
