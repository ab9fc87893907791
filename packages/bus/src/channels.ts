import type { ErrorData, TaskNeed } from "@berth/core";
import {
  type Codec,
  codecs,
  eventCodec,
  type PublicEvent,
  type KillCommand,
  type LaunchCommand,
  type LogChunk,
  type LogRequest,
  type PlacementReply,
  type PlacementRequest,
  type StatusUpdates,
} from "./codec.js";
import { commandOf, subjects } from "./subjects.js";
import { commandStreamOf, STREAMS } from "./topology.js";

/**
 * The typed channels services talk over: each binds its subjects to its codecs
 * once, so a caller names the channel and never picks a subject and a codec
 * apart (request/serve, publishDurable and consumeDurable take a channel).
 */

/** Request-reply: the subject a request goes to (`to`) and both codecs; each key's subject is served by its owner alone. */
export interface KeyedRpcChannel<K, Req, Rep> {
  to(key: K): string;
  request: Codec<Req>;
  reply: Codec<Rep>;
}

/** Request-reply served whole (`served`, with wildcards) by the instances of one queue group. */
export interface RpcChannel<K, Req, Rep> extends KeyedRpcChannel<K, Req, Rep> {
  served: string;
  queue: string;
}

/** A subject family of a stream, by key (an agent's id, say), with the codec of its messages. */
export interface DurableChannel<K, T> {
  to(key: K): string;
  codec: Codec<T>;
}

/** A core NATS subject family, by key, with the codec of its messages: never stored, so a reader away misses them. */
export interface MessageChannel<K, T> {
  to(key: K): string;
  codec: Codec<T>;
}

/**
 * Messages heard whole (`all`, with wildcards) that matter only while fresh (heartbeats, usage).
 * `queue`: one instance of that queue group hears each message; absent, every subscriber does.
 */
export interface BroadcastChannel<K, T> extends MessageChannel<K, T> {
  all: string;
  queue?: string;
}

/**
 * What a durable consumer reads: the stream (by who reads: an agent reads its
 * own shard) and how a stored message decodes (undefined: a kind this reader
 * does not know).
 */
export interface ConsumedChannel<R, T> {
  streamOf(reader: R): string;
  decode(subject: string, data: Uint8Array): T | undefined;
}

/** A channel written by key and read whole from one stream. */
function durable<K, T>(to: (key: K) => string, codec: Codec<T>, stream: string): DurableChannel<K, T> & ConsumedChannel<void, T> {
  return { to, codec, streamOf: () => stream, decode: (_subject, data) => codec.decode(data) };
}

/** What an agent is told, on its own command subjects: one union, so a handler meets every kind. */
export type AgentCommand = { kind: "launch"; command: LaunchCommand } | { kind: "kill"; command: KillCommand };

const rpc = <K, Req, Rep>(c: RpcChannel<K, Req, Rep>) => c;

/** A codec of domain values over a wire codec: the generated types stop here. */
function mapped<W, D>(wire: Codec<W>, toWire: (d: D) => W, fromWire: (w: W) => D): Codec<D> {
  return { name: wire.name, encode: (d) => wire.encode(toWire(d)), decode: (data) => fromWire(wire.decode(data)) };
}

/** A placement as the offer-handler answers it: where each task goes, and why the others do not fit. */
export interface Placements {
  placements: { taskId: string; agentId: string; hostname: string; ports: number[] }[];
  unplaced: { taskId: string; reasons: string[] }[];
  error?: ErrorData;
}

const placementRequest = mapped<PlacementRequest, { tasks: TaskNeed[] }>(
  codecs.placementRequest,
  (r) => ({
    tasks: r.tasks.map((t) => ({
      ...t,
      requiredPorts: [...t.requiredPorts],
      constraints: t.constraints.map(([field = "", operator = "", value = ""]) => ({ field, operator, value })),
      network: t.network ?? "",
      command: t.command ?? false,
      frameworkId: t.frameworkId ?? "",
      agentId: t.agentId ?? "",
    })),
  }),
  (w) => ({
    tasks: (w.tasks ?? []).map((t) => ({
      taskId: t.taskId ?? "",
      appId: t.appId ?? "",
      cpus: t.cpus ?? 0,
      mem: t.mem ?? 0,
      disk: t.disk ?? 0,
      portCount: t.portCount ?? 0,
      requiredPorts: t.requiredPorts ?? [],
      constraints: (t.constraints ?? []).map((c) =>
        c.value ? [c.field ?? "", c.operator ?? "", c.value] : [c.field ?? "", c.operator ?? ""],
      ),
      ...(t.network ? { network: t.network } : {}),
      ...(t.command ? { command: true } : {}),
      ...(t.frameworkId ? { frameworkId: t.frameworkId } : {}),
      ...(t.agentId ? { agentId: t.agentId } : {}),
    })),
  }),
);

