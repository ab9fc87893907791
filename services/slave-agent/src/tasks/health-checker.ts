import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import {
  checkKind,
  HEALTH_UNKNOWN,
  type HealthCheck,
  type HealthStatus,
  type HealthVerdict,
  nextHealth,
  type ReadinessCheck,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { ContainerRuntime } from "../runtime/container-runtime.js";

export interface CheckedTask {
  taskId: string;
  containerId: string;
  ports: number[];
  startedAtMs: number;
  /** A pod instance's containers after its first, where a pod's COMMAND check names one. */
  members?: readonly { name: string; containerId: string }[];
}

/** What a task's checks concluded: its combined health, and whether it must be killed. */
export type HealthListener = (health: HealthStatus, kill: string | undefined) => void;

interface Running {
  timers: NodeJS.Timeout[];
  states: HealthStatus[];
}

function httpProbe(protocol: "HTTP" | "HTTPS", port: number, path: string, timeoutMs: number, ignore1xx: boolean): Promise<HealthVerdict> {
  return new Promise((resolve) => {
    const request = protocol === "HTTPS" ? httpsRequest : httpRequest;
    const req = request({ host: "127.0.0.1", port, path, method: "GET", timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      if (code >= 200 && code < 400) resolve({ kind: "success" });
      else if (code < 200 && ignore1xx) resolve({ kind: "ignored" });
      else resolve({ kind: "failure", cause: `${protocol} GET ${path} answered ${code}` });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (err) => resolve({ kind: "failure", cause: `${protocol} GET ${path}: ${err.message}` }));
    req.end();
  });
}

/** A readiness check passes when the answer's status is one of the ready codes. */
function readinessProbe(
  protocol: "HTTP" | "HTTPS",
  port: number,
  path: string,
  timeoutMs: number,
  codes: readonly number[],
): Promise<boolean> {
  return new Promise((resolve) => {
    const request = protocol === "HTTPS" ? httpsRequest : httpRequest;
    const req = request({ host: "127.0.0.1", port, path, method: "GET", timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(codes.includes(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
    req.end();
  });
}

function tcpProbe(port: number, timeoutMs: number): Promise<HealthVerdict> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port, timeout: timeoutMs }, () => {
      s.destroy();
      resolve({ kind: "success" });
    });
    s.on("timeout", () => s.destroy(new Error(`no connection within ${timeoutMs} ms`)));
    s.on("error", (err) => resolve({ kind: "failure", cause: `TCP ${port}: ${err.message}` }));
  });
}

/** Combines several checks as Marathon does: healthy only when every check is. */
export function combine(states: readonly HealthStatus[]): HealthStatus {
  const worst =
    states.find((s) => s.state === "UNHEALTHY") ?? states.find((s) => s.state === "HEALTH_UNKNOWN") ?? states[0] ?? HEALTH_UNKNOWN;
  return { ...worst, consecutiveFailures: Math.max(0, ...states.map((s) => s.consecutiveFailures)) };
}

/**
 * Runs an app's health checks next to its tasks, on the agent: HTTP, HTTPS and
 * TCP against the task's host port on loopback, COMMAND inside the container.
 * Reports when the combined health changes or a check fails, and asks for a
 * kill after maxConsecutiveFailures.
 */
export class HealthChecker {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(task: CheckedTask, checks: readonly HealthCheck[], listener: HealthListener): void {
    if (checks.length === 0 || this.running.has(task.taskId)) return;
    const r: Running = { timers: [], states: checks.map(() => ({ ...HEALTH_UNKNOWN })) };
    this.running.set(task.taskId, r);
    checks.forEach((check, i) => {
      const run = async () => {
        if (!this.running.has(task.taskId)) return;
        const verdict = await this.probe(task, check);
        if (!this.running.has(task.taskId)) return;
        const before = combine(r.states);
        const { health, kill } = nextHealth(r.states[i] ?? HEALTH_UNKNOWN, verdict, check, task.startedAtMs, this.now());
        r.states[i] = health;
        const after = combine(r.states);
        if (kill) {
          this.stop1(task.taskId);
          listener(after, `failed ${health.consecutiveFailures} consecutive health checks: ${health.lastFailureCause}`);
        } else if (after.state !== before.state || after.consecutiveFailures !== before.consecutiveFailures) {
          listener(after, undefined);
        }
      };
      const first = setTimeout(() => {
        void run();
        r.timers.push(setInterval(() => void run(), check.intervalSeconds * 1000));
      }, check.delaySeconds * 1000);
      r.timers.push(first);
    });
  }

  /** Polls the readiness checks until all pass, then calls `onReady` once. */
  startReadiness(task: CheckedTask, checks: readonly (ReadinessCheck & { port: number })[], onReady: () => void): void {
    if (checks.length === 0) return;
    const key = `${task.taskId}#ready`;
    const r: Running = { timers: [], states: [] };
    this.running.set(key, r);
    const interval = Math.min(...checks.map((c) => c.intervalSeconds)) * 1000;
    const poll = async () => {
      const results = await Promise.all(
        checks.map((c) => readinessProbe(c.protocol, c.port, c.path, c.timeoutSeconds * 1000, c.httpStatusCodesForReady)),
      );
      if (!this.running.has(key) || !results.every(Boolean)) return;
      this.stop(key);
      onReady();
    };
    void poll();
    r.timers.push(setInterval(() => void poll(), interval));
  }

  stop(taskId: string): void {
    this.stop1(taskId);
    this.stop1(`${taskId}#ready`);
  }

  private stop1(taskId: string): void {
    const r = this.running.get(taskId);
    if (!r) return;
    for (const t of r.timers) clearTimeout(t);
    this.running.delete(taskId);
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  private async probe(task: CheckedTask, check: HealthCheck): Promise<HealthVerdict> {
    const timeoutMs = check.timeoutSeconds * 1000;
    const kind = checkKind(check.protocol);
    try {
      if (kind === "COMMAND") {
        // A pod's check runs in the container that gave it (the first one is the task's own).
        const where = task.members?.find((m) => m.name === check.container)?.containerId ?? task.containerId;
        const r = await this.runtime.exec(where, ["/bin/sh", "-c", check.command?.value ?? "true"], timeoutMs);
        return r.exitCode === 0
          ? { kind: "success" }
          : { kind: "failure", cause: `command exited with code ${r.exitCode}: ${r.output.slice(-200).trim()}` };
      }
      const port = check.port ?? task.ports[check.portIndex ?? 0];
      if (port === undefined) return { kind: "failure", cause: `the task has no port ${check.portIndex ?? 0}` };
      // Only the task's own ports: the agent probes nothing else on the team's behalf.
      if (!task.ports.includes(port)) return { kind: "failure", cause: `port ${port} is not one of the task's ports` };
      if (kind === "TCP") return await tcpProbe(port, timeoutMs);
      return await httpProbe(kind, port, check.path ?? "/", timeoutMs, check.ignoreHttp1xx);
    } catch (err) {
      this.log.debug({ err: String(err), taskId: task.taskId }, "health check failed to run");
      return { kind: "failure", cause: (err as Error).message };
    }
  }
}
