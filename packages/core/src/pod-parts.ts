import { Checker, escapePointer, opt } from "./checker.js";
import { imageReferenceError } from "./docker-image.js";
import { HEALTH_DEFAULTS } from "./health-check.js";
import type { PodArtifact, PodContainer, PodEndpoint, PodHealthCheck, PodVolume, PodVolumeMount } from "./pod-definition.js";

/** Readers of a pod's parts (scaling, volumes, containers and theirs), each failing at its path in the pod's JSON. */

const CONTAINER_FIELDS = new Set([
  "name",
  "exec",
  "resources",
  "endpoints",
  "image",
  "environment",
  "user",
  "healthCheck",
  "check",
  "volumeMounts",
  "artifacts",
  "labels",
  "lifecycle",
  "linuxInfo",
  "tty",
]);
const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export function readScaling(c: Checker, raw: unknown): { instances: number; maxInstances?: number } {
  const s = opt(raw, (v) => c.object("/scaling", v));
  if (!s) return { instances: 1 };
  for (const key of Object.keys(s))
    if (!["kind", "instances", "maxInstances"].includes(key)) c.fail(`/scaling/${key}`, "is not a field of a pod's scaling");
  if (s.kind != null) c.enumOf("/scaling/kind", s.kind, ["fixed"]);
  const instances = opt(s.instances, (v) => c.number("/scaling/instances", v, { min: 0, integer: true })) ?? 1;
  const max = opt(s.maxInstances, (v) => c.number("/scaling/maxInstances", v, { min: 0, integer: true }));
  if (max !== undefined && instances > max) c.fail("/scaling/instances", `is more than maxInstances (${max})`);
  return { instances, ...(max !== undefined ? { maxInstances: max } : {}) };
}

export function readVolumes(c: Checker, raw: unknown): PodVolume[] {
  const list = opt(raw, (v) => c.array("/volumes", v, 32)) ?? [];
  return list.map((item, i) => {
    const v = c.object(`/volumes/${i}`, item) ?? {};
    for (const key of Object.keys(v)) {
      if (key === "persistent" || key === "secret")
        c.fail(`/volumes/${i}/${key}`, "is not offered here: a pod volume is the sandbox's (no host) or a host path");
      else if (key !== "name" && key !== "host") c.fail(`/volumes/${i}/${key}`, "is not a field of a pod volume");
    }
    const name = c.string(`/volumes/${i}/name`, v.name, { nonEmpty: true, maxLength: 63 }) ?? "";
    if (name && !NAME.test(name)) c.fail(`/volumes/${i}/name`, "must be lowercase letters, digits and dashes");
    const host = opt(v.host, (h) => c.string(`/volumes/${i}/host`, h, { nonEmpty: true, maxLength: 4096 }));
    return { name, ...(host !== undefined ? { host } : {}) };
  });
}

export function readContainer(c: Checker, at: string, raw: unknown, volumes: readonly PodVolume[]): PodContainer {
  const k = c.object(at, raw) ?? {};
  for (const key of Object.keys(k)) if (!CONTAINER_FIELDS.has(key)) c.fail(`${at}/${key}`, "is not a field of a pod container");
  if (k.check != null) c.fail(`${at}/check`, "readiness checks of pod containers are not offered: use healthCheck");
  if (k.linuxInfo != null) c.fail(`${at}/linuxInfo`, "is not offered here: Docker's defaults and the team's policy apply");
  if (k.tty === true) c.fail(`${at}/tty`, "tasks run without a terminal here");
  const name = c.string(`${at}/name`, k.name, { nonEmpty: true, maxLength: 63 }) ?? "";
  if (name && !NAME.test(name))
    c.fail(`${at}/name`, "must be lowercase letters, digits and dashes, starting and ending with a letter or digit");
  const container: PodContainer = {
    name,
    image: readImage(c, `${at}/image`, k.image),
    resources: readResources(c, `${at}/resources`, k.resources),
    endpoints: readEndpoints(c, `${at}/endpoints`, k.endpoints),
    environment: readPlainEnv(c, `${at}/environment`, k.environment),
    volumeMounts: readMounts(c, `${at}/volumeMounts`, k.volumeMounts, volumes),
    artifacts: readArtifacts(c, `${at}/artifacts`, k.artifacts),
    labels: opt(k.labels, (v) => c.stringMap(`${at}/labels`, v, { maxEntries: 100 })) ?? {},
  };
  const exec = opt(k.exec, (v) => readExec(c, `${at}/exec`, v));
  if (exec) container.exec = exec;
  const user = opt(k.user, (v) => c.string(`${at}/user`, v, { nonEmpty: true, maxLength: 255 }));
  if (user !== undefined) container.user = user;
  const health = opt(k.healthCheck, (v) => readHealthCheck(c, `${at}/healthCheck`, v));
  if (health) container.healthCheck = health;
  const lifecycle = opt(k.lifecycle, (v) => c.object(`${at}/lifecycle`, v));
  const grace = opt(lifecycle?.killGracePeriodSeconds, (v) => c.number(`${at}/lifecycle/killGracePeriodSeconds`, v, { min: 0, max: 3600 }));
  if (grace !== undefined) container.lifecycle = { killGracePeriodSeconds: grace };
  return container;
}

