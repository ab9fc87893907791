import type { DockerParameter } from "./app-definition.js";
import { isCleanAbsolutePath } from "./paths.js";

/**
 * The raw `docker run` options (Marathon's container.docker.parameters) Berth
 * understands, each read into the field of Docker's create call it sets. Any
 * other key is refused: a parameter Berth would silently drop is worse than
 * an error.
 */
export interface DockerOptions {
  capAdd: string[];
  capDrop: string[];
  init?: boolean;
  readOnly?: boolean;
  tmpfs: Record<string, string>;
  shmSizeBytes?: number;
  workdir?: string;
  ulimits: { name: string; soft: number; hard: number }[];
  labels: Record<string, string>;
  stopSignal?: string;
  pidsLimit?: number;
  logDriver?: string;
  logOptions: Record<string, string>;
  extraHosts: string[];
  hostname?: string;
  user?: string;
  dns: string[];
  dnsSearch: string[];
  env: string[];
  memorySwapBytes?: number;
  memoryReservationBytes?: number;
  cpuQuota?: number;
}

export const DOCKER_PARAMETER_KEYS = [
  "cap-add",
  "cap-drop",
  "init",
  "read-only",
  "tmpfs",
  "shm-size",
  "workdir",
  "ulimit",
  "label",
  "stop-signal",
  "pids-limit",
  "log-driver",
  "log-opt",
  "add-host",
  "hostname",
  "user",
  "dns",
  "dns-search",
  "env",
  "memory-swap",
  "memory-reservation",
  "cpu-quota",
] as const;

/**
 * Log drivers that keep a task's output on its agent. The others ship it to
 * an address (syslog, gelf, fluentd, ...): the Docker daemon, not the task,
 * would open that connection, past the task's own network rules.
 */
export const LOG_DRIVERS = ["json-file", "local", "none"] as const;
/** The log options of those drivers that only shape what is kept. */
const LOG_OPTIONS = new Set([
  "max-size",
  "max-file",
  "compress",
  "mode",
  "max-buffer-size",
  "labels",
  "labels-regex",
  "env",
  "env-regex",
  "tag",
]);
export type DockerParameterKey = (typeof DOCKER_PARAMETER_KEYS)[number];

const CAPABILITY = /^(CAP_)?[A-Z_]{2,32}$/;
const ULIMITS = new Set([
  "core",
  "cpu",
  "data",
  "fsize",
  "locks",
  "memlock",
  "msgqueue",
  "nice",
  "nofile",
  "nproc",
  "rss",
  "rtprio",
  "rttime",
  "sigpending",
  "stack",
]);
const SIZE = /^([0-9]+)([bkmg]?)$/i;
const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$/;
const IPV6 = /^[0-9a-fA-F:]{2,39}$/;
const isIp = (v: string) => IPV4.test(v) || (IPV6.test(v) && v.includes(":"));

function size(value: string): number | undefined {
  const m = SIZE.exec(value);
  return m ? Number(m[1]) * (UNIT[(m[2] ?? "").toLowerCase()] ?? 1) : undefined;
}
const UNIT: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "NET_ADMIN", "CAP_NET_ADMIN" or "ALL". */
export function isCapabilityName(raw: string): boolean {
  return raw.toUpperCase() === "ALL" || CAPABILITY.test(raw.toUpperCase());
}

/** A capability as Docker names it, without the CAP_ prefix ("NET_ADMIN"). */
export function capabilityName(raw: string): string {
  return raw.toUpperCase().replace(/^CAP_/, "");
}

