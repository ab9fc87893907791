import { appIdDetail, parseAppId } from "./app-id.js";
import {
  APP_DEFAULTS,
  type AppDefinition,
  type EnvValue,
  hostPortCount,
  requiredHostPorts,
  portNames,
  type KillSelection,
  READ_ONLY_FIELDS,
  type UnreachableStrategy,
} from "./app-definition.js";
import { Checker, escapePointer, opt, stringList } from "./checker.js";
import { LIMITS } from "./app-limits.js";
import { legacyNetwork, portsForNetwork, readFetch, readNetworks, readPortDefinitions } from "./app-networking.js";

import { isSecretRef, isSecretSource } from "./secrets.js";
import { dockerOptions } from "./docker-parameters.js";
import { REDACTED } from "./redaction.js";
import { readContainer } from "./app-container.js";
import { readHealthChecks, readReadinessChecks } from "./health-check.js";
import type { ValidationDetail } from "./errors.js";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONSTRAINT_OPS = ["UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS"] as const;
/**
 * Marathon's fields that Berth does not use, with the values that mean "not
 * used" (Marathon's defaults, as its exports carry them): accepted and
 * ignored. Any other value is refused, naming the field: it would run
 * differently than asked. `null` is absent everywhere.
 */
const UNUSED_FIELDS: Record<string, { accepts: (v: unknown) => boolean; why: string }> = {
  executor: {
    accepts: (v) => v === "" || v === "//cmd",
    why: 'Berth runs every task with its own Docker executor: give "" or leave it out',
  },
  tty: { accepts: (v) => v === false, why: "Berth does not give tasks a terminal: give false or leave it out" },
  storeUrls: { accepts: (v) => Array.isArray(v) && v.length === 0, why: "Berth has no artifact store: give [] or leave it out" },
  ipAddress: { accepts: () => false, why: "IP-per-task networking is not supported: use networks, or leave it out" },
  residency: { accepts: () => false, why: "resident (persistent-volume) tasks are not supported: leave it out" },
  role: { accepts: (v) => v === "*", why: 'agents offer no roles yet: give "*" or leave it out' },
  acceptedResourceRoles: {
    accepts: (v) => Array.isArray(v) && v.every((r) => r === "*"),
    why: 'agents offer no roles yet, so only unreserved ("*") resources exist: give ["*"] or leave it out',
  },
  gpus: { accepts: (v) => v === 0, why: "no agent offers GPUs: give 0 or leave it out" },
};

const KNOWN_FIELDS = new Set<string>([
  ...READ_ONLY_FIELDS,
  "id",
  "cmd",
  "args",
  "user",
  "env",
  "labels",
  "instances",
  "cpus",
  "mem",
  "disk",
  "gpus",
  "container",
  "networks",
  "portDefinitions",
  "ports",
  "requirePorts",
  "constraints",
  "healthChecks",
  "readinessChecks",
  "dependencies",
  "upgradeStrategy",
  "unreachableStrategy",
  "killSelection",
  "backoffSeconds",
  "backoffFactor",
  "maxLaunchDelaySeconds",
  "taskKillGracePeriodSeconds",
  "progressDeadlineSeconds",
  "pullTimeoutSeconds",
  "secrets",
  "fetch",
  "uris",
  ...Object.keys(UNUSED_FIELDS),
]);

export type AppParseResult = { ok: true; app: AppDefinition } | { ok: false; details: ValidationDetail[] };

export interface AppParseContext {
  /** The version to stamp on the result (an ISO-8601 time, chosen by the caller). */
  readonly version: string;
  /** Group a relative id resolves against. */
  readonly base?: string;
}

