import { redactApp } from "./redaction.js";
import { groupTree } from "./group-tree.js";
import type { AppDefinition } from "./app-definition.js";
import { isHealthy, isWanted } from "./app-plan.js";
import { isTerminal, type TaskRecord } from "./task-state.js";

export type DeploymentAction = "StartApplication" | "StopApplication" | "ScaleApplication" | "RestartApplication";
export type DeploymentStatus = "running" | "success" | "failed" | "canceled";

export interface DeploymentStep {
  actions: { action: DeploymentAction; app: string }[];
}

/** A change being rolled out to one app, with what it replaced so it can be rolled back. */
export interface Deployment {
  id: string;
  /** The version of the app this deployment brings. */
  version: string;
  affectedApps: string[];
  steps: DeploymentStep[];
  currentStep: number;
  totalSteps: number;
  status: DeploymentStatus;
  createdAtMs: number;
  deadlineAtMs: number;
  finishedAtMs: number;
  reason: string;
  /** The app before the change (absent when the change created it). */
  previous?: AppDefinition;
  /** The app after the change (absent when the change deleted it). */
  target?: AppDefinition;
  /** Set on the deployment that rolls another back. */
  rollbackOf?: string;
  /** A group's deployment: the ids of its apps' deployments, which it ends with (Marathon's one deployment per group change). */
  parts?: string[];
  /** An app's deployment that is part of a group's: that deployment's id, which clients see instead. */
  partOf?: string;
  /** A group's deployment: its apps before and after, for Marathon's plan. */
  previousApps?: AppDefinition[];
  targetApps?: AppDefinition[];
}

/**
 * One deployment for a group change, as Marathon has it: it affects every app
 * the change touches and ends when all of their own deployments have ended.
 */
export function newGroupDeployment(fields: {
  id: string;
  version: string;
  nowMs: number;
  parts: readonly Deployment[];
  rollbackOf?: string;
}): Deployment {
  const { parts } = fields;
  return {
    ...(fields.rollbackOf ? { rollbackOf: fields.rollbackOf } : {}),
    id: fields.id,
    version: fields.version,
    affectedApps: parts.flatMap((p) => p.affectedApps),
    steps: [{ actions: parts.flatMap((p) => p.steps.flatMap((s) => s.actions)) }],
    currentStep: 1,
    totalSteps: 1,
    status: "running",
    createdAtMs: fields.nowMs,
    deadlineAtMs: Math.max(fields.nowMs, ...parts.map((p) => p.deadlineAtMs)),
    finishedAtMs: 0,
    reason: "",
    parts: parts.map((p) => p.id),
    previousApps: parts.flatMap((p) => (p.previous ? [p.previous] : [])),
    targetApps: parts.flatMap((p) => (p.target ? [p.target] : [])),
  };
}

/**
 * How a group's deployment ends, from its parts: undefined while any runs (or
 * is not yet found); failed when any failed, canceled when any was canceled,
 * else success. The reason names each part that did not succeed.
 */
export function groupOutcome(
  parts: readonly (Deployment | undefined)[],
): { status: Exclude<DeploymentStatus, "running">; reason: string } | undefined {
  if (parts.some((p) => !p || p.status === "running")) return undefined;
  const ended = parts as Deployment[];
  const bad = ended.filter((p) => p.status !== "success");
  const reason = bad.map((p) => `${p.affectedApps.join(", ")}: ${p.status}${p.reason ? ` (${p.reason})` : ""}`).join("; ");
  if (ended.some((p) => p.status === "failed")) return { status: "failed", reason };
  if (bad.length > 0) return { status: "canceled", reason };
  return { status: "success", reason: "" };
}

/** Marathon's action for a change of an app. */
export function actionFor(previous: AppDefinition | undefined, target: AppDefinition | undefined, restart = false): DeploymentAction {
  if (!target) return "StopApplication";
  if (!previous) return "StartApplication";
  if (restart || previous.versionInfo.lastConfigChangeAt !== target.versionInfo.lastConfigChangeAt) return "RestartApplication";
  return "ScaleApplication";
}

export function newDeployment(fields: {
  id: string;
  appId: string;
  previous?: AppDefinition | undefined;
  target?: AppDefinition | undefined;
  version: string;
  nowMs: number;
  restart?: boolean;
  rollbackOf?: string;
  partOf?: string;
}): Deployment {
  const { previous, target } = fields;
  const deadlineSeconds = (target ?? previous)?.progressDeadlineSeconds ?? 600;
  const d: Deployment = {
    id: fields.id,
    version: fields.version,
    affectedApps: [fields.appId],
    steps: [{ actions: [{ action: actionFor(previous, target, fields.restart), app: fields.appId }] }],
    currentStep: 1,
    totalSteps: 1,
    status: "running",
    createdAtMs: fields.nowMs,
    deadlineAtMs: fields.nowMs + deadlineSeconds * 1000,
    finishedAtMs: 0,
    reason: "",
  };
  if (previous) d.previous = previous;
  if (target) d.target = target;
  if (fields.rollbackOf) d.rollbackOf = fields.rollbackOf;
  if (fields.partOf) d.partOf = fields.partOf;
  return d;
}

export interface DeploymentProgress {
  /** Tasks of the target version that serve (running, and healthy when checked). */
  healthy: number;
  /** Tasks still running an older version, or of a deleted app. */
  old: number;
  wanted: number;
  lastFailure: string;
}

