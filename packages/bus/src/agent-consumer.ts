import { type ConsumerInfo, type JetStreamManager, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { subjects } from "./subjects.js";
import { COMMAND_STREAMS, commandStreamOf, CONSUMERS, durableConsumerConfig } from "./topology.js";

/** nats-server's error codes for a consumer whose server is down, and for a replica count it will not take. */
const CONSUMER_OFFLINE = 10119;
const REPLICAS_MUST_MATCH_STREAM = 10134;

export type AgentConsumerState = "present" | "created" | "recreated";

function errorCode(err: unknown): number | undefined {
  return (err as { code?: unknown }).code === undefined ? undefined : Number((err as { code: unknown }).code);
}

/**
 * The durable consumer that holds one agent's commands while it is away.
 *
 * It has one replica even when the stream has three: a replicated consumer is
 * a consensus group of its own, and one per agent made a three-server cluster
 * spend half of its CPU keeping them. The commands themselves are in the
 * replicated stream and leave it only when the agent acknowledges them; only
 * the consumer's position lives on one server. When that server is down the
 * consumer is made again on one that is up, and delivers every command not yet
 * acknowledged (the agent handles a command it already ran as a repeat).
 * nats-server versions that want a work-queue stream's consumers to have the
 * stream's replica count get that.
 */
export async function ensureAgentConsumer(nc: NatsConnection, agentId: string): Promise<AgentConsumerState> {
  const jsm = await jetstreamManager(nc);
  const name = CONSUMERS.agent(agentId);
  const stream = commandStreamOf(agentId);
  let info: ConsumerInfo;
  try {
    info = await jsm.consumers.info(stream, name);
  } catch (err) {
    if (errorCode(err) !== CONSUMER_OFFLINE) {
      await addAgentConsumer(jsm, agentId);
      return "created";
    }
    await jsm.consumers.delete(stream, name);
    await addAgentConsumer(jsm, agentId);
    return "recreated";
  }
  // Made with the stream's replicas (as before one replica was enough): scaled down in place, its position kept.
  if ((info.cluster?.replicas?.length ?? 0) > 0) {
    await jsm.consumers.update(stream, name, { num_replicas: 1 }).catch((err: unknown) => {
      if (errorCode(err) !== REPLICAS_MUST_MATCH_STREAM) throw err;
    });
  }
  return "present";
}

async function addAgentConsumer(jsm: JetStreamManager, agentId: string): Promise<void> {
  const config = durableConsumerConfig(CONSUMERS.agent(agentId), subjects.agentCommandsOf(agentId));
  try {
    await jsm.consumers.add(commandStreamOf(agentId), { ...config, num_replicas: 1 });
  } catch (err) {
    if (errorCode(err) !== REPLICAS_MUST_MATCH_STREAM) throw err;
    await jsm.consumers.add(commandStreamOf(agentId), config);
  }
}

/** The NATS servers holding a replica of a command stream that are down now (none on a single server). */
export async function commandServersDown(nc: NatsConnection): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const down = new Set<string>();
  for (const stream of COMMAND_STREAMS) {
    for (const r of (await jsm.streams.info(stream)).cluster?.replicas ?? []) if (r.offline === true) down.add(r.name);
  }
  return [...down];
}
