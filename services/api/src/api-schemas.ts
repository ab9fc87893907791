/**
 * The answers' shapes, declared once: Marathon 1.10's fields (RAML and JSON
 * schemas in Marathon's repository), and Berth's own where a request asks for
 * them (`embed=berth`, marked so below). They publish the API at
 * /v2/openapi.json, and the compatibility tests hold every answer to them
 * with no property allowed that a schema does not name.
 */

type Schema = Record<string, unknown>;

const str = { type: "string" } as const;
const num = { type: "number" } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const strOrNull = { type: ["string", "null"] } as const;
const obj = { type: "object", additionalProperties: true } as const;
const list = (items: Schema) => ({ type: "array", items });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const strict = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
/** Berth's own fields, answered only for `embed=berth`. */
const berth = (s: Schema): Schema => ({ ...s, description: "Berth's own: answered only with embed=berth" });

const appDefinition = {
  id: str,
  cmd: str,
  args: list(str),
  user: str,
  env: obj,
  secrets: obj,
  labels: obj,
  instances: int,
  cpus: num,
  mem: num,
  disk: num,
  gpus: int,
  executor: str,
  fetch: list(obj),
  container: obj,
  networks: list(obj),
  portDefinitions: list(obj),
  requirePorts: bool,
  constraints: list(list(str)),
  healthChecks: list(obj),
  readinessChecks: list(obj),
  dependencies: list(str),
  upgradeStrategy: obj,
  unreachableStrategy: { oneOf: [obj, str] },
  killSelection: str,
  backoffSeconds: num,
  backoffFactor: num,
  maxLaunchDelaySeconds: num,
  taskKillGracePeriodSeconds: int,
  role: str,
  acceptedResourceRoles: list(str),
  version: str,
  versionInfo: strict({ lastScalingAt: str, lastConfigChangeAt: str }),
  progressDeadlineSeconds: berth(int),
  pullTimeoutSeconds: berth(int),
};

