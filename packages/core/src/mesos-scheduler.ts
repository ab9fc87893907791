/**
 * Mesos's scheduler HTTP API (v1, JSON) in Berth's terms: offers made of an
 * agent's free resources, a TaskInfo read into the app definition Berth's
 * launch path already knows, a task record told as a Mesos TaskStatus, and
 * the RecordIO framing of the event stream. Pure; the scheduler-api service
 * does the I/O.
 */
import type { PortRange, Resources } from "./resources.js";
import type { TaskRecord } from "./task-state.js";

/** Mesos's JSON: snake_case fields, ids as `{value}`. */
export interface MesosId {
  value: string;
}

export interface MesosResource {
  name: string;
  type: "SCALAR" | "RANGES";
  role?: string;
  scalar?: { value: number };
  ranges?: { range: PortRange[] };
}

export interface MesosOffer {
  id: MesosId;
  framework_id: MesosId;
  agent_id: MesosId;
  hostname: string;
  url: { scheme: string; address: { hostname: string; ip: string; port: number }; path: string };
  resources: MesosResource[];
}

/** One RecordIO record: the byte length of the JSON, a newline, the JSON (which holds no newline). */
export function recordIo(event: unknown): string {
  const json = JSON.stringify(event);
  return `${utf8(json).length}\n${json}`;
}

/** A string's UTF-8 bytes. */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** An offer of what is free on one agent. */
export function mesosOffer(o: {
  offerId: string;
  frameworkId: string;
  agentId: string;
  hostname: string;
  agentPort: number;
  free: Resources;
}): MesosOffer {
  const scalar = (name: string, value: number): MesosResource => ({ name, type: "SCALAR", role: "*", scalar: { value } });
  const resources = [scalar("cpus", o.free.cpus), scalar("mem", o.free.mem), scalar("disk", o.free.disk)];
  if (o.free.ports.length > 0)
    resources.push({ name: "ports", type: "RANGES", role: "*", ranges: { range: o.free.ports.map((r) => ({ ...r })) } });
  return {
    id: { value: o.offerId },
    framework_id: { value: o.frameworkId },
    agent_id: { value: o.agentId },
    hostname: o.hostname,
    url: { scheme: "http", address: { hostname: o.hostname, ip: o.hostname, port: o.agentPort }, path: "/slave(1)" },
    resources,
  };
}

/** What a TaskInfo asks for, read; or why it cannot run here (its TASK_ERROR message). */
export type LaunchRead =
  | {
      ok: true;
      /** The task's id as its framework named it. */
      taskId: string;
      agentId: string;
      /** A Marathon app definition with what the task runs: parseApp checks it like any other. */
      app: Record<string, unknown>;
      /** The host ports the task took from the offer. */
      ports: number[];
    }
  | { ok: false; taskId: string; message: string };

/** Mesos's task ids are free text; Berth keeps a task under its id, so only KV-safe ones are taken. */
const TASK_ID = /^[A-Za-z0-9_][-A-Za-z0-9_.=]{0,199}$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string => str(obj(v)?.value) ?? "";

/** Sums a TaskInfo's scalar resources and collects its port ranges. */
function resourcesOf(raw: unknown): { cpus: number; mem: number; disk: number; ports: number[] } {
  const out = { cpus: 0, mem: 0, disk: 0, ports: [] as number[] };
  for (const r of list(raw).map(obj)) {
    const name = str(r?.name);
    if (name === "cpus" || name === "mem" || name === "disk") out[name] += Number(obj(r?.scalar)?.value ?? 0);
    if (name === "ports") {
      for (const range of list(obj(r?.ranges)?.range).map(obj)) {
        for (let p = Number(range?.begin); p <= Number(range?.end) && out.ports.length < 1000; p++) out.ports.push(p);
      }
    }
  }
  return out;
}

/**
 * Reads a TaskInfo of an ACCEPT's LAUNCH into the app definition Berth runs
 * it as: its command (a shell command, or arguments when `shell` is false),
 * environment, labels, resources, Docker image on the host's network (or
 * none), and the ports it took. `appId` is where it lives in its team's
 * namespace.
 */
