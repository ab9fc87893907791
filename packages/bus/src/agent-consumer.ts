import { jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { subjects } from "./subjects.js";
import { CONSUMERS, ensureConsumer, STREAMS } from "./topology.js";

/** The durable consumer that holds one agent's commands while it is away. */
export async function ensureAgentConsumer(nc: NatsConnection, agentId: string): Promise<string> {
  const jsm = await jetstreamManager(nc);
  await ensureConsumer(jsm, STREAMS.commands, CONSUMERS.agent(agentId), subjects.agentCommandsOf(agentId));
  return CONSUMERS.agent(agentId);
}