export function progressOf(app: AppDefinition | undefined, tasks: readonly TaskRecord[]): DeploymentProgress {
  const live = tasks.filter((t) => !isTerminal(t.state));
  const failures = tasks.filter((t) => isTerminal(t.state) && t.goal !== "KILL" && t.message).sort((a, b) => b.endedAtMs - a.endedAtMs);
  if (!app) return { healthy: 0, old: live.length, wanted: 0, lastFailure: failures[0]?.message ?? "" };
  const current = app.versionInfo.lastConfigChangeAt;
  const fresh = live.filter((t) => t.configVersion === current && isWanted(t));
  return {
    healthy: fresh.filter((t) => isHealthy(t, app)).length,
    old: live.filter((t) => t.configVersion !== current || !isWanted(t)).length,
    wanted: app.instances,
    lastFailure: failures[0]?.message ?? "",
  };
}

/** Done when exactly `instances` tasks of the new version serve and nothing else runs. */
export function isComplete(app: AppDefinition | undefined, tasks: readonly TaskRecord[]): boolean {
  const p = progressOf(app, tasks);
  return p.old === 0 && p.healthy === p.wanted;
}

/** Why a deployment that ran out of time failed, in words a person can act on. */
export function deadlineReason(d: Deployment, p: DeploymentProgress): string {
  const secs = Math.round((d.deadlineAtMs - d.createdAtMs) / 1000);
  const app = d.affectedApps[0] ?? "";
  const what = d.target
    ? `${p.healthy} of ${p.wanted} instances of ${app} serve the new version${p.old ? ` and ${p.old} old task(s) remain` : ""}`
    : `${p.old} task(s) of ${app} still run`;
  return `deployment did not finish within its progress deadline of ${secs}s: ${what}${p.lastFailure ? `; last task failure: ${p.lastFailure}` : ""}`;
}

/**
 * Marathon's plan object, as deployment events show it: `original` and
 * `target` are root groups (Marathon's Group shape) holding the apps the
 * deployment changes, before and after.
 */
export function planJson(d: Deployment): Record<string, unknown> {
  return {
    id: d.id,
    version: d.version,
    steps: d.steps,
    original: groupTree("/", d.previousApps ?? (d.previous ? [d.previous] : []), (a) => ({ ...redactApp(a) })),
    target: groupTree("/", d.targetApps ?? (d.target ? [d.target] : []), (a) => ({ ...redactApp(a) })),
  };
}

/** Marathon's deployment event payloads. */
export function deploymentEvent(
  eventType: "deployment_info" | "deployment_success" | "deployment_failed" | "deployment_step_success" | "deployment_step_failure",
  d: Deployment,
  timestamp: string,
): Record<string, unknown> & { eventType: string; timestamp: string } {
  const plan = planJson(d);
  switch (eventType) {
    case "deployment_info":
      return { eventType, timestamp, plan, currentStep: d.steps[d.currentStep - 1] };
    case "deployment_step_success":
    case "deployment_step_failure":
      return { eventType, timestamp, plan, currentStep: d.steps[d.currentStep - 1] };
    case "deployment_success":
      return { eventType, timestamp, id: d.id, plan };
    case "deployment_failed":
      return { eventType, timestamp, id: d.id, plan, reason: d.reason };
  }
}

/**
 * A deployment as GET /v2/deployments answers it: Marathon's shape, and with
 * `berth` Berth's own fields (its status, times, reason and progress).
 */
export function deploymentView(d: Deployment, p?: DeploymentProgress, berth = true): Record<string, unknown> {
  // A pod's deployment names it as a pod, as Marathon's does: in affectedPods, and in actions as {action: "StartPod", pod}.
  const involved = [d.target, d.previous, ...(d.targetApps ?? []), ...(d.previousApps ?? [])];
  const pods = new Set(involved.filter((a) => a?.pod).map((a) => a?.id));
  const action = (a: DeploymentStep["actions"][number]) =>
    pods.has(a.app) ? { action: a.action.replace(/Application$/, "Pod"), pod: a.app } : a;
  const steps = pods.size === 0 ? d.steps : d.steps.map((s) => ({ ...s, actions: s.actions.map(action) }));
  const marathon = {
    id: d.id,
    version: d.version,
    affectedApps: d.affectedApps.filter((id) => !pods.has(id)),
    affectedPods: d.affectedApps.filter((id) => pods.has(id)),
    steps,
    currentActions: (steps[d.currentStep - 1]?.actions ?? []).map((a) => ({ ...a, readinessCheckResults: [] })),
    currentStep: d.currentStep,
    totalSteps: d.totalSteps,
  };
  if (!berth) return marathon;
  return {
    ...marathon,
    status: d.status,
    createdAt: new Date(d.createdAtMs).toISOString(),
    deadline: new Date(d.deadlineAtMs).toISOString(),
    ...(d.finishedAtMs ? { finishedAt: new Date(d.finishedAtMs).toISOString() } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.rollbackOf ? { rollbackOf: d.rollbackOf } : {}),
    ...(p ? { progress: { healthyInstances: p.healthy, wantedInstances: p.wanted, oldTasks: p.old } } : {}),
  };
}

/**
 * What a rollback writes: the app as it was before, as a new version that keeps
 * the old configuration's identity, so tasks still running it are kept and only
 * the new ones are replaced. Nothing when the deployment created the app.
 */
export function rollbackTarget(d: Deployment, version: string): AppDefinition | undefined {
  if (!d.previous) return undefined;
  return { ...d.previous, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: d.previous.versionInfo.lastConfigChangeAt } };
}
