import { type JetStreamManager, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { jsErrorCode } from "./js-errors.js";
import { subjects } from "./subjects.js";
import { COMMAND_STREAMS, commandStreamOf, CONSUMERS, durableConsumerConfig } from "./topology.js";

/** nats-server's error codes for a consumer whose server is down, and for a replica count it will not take. */
const CONSUMER_OFFLINE = 10119;
const REPLICAS_MUST_MATCH_STREAM = 10134;

export type AgentConsumerState = "present" | "created" | "recreated";

/**
 * The durable consumer that holds one agent's commands while it is away.
 *
 * Its commands are in a work-queue stream (replicated on a cluster) and leave
 * it only when the agent acknowledges them, so the stream itself says which
 * commands are still to be done; a consumer made anew delivers all of them
 * (and the ones in flight again, which the agent handles as repeats). The
 * consumer therefore keeps its position in memory, on one server: writing it
 * to a file after each command was a quarter of nats-server's CPU while
 * placing, and a replicated consumer per agent is a consensus group per
 * agent. It is made again when it is gone: by the offer-handler when the
 * agent registers (an agent whose consumer vanished, as at a nats-server
 * restart, registers again) and when its server is down. nats-server 2.10
 * wants a work-queue stream's consumers to have the stream's replica count,
 * so on a cluster it gets that (three replicas, each in memory) and outlives
 * its leader's server; with 2.9 it had one.
 */
export async function ensureAgentConsumer(nc: NatsConnection, agentId: string): Promise<AgentConsumerState> {
  const jsm = await jetstreamManager(nc);
  const name = CONSUMERS.agent(agentId);
  const stream = commandStreamOf(agentId);
  try {
    await jsm.consumers.info(stream, name);
    return "present";
  } catch (err) {
    if (jsErrorCode(err) !== CONSUMER_OFFLINE) {
      await addAgentConsumer(jsm, stream, agentId);
      return "created";
    }
  }
  // Its server is down: made again on one that is up.
  await jsm.consumers.delete(stream, name);
  await addAgentConsumer(jsm, stream, agentId);
  return "recreated";
}

async function addAgentConsumer(jsm: JetStreamManager, stream: string, agentId: string): Promise<void> {
  const config = durableConsumerConfig(CONSUMERS.agent(agentId), subjects.agentCommandsOf(agentId));
  try {
    await jsm.consumers.add(stream, { ...config, num_replicas: 1, mem_storage: true });
  } catch (err) {
    if (jsErrorCode(err) !== REPLICAS_MUST_MATCH_STREAM) throw err;
    await jsm.consumers.add(stream, { ...config, mem_storage: true });
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
