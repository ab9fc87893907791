import type { AppDefinition } from "./app-definition.js";
import { type BackoffState, launchAllowedAtMs } from "./backoff.js";
import { deadlineReason, type Deployment, isComplete, progressOf } from "./deployment.js";
import type { TaskRecord } from "./task-state.js";

/**
 * The launch-dispatcher's decisions, apart from what it does about them: given
 * the state it read and the time, what comes next. Its pass over an app plans
 * the tasks (`planApp`), then asks these.
 */

/** What a running deployment of one app has come to. */
export type DeploymentVerdict =
  | { kind: "running" }
  | { kind: "success" }
  | { kind: "failed"; reason: string; rollBack: boolean }
  | { kind: "superseded"; reason: string };

/**
 * A deployment succeeds once its app is complete (the wanted number of tasks
 * of its configuration healthy, no old ones), judged only once the app shows
 * the change the deployment brings; it fails at its deadline, saying why (with
 * the app's last task failure since it began), and a failed change of an app
 * that existed is rolled back, unless it was itself a rollback. One whose app
 * shows a later version written by an earlier build (it names no deployment)
 * is superseded: that build's api, which does not see the hold an app's record
 * names (during an upgrade), changed the app without ending the deployment; it
 * ends canceled, neither judged nor rolled back.
 */
export function deploymentVerdict(
  d: Deployment,
  app: AppDefinition | undefined,
  tasks: readonly TaskRecord[],
  nowMs: number,
  lastTaskFailure?: { message: string; timestampMs: number },
): DeploymentVerdict {
  // This build names the deployment in every app it writes, and ends a holder before writing over it.
  if (d.target && app && app.versionInfo.deploymentId === undefined && app.version > d.target.version)
    return { kind: "superseded", reason: `superseded by the app's version ${app.version}` };
  const seen = d.target ? app?.version === d.target.version : app === undefined;
  if (seen && isComplete(app, tasks)) return { kind: "success" };
  if (nowMs < d.deadlineAtMs) return { kind: "running" };
  const progress = progressOf(app, tasks);
  // Failed tasks are forgotten at once; the app's last failure is kept with its backoff.
  if (!progress.lastFailure && lastTaskFailure && lastTaskFailure.timestampMs >= d.createdAtMs)
    progress.lastFailure = lastTaskFailure.message;
  return { kind: "failed", reason: deadlineReason(d, progress), rollBack: Boolean(d.target && d.previous && !d.rollbackOf) };
}

/** Why an app's launches wait, as /v2/queue shows it. */
export interface Waiting {
  count: number;
  reasons: string[];
  /** When backoff delays the launches: when they may start; 0 otherwise. */
  delayUntilMs: number;
  /** How many wait for room (some agent lacked only room for them). */
  forRoom?: number;
}

/** Whether an app's missing tasks launch now, or wait (backoff, secrets gone from the store) and why. */
export type LaunchGate = { kind: "launch"; count: number } | { kind: "wait"; waiting: Waiting } | { kind: "none" };

export function launchGate(
  app: AppDefinition | undefined,
  count: number,
  backoff: BackoffState,
  nowMs: number,
  missingSecrets: readonly string[] = [],
): LaunchGate {
  if (!app || count === 0) return { kind: "none" };
  const allowedAt = launchAllowedAtMs(app, backoff);
  if (nowMs < allowedAt) {
    const next = Math.ceil((allowedAt - nowMs) / 1000);
    return {
      kind: "wait",
      waiting: { count, reasons: [`backoff: ${backoff.failures} failure(s) in a row; next launch in ${next}s`], delayUntilMs: allowedAt },
    };
  }
  // A secret removed from the store since the app was admitted: wait, and say why, rather than launch without it.
  if (missingSecrets.length > 0) {
    return {
      kind: "wait",
      waiting: { count, reasons: [`the secret(s) ${missingSecrets.join(", ")} are not in the team's store`], delayUntilMs: 0 },
    };
  }
  return { kind: "launch", count };
}

/** Whether a queue entry says something new (a second's drift of the delay is not): unchanged ones are not rewritten. */
export function waitingChanged(prev: Waiting | undefined, next: Waiting): boolean {
  return (
    !prev ||
    prev.count !== next.count ||
    prev.reasons.join() !== next.reasons.join() ||
    (prev.forRoom ?? 0) !== (next.forRoom ?? 0) ||
    Math.abs(prev.delayUntilMs - next.delayUntilMs) >= 1000
  );
}

/** The failure an ended task leaves on its app (Marathon's lastTaskFailure), and how long it ran. */
export function taskFailureOf(task: TaskRecord, nowMs: number) {
  return {
    ranForMs: task.startedAtMs > 0 ? task.endedAtMs - task.startedAtMs : 0,
    endedAtMs: task.endedAtMs || nowMs,
    lastTaskFailure: {
      taskId: task.taskId,
      state: task.state,
      message: task.message,
      host: task.hostname,
      version: task.version,
      timestampMs: task.endedAtMs || nowMs,
    },
  };
}