/** Reads an untrusted app definition into a complete one with Marathon's defaults, or every reason it is wrong. */
export function parseApp(raw: unknown, ctx: AppParseContext): AppParseResult {
  const c = new Checker();
  const input = c.object("/", raw);
  if (!input) return { ok: false, details: c.details };
  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) c.fail(`/${key}`, "is not a field of an app definition");
  }
  for (const [key, unused] of Object.entries(UNUSED_FIELDS)) {
    const v = input[key];
    if (v !== undefined && v !== null && !unused.accepts(v)) c.fail(`/${key}`, unused.why);
  }
  let id = "";
  if (input.id === undefined) c.fail("/id", "is required");
  else if (typeof input.id === "string") {
    const r = parseAppId(input.id, ctx.base ?? "/");
    if (r.ok) id = r.id;
    else c.fail("/id", r.error);
  } else {
    const d = appIdDetail(input.id);
    if (d) for (const e of d.errors) c.fail(d.path, e);
  }

  const app: AppDefinition = {
    id,
    env: {},
    secrets: {},
    labels: {},
    instances: num(c, input, "instances", APP_DEFAULTS.instances, { min: 0, max: LIMITS.maxInstances, integer: true }),
    cpus: num(c, input, "cpus", APP_DEFAULTS.cpus, { exclusiveMin: 0, max: LIMITS.maxCpus }),
    mem: num(c, input, "mem", APP_DEFAULTS.mem, { min: 0, max: LIMITS.maxMemMiB }),
    disk: num(c, input, "disk", APP_DEFAULTS.disk, { min: 0, max: LIMITS.maxDiskMiB }),
    gpus: APP_DEFAULTS.gpus,
    networks: [],
    portDefinitions: [],
    requirePorts: false,
    constraints: [],
    healthChecks: [],
    readinessChecks: [],
    dependencies: [],
    upgradeStrategy: { ...APP_DEFAULTS.upgradeStrategy },
    unreachableStrategy: { ...APP_DEFAULTS.unreachableStrategy },
    killSelection: APP_DEFAULTS.killSelection,
    backoffSeconds: num(c, input, "backoffSeconds", APP_DEFAULTS.backoffSeconds, { min: 0, max: 86_400 }),
    backoffFactor: num(c, input, "backoffFactor", APP_DEFAULTS.backoffFactor, { min: 1, max: 100 }),
    maxLaunchDelaySeconds: num(c, input, "maxLaunchDelaySeconds", APP_DEFAULTS.maxLaunchDelaySeconds, {
      min: 0,
      max: 86_400,
    }),
    progressDeadlineSeconds: num(c, input, "progressDeadlineSeconds", APP_DEFAULTS.progressDeadlineSeconds, {
      min: 1,
      max: 86_400,
      integer: true,
    }),
    pullTimeoutSeconds: num(c, input, "pullTimeoutSeconds", APP_DEFAULTS.pullTimeoutSeconds, { min: 1, max: 86_400, integer: true }),
    version: ctx.version,
    versionInfo: { lastScalingAt: ctx.version, lastConfigChangeAt: ctx.version },
  };

  const cmd = opt(input.cmd, (v) => c.string("/cmd", v, { maxLength: LIMITS.maxCmdLength, nonEmpty: true }));
  if (cmd !== undefined) app.cmd = cmd;
  const args = opt(input.args, (v) => stringList(c, "/args", v, LIMITS.maxArgs, LIMITS.maxCmdLength));
  if (args !== undefined) app.args = args;
  if (app.cmd !== undefined && app.args !== undefined) c.fail("/", "AppDefinition must either contain one of 'cmd' or 'args', not both");
  const user = opt(input.user, (v) => c.string("/user", v, { maxLength: 255, nonEmpty: true }));
  if (user !== undefined) app.user = user;
  const secrets = opt(input.secrets, (v) => readSecrets(c, v));
  if (secrets) app.secrets = secrets;
  const env = opt(input.env, (v) => readEnv(c, v, app.secrets));
  if (env) app.env = env;
  const labels = opt(input.labels, (v) => c.stringMap("/labels", v, { maxEntries: LIMITS.maxLabels }));
  if (labels) app.labels = labels;

  const fetch = readFetch(c, input);
  if (fetch.length > 0) app.fetch = fetch;
  const container = opt(input.container, (v) => readContainer(c, v));
  if (container) app.container = container;
  const networks = opt(input.networks, (v) => readNetworks(c, v));
  const legacy = legacyNetwork(c, input.container);
  if (networks && legacy) c.fail("/container/docker/network", "give either 'networks' or the legacy container.docker.network, not both");
  const net = networks ?? legacy;
  if (net) app.networks = net;
  const portDefinitions = readPortDefinitions(c, input);
  if (portDefinitions) app.portDefinitions = portDefinitions;
  else if (input.portDefinitions == null && input.ports == null && app.networks.every((n) => n.mode === "host")) {
    // As Marathon: an app on the host's network that names no ports gets one, $PORT0.
    app.portDefinitions = [{ port: 0, protocol: "tcp" }];
  }
  portsForNetwork(c, app, input);
  parameterConflicts(c, app);
  const requirePorts = opt(input.requirePorts, (v) => c.boolean("/requirePorts", v));
  if (requirePorts !== undefined) app.requirePorts = requirePorts;
  const constraints = opt(input.constraints, (v) => readConstraints(c, v));
  if (constraints) app.constraints = constraints;
  const healthChecks = opt(input.healthChecks, (v) =>
    readHealthChecks(
      c,
      v,
      () => hostPortCount(app),
      () => requiredHostPorts(app),
    ),
  );
  if (healthChecks) app.healthChecks = healthChecks;
  const readinessChecks = opt(input.readinessChecks, (v) => readReadinessChecks(c, v, () => portNames(app)));
  if (readinessChecks) app.readinessChecks = readinessChecks;
  const dependencies = opt(input.dependencies, (v) => stringList(c, "/dependencies", v, 100, LIMITS.maxCmdLength));
  if (dependencies) app.dependencies = dependencies.map((d) => resolveDependency(c, d, id));
  const upgrade = opt(input.upgradeStrategy, (v) => c.object("/upgradeStrategy", v));
  if (upgrade) {
    app.upgradeStrategy = {
      minimumHealthCapacity: num(c, upgrade, "minimumHealthCapacity", 1, { min: 0, max: 1 }, "/upgradeStrategy"),
      maximumOverCapacity: num(c, upgrade, "maximumOverCapacity", 1, { min: 0, max: 1 }, "/upgradeStrategy"),
    };
  }
  if (app.upgradeStrategy.minimumHealthCapacity === 1 && app.upgradeStrategy.maximumOverCapacity === 0 && app.instances > 0) {
    c.fail(
      "/upgradeStrategy",
      "minimumHealthCapacity 1 with maximumOverCapacity 0 leaves no room to replace a task: lower one or raise the other",
    );
  }
  const unreachable = opt(input.unreachableStrategy, (v) => readUnreachable(c, v));
  if (unreachable) app.unreachableStrategy = unreachable;
  const killSelection = opt(input.killSelection, (v) => c.enumOf<KillSelection>("/killSelection", v, ["YOUNGEST_FIRST", "OLDEST_FIRST"]));
  if (killSelection) app.killSelection = killSelection;
  const grace = opt(input.taskKillGracePeriodSeconds, (v) =>
    c.number("/taskKillGracePeriodSeconds", v, { min: 0, max: LIMITS.maxGraceSeconds, integer: true }),
  );
  if (grace !== undefined) app.taskKillGracePeriodSeconds = grace;

  if (app.cmd === undefined && app.args === undefined && !app.container) {
    c.fail("/", "AppDefinition must contain one of 'cmd', 'args' or 'container'");
  }
  return c.ok ? { ok: true, app } : { ok: false, details: c.details };
}

