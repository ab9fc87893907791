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
] as const;
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
    case "shm-size": {
      const m = SIZE.exec(value);
      if (!m) return "must be a size such as '64m'";
      into.shmSizeBytes = Number(m[1]) * (UNIT[(m[2] ?? "").toLowerCase()] ?? 1);
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
  const options: DockerOptions = { capAdd: [], capDrop: [], tmpfs: {}, ulimits: [], labels: {} };
  const errors: { index: number; error: string }[] = [];
  parameters.forEach((p, index) => {
    const error = apply(options, p.key, p.value);
    if (error) errors.push({ index, error: `${p.key}: ${error}` });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}
