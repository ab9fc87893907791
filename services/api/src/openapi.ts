import { SCHEMAS, shapes } from "./api-schemas.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Shape = keyof typeof shapes | { schema: string };

/** One endpoint as published: the Fastify route that serves it, its path in OpenAPI's terms, and its answer. */
export interface Endpoint {
  method: Method;
  /** The route as registered (a wildcard route serves several paths). */
  route: string;
  path: string;
  summary: string;
  answer: Shape;
  /** The status of a good answer (200 unless said). */
  status?: number;
  /** Marathon's endpoint (answers in Marathon's shapes) or Berth's own. */
  marathon: boolean;
  /** A body is JSON (an app, a group, ...). */
  body?: boolean;
}

const m = (method: Method, route: string, path: string, summary: string, answer: Shape, more: Partial<Endpoint> = {}): Endpoint => ({
  method,
  route,
  path,
  summary,
  answer,
  marathon: true,
  ...more,
});
const own = (method: Method, route: string, path: string, summary: string, answer: Shape, more: Partial<Endpoint> = {}): Endpoint =>
  m(method, route, path, summary, answer, { ...more, marathon: false });

/** Every endpoint the api serves. buildServer refuses to start with a route this list does not describe. */
export const ENDPOINTS: readonly Endpoint[] = [
  m("GET", "/v2/apps", "/v2/apps", "List apps (filters id, cmd, label; embed=apps.tasks, apps.lastTaskFailure)", "apps"),
  m("POST", "/v2/apps", "/v2/apps", "Create an app", { schema: "App" }, { status: 201, body: true }),
  m("PUT", "/v2/apps", "/v2/apps", "Change several apps", { schema: "DeploymentResult" }, { body: true }),
  m("PATCH", "/v2/apps", "/v2/apps", "Change several apps, partially", { schema: "DeploymentResult" }, { body: true }),
  m("GET", "/v2/apps/*", "/v2/apps/{appId}", "One app, with its tasks and last failure", "app"),
  m("GET", "/v2/apps/*", "/v2/apps/{appId}/tasks", "An app's tasks", "tasks"),
  m("GET", "/v2/apps/*", "/v2/apps/{appId}/versions", "An app's versions, newest first", "versions"),
  m("GET", "/v2/apps/*", "/v2/apps/{appId}/versions/{version}", "An app as it was at a version", "any"),
  m(
    "PUT",
    "/v2/apps/*",
    "/v2/apps/{appId}",
    "Change an app (or create it); {version} rolls it back",
    { schema: "DeploymentResult" },
    { body: true },
  ),
  m("PATCH", "/v2/apps/*", "/v2/apps/{appId}", "Change an app partially", { schema: "DeploymentResult" }, { body: true }),
  m("POST", "/v2/apps/*", "/v2/apps/{appId}/restart", "Restart an app's tasks, as a rolling upgrade", { schema: "DeploymentResult" }),
  m("DELETE", "/v2/apps/*", "/v2/apps/{appId}", "Remove an app", { schema: "DeploymentResult" }),
  m("DELETE", "/v2/apps/*", "/v2/apps/{appId}/tasks", "Kill an app's tasks (host, scale)", "tasks"),
  m("DELETE", "/v2/apps/*", "/v2/apps/{appId}/tasks/{taskId}", "Kill one task (scale)", "task"),
  m("POST", "/v2/pods", "/v2/pods", "Create a pod", { schema: "Pod" }, { status: 201, body: true }),
  m("GET", "/v2/pods", "/v2/pods", "List pods", "pods"),
  m("GET", "/v2/pods/*", "/v2/pods/::status", "Every pod's status", "podStatuses"),
  m("GET", "/v2/pods/*", "/v2/pods/{podId}", "One pod", { schema: "Pod" }),
  m("GET", "/v2/pods/*", "/v2/pods/{podId}::status", "A pod's status: its instances and their containers", { schema: "PodStatus" }),
  m("GET", "/v2/pods/*", "/v2/pods/{podId}::versions", "A pod's versions, newest first", "groupVersions"),
  m("GET", "/v2/pods/*", "/v2/pods/{podId}::versions/{version}", "A pod as it was at a version", { schema: "Pod" }),
  m("PUT", "/v2/pods/*", "/v2/pods/{podId}", "Create or change a pod", { schema: "Pod" }, { body: true }),
  m("DELETE", "/v2/pods/*", "/v2/pods/{podId}", "Remove a pod", "any", { status: 202 }),
  m("DELETE", "/v2/pods/*", "/v2/pods/{podId}::instances", "Kill instances (a JSON array of ids); each is replaced", "podInstances", {
    body: true,
  }),
  m("DELETE", "/v2/pods/*", "/v2/pods/{podId}::instances/{instanceId}", "Kill one instance; it is replaced", {
    schema: "PodInstanceStatus",
  }),
  m("GET", "/v2/tasks", "/v2/tasks", "Every task (status); text/plain for load-balancer scripts", "tasks"),
  m("POST", "/v2/tasks/delete", "/v2/tasks/delete", "Kill tasks by id (scale)", "tasks", { body: true }),
  m("GET", "/v2/deployments", "/v2/deployments", "Running deployments", "deployments"),
  own("GET", "/v2/deployments/:id", "/v2/deployments/{deploymentId}", "One deployment, with its status and progress", {
    schema: "Deployment",
  }),
  m("DELETE", "/v2/deployments/:id", "/v2/deployments/{deploymentId}", "Cancel a deployment: roll back, or with force only stop", {
    schema: "DeploymentResult",
  }),
  m("GET", "/v2/groups", "/v2/groups", "The whole tree of groups", { schema: "Group" }),
  m("GET", "/v2/groups/*", "/v2/groups/{groupId}", "A group's tree", { schema: "Group" }),
  m("GET", "/v2/groups/*", "/v2/groups/{groupId}/versions", "A group's versions, newest first", "groupVersions"),
  m("POST", "/v2/groups", "/v2/groups", "Create a group", { schema: "DeploymentResult" }, { status: 201, body: true }),
  m(
    "POST",
    "/v2/groups/*",
    "/v2/groups/{groupId}",
    "Create a group under a group",
    { schema: "DeploymentResult" },
    { status: 201, body: true },
  ),
  m("PUT", "/v2/groups", "/v2/groups", "Change the root group (GroupUpdate)", { schema: "DeploymentResult" }, { body: true }),
  m(
    "PUT",
    "/v2/groups/*",
    "/v2/groups/{groupId}",
    "Change a group: apps, groups, scaleBy, or version (a rollback)",
    { schema: "DeploymentResult" },
    { body: true },
  ),
  m("PUT", "/v2/groups/*", "/v2/groups/{groupId}/versions/{version}", "Roll a group back", { schema: "DeploymentResult" }),
  m(
    "PATCH",
    "/v2/groups/*",
    "/v2/groups/{groupId}",
    "Change a group partially (GroupUpdate)",
    { schema: "DeploymentResult" },
    { body: true },
  ),
  m("DELETE", "/v2/groups/*", "/v2/groups/{groupId}", "Remove a group and every app under it", { schema: "DeploymentResult" }),
  m("GET", "/v2/queue", "/v2/queue", "Launches that wait, and why", "queue"),
  m("DELETE", "/v2/queue/*", "/v2/queue/{appId}/delay", "Reset an app's launch delay", "any", { status: 204 }),
  m("GET", "/v2/info", "/v2/info", "About this server", { schema: "Info" }),
  m("GET", "/v2/leader", "/v2/leader", "The leader: every api instance answers for itself", "leader"),
  m("DELETE", "/v2/leader", "/v2/leader", "Make the acting launch-dispatcher give up its lease", "message"),
  m("GET", "/v2/events", "/v2/events", "Events as server-sent events (event_type, plan-format, Last-Event-ID)", "text"),
  m("GET", "/v2/eventSubscriptions", "/v2/eventSubscriptions", "Event subscriptions' callback URLs", "subscriptions"),
  m("POST", "/v2/eventSubscriptions", "/v2/eventSubscriptions", "Subscribe a callback URL (callbackUrl)", { schema: "Subscription" }),
  m("DELETE", "/v2/eventSubscriptions", "/v2/eventSubscriptions", "Unsubscribe a callback URL (callbackUrl)", { schema: "Subscription" }),
  m("GET", "/ping", "/ping", "pong", "text"),
  m("GET", "/metrics", "/metrics", "The api's metrics, as Marathon's JSON", "any"),
  own("GET", "/metrics/prometheus", "/metrics/prometheus", "The api's metrics as Prometheus text", "text"),
  own("GET", "/livez", "/livez", "Alive", "text"),
  own("GET", "/readyz", "/readyz", "Ready: NATS reachable", "text"),
  own("GET", "/v2/openapi.json", "/v2/openapi.json", "This description", "any"),
  own("GET", "/v2/agents", "/v2/agents", "Agents: resources, bookings (by framework), health", "any"),
  own("GET", "/v2/frameworks", "/v2/frameworks", "The frameworks that share the agents, with what each holds", "any"),
  own("GET", "/v2/frameworks/:id", "/v2/frameworks/{frameworkId}", "One framework, with what it holds on each agent", "any"),
  own("DELETE", "/v2/frameworks/:id", "/v2/frameworks/{frameworkId}", "Tear a framework down: its tasks are killed", "any", {
    status: 202,
  }),
  own("GET", "/v2/roles", "/v2/roles", "Roles: weight, frameworks, holding and weighted share (admin)", "any"),
  own("PUT", "/v2/roles/:role", "/v2/roles/{role}", "Set a role's weight (admin)", "any", { body: true }),
  own("DELETE", "/v2/roles/:role", "/v2/roles/{role}", "Set a role's weight back to 1 (admin)", "any"),
  own("GET", "/v2/discovery/prometheus", "/v2/discovery/prometheus", "Prometheus http_sd targets (kind=agents|tasks)", "any"),
  own("GET", "/v2/tasks/:taskId/logs", "/v2/tasks/{taskId}/logs", "A task's output (tail, follow, stream)", "text"),
  own(
    "GET",
    "/v2/usage",
    "/v2/usage",
    "What each task uses (CPU, memory, throttling): now, its peak and the last hour (app, team, history)",
    "any",
  ),
  own("GET", "/v2/teams", "/v2/teams", "Teams with quota, usage and policy", "any"),
  own("GET", "/v2/teams/:team", "/v2/teams/{team}", "One team", "any"),
  own("PUT", "/v2/teams/:team", "/v2/teams/{team}", "Configure a team (admin)", "any", { body: true }),
  own("DELETE", "/v2/teams/:team", "/v2/teams/{team}", "Forget a team's configuration (admin)", "any", { status: 204 }),
  own("GET", "/v2/tokens", "/v2/tokens", "Tokens (admin)", "any"),
  own("POST", "/v2/tokens", "/v2/tokens", "Make a token, shown once (admin)", "any", { status: 201, body: true }),
  own("DELETE", "/v2/tokens/:id", "/v2/tokens/{tokenId}", "Revoke a token (admin)", "any", { status: 204 }),
  own("GET", "/v2/secrets/:team", "/v2/secrets/{team}", "A team's secret paths (never values)", "any"),
  own("PUT", "/v2/secrets/*", "/v2/secrets/{team}/{path}", "Store a secret", "any", { status: 204, body: true }),
  own("DELETE", "/v2/secrets/*", "/v2/secrets/{team}/{path}", "Remove a secret", "any", { status: 204 }),
  own("GET", "/", "/", "The web UI (redirect)", "text"),
  own("GET", "/ui", "/ui", "The web UI (redirect)", "text"),
  own("GET", "/ui/", "/ui/", "The web UI", "text"),
  own("GET", "/ui/*", "/ui/{file}", "The web UI's files", "text"),
  own("GET", "/v1/*", "/v1/jobs", "Metronome's jobs API (every /v1 path), passed on to the job-scheduler: docs/jobs.md", "any"),
  own("POST", "/v1/*", "/v1/jobs", "Make a job, start a run, stop one: passed on to the job-scheduler", "any", { body: true, status: 201 }),
  own("PUT", "/v1/*", "/v1/jobs/{jobId}", "Change a job or a schedule: passed on to the job-scheduler", "any", { body: true }),
  own("DELETE", "/v1/*", "/v1/jobs/{jobId}", "Remove a job or a schedule: passed on to the job-scheduler", "any"),
];

