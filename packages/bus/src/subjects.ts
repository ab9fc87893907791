/**
 * Every NATS subject Berth uses, built in one place. The protocol version is the
 * second token; a message from another version never matches a subscription.
 */
export const PROTOCOL_VERSION = "v1";
const ROOT = `berth.${PROTOCOL_VERSION}`;
const AGENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Agent ids become subject tokens: letters, digits, '-' and '_' only. */
export function isValidAgentId(agentId: string): boolean {
  return AGENT_ID.test(agentId);
}

function agentToken(agentId: string): string {
  if (!isValidAgentId(agentId)) throw new Error(`invalid agent id '${agentId}'`);
  return agentId;
}

export type AgentCommandKind = "launch" | "kill";

/**
 * Agents' commands are spread over this many streams. nats-server 2.9 checks
 * every message a stream removes against each of the stream's consumers (each
 * agent has one), and looks each agent's next command up among the stream's
 * messages: in one stream for 1,000 agents that was nearly a third of
 * nats-server's CPU while placing, and it grows with the number of agents.
 */
export const COMMAND_SHARDS = 16;

/** The command shard an agent's commands go to (FNV-1a of its id). */
export function commandShardOf(agentId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < agentId.length; i++) {
    h ^= agentId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % COMMAND_SHARDS;
}

export const subjects = {
  /** Request-reply: an agent registers with the offer-handler, on its own subject (NATS lets it use no other). */
  agentRegister: (agentId: string) => `${ROOT}.rpc.agent.${agentToken(agentId)}.register`,
  agentRegisterAll: `${ROOT}.rpc.agent.*.register`,
  /** Core NATS: an agent's heartbeat. */
  agentHeartbeat: (agentId: string) => `${ROOT}.evt.agent.${agentToken(agentId)}.heartbeat`,
  agentHeartbeatAll: `${ROOT}.evt.agent.*.heartbeat`,
  /** Core NATS: what an agent's running tasks use (AgentUsage), after each metrics collection. */
  agentUsage: (agentId: string) => `${ROOT}.evt.agent.${agentToken(agentId)}.usage`,
  agentUsageAll: `${ROOT}.evt.agent.*.usage`,
  /** JetStream (BERTH_STATUS): status updates from one agent, in order. */
  agentStatus: (agentId: string) => `${ROOT}.evt.agent.${agentToken(agentId)}.status`,
  agentStatusAll: `${ROOT}.evt.agent.*.status`,
  /**
   * JetStream (BERTH_AGENT_COMMANDS_<shard>): launch and kill commands for one
   * agent. The shard token is `s<shard>`: the work-queue streams of earlier
   * builds took `<shard>`, and an earlier build rolled back to makes them again
   * beside these.
   */
  agentCommand: (agentId: string, command: AgentCommandKind) =>
    `${ROOT}.cmd.s${commandShardOf(agentId)}.agent.${agentToken(agentId)}.${command}`,
  agentCommandsOf: (agentId: string) => `${ROOT}.cmd.s${commandShardOf(agentId)}.agent.${agentToken(agentId)}.>`,
  /** Every command in one shard's stream. */
  agentCommandShard: (shard: number) => `${ROOT}.cmd.s${shard}.agent.>`,
  /** Every agent's commands, in this layout and in the earlier one (a service of either build may publish). */
  agentCommandAll: `${ROOT}.cmd.*.agent.>`,
  /** Request-reply (queue group offer-handler): place tasks on agents. */
  placement: `${ROOT}.rpc.placement`,
  /** Core NATS: an offer-handler instance saying it is alive, so the instances can share the agents between them. */
  placerAlive: (instanceId: string) => `${ROOT}.evt.placer.${agentToken(instanceId)}.alive`,
  placerAliveAll: `${ROOT}.evt.placer.*.alive`,
  /** Request-reply: a task's logs from the agent that runs it. */
  agentLogs: (agentId: string) => `${ROOT}.rpc.agent.${agentToken(agentId)}.logs`,
  /** Core NATS: the chunks of a followed log stream, from the agent to the api instance that asked. */
  logsStream: (agentId: string, streamId: string) => `${ROOT}.logs.${agentToken(agentId)}.${streamId}`,
  /** Core NATS: cancels a followed log stream. */
  logsCancel: (agentId: string, streamId: string) => `${ROOT}.rpc.agent.${agentToken(agentId)}.logs.cancel.${streamId}`,
  /** JetStream (BERTH_EVENTS): public events as JSON, one subject per Marathon event type. */
  event: (eventType: string) => `${ROOT}.events.${eventType}`,
  eventAll: `${ROOT}.events.>`,
} as const;

/** The agent an agent subject belongs to: "berth.v1.evt.agent.<id>.status" → "<id>". */
export function agentOfSubject(subject: string): string | undefined {
  const parts = subject.split(".");
  return parts[3] === "agent" && parts[4] !== undefined && isValidAgentId(parts[4]) ? parts[4] : undefined;
}

/** The offer-handler instance a `placerAlive` subject names. */
export function placerOfSubject(subject: string): string | undefined {
  const parts = subject.split(".");
  return parts[3] === "placer" && parts[5] === "alive" ? parts[4] : undefined;
}

export function commandOf(subject: string): AgentCommandKind | undefined {
  const last = subject.slice(subject.lastIndexOf(".") + 1);
  return last === "launch" || last === "kill" ? last : undefined;
}
