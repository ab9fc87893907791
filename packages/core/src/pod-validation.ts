import type { AppDefinition } from "./app-definition.js";
import { type AppParseResult, parseApp } from "./app-validation.js";
import { Checker, opt } from "./checker.js";
import type { ValidationDetail } from "./errors.js";
import type { PodContainer, PodVolume } from "./pod-definition.js";
import { readContainer, readScaling, readVolumes } from "./pod-parts.js";

export type PodParseResult = { ok: true; app: AppDefinition } | { ok: false; details: ValidationDetail[] };

const POD_FIELDS = new Set([
  "id",
  "labels",
  "version",
  "user",
  "environment",
  "secrets",
  "containers",
  "volumes",
  "networks",
  "scaling",
  "scheduling",
  "executorResources",
  "fetch",
  "legacySharedCgroups",
]);
const MAX_CONTAINERS = 16;
/** The memory each container is given at least, so the pod's sum covers every container's limit. */
const MIN_CONTAINER_MEM = 32;

/**
 * Reads an untrusted pod definition into the app Berth runs it as (with `pod`
 * set), or every reason it is wrong, each at its path in the pod's JSON. What
 * the pod shares with an app (id, environment, secrets, labels, networks,
 * constraints, strategies) is checked by the app's own rules.
 */
export function parsePod(raw: unknown, version: string): PodParseResult {
  const c = new Checker();
  const input = c.object("/", raw);
  if (!input) return { ok: false, details: c.details };
  for (const key of Object.keys(input)) if (!POD_FIELDS.has(key)) c.fail(`/${key}`, "is not a field of a pod");
  if (input.fetch != null) c.fail("/fetch", "a pod fetches per container: give each container's artifacts");
  const list = c.array("/containers", input.containers ?? [], MAX_CONTAINERS);
  if (list && list.length === 0) c.fail("/containers", "a pod needs at least one container");
  const volumes = readVolumes(c, input.volumes);
  const containers = (list ?? []).map((item, i) => readContainer(c, `/containers/${i}`, item, volumes));
  const names = containers.map((k) => k.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) c.fail(`/containers/${i}/name`, `another container is named '${n}': names are unique in a pod`);
  });
  const scaling = readScaling(c, input.scaling);
  const scheduling = (c.object("/scheduling", input.scheduling ?? {}) ?? {}) as Record<string, unknown>;
  const backoff = (opt(scheduling.backoff, (v) => c.object("/scheduling/backoff", v)) ?? {}) as Record<string, unknown>;
  const placement = (opt(scheduling.placement, (v) => c.object("/scheduling/placement", v)) ?? {}) as Record<string, unknown>;
  const executor = (opt(input.executorResources, (v) => c.object("/executorResources", v)) ?? {}) as Record<string, unknown>;
  if (!c.ok) return { ok: false, details: c.details };

  const net = (Array.isArray(input.networks) ? input.networks : [{ mode: "host" }]) as { mode?: string }[];
  const onHost = (net[0]?.mode ?? "host") === "host";
  const shape = appShape(containers, volumes, onHost);
  if (shape.refusals.length > 0) return { ok: false, details: shape.refusals };
  const appJson: Record<string, unknown> = {
    id: input.id,
    labels: input.labels ?? undefined,
    user: input.user ?? undefined,
    env: input.environment ?? undefined,
    secrets: input.secrets ?? undefined,
    instances: scaling.instances,
    cpus: shape.cpus,
    mem: shape.mem,
    disk: shape.disk,
    networks: input.networks ?? undefined,
    container: {
      type: "DOCKER",
      docker: { image: containers[0]?.image.id ?? "" },
      volumes: shape.hostVolumes.map((v) => v.volume),
      ...(onHost ? {} : { portMappings: shape.ports.map((p) => p.port) }),
    },
    ...(onHost ? { portDefinitions: shape.ports.map((p) => p.port), requirePorts: shape.fixedPorts } : {}),
    constraints: constraintArrays(placement.constraints),
    acceptedResourceRoles: placement.acceptedResourceRoles ?? undefined,
    healthChecks: shape.healthChecks.map((h) => h.check),
    fetch: shape.artifacts.map((a) => a.fetch),
    upgradeStrategy: scheduling.upgrade ?? undefined,
    backoffSeconds: backoff.backoff ?? undefined,
    backoffFactor: backoff.backoffFactor ?? undefined,
    maxLaunchDelaySeconds: backoff.maxLaunchDelay ?? undefined,
    killSelection: scheduling.killSelection ?? undefined,
    unreachableStrategy: scheduling.unreachableStrategy ?? undefined,
    taskKillGracePeriodSeconds: shape.killGrace,
  };
  const parsed: AppParseResult = parseApp(appJson, { version });
  if (!parsed.ok) return { ok: false, details: parsed.details.map((d) => ({ ...d, path: podPath(d.path, shape) })) };
  const app = parsed.app;
  // A COMMAND check runs in the container that gave it.
  shape.healthChecks.forEach((h, i) => {
    const check = app.healthChecks[i];
    if (check && check.protocol === "COMMAND") check.container = h.container;
  });
  const u = app.upgradeStrategy;
  app.pod = {
    id: app.id,
    labels: app.labels,
    ...(app.user !== undefined ? { user: app.user } : {}),
    environment: app.env,
    secrets: app.secrets,
    containers,
    volumes,
    networks: app.networks.length > 0 ? app.networks : [{ mode: "host" }],
    scaling: {
      kind: "fixed",
      instances: app.instances,
      ...(scaling.maxInstances !== undefined ? { maxInstances: scaling.maxInstances } : {}),
    },
    scheduling: {
      backoff: { backoff: app.backoffSeconds, backoffFactor: app.backoffFactor, maxLaunchDelay: app.maxLaunchDelaySeconds },
      upgrade: { minimumHealthCapacity: u.minimumHealthCapacity, maximumOverCapacity: u.maximumOverCapacity },
      placement: { constraints: app.constraints, acceptedResourceRoles: ["*"] },
      killSelection: app.killSelection,
      unreachableStrategy: app.unreachableStrategy,
    },
    executorResources: {
      cpus: typeof executor.cpus === "number" ? executor.cpus : 0.1,
      mem: typeof executor.mem === "number" ? executor.mem : 32,
      disk: typeof executor.disk === "number" ? executor.disk : 10,
    },
    version,
  };
  return { ok: true, app };
}

