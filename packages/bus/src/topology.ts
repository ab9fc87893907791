/** The JetStream streams and KV buckets Berth keeps its state in, created idempotently by every service. */
import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamManager,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from "@nats-io/jetstream";
import { type KV, Kvm } from "@nats-io/kv";
import type { NatsConnection } from "@nats-io/transport-node";
import { COMMAND_SHARDS, commandShardOf, subjects } from "./subjects.js";
import { jsErrorCode, STREAM_NOT_FOUND } from "./js-errors.js";
import { START_WAIT_MS, untilAnswered } from "./until-answered.js";

const NS_PER_MS = 1_000_000;
const HOUR_MS = 3_600_000;

export const STREAMS = {
  /** Status updates from agents; read by the status-aggregator and the offer-handler. */
  status: "BERTH_STATUS",
  /** Public events, JSON, for /v2/events and for tools that subscribe directly. */
  events: "BERTH_EVENTS",
} as const;

/**
 * The stream of an agent's commands (one filtered consumer per agent). It keeps
 * commands for COMMANDS_KEPT_MS whether read or not: a stream whose messages
 * leave once acknowledged (work-queue or interest retention) must, on
 * nats-server 2.10, give each consumer the stream's replicas, a consensus
 * group per agent on a cluster, which halved placements there. Kept commands
 * let each agent's consumer be one replica in memory (see agent-consumer.ts).
 */
export function commandStreamOf(agentId: string): string {
  return commandStream(commandShardOf(agentId));
}

function commandStream(shard: number): string {
  return `BERTH_AGENT_COMMANDS_${shard}`;
}

/** How long a command stays in its stream: past it, the dispatcher's and job-scheduler's resends stand in (30 s a launch, 60 s a kill). */
const COMMANDS_KEPT_MS = HOUR_MS;

/** Every command stream, one per shard. */
export const COMMAND_STREAMS: readonly string[] = Array.from({ length: COMMAND_SHARDS }, (_, k) => commandStream(k));

/**
 * The command streams of earlier builds, retired at start: the single stream
 * is removed; the work-queue stream per shard is emptied and loses its
 * consumer per agent (which would go on costing the servers), but stays, so
 * that an earlier build rolled back to finds its agents' stream as it starts.
 * Launches they still held are sent again by the dispatcher, kills too.
 */
export const LEGACY_COMMAND_STREAM = "BERTH_COMMANDS";
export const WORK_QUEUE_COMMAND_STREAMS: readonly string[] = Array.from({ length: COMMAND_SHARDS }, (_, k) => workQueueCommandStream(k));

/** An agent's work-queue command stream in earlier builds: its agents may still read it while a cluster is upgraded or rolled back. */
export function workQueueCommandStreamOf(agentId: string): string {
  return workQueueCommandStream(commandShardOf(agentId));
}

function workQueueCommandStream(shard: number): string {
  return `BERTH_COMMANDS_${shard}`;
}

export const BUCKETS = {
  /** App definitions by key ("team/web"); history keeps recent versions. */
  apps: "berth_apps",
  /** Tasks by task id (TaskRecord). */
  tasks: "berth_tasks",
  /** Agents by agent id (AgentRecord), written by the offer-handler. */
  agents: "berth_agents",
  /** What is booked on each agent (AgentLedger), written only with compare-and-set. */
  ledger: "berth_ledger",
  /** Leases that let one instance of a service act for all; they expire unless renewed. */
  leases: "berth_leases",
  /** Launch backoff per app. */
  backoff: "berth_backoff",
  /** Deployments by id: running ones, and finished ones for a week. */
  deployments: "berth_deployments",
  /** Which deletion holds an app being deleted (key "team/web"); created with compare-and-set. Other changes name their deployment in the app. */
  locks: "berth_app_locks",
  /** Launches waiting, per app, and why: written by the launch-dispatcher for /v2/queue. */
  queue: "berth_queue",
  /** API tokens by the SHA-256 of the token (TokenRecord); the tokens themselves are never stored. */
  tokens: "berth_tokens",
  /** Team configuration (quota, task policy) by team id. */
  teams: "berth_teams",
  /** What each team's apps hold against its quota (QuotaLedger), written only with compare-and-set. */
  quotas: "berth_quotas",
  /** Secret values by "<team>/<path>" (StoredSecret); answered by no API, sent only in launch commands. */
  secrets: "berth_secrets",
  /** Marathon's HTTP event subscriptions (EventSubscription), by the hash of owner and callback URL. */
  subscriptions: "berth_subscriptions",
  /** Service ports by port number (ServicePortClaim): which app holds each; created with compare-and-set. */
  servicePorts: "berth_service_ports",
  /** The frameworks other than marathon (Framework), by id: who they act for, their role, their state. */
  frameworks: "berth_frameworks",
  /** Roles' weights for fair sharing (RoleWeights), set by the admin: one record, key ROLE_WEIGHTS_KEY. */
  roleWeights: "berth_role_weights",
  /** Jobs (JobRecord: Metronome's job and its schedules) by job id; written by the job-scheduler. */
  jobs: "berth_jobs",
  /** Job runs (JobRun) by "<job id>/<run id>": a scheduled run's id is its tick's, created with compare-and-set, so a tick has one. */
  jobRuns: "berth_job_runs",
  /** Each job's history (JobHistory): counts and its latest ended runs. */
  jobHistory: "berth_job_history",
  /** Each schedule's cursor (JobTickCursor) by "<job id>/<schedule id>": the ticks up to it are accounted for. */
  jobTicks: "berth_job_ticks",
} as const;

