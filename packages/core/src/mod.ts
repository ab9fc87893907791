export {
  BerthError,
  ConflictError,
  type ErrorData,
  errorFromData,
  errorToData,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  type ValidationDetail,
} from "./errors.js";
export { appIdFromKey, appKey, parseAppId, taskIdFor, teamOf } from "./app-id.js";
export {
  APP_DEFAULTS,
  type AppDefinition,
  type Container,
  type EnvValue,
  hostPortCount,
  killGraceSeconds,
  type PortDefinition,
  READ_ONLY_FIELDS,
} from "./app-definition.js";
export { LIMITS } from "./app-limits.js";
export { type AppParseResult, parseApp } from "./app-validation.js";
export { type PodDefinition, podOf } from "./pod-definition.js";
export { parsePod } from "./pod-validation.js";
export {
  deploymentVerdict,
  type DeploymentVerdict,
  launchGate,
  type LaunchGate,
  taskFailureOf,
  type Waiting,
  waitingChanged,
} from "./dispatch-decisions.js";
export {
  asOneWrite,
  carrying,
  conditionOf,
  eventsAtEdge,
  healthEvents,
  type MarathonEvent,
  statusEvent,
  type StoredMarathonEvent,
  storedTypesOf,
  unhealthyKillEvent,
  type UpdateFacts,
} from "./marathon-events.js";
export { podInstanceStatus, podStatus, type PodStatus } from "./pod-status.js";
export { memberContainerName, podContainerSpecs, sandboxVolumeDir } from "./pod-containers.js";
export { bodyIdRefusal, definitionOf, rollbackVersion, sameConfiguration, updateApp } from "./app-update.js";
export { imageReferenceError } from "./docker-image.js";
export {
  countPorts,
  DEFAULT_PORT_RANGES,
  parsePortRanges,
  type PortRange,
  type Resources,
  roundResource,
  subtractPorts,
  takePorts,
} from "./resources.js";
export { type AgentOffer, type AgentState, consume, offerOf, release, reserve, type Reservation } from "./ledger.js";
export { constraintRefusal } from "./constraints.js";
export {
  enoughCandidates,
  type MatchResult,
  matchTask,
  matchTasks,
  type Preferred,
  refusal,
  type TaskNeed,
  waitsForRoom,
} from "./offer-matcher.js";
export { homeOf } from "./rendezvous.js";
export { commandDue, KILL_RESEND_MS } from "./command-resend.js";
export {
  applyStatus,
  type ApplyResult,
  isFailure,
  isTaskState,
  isTerminal,
  stagedTask,
  taskIpAddresses,
  type StatusChange,
  type TaskGoal,
  type TaskRecord,
  type TaskState,
  TaskStates,
} from "./task-state.js";
export {
  type AgentTaskEffect,
  type AgentTaskEvent,
  type AgentTaskFacts,
  type AgentTaskPhase,
  agentTaskStep,
  endOfExit,
  newAgentTask,
  STALE_LAUNCH_AFTER_MS,
  staleLaunchRefusal,
  STARTING_AFTER_MS,
  type TaskEnd,
} from "./agent-task.js";
export { type AppPlan, changesPlan, isHealthy, isWanted, killOrder, type KillDecision, planApp } from "./app-plan.js";
export {
  BACKOFF_RESET_AFTER_MS,
  type BackoffPolicy,
  type BackoffState,
  delaySeconds,
  launchAllowedAtMs,
  NO_BACKOFF,
  recordFailure,
} from "./backoff.js";
export {
  containerName,
  containerSpec,
  DEFAULT_PIDS_LIMIT,
  type ContainerSpec,
  cpuShares,
  memoryLimitBytes,
  taskEnvironment,
  type TaskSpec,
} from "./container-spec.js";
export { LABELS } from "./labels.js";
export { taskNeed, taskSpec } from "./task-spec.js";
export {
  actionFor,
  deadlineReason,
  type Deployment,
  type DeploymentAction,
  type DeploymentProgress,
  type DeploymentStatus,
  deploymentEvent,
  deploymentView,
  isComplete,
  groupOutcome,
  newDeployment,
  newGroupDeployment,
  planJson,
  progressOf,
  rollbackTarget,
} from "./deployment.js";
export {
  checkKind,
  HEALTH_DEFAULTS,
  HEALTH_UNKNOWN,
  type HealthCheck,
  type HealthProtocol,
  type HealthStatus,
  type HealthVerdict,
  nextHealth,
  type ReadinessCheck,
} from "./health-check.js";
export {
  DEFAULT_SERVICE_PORTS,
  parsePortRange,
  planServicePorts,
  type ServicePortPlan,
  servicePorts,
  withServicePorts,
} from "./service-ports.js";
export { type GroupNode, groupTree } from "./group-tree.js";
export { COMMAND_IMAGE_ATTRIBUTE, commandRefusal, dockerNetwork, NETWORKS_ATTRIBUTE, networkRefusal, offeredNetworks } from "./networks.js";
export { DOCKER_PARAMETER_KEYS, type DockerOptions, dockerOptions } from "./docker-parameters.js";
export { DEFAULT_TASK_POLICY, effectivePidsLimit, policyViolations, type TaskPolicy } from "./task-policy.js";
export {
  bookQuota,
  defaultQuotaFrom,
  defaultTeam,
  effectiveTeam,
  footprint,
  hasLimits,
  isTeamId,
  ledgerOfApps,
  parseQuota,
  parseTeam,
  type Quota,
  type QuotaLedger,
  type Team,
  type Usage,
  usageOf,
} from "./team.js";
export { REDACTED, redactApp, restoreRedacted } from "./redaction.js";
export {
  accessRefusal,
  type Action,
  ACTIONS,
  eventScope,
  mayAccess,
  mayAdminister,
  maySeeEvent,
  parseScopes,
  type Principal,
  principalOf,
  type Scope,
  type TokenRecord,
} from "./access.js";
export { isSecretRef, isSecretSource, MAX_SECRET_BYTES, resolveEnv, secretKey, secretSources } from "./secrets.js";
export { type ImageAccessState, type ImageDecision, imageDecision, imageRepository, type LocalImage } from "./image-access.js";
export { type GroupApp, type GroupUpdate, MAX_GROUP_DEPTH, readGroupUpdate, scaledInstances } from "./group-update.js";
export { CALLBACK_ATTEMPTS, callbackRetryDelayMs, callbackUrlRefusal } from "./callbacks.js";
export {
  COMPLETED_FRAMEWORK_FOLLOWED_MS,
  type Framework,
  frameworkTaskKeys,
  frameworkOf,
  type FrameworkState,
  frameworkVisibleTo,
  isMarathonTask,
  MARATHON_FRAMEWORK_ID,
  marathonFramework,
  type FrameworkUsage,
  usageBy,
  usageByFramework,
  frameworkLaunchRefusal,
  ledgerWithFrameworks,
  withoutFrameworks,
  fairOrder,
  type RoleClaim,
  weightedDominantShare,
} from "./framework.js";
export { holding, roomUnder, type TaskResources, taskResources } from "./framework-quota.js";
export {
  DEFAULT_ROLE_WEIGHT,
  isRoleName,
  marathonRole,
  marathonRoleOwedFirst,
  marathonRolesFitting,
  MAX_ROLE_WEIGHT,
  parseRoleWeight,
  roleClaims,
  type RoleWeights,
  someRoleBelow,
  weightOf,
  withWeight,
} from "./role-weights.js";
export { type UnackedUpdate, UnackedUpdates, UPDATE_RETRY_MIN_MS, updateRetryDelayMs } from "./status-retries.js";
export {
  type LaunchRead,
  type MesosOffer,
  mesosOffer,
  type MesosResource,
  type FrameworkCapability,
  HONOURED_CAPABILITIES,
  honouredCapabilities,
  mesosStatus,
  readTaskInfo,
  recordIo,
  stateToldTo,
  statusUuid,
} from "./mesos-scheduler.js";
export {
  afterTaking,
  beyondOffers,
  offeredTogether,
  type OfferedNeed,
  type OfferPart,
  splitOffer,
  type SplitClaim,
} from "./offer-split.js";
export { CRON_YEARS, type CronParse, type CronSchedule, parseCron } from "./cron.js";
export { nextTick, ticksBetween } from "./cron-next.js";
export { instantOfLocal, localOf, timeZoneError } from "./zoned-time.js";
export {
  admitRun,
  type Admission,
  type CatchUpPolicy,
  type ConcurrencyPolicy,
  dueTicks,
  type DueTicks,
  type MissedTick,
  type RestartPolicy,
  retryAfterFailure,
  runIdNow,
  runIdOfTick,
  type TickPolicy,
} from "./job-ticks.js";
export {
  JOB_DEFAULTS,
  jobAppId,
  type JobConstraint,
  type JobDefinition,
  type JobEnvValue,
  type JobRecord,
  jobRunKey,
  type JobTickCursor,
  type JobRunSpec,
  type JobSchedule,
  teamOfJob,
} from "./job-definition.js";
export { type JobParseResult, jobTaskApp, parseJob, parseSchedule } from "./job-validation.js";
export {
  attemptTaskId,
  type AttemptTask,
  countMissed,
  EMPTY_HISTORY,
  isRunActive,
  type JobHistory,
  type JobRun,
  type JobRunAttempt,
  type JobRunStatus,
  recordRun,
  runStep,
  type RunStep,
} from "./job-run.js";
export {
  DEFAULT_USAGE_WINDOW,
  peakOf,
  sumPoints,
  type UsagePoint,
  type UsageReading,
  UsageSeries,
  type UsageWindow,
} from "./usage-series.js";
