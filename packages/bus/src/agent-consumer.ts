import { DeliverPolicy, type JetStreamManager, jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { jsErrorCode } from "./js-errors.js";
import { subjects } from "./subjects.js";
import { COMMAND_STREAMS, commandStreamOf, CONSUMERS, durableConsumerConfig } from "./topology.js";

/** nats-server's error code for a consumer whose server is down. */
const CONSUMER_OFFLINE = 10119;

/**
 * How far back a consumer made anew starts: the commands of the last five
 * minutes come again (the agent takes a launch it has seen as a repeat, and
 * reads the record of one issued long ago before starting it); older ones the
 * dispatcher's and job-scheduler's resends stand in for.
 */
const COMMAND_REPLAY_MS = 5 * 60_000;

export type AgentConsumerState = "present" | "created" | "recreated";

/**
 * The durable consumer that holds one agent's place in its commands.
 *
 * Its commands are in a replicated stream that keeps them for an hour, read
 * or not, so the consumer holds only the agent's place: one replica, in
 * memory. Writing that place to a file after each command was a quarter of
 * nats-server's CPU while placing, and a replicated consumer per agent is a
 * consensus group per agent (nats-server 2.10 gives nothing else on a stream
 * whose messages leave once acknowledged; on a three-server cluster that
 * halved placements). It is made again when it is gone: by the offer-handler
 * when the agent registers (an agent whose consumer vanished, as at a
 * nats-server restart, registers again) and when its server is down; made
 * anew it starts COMMAND_REPLAY_MS back.
 */
export async function ensureAgentConsumer(nc: NatsConnection, agentId: string, replayMs = COMMAND_REPLAY_MS): Promise<AgentConsumerState> {
  const jsm = await jetstreamManager(nc);
  const name = CONSUMERS.agent(agentId);
  const stream = commandStreamOf(agentId);
  try {
    await jsm.consumers.info(stream, name);
    return "present";
  } catch (err) {
    if (jsErrorCode(err) !== CONSUMER_OFFLINE) {
      await addAgentConsumer(jsm, stream, agentId, replayMs);
      return "created";
    }
  }
  // Its server is down: made again on one that is up.
  await jsm.consumers.delete(stream, name);
  await addAgentConsumer(jsm, stream, agentId, replayMs);
  return "recreated";
}

async function addAgentConsumer(jsm: JetStreamManager, stream: string, agentId: string, replayMs: number): Promise<void> {
  await jsm.consumers.add(stream, {
    ...durableConsumerConfig(CONSUMERS.agent(agentId), subjects.agentCommandsOf(agentId)),
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: new Date(Date.now() - replayMs).toISOString(),
    num_replicas: 1,
    mem_storage: true,
  });
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