/** Parameters that say again, or against, what the app's own fields say. */
function parameterConflicts(c: Checker, app: AppDefinition): void {
  const parameters = app.container?.docker.parameters ?? [];
  const read = dockerOptions(parameters);
  if (!read.ok) return;
  const o = read.options;
  const at = (key: string) => `/container/docker/parameters/${parameters.findIndex((p) => p.key === key)}/value`;
  const memBytes = Math.max(app.mem, 32) * 1024 * 1024;
  if (o.memorySwapBytes !== undefined && o.memorySwapBytes < memBytes) {
    c.fail(at("memory-swap"), `memory-swap is memory and swap together: at least the app's mem (${app.mem} MiB)`);
  }
  if (o.memoryReservationBytes !== undefined && o.memoryReservationBytes > memBytes) {
    c.fail(at("memory-reservation"), `memory-reservation is a soft limit below the app's mem (${app.mem} MiB)`);
  }
  if (o.user !== undefined && app.user !== undefined && o.user !== app.user) {
    c.fail(at("user"), `the app's user is '${app.user}': give the user once`);
  }
  for (const e of o.env) {
    const name = e.split("=")[0] ?? "";
    if (name in app.env) c.fail(at("env"), `${name} is also in the app's env: give it once`);
  }
}

function num(
  c: Checker,
  obj: Record<string, unknown>,
  key: string,
  fallback: number,
  opts: Parameters<Checker["number"]>[2],
  prefix = "",
): number {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  return c.number(`${prefix}/${key}`, v, opts) ?? fallback;
}

function resolveDependency(c: Checker, dep: string, appId: string): string {
  const base = appId.split("/").slice(0, -1).join("/") || "/";
  const r = parseAppId(dep, base);
  if (!r.ok) {
    c.fail("/dependencies", r.error);
    return dep;
  }
  return r.id;
}