export function readTaskInfo(raw: unknown, appId: string): LaunchRead {
  const t = obj(raw) ?? {};
  const taskId = idOf(t.task_id);
  const fail = (message: string): LaunchRead => ({ ok: false, taskId, message });
  if (!TASK_ID.test(taskId)) return fail(`task_id '${taskId}' must be 1 to 200 of A-Z a-z 0-9 - _ . = (not starting with - . =)`);
  const agentId = idOf(t.agent_id);
  if (!agentId) return fail("agent_id is required");
  if (t.executor !== undefined && t.executor !== null) return fail("custom executors are not supported: give the task a command");
  const command = obj(t.command);
  if (!command) return fail("command is required");
  const res = resourcesOf(t.resources);
  if (res.cpus <= 0 || res.mem <= 0) return fail("resources must hold cpus and mem greater than 0");
  const shell = command.shell !== false;
  const value = str(command.value) ?? "";
  const args = list(command.arguments).filter((a): a is string => typeof a === "string");
  const env: Record<string, string> = {};
  for (const v of list(obj(command.environment)?.variables).map(obj)) {
    const name = str(v?.name);
    if (name) env[name] = str(v?.value) ?? "";
  }
  const labels: Record<string, string> = {};
  for (const l of list(obj(t.labels)?.labels).map(obj)) {
    const key = str(l?.key);
    if (key) labels[key] = str(l?.value) ?? "";
  }
  const app: Json = {
    id: appId,
    cpus: res.cpus,
    mem: res.mem,
    disk: res.disk,
    instances: 1,
    env,
    labels,
    // Without a shell: the arguments (or the value alone); with neither, what the image runs by default.
    ...(shell ? { cmd: value } : args.length > 0 ? { args } : value ? { args: [value] } : {}),
    ...killGrace(obj(t.kill_policy)),
    ...(res.ports.length > 0 ? { portDefinitions: res.ports.map((port) => ({ port })), requirePorts: true } : { portDefinitions: [] }),
  };
  const container = obj(t.container);
  if (container) {
    if (container.type !== undefined && container.type !== "DOCKER")
      return fail(`container type ${String(container.type)} is not supported: use DOCKER`);
    const docker = obj(container.docker);
    const image = str(docker?.image);
    if (!image) return fail("container.docker.image is required");
    const network = str(docker?.network) ?? "HOST";
    if (network !== "HOST" && network !== "NONE") return fail(`docker network ${network} is not offered: use HOST or NONE`);
    app.container = { type: "DOCKER", docker: { image, forcePullImage: docker?.force_pull_image === true } };
    app.networks = network === "HOST" ? [{ mode: "host" }] : [{ mode: "container", name: "none" }];
  }
  return { ok: true, taskId, agentId, app, ports: res.ports };
}

/** A kill policy's grace period, as Marathon's taskKillGracePeriodSeconds (whole seconds). */
function killGrace(policy: Json | undefined): Json {
  const ns = Number(obj(policy?.grace_period)?.nanoseconds ?? NaN);
  return Number.isFinite(ns) && ns >= 0 ? { taskKillGracePeriodSeconds: Math.round(ns / 1e9) } : {};
}

/** A task record told as Mesos's TaskStatus: the framework's own task id, a uuid to acknowledge. */
export function mesosStatus(
  task: Pick<TaskRecord, "state" | "message" | "agentId" | "updatedAtMs" | "lastSequence" | "containerId" | "health"> & {
    reason?: string;
  },
  frameworkTaskId: string,
  opts: { reconciling?: boolean } = {},
): Record<string, unknown> {
  const uuid = opts.reconciling ? undefined : statusUuid(frameworkTaskId, task.lastSequence, task.state);
  return {
    task_id: { value: frameworkTaskId },
    state: task.state,
    message: task.message,
    source: task.lastSequence > 0 ? "SOURCE_EXECUTOR" : "SOURCE_MASTER",
    agent_id: { value: task.agentId },
    timestamp: task.updatedAtMs / 1000,
    ...(uuid ? { uuid } : {}),
    ...(opts.reconciling ? { reason: "REASON_RECONCILIATION" } : task.reason ? { reason: task.reason } : {}),
    ...(task.health.state === "HEALTHY" || task.health.state === "UNHEALTHY" ? { healthy: task.health.state === "HEALTHY" } : {}),
    ...(task.containerId ? { container_status: { container_id: { value: task.containerId } } } : {}),
  };
}

/** The capabilities of a framework that change what Berth tells it, as a Mesos master honours them. */
export const HONOURED_CAPABILITIES = ["PARTITION_AWARE", "TASK_KILLING_STATE"] as const;
export type FrameworkCapability = (typeof HONOURED_CAPABILITIES)[number];

/**
 * The states a Mesos master (1.1 and later) tells only a framework that
 * declared the PARTITION_AWARE capability; any other framework hears
 * TASK_LOST for each, as it did before those states existed.
 */
const PARTITION_AWARE_STATES: ReadonlySet<string> = new Set([
  "TASK_UNREACHABLE",
  "TASK_DROPPED",
  "TASK_GONE",
  "TASK_GONE_BY_OPERATOR",
  "TASK_UNKNOWN",
]);

/**
 * The state a framework with these capabilities is told for a task's `state`, or undefined when it
 * is told nothing of it: TASK_LOST for a partition-aware state unless it is PARTITION_AWARE, and
 * TASK_KILLING only with TASK_KILLING_STATE (without it, its next update is the kill's end, and
 * reconciliation answers TASK_RUNNING, the last state it was told).
 */
export function stateToldTo(state: string, capabilities: readonly string[], reconciling = false): string | undefined {
  if (state === "TASK_KILLING" && !capabilities.includes("TASK_KILLING_STATE")) return reconciling ? "TASK_RUNNING" : undefined;
  return capabilities.includes("PARTITION_AWARE") || !PARTITION_AWARE_STATES.has(state) ? state : "TASK_LOST";
}

/** The capabilities Berth honours that a FrameworkInfo (JSON) declares, in the order Berth names them. */
export function honouredCapabilities(frameworkInfo: unknown): FrameworkCapability[] {
  const caps = (frameworkInfo as { capabilities?: unknown } | null)?.capabilities;
  const declared = new Set(Array.isArray(caps) ? caps.map((c) => (c as { type?: unknown } | null)?.type) : []);
  return HONOURED_CAPABILITIES.filter((c) => declared.has(c));
}

/** One update's uuid (base64, as Mesos's JSON carries bytes): the same update always gets the same one. */
export function statusUuid(frameworkTaskId: string, sequence: number, state: string): string {
  return base64(`${frameworkTaskId}:${sequence}:${state}`);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64(s: string): string {
  const b = utf8(s);
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : "=";
    out += i + 2 < b.length ? B64[n & 63]! : "=";
  }
  return out;
}