const placementReply = mapped<PlacementReply, Placements>(
  codecs.placementReply,
  (r) => ({ placements: r.placements, unplaced: r.unplaced, error: r.error ?? null }),
  (w) => ({
    placements: (w.placements ?? []).map((p) => ({
      taskId: p.taskId ?? "",
      agentId: p.agentId ?? "",
      hostname: p.hostname ?? "",
      ports: p.ports ?? [],
    })),
    unplaced: (w.unplaced ?? []).map((u) => ({ taskId: u.taskId ?? "", reasons: u.reasons ?? [] })),
    ...(w.error ? { error: { code: w.error.code ?? "", message: w.error.message ?? "", retryable: w.error.retryable ?? false } } : {}),
  }),
);

const broadcast = <K, T>(c: BroadcastChannel<K, T>) => c;

/** A followed log: its agent and the stream id its asker chose. */
export interface LogStreamKey {
  agentId: string;
  streamId: string;
}

/** A message that says only that it came. */
const signal: Codec<void> = { name: "Signal", encode: () => new Uint8Array(), decode: () => undefined };

export const channels = {
  /** An agent's heartbeat, on its own subject; one offer-handler instance records each. */
  agentHeartbeat: broadcast({
    to: (agentId: string) => subjects.agentHeartbeat(agentId),
    all: subjects.agentHeartbeatAll,
    codec: codecs.agentHeartbeat,
    queue: "offer-handler",
  }),
  /** What an agent's running tasks used in its last collection, on its own subject; every api instance keeps it. */
  agentUsage: broadcast({ to: (agentId: string) => subjects.agentUsage(agentId), all: subjects.agentUsageAll, codec: codecs.agentUsage }),
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
    request: placementRequest,
    reply: placementReply,
  }),
  /** An agent's status updates (and the offer-handler's for a lost agent), into BERTH_STATUS. */
  agentStatus: durable<string, StatusUpdates>((agentId) => subjects.agentStatus(agentId), codecs.statusUpdates, STREAMS.status),
  /** Marathon's events, by type, into BERTH_EVENTS. */
  events: durable<string, PublicEvent>((eventType) => subjects.event(eventType), eventCodec, STREAMS.events),
  /** A task's logs, asked of the agent that runs it (each agent serves its own subject); a follow is acknowledged, then streamed on `logChunks`. */
  agentLogs: {
    to: (agentId: string) => subjects.agentLogs(agentId),
    request: codecs.logRequest,
    reply: codecs.logChunk,
  } satisfies KeyedRpcChannel<string, LogRequest, LogChunk>,
  /** A followed log's chunks, to the subject of its asker's stream id, until one says eof. */
  logChunks: {
    to: (k: LogStreamKey) => subjects.logsStream(k.agentId, k.streamId),
    codec: codecs.logChunk,
  } satisfies MessageChannel<LogStreamKey, LogChunk>,
  /** The asker of a followed log has gone: its agent stops streaming. */
  logCancel: {
    to: (k: LogStreamKey) => subjects.logsCancel(k.agentId, k.streamId),
    codec: signal,
  } satisfies MessageChannel<LogStreamKey, void>,
  /** Commands to one agent, into its shard of BERTH_AGENT_COMMANDS. */
  agentCommands: {
    to: (c: AgentCommand) => subjects.agentCommand(c.command.agentId, c.kind),
    encode: (c: AgentCommand): Uint8Array =>
      c.kind === "launch" ? codecs.launchCommand.encode(c.command) : codecs.killCommand.encode(c.command),
    /** An agent reads its own shard. */
    streamOf: (agentId: string) => commandStreamOf(agentId),
    /** The command a stored message is, by its subject; undefined for a kind this agent does not know. */
    decode: (subject: string, data: Uint8Array): AgentCommand | undefined => {
      const kind = commandOf(subject);
      if (kind === "launch") return { kind, command: codecs.launchCommand.decode(data) };
      if (kind === "kill") return { kind, command: codecs.killCommand.decode(data) };
      return undefined;
    },
  },
} as const;