/** Routes registered but not described: buildServer refuses to start with any. */
export function undescribed(routes: readonly { method: string; url: string }[]): string[] {
  const described = new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`));
  return routes.filter((r) => r.method !== "HEAD" && !described.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
}

function schemaOf(shape: Shape): Record<string, unknown> {
  return typeof shape === "object" ? { $ref: `#/components/schemas/${shape.schema}` } : (shapes[shape] as Record<string, unknown>);
}

/** The OpenAPI 3 description of the API, made from ENDPOINTS and the schemas. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const params = [...e.path.matchAll(/\{(\w+)\}/g)].map((p) => ({ name: p[1], in: "path", required: true, schema: { type: "string" } }));
    const status = String(e.status ?? 200);
    const text = e.answer === "text";
    (paths[e.path] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary,
      tags: [e.marathon ? "Marathon" : "Berth"],
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(e.body ? { requestBody: { content: { "application/json": { schema: { type: ["object", "array"] } } } } } : {}),
      responses: {
        [status]:
          status === "204"
            ? { description: "done" }
            : { description: "done", content: { [text ? "text/plain" : "application/json"]: { schema: schemaOf(e.answer) } } },
        default: {
          description: "an error, in Marathon's shape",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Berth",
      version,
      description:
        "Marathon's /v2 API, and Berth's own. Authorization: Bearer <token>, token=<token>, or Basic with the token as the password.",
    },
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, basic: { type: "http", scheme: "basic" } },
    },
    security: [{ bearer: [] }, { basic: [] }],
    paths,
  };
}