interface AppShape {
  cpus: number;
  mem: number;
  disk: number;
  /** Every endpoint as the app's port: a port definition on the host's network, else a port mapping. */
  ports: { path: string; port: Record<string, unknown> }[];
  fixedPorts: boolean;
  hostVolumes: { path: string; volume: Record<string, unknown> }[];
  healthChecks: { path: string; container: string; check: Record<string, unknown> }[];
  artifacts: { path: string; fetch: Record<string, unknown> }[];
  killGrace?: number;
  refusals: ValidationDetail[];
}

/** What the pod's containers add up to as one app: resources summed, endpoints as ports, checks and artifacts collected. */
function appShape(containers: readonly PodContainer[], volumes: readonly PodVolume[], onHost: boolean): AppShape {
  const shape: AppShape = {
    cpus: 0,
    mem: 0,
    disk: 0,
    ports: [],
    fixedPorts: false,
    hostVolumes: [],
    healthChecks: [],
    artifacts: [],
    refusals: [],
  };
  const refuse = (path: string, error: string) => shape.refusals.push({ path, errors: [error] });
  const bound: { name: string; path: string; hostPort: number }[] = [];
  containers.forEach((k, i) => {
    const at = `/containers/${i}`;
    shape.cpus += k.resources.cpus;
    shape.mem += Math.max(k.resources.mem, MIN_CONTAINER_MEM);
    shape.disk += k.resources.disk;
    k.endpoints.forEach((e, j) => {
      const path = `${at}/endpoints/${j}`;
      const protocol = e.protocol.join(",");
      if (onHost) {
        bound.push({ name: e.name, path, hostPort: e.hostPort ?? 0 });
        shape.ports.push({ path, port: { port: e.hostPort ?? 0, protocol, name: e.name, labels: e.labels } });
      } else {
        if (e.containerPort === undefined) refuse(`${path}/containerPort`, "is required off the host's network");
        if (e.hostPort !== undefined) bound.push({ name: e.name, path, hostPort: e.hostPort });
        shape.ports.push({
          path,
          port: {
            containerPort: e.containerPort ?? 0,
            ...(e.hostPort !== undefined ? { hostPort: e.hostPort } : {}),
            protocol,
            name: e.name,
            labels: e.labels,
          },
        });
      }
    });
    for (const m of k.volumeMounts) {
      const host = volumes.find((v) => v.name === m.name)?.host;
      if (host !== undefined) {
        shape.hostVolumes.push({
          path: `${at}/volumeMounts`,
          volume: { containerPath: m.mountPath, hostPath: host, mode: m.readOnly ? "RO" : "RW" },
        });
      }
    }
    k.artifacts.forEach((a, j) => shape.artifacts.push({ path: `${at}/artifacts/${j}`, fetch: { ...a } }));
    if (k.lifecycle) shape.killGrace = Math.max(shape.killGrace ?? 0, k.lifecycle.killGracePeriodSeconds);
  });
  const fixed = bound.filter((b) => b.hostPort !== 0);
  if (fixed.length > 0 && fixed.length < bound.length) {
    refuse(
      fixed[0]?.path ?? "/containers",
      "give every endpoint a fixed hostPort or none: a pod's host ports are all fixed or all picked by the agent",
    );
  }
  shape.fixedPorts = fixed.length > 0;
  containers.forEach((k, i) => {
    const h = k.healthCheck;
    if (!h) return;
    const path = `/containers/${i}/healthCheck`;
    const timing = {
      gracePeriodSeconds: h.gracePeriodSeconds,
      intervalSeconds: h.intervalSeconds,
      maxConsecutiveFailures: h.maxConsecutiveFailures,
      timeoutSeconds: h.timeoutSeconds,
      delaySeconds: h.delaySeconds,
    };
    if (h.exec) {
      shape.healthChecks.push({
        path,
        container: k.name,
        check: { protocol: "COMMAND", command: { value: h.exec.command.shell }, ...timing },
      });
      return;
    }
    const endpoint = h.http?.endpoint ?? h.tcp?.endpoint ?? "";
    const portIndex = bound.findIndex((b) => b.name === endpoint);
    if (portIndex < 0) {
      const why = onHost
        ? "names no endpoint of the pod"
        : "names no endpoint with a hostPort: off the host's network a check reaches a task through its host port";
      refuse(`${path}/${h.http ? "http" : "tcp"}/endpoint`, why);
      return;
    }
    const protocol = h.tcp ? "MESOS_TCP" : h.http?.scheme === "HTTPS" ? "MESOS_HTTPS" : "MESOS_HTTP";
    shape.healthChecks.push({
      path,
      container: k.name,
      check: { protocol, portIndex, ...(h.http ? { path: h.http.path } : {}), ...timing },
    });
  });
  return shape;
}