/** The one key of berth_role_weights. */
export const ROLE_WEIGHTS_KEY = "weights";

export const CONSUMERS = {
  statusAggregator: "status-aggregator",
  agent: (agentId: string) => `agent-${agentId}`,
  /** One per event subscription, on BERTH_EVENTS: each callback keeps its own place, so a slow one holds back only itself. */
  callback: (subscriptionKey: string) => `callback-${subscriptionKey}`,
} as const;

export const APP_VERSIONS_KEPT = 50;
export const LEASE_TTL_MS = 15_000;
export const DEPLOYMENTS_KEPT_MS = 7 * 24 * HOUR_MS;

export interface TopologyOptions {
  /** JetStream replicas: 1 on one server, 3 on a cluster. */
  replicas: number;
}

function streamConfigs(replicas: number): (Partial<StreamConfig> & { name: string })[] {
  const common = { storage: StorageType.File, num_replicas: replicas, duplicate_window: 2 * 60 * 1000 * NS_PER_MS };
  return [
    {
      name: STREAMS.status,
      subjects: [subjects.agentStatusAll],
      retention: RetentionPolicy.Limits,
      max_age: 24 * HOUR_MS * NS_PER_MS,
      ...common,
    },
    ...COMMAND_STREAMS.map((name, shard) => ({
      name,
      subjects: [subjects.agentCommandShard(shard)],
      retention: RetentionPolicy.Limits,
      max_age: COMMANDS_KEPT_MS * NS_PER_MS,
      ...common,
    })),
    {
      name: STREAMS.events,
      subjects: [subjects.eventAll],
      retention: RetentionPolicy.Limits,
      max_age: 7 * 24 * HOUR_MS * NS_PER_MS,
      max_msgs: 1_000_000,
      ...common,
    },
  ];
}

export interface Buckets {
  apps: KV;
  tasks: KV;
  agents: KV;
  ledger: KV;
  leases: KV;
  backoff: KV;
  deployments: KV;
  locks: KV;
  queue: KV;
  tokens: KV;
  teams: KV;
  quotas: KV;
  secrets: KV;
  subscriptions: KV;
  servicePorts: KV;
  frameworks: KV;
  roleWeights: KV;
  jobs: KV;
  jobRuns: KV;
  jobHistory: KV;
  jobTicks: KV;
}

/** Creates (or opens) every stream, bucket and shared consumer; safe to call from every process at once. */
export async function ensureTopology(nc: NatsConnection, opts: TopologyOptions): Promise<Buckets> {
  const jsm = await jetstreamManager(nc);
  await retireEarlierCommandStreams(jsm);
  for (const cfg of streamConfigs(opts.replicas)) await ensureStream(jsm, cfg);
  await ensureConsumer(jsm, STREAMS.status, CONSUMERS.statusAggregator);
  const kvm = new Kvm(nc);
  const open = (name: string, history: number, ttl = 0) => kvm.create(name, { history, replicas: opts.replicas, ttl });
  return {
    apps: await open(BUCKETS.apps, APP_VERSIONS_KEPT),
    tasks: await open(BUCKETS.tasks, 1),
    agents: await open(BUCKETS.agents, 1),
    ledger: await open(BUCKETS.ledger, 1),
    leases: await open(BUCKETS.leases, 1, LEASE_TTL_MS),
    backoff: await open(BUCKETS.backoff, 1),
    deployments: await open(BUCKETS.deployments, 1, DEPLOYMENTS_KEPT_MS),
    locks: await open(BUCKETS.locks, 1),
    queue: await open(BUCKETS.queue, 1),
    tokens: await open(BUCKETS.tokens, 1),
    teams: await open(BUCKETS.teams, 1),
    quotas: await open(BUCKETS.quotas, 1),
    secrets: await open(BUCKETS.secrets, 1),
    subscriptions: await open(BUCKETS.subscriptions, 1),
    servicePorts: await open(BUCKETS.servicePorts, 1),
    frameworks: await open(BUCKETS.frameworks, 1),
    roleWeights: await open(BUCKETS.roleWeights, 1),
    jobs: await open(BUCKETS.jobs, 1),
    jobRuns: await open(BUCKETS.jobRuns, 1),
    jobHistory: await open(BUCKETS.jobHistory, 1),
    jobTicks: await open(BUCKETS.jobTicks, 1),
  };
}