function readImage(c: Checker, at: string, raw: unknown): PodContainer["image"] {
  if (raw == null) {
    c.fail(at, 'is required: each container of a pod runs a Docker image here ({"kind": "DOCKER", "id": "<image>"})');
    return { kind: "DOCKER", id: "", forcePull: false };
  }
  const img = c.object(at, raw) ?? {};
  if ((img.kind ?? "DOCKER") !== "DOCKER") c.fail(`${at}/kind`, "only DOCKER images run here");
  const id = c.string(`${at}/id`, img.id, { nonEmpty: true, maxLength: 512 }) ?? "";
  const bad = id ? imageReferenceError(id) : undefined;
  if (bad) c.fail(`${at}/id`, bad);
  const forcePull = opt(img.forcePull, (v) => c.boolean(`${at}/forcePull`, v)) ?? false;
  return { kind: "DOCKER", id, forcePull };
}

function readResources(c: Checker, at: string, raw: unknown): PodContainer["resources"] {
  const r = opt(raw, (v) => c.object(at, v)) ?? {};
  const gpus = opt(r.gpus, (v) => c.number(`${at}/gpus`, v, { min: 0, max: 0 })) ?? 0;
  return {
    cpus: opt(r.cpus, (v) => c.number(`${at}/cpus`, v, { exclusiveMin: 0, max: 64 })) ?? 1,
    mem: opt(r.mem, (v) => c.number(`${at}/mem`, v, { min: 0, max: 1_048_576 })) ?? 128,
    disk: opt(r.disk, (v) => c.number(`${at}/disk`, v, { min: 0, max: 1_048_576 })) ?? 0,
    gpus,
  };
}

function readEndpoints(c: Checker, at: string, raw: unknown): PodEndpoint[] {
  const list = opt(raw, (v) => c.array(at, v, 64)) ?? [];
  return list.map((item, i) => {
    const e = c.object(`${at}/${i}`, item) ?? {};
    for (const key of Object.keys(e))
      if (!["name", "containerPort", "hostPort", "protocol", "labels", "networkNames"].includes(key))
        c.fail(`${at}/${i}/${key}`, "is not a field of an endpoint");
    const name = c.string(`${at}/${i}/name`, e.name, { nonEmpty: true, maxLength: 63 }) ?? "";
    const port = (key: string) => opt(e[key], (v) => c.number(`${at}/${i}/${key}`, v, { min: 0, max: 65535, integer: true }));
    const protocol = (opt(e.protocol, (v) => c.array(`${at}/${i}/protocol`, v, 2)) ?? ["tcp"]).map(
      (p, j) => c.enumOf(`${at}/${i}/protocol/${j}`, p, ["tcp", "udp"]) ?? "tcp",
    );
    const containerPort = port("containerPort");
    const hostPort = port("hostPort");
    return {
      name,
      ...(containerPort !== undefined ? { containerPort } : {}),
      ...(hostPort !== undefined ? { hostPort } : {}),
      protocol,
      labels: opt(e.labels, (v) => c.stringMap(`${at}/${i}/labels`, v, { maxEntries: 100 })) ?? {},
    };
  });
}

/** A container's own environment: plain values (a secret goes in the pod's environment, which every container gets). */
function readPlainEnv(c: Checker, at: string, raw: unknown): Record<string, string> {
  const env = opt(raw, (v) => c.object(at, v)) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "object" && v !== null)
      c.fail(`${at}/${escapePointer(k)}`, "a secret goes in the pod's environment, which every container gets");
    else c.fail(`${at}/${escapePointer(k)}`, "must be a string");
  }
  return out;
}