function bool(value: string): boolean | undefined {
  if (value === "" || value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** Reads one parameter into `into`; returns why it is wrong, or undefined. */
function apply(into: DockerOptions, key: string, value: string): string | undefined {
  switch (key as DockerParameterKey) {
    case "cap-add":
    case "cap-drop": {
      if (!isCapabilityName(value)) return `'${value}' is not a capability name`;
      (key === "cap-add" ? into.capAdd : into.capDrop).push(capabilityName(value));
      return undefined;
    }
    case "init":
    case "read-only": {
      const b = bool(value);
      if (b === undefined) return "must be 'true' or 'false'";
      if (key === "init") into.init = b;
      else into.readOnly = b;
      return undefined;
    }
    case "tmpfs": {
      const [path = "", options = ""] = value.split(/:(.*)/s);
      if (!isCleanAbsolutePath(path)) return "must be an absolute container path, optionally followed by ':options'";
      into.tmpfs[path] = options;
      return undefined;
    }
    case "shm-size":
    case "memory-swap":
    case "memory-reservation": {
      const bytes = size(value);
      if (bytes === undefined) return `must be a size such as '64m'${key === "memory-swap" ? " (unlimited swap, -1, is not offered)" : ""}`;
      if (key === "shm-size") into.shmSizeBytes = bytes;
      else if (key === "memory-swap") into.memorySwapBytes = bytes;
      else into.memoryReservationBytes = bytes;
      return undefined;
    }
    case "log-driver":
      if (!(LOG_DRIVERS as readonly string[]).includes(value)) {
        return `'${value}' would send the task's output off the host; the drivers offered keep it there: ${LOG_DRIVERS.join(", ")}`;
      }
      into.logDriver = value;
      return undefined;
    case "log-opt": {
      const [k = "", v] = value.split(/=(.*)/s);
      if (v === undefined || !LOG_OPTIONS.has(k)) return `must be key=value with a key among ${[...LOG_OPTIONS].join(", ")}`;
      into.logOptions[k] = v;
      return undefined;
    }
    case "add-host": {
      const [host = "", ip = ""] = value.split(/:(.*)/s);
      if (!HOSTNAME.test(host) || !isIp(ip)) return "must be host:ip, such as 'db.local:127.0.0.1'";
      into.extraHosts.push(`${host}:${ip}`);
      return undefined;
    }
    case "hostname":
      if (!HOSTNAME.test(value)) return "must be a host name: letters, digits, '-' and '.'";
      into.hostname = value;
      return undefined;
    case "user":
      if (!/^[a-z0-9_][a-z0-9_.-]{0,31}(:[a-z0-9_][a-z0-9_.-]{0,31})?$/i.test(value)) return "must be user[:group], as names or ids";
      into.user = value;
      return undefined;
    case "dns":
      if (!isIp(value)) return "must be an IP address";
      into.dns.push(value);
      return undefined;
    case "dns-search":
      if (!HOSTNAME.test(value)) return "must be a domain name";
      into.dnsSearch.push(value);
      return undefined;
    case "env": {
      const [k = "", v] = value.split(/=(.*)/s);
      if (v === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) return "must be NAME=value";
      into.env.push(`${k}=${v}`);
      return undefined;
    }
    case "cpu-quota": {
      const n = Number(value);
      if (!/^[0-9]+$/.test(value) || n < 1000) return "must be microseconds per 100 ms period, at least 1000";
      into.cpuQuota = n;
      return undefined;
    }
    case "workdir":
      if (!isCleanAbsolutePath(value)) return "must be an absolute path";
      into.workdir = value;
      return undefined;
    case "ulimit": {
      const m = /^([a-z]+)=(-?[0-9]+)(?::(-?[0-9]+))?$/.exec(value);
      if (!m || !ULIMITS.has(m[1] ?? "")) return "must be name=soft[:hard] with a known limit name, such as 'nofile=1024:2048'";
      const soft = Number(m[2]);
      const hard = m[3] === undefined ? soft : Number(m[3]);
      if (hard < soft && hard !== -1) return "the hard limit must not be below the soft one";
      into.ulimits.push({ name: m[1] ?? "", soft, hard });
      return undefined;
    }
    case "label": {
      const [k = "", v = ""] = value.split(/=(.*)/s);
      if (k === "" || k.startsWith("berth.")) return "must be key=value, and keys starting with 'berth.' are Berth's own";
      into.labels[k] = v;
      return undefined;
    }
    case "stop-signal":
      if (!/^(SIG)?[A-Z0-9]{2,10}$|^[0-9]{1,2}$/.test(value)) return "must be a signal such as 'SIGINT'";
      into.stopSignal = value;
      return undefined;
    case "pids-limit": {
      const n = Number(value);
      if (!/^[0-9]+$/.test(value) || n < 1) return "must be a positive integer";
      into.pidsLimit = n;
      return undefined;
    }
    default:
      return `Berth does not support the docker parameter '${key}'; supported: ${DOCKER_PARAMETER_KEYS.join(", ")}`;
  }
}

export type DockerOptionsResult = { ok: true; options: DockerOptions } | { ok: false; errors: { index: number; error: string }[] };

/** Reads parameters into Docker create options, or every parameter that is wrong. */
export function dockerOptions(parameters: readonly DockerParameter[]): DockerOptionsResult {
  const options: DockerOptions = {
    capAdd: [],
    capDrop: [],
    tmpfs: {},
    ulimits: [],
    labels: {},
    logOptions: {},
    extraHosts: [],
    dns: [],
    dnsSearch: [],
    env: [],
  };
  const errors: { index: number; error: string }[] = [];
  parameters.forEach((p, index) => {
    const error = apply(options, p.key, p.value);
    if (error) errors.push({ index, error: `${p.key}: ${error}` });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
