/** Typed protobuf codecs: the two ends of a subject share one, so they cannot disagree about its type. */
import { HEALTH_UNKNOWN, isTaskState, type Reservation, type TaskRecord } from "@berth/core";
import { berth } from "@berth/proto";

export type Plain<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

export interface Codec<T> {
  readonly name: string;
  encode(value: T): Uint8Array;
  decode(data: Uint8Array): T;
  /**
   * For a bucket whose keys are made from the value (an app's key is its id):
   * the key a value must be stored under. A write under another key is refused,
   * and a value read under another key is treated as absent.
   */
  keyOf?(value: T): string;
}

interface GeneratedType<C> {
  encode(message: NoInfer<C>): { finish(): Uint8Array };
  decode(data: Uint8Array): C;
  fromObject(object: Record<string, unknown>): NoInfer<C>;
  toObject(message: NoInfer<C>, options: Record<string, unknown>): Record<string, unknown>;
}

const TO_OBJECT = { defaults: true, longs: Number, arrays: true, objects: true } as const;

function protoCodec<C>(name: string, type: GeneratedType<C>): Codec<Plain<C>> {
  return {
    name,
    encode: (value) => type.encode(type.fromObject(value as Record<string, unknown>)).finish(),
    decode: (data) => type.toObject(type.decode(data), TO_OBJECT) as Plain<C>,
  };
}

const pool = new Map<string, string>();
const POOL_MAX = 100_000;

/** One copy of each string a decoder sees often; the pool starts over when full, so it cannot grow without end. */
function intern(s: string): string {
  const have = pool.get(s);
  if (have !== undefined) return have;
  if (pool.size >= POOL_MAX) pool.clear();
  pool.set(s, s);
  return s;
}

/** A codec whose decoded values get defaults that protobuf leaves null (nested messages). */
function withDefaults<T>(codec: Codec<T>, fill: (v: T) => T): Codec<T> {
  return { name: codec.name, encode: codec.encode, decode: (data) => fill(codec.decode(data)) };
}

const v1 = berth.v1;
export const codecs = {
  agentRegistration: protoCodec("AgentRegistration", v1.AgentRegistration),
  agentRegistrationReply: protoCodec("AgentRegistrationReply", v1.AgentRegistrationReply),
  agentHeartbeat: protoCodec("AgentHeartbeat", v1.AgentHeartbeat),
  agentUsage: protoCodec("AgentUsage", v1.AgentUsage),
  agentRecord: protoCodec("AgentRecord", v1.AgentRecord),
  placementRequest: protoCodec("PlacementRequest", v1.PlacementRequest),
  placementReply: protoCodec("PlacementReply", v1.PlacementReply),
  /** Decoded with every default filled in, so the reservations are complete. */
  agentLedger: protoCodec("AgentLedger", v1.AgentLedger) as unknown as Codec<AgentLedger>,
  launchCommand: protoCodec("LaunchCommand", v1.LaunchCommand),
  killCommand: protoCodec("KillCommand", v1.KillCommand),
  statusUpdate: protoCodec("StatusUpdate", v1.StatusUpdate),
  /** What an agent publishes on its status subject. */
  statusUpdates: protoCodec("StatusUpdates", v1.StatusUpdates) as unknown as Codec<StatusUpdates>,
  statusAck: protoCodec("StatusAck", v1.StatusAck),
  logRequest: protoCodec("LogRequest", v1.LogRequest),
  logChunk: protoCodec("LogChunk", v1.LogChunk),
  taskRecord: withDefaults(protoCodec("TaskRecord", v1.TaskRecord) as unknown as Codec<TaskRecord>, (t) => {
    t.health ??= { ...HEALTH_UNKNOWN };
    // Read models hold every task: the strings many tasks share are held once.
    t.appId = intern(t.appId);
    t.agentId = intern(t.agentId);
    t.hostname = intern(t.hostname);
    // Typed once here: a state no version of Berth writes reads as TASK_UNKNOWN, a goal as RUNNING.
    const state = intern(t.state as string);
    t.state = isTaskState(state) ? state : "TASK_UNKNOWN";
    t.goal = (t.goal as string) === "KILL" ? "KILL" : "RUNNING";
    t.version = intern(t.version);
    t.configVersion = intern(t.configVersion);
    t.health.state = intern(t.health.state);
    return t;
  }),
} as const;

export type AgentRegistration = Plain<berth.v1.AgentRegistration>;
export type AgentHeartbeat = Plain<berth.v1.AgentHeartbeat>;
export type AgentUsage = Plain<berth.v1.AgentUsage>;
export type AgentRecord = Plain<berth.v1.AgentRecord>;
export type PlacementRequest = Plain<berth.v1.PlacementRequest>;
export type PlacementReply = Plain<berth.v1.PlacementReply>;
export interface AgentLedger {
  agentId: string;
  reservations: Reservation[];
}
export type LaunchCommand = Plain<berth.v1.LaunchCommand>;
export type KillCommand = Plain<berth.v1.KillCommand>;
export type StatusUpdate = Plain<berth.v1.StatusUpdate>;
export interface StatusUpdates {
  updates: StatusUpdate[];
}
export type StatusAck = Plain<berth.v1.StatusAck>;
export type LogRequest = Plain<berth.v1.LogRequest>;
export type LogChunk = Plain<berth.v1.LogChunk>;
export type TaskRecordMessage = Plain<berth.v1.TaskRecord>;

/** JSON for what is public (events, app definitions); `keyOf` for a bucket keyed by the value. */
export function jsonCodec<T>(name: string, keyOf?: (value: T) => string): Codec<T> {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  return {
    name,
    encode: (value) => enc.encode(JSON.stringify(value)),
    decode: (data) => JSON.parse(dec.decode(data)) as T,
    ...(keyOf ? { keyOf } : {}),
  };
}

/** Why a value may not live under this key, or undefined when it may. */
export function keyMismatch<T>(codec: Codec<T>, key: string, value: T): string | undefined {
  const want = codec.keyOf?.(value);
  return want === undefined || want === key ? undefined : `the ${codec.name} of '${want}' may not live under the key '${key}'`;
}

/** A public event: Marathon's JSON shape, with `eventType` and `timestamp`. */
export interface PublicEvent {
  eventType: string;
  timestamp: string;
  [field: string]: unknown;
}

export const eventCodec = jsonCodec<PublicEvent>("PublicEvent");