export const SCHEMAS: Record<string, Schema> = {
  Error: strict(
    {
      message: str,
      details: list(strict({ path: str, errors: list(str) })),
      deployments: list(strict({ id: str })),
    },
    ["message"],
  ),
  HealthCheckResult: strict({
    alive: bool,
    consecutiveFailures: int,
    firstSuccess: strOrNull,
    lastSuccess: strOrNull,
    lastFailure: strOrNull,
    lastFailureCause: strOrNull,
    instanceId: str,
  }),
  Task: strict(
    {
      id: str,
      appId: str,
      host: str,
      ports: list(int),
      servicePorts: list(int),
      slaveId: str,
      stagedAt: str,
      startedAt: strOrNull,
      state: str,
      version: str,
      healthCheckResults: list(ref("HealthCheckResult")),
      ipAddresses: list(strict({ ipAddress: str, protocol: str })),
      message: berth(str),
      killRequested: berth(bool),
    },
    ["id", "appId", "host", "ports", "slaveId", "state", "version"],
  ),
  TaskFailure: strict({ appId: str, host: str, message: str, state: str, taskId: str, timestamp: str, version: str }),
  App: strict(
    {
      ...appDefinition,
      tasksStaged: int,
      tasksRunning: int,
      tasksHealthy: int,
      tasksUnhealthy: int,
      deployments: list(strict({ id: str })),
      tasks: list(ref("Task")),
      lastTaskFailure: ref("TaskFailure"),
    },
    ["id", "instances", "cpus", "mem", "version"],
  ),
  Pod: strict(
    {
      id: str,
      labels: obj,
      version: str,
      user: str,
      environment: obj,
      secrets: obj,
      containers: list(
        strict({
          name: str,
          exec: obj,
          resources: strict({ cpus: num, mem: num, disk: num, gpus: int }),
          endpoints: list(strict({ name: str, containerPort: int, hostPort: int, protocol: list(str), labels: obj })),
          image: strict({ kind: str, id: str, forcePull: bool }),
          environment: obj,
          user: str,
          healthCheck: obj,
          volumeMounts: list(strict({ name: str, mountPath: str, readOnly: bool })),
          artifacts: list(obj),
          labels: obj,
          lifecycle: strict({ killGracePeriodSeconds: num }),
        }),
      ),
      volumes: list(strict({ name: str, host: str })),
      networks: list(obj),
      scaling: strict({ kind: str, instances: int, maxInstances: int }),
      scheduling: obj,
      executorResources: strict({ cpus: num, mem: num, disk: num }),
    },
    ["id", "containers", "version"],
  ),
  PodInstanceStatus: strict(
    {
      id: str,
      status: str,
      statusSince: str,
      message: str,
      agentHostname: str,
      agentId: str,
      resources: obj,
      networks: list(obj),
      containers: list(obj),
      specReference: str,
      lastUpdated: str,
      lastChanged: str,
    },
    ["id", "status", "statusSince", "lastUpdated", "lastChanged"],
  ),
  PodStatus: strict(
    {
      id: str,
      spec: ref("Pod"),
      status: str,
      statusSince: str,
      message: str,
      instances: list(ref("PodInstanceStatus")),
      terminationHistory: list(obj),
      lastUpdated: str,
      lastChanged: str,
    },
    ["id", "spec", "status", "statusSince", "lastUpdated", "lastChanged"],
  ),
  Group: strict(
    { id: str, apps: list(ref("App")), groups: list(ref("Group")), pods: list(ref("Pod")), dependencies: list(str), version: str },
    ["id", "apps", "groups"],
  ),
  DeploymentAction: strict({ action: str, app: str, pod: str, readinessCheckResults: list(obj) }),
  Deployment: strict(
    {
      id: str,
      version: str,
      affectedApps: list(str),
      affectedPods: list(str),
      steps: list(strict({ actions: list(ref("DeploymentAction")) })),
      currentActions: list(ref("DeploymentAction")),
      currentStep: int,
      totalSteps: int,
      status: berth(str),
      createdAt: berth(str),
      deadline: berth(str),
      finishedAt: berth(str),
      reason: berth(str),
      rollbackOf: berth(str),
      progress: berth(obj),
    },
    ["id", "version", "affectedApps", "steps", "currentActions", "currentStep", "totalSteps"],
  ),
  DeploymentResult: strict({ deploymentId: strOrNull, version: strOrNull }),
  QueueItem: strict({
    count: int,
    delay: strict({ timeLeftSeconds: int, overdue: bool }),
    since: str,
    app: obj,
    pod: ref("Pod"),
    processedOffersSummary: obj,
    reasons: berth(list(str)),
  }),
  Info: strict({
    name: str,
    version: str,
    buildref: str,
    elected: bool,
    leader: strOrNull,
    frameworkId: str,
    marathon_config: obj,
    zookeeper_config: obj,
    http_config: obj,
    event_subscriber: obj,
    startedAt: berth(str),
  }),
  Subscription: strict({ callbackUrl: str, clientIp: str, eventType: str, timestamp: str }),
};

/** A JSON answer: `{ app: App }`, a list, or a schema by name. */
export const shapes = {
  apps: strict({ apps: list(ref("App")) }, ["apps"]),
  app: strict({ app: ref("App") }, ["app"]),
  tasks: strict({ tasks: list(ref("Task")) }, ["tasks"]),
  task: strict({ task: ref("Task") }, ["task"]),
  versions: strict({ versions: list(str) }, ["versions"]),
  deployments: list(ref("Deployment")),
  queue: strict({ queue: list(ref("QueueItem")) }, ["queue"]),
  leader: strict({ leader: str }, ["leader"]),
  message: strict({ message: str }, ["message"]),
  subscriptions: strict({ callbackUrls: list(str) }, ["callbackUrls"]),
  groupVersions: list(str),
  pods: list(ref("Pod")),
  podStatuses: list(ref("PodStatus")),
  podInstances: list(ref("PodInstanceStatus")),
  any: obj,
  text: str,
} as const;