function readSecrets(c: Checker, value: unknown): AppDefinition["secrets"] | undefined {
  const obj = c.object("/secrets", value);
  if (!obj) return undefined;
  const out: AppDefinition["secrets"] = {};
  const names = Object.keys(obj);
  if (names.length > 100) c.fail("/secrets", "must have at most 100 entries");
  for (const name of names.slice(0, 100)) {
    const path = `/secrets/${escapePointer(name)}`;
    if (!/^[A-Za-z0-9_.-]{1,63}$/.test(name)) c.fail(path, "a secret's name is letters, digits, '_', '.' and '-', at most 63");
    const entry = c.object(path, obj[name]);
    const source = entry ? c.string(`${path}/source`, entry.source, { nonEmpty: true, maxLength: 255 }) : undefined;
    if (source !== undefined && !isSecretSource(source)) {
      c.fail(`${path}/source`, "a secret's source is its path in the team's store: lower-case segments such as 'db/password'");
    } else if (source !== undefined) out[name] = { source };
  }
  return out;
}

function readEnv(c: Checker, value: unknown, secrets: AppDefinition["secrets"]): Record<string, EnvValue> | undefined {
  const obj = c.object("/env", value);
  if (!obj) return undefined;
  const keys = Object.keys(obj);
  if (keys.length > LIMITS.maxEnvEntries) {
    c.fail("/env", `must have at most ${LIMITS.maxEnvEntries} entries`);
    return undefined;
  }
  const out: Record<string, EnvValue> = {};
  for (const key of keys) {
    const path = `/env/${escapePointer(key)}`;
    if (key.length > 255 || !ENV_NAME.test(key)) {
      c.fail(path, "environment variable names must be letters, digits and '_', not starting with a digit");
      continue;
    }
    const v = obj[key];
    if (isSecretRef(v)) {
      if (Object.keys(v).length !== 1) c.fail(path, 'a secret reference is {"secret": "<name>"} and nothing else');
      else if (!secrets[v.secret]) c.fail(path, `refers to the secret '${v.secret}', which 'secrets' does not name`);
      else out[key] = { secret: v.secret };
      continue;
    }
    const s = c.string(path, v, { maxLength: 64 * 1024 });
    if (s === REDACTED) c.fail(path, `'${REDACTED}' stands for a stored value, and there is none for ${key}: give the value`);
    else if (s !== undefined) out[key] = s;
  }
  return out;
}

function readConstraints(c: Checker, value: unknown): string[][] | undefined {
  const list = c.array("/constraints", value, 50);
  return list?.flatMap((item, i) => {
    const path = `/constraints/${i}`;
    // Marathon's string form: "field:OPERATOR[:value]" (the value may hold ':').
    const parts = typeof item === "string" ? constraintParts(item) : c.array(path, item, 3);
    if (!parts) return [];
    if (parts.length < 2 || parts.some((p) => typeof p !== "string")) {
      c.fail(path, "a constraint is [field, operator, value?] of strings");
      return [];
    }
    const [field, op, arg] = parts as string[];
    if (!(CONSTRAINT_OPS as readonly string[]).includes(op ?? "")) {
      c.fail(path, `operator must be one of ${CONSTRAINT_OPS.join(", ")}`);
      return [];
    }
    const needsValue = op === "CLUSTER" || op === "LIKE" || op === "UNLIKE" || op === "MAX_PER" || op === "IS";
    if (needsValue && arg === undefined) c.fail(path, `${op} needs a value`);
    if (op === "UNIQUE" && arg !== undefined) c.fail(path, "UNIQUE takes no value");
    if ((op === "MAX_PER" || op === "GROUP_BY") && arg !== undefined && !/^[1-9][0-9]*$/.test(arg)) {
      c.fail(path, `${op} needs a positive integer`);
    }
    if ((op === "LIKE" || op === "UNLIKE") && arg !== undefined) {
      try {
        new RegExp(`^(?:${arg})$`);
      } catch {
        c.fail(path, `'${arg}' is not a valid regular expression`);
      }
    }
    return [parts as string[]].map((p) => p.slice(0, needsValue || op === "GROUP_BY" ? 3 : 2)).filter(() => field !== undefined);
  });
}

function constraintParts(s: string): string[] {
  const [field = "", rest] = s.split(/:(.*)/s);
  if (rest === undefined) return [field];
  const [op = "", value] = rest.split(/:(.*)/s);
  return value === undefined ? [field, op] : [field, op, value];
}

function readUnreachable(c: Checker, value: unknown): UnreachableStrategy | undefined {
  if (value === "disabled") return "disabled";
  const obj = c.object("/unreachableStrategy", value);
  if (!obj) return undefined;
  return {
    inactiveAfterSeconds: num(c, obj, "inactiveAfterSeconds", 0, { min: 0, integer: true }, "/unreachableStrategy"),
    expungeAfterSeconds: num(c, obj, "expungeAfterSeconds", 0, { min: 0, integer: true }, "/unreachableStrategy"),
  };
}
