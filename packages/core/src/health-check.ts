import type { Checker } from "./checker.js";

export type HealthProtocol = "HTTP" | "HTTPS" | "TCP" | "COMMAND" | "MESOS_HTTP" | "MESOS_HTTPS" | "MESOS_TCP";
const PROTOCOLS: readonly HealthProtocol[] = ["HTTP", "HTTPS", "TCP", "COMMAND", "MESOS_HTTP", "MESOS_HTTPS", "MESOS_TCP"];

/** Marathon's health check, with its defaults. Berth runs every kind on the agent, next to the task. */
export interface HealthCheck {
  protocol: HealthProtocol;
  path?: string;
  portIndex?: number;
  port?: number;
  command?: { value: string };
  gracePeriodSeconds: number;
  intervalSeconds: number;
  timeoutSeconds: number;
  maxConsecutiveFailures: number;
  delaySeconds: number;
  ignoreHttp1xx: boolean;
  /** A pod's COMMAND check: the container it runs in (by name); absent for an app's. */
  container?: string;
}

export const HEALTH_DEFAULTS = {
  gracePeriodSeconds: 300,
  intervalSeconds: 60,
  timeoutSeconds: 20,
  maxConsecutiveFailures: 3,
  delaySeconds: 15,
} as const;

/** Marathon's readiness check: consulted only while a deployment runs. */
export interface ReadinessCheck {
  name: string;
  protocol: "HTTP" | "HTTPS";
  path: string;
  portName: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  httpStatusCodesForReady: number[];
  preserveLastResponse: boolean;
}

/** The kind of check to run, whatever Marathon name it was given. */
export function checkKind(protocol: HealthProtocol): "HTTP" | "HTTPS" | "TCP" | "COMMAND" {
  return protocol.replace(/^MESOS_/, "") as "HTTP" | "HTTPS" | "TCP" | "COMMAND";
}

function int(c: Checker, path: string, v: unknown, fallback: number, min: number, max: number): number {
  if (v === undefined || v === null) return fallback;
  return c.number(path, v, { min, max, integer: true }) ?? fallback;
}

/**
 * Reads an app's health checks. A check probes only its own task: a `port`
 * must be one the task surely holds (a required host port), as a check of any
 * other port would have the agent probe whatever listens there for the team.
 */
export function readHealthChecks(
  c: Checker,
  value: unknown,
  portCount: () => number,
  fixedPorts: () => readonly number[],
): HealthCheck[] | undefined {
  const list = c.array("/healthChecks", value, 20);
  return list?.flatMap((item, i) => {
    const p = `/healthChecks/${i}`;
    const obj = c.object(p, item);
    if (!obj) return [];
    const protocol = obj.protocol === undefined ? "HTTP" : c.enumOf(`${p}/protocol`, obj.protocol, PROTOCOLS);
    if (!protocol) return [];
    const hc: HealthCheck = {
      protocol,
      gracePeriodSeconds: int(c, `${p}/gracePeriodSeconds`, obj.gracePeriodSeconds, HEALTH_DEFAULTS.gracePeriodSeconds, 0, 86_400),
      intervalSeconds: int(c, `${p}/intervalSeconds`, obj.intervalSeconds, HEALTH_DEFAULTS.intervalSeconds, 1, 86_400),
      timeoutSeconds: int(c, `${p}/timeoutSeconds`, obj.timeoutSeconds, HEALTH_DEFAULTS.timeoutSeconds, 1, 86_400),
      maxConsecutiveFailures: int(
        c,
        `${p}/maxConsecutiveFailures`,
        obj.maxConsecutiveFailures,
        HEALTH_DEFAULTS.maxConsecutiveFailures,
        0,
        1000,
      ),
      delaySeconds: int(c, `${p}/delaySeconds`, obj.delaySeconds, HEALTH_DEFAULTS.delaySeconds, 0, 86_400),
      ignoreHttp1xx: obj.ignoreHttp1xx === undefined ? false : (c.boolean(`${p}/ignoreHttp1xx`, obj.ignoreHttp1xx) ?? false),
    };
    // A timeout longer than the interval is allowed, as Marathon allows it (its default, 20 s, is longer
    // than many intervals): refusing it would also refuse, on the next PUT, an app accepted with the default.
    const kind = checkKind(protocol);
    if (kind === "COMMAND") {
      const cmd = c.object(`${p}/command`, obj.command);
      const v = cmd ? c.string(`${p}/command/value`, cmd.value, { nonEmpty: true, maxLength: 4096 }) : undefined;
      if (v !== undefined) hc.command = { value: v };
      return [hc];
    }
    if (kind === "HTTP" || kind === "HTTPS") {
      hc.path = obj.path === undefined ? "/" : (c.string(`${p}/path`, obj.path, { maxLength: 1024 }) ?? "/");
      if (!hc.path.startsWith("/")) c.fail(`${p}/path`, "must start with /");
    }
    if (obj.port !== undefined && obj.portIndex !== undefined) c.fail(p, "give either port or portIndex, not both");
    if (obj.port !== undefined) {
      const port = c.number(`${p}/port`, obj.port, { min: 1, max: 65535, integer: true });
      if (port !== undefined && !fixedPorts().includes(port)) {
        c.fail(`${p}/port`, `a health check probes only its own task's ports, and ${port} is not one of them: use portIndex`);
      } else if (port !== undefined) hc.port = port;
    } else {
      hc.portIndex = int(c, `${p}/portIndex`, obj.portIndex, 0, 0, 100);
      if (hc.portIndex >= portCount())
        c.fail(`${p}/portIndex`, `the app has ${portCount()} port(s): portIndex ${hc.portIndex} does not exist`);
    }
    return [hc];
  });
}

