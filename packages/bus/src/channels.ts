import { type Codec, codecs, type KillCommand, type LaunchCommand, type StatusUpdates } from "./codec.js";
import { commandOf, subjects } from "./subjects.js";

/**
 * The typed channels services talk over: each binds its subjects to its codecs
 * once, so a caller names the channel and never picks a subject and a codec
 * apart (request/serve and publishDurable take a channel).
 */

/** Request-reply: the subject a request goes to (`to`), the one served (`served`, with wildcards), the queue group, both codecs. */
export interface RpcChannel<K, Req, Rep> {
  to(key: K): string;
  served: string;
  queue: string;
  request: Codec<Req>;
  reply: Codec<Rep>;
}

/** A subject family of a stream, by key (an agent's id, say), with the codec of its messages. */
export interface DurableChannel<K, T> {
  to(key: K): string;
  codec: Codec<T>;
}

/** What an agent is told, on its own command subjects: one union, so a handler meets every kind. */
export type AgentCommand = { kind: "launch"; command: LaunchCommand } | { kind: "kill"; command: KillCommand };

const rpc = <K, Req, Rep>(c: RpcChannel<K, Req, Rep>) => c;

export const channels = {
  /** An agent registers with the offer-handler, on its own subject (NATS lets it use no other). */
  registration: rpc({
    to: (agentId: string) => subjects.agentRegister(agentId),
    served: subjects.agentRegisterAll,
    queue: "offer-handler",
    request: codecs.agentRegistration,
    reply: codecs.agentRegistrationReply,
  }),
  /** The launch-dispatcher asks the offer-handler to place a batch of tasks. */
  placement: rpc({
    to: (_: void) => subjects.placement,
    served: subjects.placement,
    queue: "offer-handler",
    request: codecs.placementRequest,
    reply: codecs.placementReply,
  }),
  /** An agent's status updates (and the offer-handler's for a lost agent), into BERTH_STATUS. */
  agentStatus: { to: (agentId: string) => subjects.agentStatus(agentId), codec: codecs.statusUpdates } as DurableChannel<
    string,
    StatusUpdates
  >,
  /** Commands to one agent, into its shard of BERTH_COMMANDS. */
  agentCommands: {
    to: (c: AgentCommand) => subjects.agentCommand(c.command.agentId, c.kind),
    encode: (c: AgentCommand): Uint8Array =>
      c.kind === "launch" ? codecs.launchCommand.encode(c.command) : codecs.killCommand.encode(c.command),
    /** The command a stored message is, by its subject; undefined for a kind this agent does not know. */
    decode: (subject: string, data: Uint8Array): AgentCommand | undefined => {
      const kind = commandOf(subject);
      if (kind === "launch") return { kind, command: codecs.launchCommand.decode(data) };
      if (kind === "kill") return { kind, command: codecs.killCommand.decode(data) };
      return undefined;
    },
  },
} as const;
