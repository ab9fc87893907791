import { isTerminal, type TaskRecord } from "./task-state.js";

/** A kill's message id lets one through a minute: sending it more often only costs a request. */
export const KILL_RESEND_MS = 60_000;

/**
 * Which command, if any, a task needs (again) now. A task marked KILL that is
 * not yet KILLING needs its kill, sent at most once a KILL_RESEND_MS; a task
 * its agent has said nothing about for `launchResendAfterMs` (since its record
 * changed or its launch was last sent) needs its launch again, if it is still
 * of the app's current configuration. `lastSentMs` is when this dispatcher last
 * sent it a command, if it did.
 */
export function commandDue(
  task: TaskRecord,
  lastSentMs: number | undefined,
  nowMs: number,
  launchResendAfterMs: number,
  currentConfig: string | undefined,
): "kill" | "launch" | undefined {
  if (isTerminal(task.state)) return undefined;
  if (task.goal === "KILL") {
    if (task.state === "TASK_KILLING") return undefined;
    return lastSentMs === undefined || nowMs - lastSentMs >= KILL_RESEND_MS ? "kill" : undefined;
  }
  if (task.lastSequence !== 0 || task.configVersion !== currentConfig) return undefined;
  return nowMs - Math.max(task.updatedAtMs, lastSentMs ?? 0) >= launchResendAfterMs ? "launch" : undefined;
}