async function retireEarlierCommandStreams(jsm: JetStreamManager): Promise<void> {
  const present = new Set<string>();
  for await (const name of jsm.streams.names()) present.add(name);
  // Each step may have been done by another process meanwhile.
  if (present.has(LEGACY_COMMAND_STREAM)) await jsm.streams.delete(LEGACY_COMMAND_STREAM).catch(() => undefined);
  for (const name of WORK_QUEUE_COMMAND_STREAMS.filter((n) => present.has(n))) {
    const info = await jsm.streams.info(name).catch(() => undefined);
    if (!info) continue;
    if (info.state.consumer_count > 0) {
      for await (const c of jsm.consumers.list(name)) await jsm.consumers.delete(name, c.name).catch(() => undefined);
    }
    if (info.state.messages > 0) await jsm.streams.purge(name).catch(() => undefined);
  }
}

/** Opens every bucket without creating anything; fails until the control plane has made them. */
/**
 * Opens the buckets the control plane made. Opening is lazy; `ready` says
 * whether they exist yet (by default each bucket's status; an agent, which
 * may not read streams' state, reads its own ledger entry instead).
 */
export async function openTopology(nc: NatsConnection, ready?: (buckets: Buckets) => Promise<unknown>): Promise<Buckets> {
  const kvm = new Kvm(nc);
  const out: Partial<Record<keyof Buckets, KV>> = {};
  for (const [name, bucket] of Object.entries(BUCKETS) as [keyof Buckets, string][]) {
    // Every bucket is made with direct gets (ensureTopology), which name the key in the subject: permissions can allow single keys.
    out[name] = await kvm.open(bucket, { allow_direct: true });
  }
  const buckets = out as Buckets;
  if (ready) await ready(buckets);
  else for (const kv of Object.values(buckets)) await kv.status(); // fails while a bucket does not exist yet
  return buckets;
}

/**
 * Makes a stream that does not exist. Only a "not found" makes it: a stream that did not answer
 * (a cluster electing its leaders) is asked again, never made anew over one that exists.
 */
async function ensureStream(jsm: JetStreamManager, cfg: Partial<StreamConfig> & { name: string }): Promise<void> {
  const name = cfg.name;
  try {
    await untilAnswered(Date.now() + START_WAIT_MS, () => jsm.streams.info(name));
  } catch (missing) {
    if (jsErrorCode(missing) !== STREAM_NOT_FOUND) throw missing;
    try {
      await jsm.streams.add(cfg);
    } catch (err) {
      // Another process created it between our look and our add.
      await jsm.streams.info(name).catch(() => {
        throw err;
      });
    }
  }
}

/** A durable pull consumer's settings: explicit acks, from the start of the stream (or of `filterSubject` in it). */
export function durableConsumerConfig(durable: string, filterSubject?: string) {
  return {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: 30_000 * NS_PER_MS,
    max_ack_pending: 10_000,
    ...(filterSubject ? { filter_subject: filterSubject } : {}),
  };
}

/** A durable pull consumer with explicit acks, shared by every instance of one service. */
/**
 * A subscription's consumer of the events: from now on, each event delivered
 * to one api instance, redelivered if not acknowledged within `ackWaitMs`
 * (the callback's timeout and some), at most `attempts` times, with at most
 * `inFlight` unacknowledged at once.
 */
export async function ensureCallbackConsumer(
  nc: NatsConnection,
  subscriptionKey: string,
  opts: { ackWaitMs: number; attempts: number; inFlight: number },
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const durable = CONSUMERS.callback(subscriptionKey);
  try {
    await jsm.consumers.info(STREAMS.events, durable);
  } catch {
    await jsm.consumers.add(STREAMS.events, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      ack_wait: opts.ackWaitMs * NS_PER_MS,
      max_deliver: opts.attempts,
      max_ack_pending: opts.inFlight,
    });
  }
}

/** Removes a subscription's consumer, and the events it still held for the subscription. */
export async function removeCallbackConsumer(nc: NatsConnection, subscriptionKey: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.delete(STREAMS.events, CONSUMERS.callback(subscriptionKey)).catch(() => undefined);
}

export async function ensureConsumer(jsm: JetStreamManager, stream: string, durable: string): Promise<void> {
  try {
    await jsm.consumers.info(stream, durable);
  } catch {
    await jsm.consumers.add(stream, durableConsumerConfig(durable));
  }
}