/** A pod's constraints as an app gives them: Marathon's pod form {fieldName, operator, value} as [field, operator, value]. */
function constraintArrays(raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw ?? undefined;
  return raw.map((c: unknown) => {
    if (typeof c !== "object" || c === null || Array.isArray(c)) return c;
    const { fieldName, operator, value } = c as Record<string, unknown>;
    return value === undefined || value === null ? [fieldName, operator] : [fieldName, operator, value];
  });
}

/** Where an error the app's rules found is in the pod's JSON. */
function podPath(appPath: string, shape: AppShape): string {
  const indexed = (prefix: string, paths: readonly { path: string }[]): string | undefined => {
    const m = new RegExp(`^${prefix}/(\\d+)(/.*)?$`).exec(appPath);
    return m ? (paths[Number(m[1])]?.path ?? prefix) : undefined;
  };
  const renamed: [RegExp, string][] = [
    [/^\/env(\/|$)/, "/environment$1"],
    [/^\/instances$/, "/scaling/instances"],
    [/^\/constraints/, "/scheduling/placement/constraints"],
    [/^\/acceptedResourceRoles/, "/scheduling/placement/acceptedResourceRoles"],
    [/^\/upgradeStrategy/, "/scheduling/upgrade"],
    [/^\/backoffSeconds$/, "/scheduling/backoff/backoff"],
    [/^\/backoffFactor$/, "/scheduling/backoff/backoffFactor"],
    [/^\/maxLaunchDelaySeconds$/, "/scheduling/backoff/maxLaunchDelay"],
    [/^\/killSelection$/, "/scheduling/killSelection"],
    [/^\/unreachableStrategy/, "/scheduling/unreachableStrategy"],
    [/^\/(cpus|mem|disk)$/, "/containers"],
    [/^\/container\/docker\/image$/, "/containers/0/image/id"],
  ];
  return (
    indexed("/portDefinitions", shape.ports) ??
    indexed("/container/portMappings", shape.ports) ??
    indexed("/container/volumes", shape.hostVolumes) ??
    indexed("/healthChecks", shape.healthChecks) ??
    indexed("/fetch", shape.artifacts) ??
    renamed.reduce((p, [from, to]) => p.replace(from, to), appPath)
  );
}