export function readReadinessChecks(c: Checker, value: unknown, portNames: () => string[]): ReadinessCheck[] | undefined {
  const list = c.array("/readinessChecks", value, 1);
  return list?.flatMap((item, i) => {
    const p = `/readinessChecks/${i}`;
    const obj = c.object(p, item);
    if (!obj) return [];
    const rc: ReadinessCheck = {
      name: obj.name === undefined ? "readinessCheck" : (c.string(`${p}/name`, obj.name, { maxLength: 63 }) ?? "readinessCheck"),
      protocol:
        obj.protocol === undefined ? "HTTP" : (c.enumOf<"HTTP" | "HTTPS">(`${p}/protocol`, obj.protocol, ["HTTP", "HTTPS"]) ?? "HTTP"),
      path: obj.path === undefined ? "/" : (c.string(`${p}/path`, obj.path, { maxLength: 1024 }) ?? "/"),
      portName: obj.portName === undefined ? "http-api" : (c.string(`${p}/portName`, obj.portName, { maxLength: 63 }) ?? ""),
      intervalSeconds: int(c, `${p}/intervalSeconds`, obj.intervalSeconds, 30, 1, 86_400),
      timeoutSeconds: int(c, `${p}/timeoutSeconds`, obj.timeoutSeconds, 10, 1, 86_400),
      httpStatusCodesForReady: [200],
      preserveLastResponse: obj.preserveLastResponse === true,
    };
    if (obj.httpStatusCodesForReady !== undefined) {
      const codes = c.array(`${p}/httpStatusCodesForReady`, obj.httpStatusCodesForReady, 100);
      if (codes)
        rc.httpStatusCodesForReady = codes.flatMap(
          (x, j) => c.number(`${p}/httpStatusCodesForReady/${j}`, x, { min: 100, max: 599, integer: true }) ?? [],
        );
    }
    if (!portNames().includes(rc.portName)) c.fail(`${p}/portName`, `no port named '${rc.portName}' in portDefinitions`);
    return [rc];
  });
}

/** A task's health, as the protocol's HealthStatus. */
export interface HealthStatus {
  state: string;
  consecutiveFailures: number;
  firstSuccessMs: number;
  lastSuccessMs: number;
  lastFailureMs: number;
  lastFailureCause: string;
  /** Passed its readiness checks: what a deployment waits for, besides health. */
  ready: boolean;
}

export const HEALTH_UNKNOWN: HealthStatus = {
  state: "HEALTH_UNKNOWN",
  consecutiveFailures: 0,
  firstSuccessMs: 0,
  lastSuccessMs: 0,
  lastFailureMs: 0,
  lastFailureCause: "",
  ready: false,
};

export type HealthVerdict = { kind: "success" } | { kind: "failure"; cause: string } | { kind: "ignored" };

/**
 * Folds one check result into a task's health. Failures inside the grace period
 * are ignored until the first success, as Marathon does; `kill` says the task
 * has failed maxConsecutiveFailures times and must be replaced.
 */
export function nextHealth(
  cur: HealthStatus,
  verdict: HealthVerdict,
  check: Pick<HealthCheck, "gracePeriodSeconds" | "maxConsecutiveFailures">,
  startedAtMs: number,
  nowMs: number,
): { health: HealthStatus; kill: boolean } {
  if (verdict.kind === "ignored") return { health: cur, kill: false };
  if (verdict.kind === "success") {
    return {
      health: { ...cur, state: "HEALTHY", consecutiveFailures: 0, lastSuccessMs: nowMs, firstSuccessMs: cur.firstSuccessMs || nowMs },
      kill: false,
    };
  }
  const inGrace = cur.firstSuccessMs === 0 && nowMs - startedAtMs < check.gracePeriodSeconds * 1000;
  if (inGrace) return { health: { ...cur, lastFailureMs: nowMs, lastFailureCause: verdict.cause }, kill: false };
  const failures = cur.consecutiveFailures + 1;
  const health: HealthStatus = {
    ...cur,
    state: "UNHEALTHY",
    consecutiveFailures: failures,
    lastFailureMs: nowMs,
    lastFailureCause: verdict.cause,
  };
  return { health, kill: check.maxConsecutiveFailures > 0 && failures >= check.maxConsecutiveFailures };
}