function readMounts(c: Checker, at: string, raw: unknown, volumes: readonly PodVolume[]): PodVolumeMount[] {
  const list = opt(raw, (v) => c.array(at, v, 32)) ?? [];
  return list.map((item, i) => {
    const m = c.object(`${at}/${i}`, item) ?? {};
    const name = c.string(`${at}/${i}/name`, m.name, { nonEmpty: true }) ?? "";
    if (name && !volumes.some((v) => v.name === name)) c.fail(`${at}/${i}/name`, `names no volume of the pod ('${name}')`);
    const mountPath = c.string(`${at}/${i}/mountPath`, m.mountPath, { nonEmpty: true, maxLength: 4096 }) ?? "";
    if (mountPath && !mountPath.startsWith("/")) c.fail(`${at}/${i}/mountPath`, "must be an absolute path");
    const readOnly = opt(m.readOnly, (v) => c.boolean(`${at}/${i}/readOnly`, v)) ?? false;
    return { name, mountPath, readOnly };
  });
}

function readArtifacts(c: Checker, at: string, raw: unknown): PodArtifact[] {
  const list = opt(raw, (v) => c.array(at, v, 64)) ?? [];
  return list.map((item, i) => {
    const a = c.object(`${at}/${i}`, item) ?? {};
    const flag = (key: string) => opt(a[key], (v) => c.boolean(`${at}/${i}/${key}`, v)) ?? false;
    const destPath = opt(a.destPath, (v) => c.string(`${at}/${i}/destPath`, v, { nonEmpty: true }));
    return {
      uri: c.string(`${at}/${i}/uri`, a.uri, { nonEmpty: true }) ?? "",
      extract: flag("extract"),
      executable: flag("executable"),
      cache: flag("cache"),
      ...(destPath !== undefined ? { destPath } : {}),
    };
  });
}

function readExec(c: Checker, at: string, raw: unknown): PodContainer["exec"] {
  const e = c.object(at, raw) ?? {};
  if (e.overrideEntrypoint === false)
    c.fail(`${at}/overrideEntrypoint`, "false is not offered: a command replaces the image's entrypoint here");
  const cmd = c.object(`${at}/command`, e.command) ?? {};
  if (cmd.shell != null) return { command: { shell: c.string(`${at}/command/shell`, cmd.shell, { nonEmpty: true }) ?? "" } };
  if (cmd.argv != null) {
    const argv = (c.array(`${at}/command/argv`, cmd.argv, 1000) ?? []).map((a, i) => c.string(`${at}/command/argv/${i}`, a) ?? "");
    return { command: { argv } };
  }
  c.fail(`${at}/command`, "needs shell or argv");
  return undefined;
}

function readHealthCheck(c: Checker, at: string, raw: unknown): PodHealthCheck | undefined {
  const h = c.object(at, raw);
  if (!h) return undefined;
  const time = (key: keyof typeof HEALTH_DEFAULTS) =>
    opt(h[key], (v) => c.number(`${at}/${key}`, v, { min: 0, max: 86_400, integer: true })) ?? HEALTH_DEFAULTS[key];
  const check: PodHealthCheck = {
    gracePeriodSeconds: time("gracePeriodSeconds"),
    intervalSeconds: time("intervalSeconds"),
    maxConsecutiveFailures: time("maxConsecutiveFailures"),
    timeoutSeconds: time("timeoutSeconds"),
    delaySeconds: time("delaySeconds"),
  };
  const kinds = ["http", "tcp", "exec"].filter((k) => h[k] != null);
  if (kinds.length !== 1) c.fail(at, "give exactly one of http, tcp or exec");
  const endpoint = (kind: string) => {
    const o = c.object(`${at}/${kind}`, h[kind]) ?? {};
    return { o, endpoint: c.string(`${at}/${kind}/endpoint`, o.endpoint, { nonEmpty: true }) ?? "" };
  };
  if (h.http != null) {
    const { o, endpoint: ep } = endpoint("http");
    const scheme = opt(o.scheme, (v) => c.enumOf<"HTTP" | "HTTPS">(`${at}/http/scheme`, v, ["HTTP", "HTTPS"])) ?? "HTTP";
    check.http = { endpoint: ep, path: opt(o.path, (v) => c.string(`${at}/http/path`, v)) ?? "/", scheme };
  } else if (h.tcp != null) {
    check.tcp = { endpoint: endpoint("tcp").endpoint };
  } else if (h.exec != null) {
    const exec = readExec(c, `${at}/exec`, h.exec);
    if (exec && "shell" in exec.command) check.exec = { command: exec.command };
    else if (exec) c.fail(`${at}/exec/command/argv`, "give the check as a shell command (command.shell)");
  }
  return check;
}
