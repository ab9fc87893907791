export {
  type AppLock,
  type Bus,
  type BusHandles,
  type BackoffRecord,
  type EventSubscription,
  type ServicePortClaim,
  subscriptionCodec,
  type QueueEntry,
  type StoredSecret,
  type TaskFailure,
  appCodec,
  bucketCodecs,
  type BucketValue,
  busFrom,
  cacheOf,
  type TypedBucket,
  deploymentCodec,
  lockCodec,
  openBus,
  openServiceBus,
  secretPresenceCodec,
} from "./bus.js";
export {
  type AgentHeartbeat,
  type AgentUsage,
  type AgentLedger,
  type AgentRecord,
  type AgentRegistration,
  type Codec,
  codecs,
  eventCodec,
  type PublicEvent,
  jsonCodec,
  keyMismatch,
  type KillCommand,
  type LogChunk,
  type LogRequest,
  type LaunchCommand,
  type PlacementReply,
  type PlacementRequest,
  type StatusAck,
  type StatusUpdate,
  type StatusUpdates,
} from "./codec.js";
export { type BusOptions, connectBus, isConnected, type Logger, natsCredentialsFromEnv } from "./connection.js";
export {
  CONTROL_PLANE_SERVICES,
  type ControlPlaneService,
  inboxPrefixOf,
  natsAuthConfig,
  newNatsPassword,
  type NatsPermissions,
  natsPermissionsOf,
  type NatsPrincipal,
  natsUserOf,
} from "./nats-auth.js";
export { consumeDurable, type Delivery, jetstreamOf, publishCommand, publishDurable } from "./durable.js";
export {
  type AgentCommand,
  type BroadcastChannel,
  channels,
  type ConsumedChannel,
  type DurableChannel,
  type KeyedRpcChannel,
  type LogStreamKey,
  type MessageChannel,
  type Placements,
  type RpcChannel,
} from "./channels.js";
export { hear, listen, tell } from "./broadcast.js";
export { followEvents, publishEvent, type StoredEvent, tellOfStoredChange } from "./events.js";
export { isCasConflict, MisplacedValueError, TypedKv, type Versioned } from "./kv.js";
export { GroupCommit, type Step } from "./group-commit.js";
export { KeyedQueue } from "./keyed-queue.js";
export { statusMessages, updatesInOneMessage } from "./status-messages.js";
export { Limiter } from "./limiter.js";
export { type CacheListener, KvCache, keyMatches, type SkipListener } from "./kv-cache.js";
export { DISPATCHER_LEASE, JOB_SCHEDULER_LEASE, Lease } from "./lease.js";
export { RunningDeployments } from "./running-deployments.js";
export { type TaskChangeListener, TasksByApp } from "./tasks-by-app.js";
export { request, serve, serveOwn } from "./rpc.js";
export {
  type AgentCommandKind,
  agentOfSubject,
  COMMAND_SHARDS,
  commandOf,
  commandShardOf,
  isValidAgentId,
  placerOfSubject,
  PROTOCOL_VERSION,
  subjects,
} from "./subjects.js";
export {
  APP_VERSIONS_KEPT,
  BUCKETS,
  ROLE_WEIGHTS_KEY,
  COMMAND_STREAMS,
  commandStreamOf,
  CONSUMERS,
  durableConsumerConfig,
  ensureCallbackConsumer,
  ensureConsumer,
  removeCallbackConsumer,
  ensureTopology,
  LEASE_TTL_MS,
  LEGACY_COMMAND_STREAM,
  WORK_QUEUE_COMMAND_STREAMS,
  STREAMS,
  type Buckets,
} from "./topology.js";
export type { JetStreamClient } from "@nats-io/jetstream";
export type { NatsConnection } from "@nats-io/transport-node";
export { type AgentConsumerState, commandServersDown, ensureAgentConsumer } from "./agent-consumer.js";
export { type AppliedRevisions, DeploymentStore, LOCKED_MESSAGE, lockHolder } from "./deployment-store.js";
export { openTask, sealTask, type WireTaskSpec } from "./launch.js";
export { newSealingKeys, SealedValueError, type SealingKeys, sealingKeyPem, sealingKeysFromPem } from "./sealed.js";
export { AgentCommands } from "./agent-commands.js";
export { type FrameworkLaunch, launchFrameworkTask } from "./framework-launch.js";
export { agentStateOf, clusterTotal } from "./agent-state.js";
export { natsUnavailable } from "./js-errors.js";
