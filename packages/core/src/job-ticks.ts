import type { CronSchedule } from "./cron.js";
import { ticksBetween } from "./cron-next.js";

export type ConcurrencyPolicy = "ALLOW" | "FORBID" | "REPLACE";
/** Which of the ticks that fell while no scheduler ran are run on its return. */
export type CatchUpPolicy = "LATEST" | "ALL";

export interface TickPolicy {
  readonly timeZone: string;
  readonly startingDeadlineSeconds: number;
  readonly catchUp: CatchUpPolicy;
}

export interface MissedTick {
  readonly tickMs: number;
  readonly reason: string;
}

export interface DueTicks {
  /** Ticks to start now, oldest first. */
  readonly run: readonly number[];
  /** Ticks not to start, each with why. */
  readonly missed: readonly MissedTick[];
  /** Ticks older still, beyond what is told one by one: counted, not listed. */
  readonly missedUncounted: number;
}

/** Ticks told one by one after an absence; older ones are only counted. */
export const TICKS_LISTED = 1000;

/**
 * What to do about a schedule's ticks in (sinceMs, nowMs]: on time, that is
 * the one tick that just fell; after an absence, the ticks that fell while no
 * scheduler ran. Only ticks within `startingDeadlineSeconds` may start; of
 * those, `LATEST` starts the newest and `ALL` up to `maxCatchUp` of the
 * newest. Every other tick is missed, with the reason.
 */
export function dueTicks(cron: CronSchedule, policy: TickPolicy, sinceMs: number, nowMs: number, maxCatchUp: number): DueTicks {
  const { ticks, more } = ticksBetween(cron, policy.timeZone, sinceMs, nowMs, TICKS_LISTED);
  const deadlineMs = nowMs - policy.startingDeadlineSeconds * 1000;
  const startable = ticks.filter((t) => t >= deadlineMs);
  const keep = policy.catchUp === "ALL" ? Math.max(1, maxCatchUp) : 1;
  const run = startable.slice(-keep);
  const missed = ticks
    .filter((t) => !run.includes(t))
    .map((tickMs) => ({ tickMs, reason: missedReason(tickMs, deadlineMs, policy, keep) }));
  return { run, missed, missedUncounted: more };
}

function missedReason(tickMs: number, deadlineMs: number, policy: TickPolicy, keep: number): string {
  if (tickMs < deadlineMs) {
    return `not started within startingDeadlineSeconds (${policy.startingDeadlineSeconds} s) of its tick: no job scheduler was running`;
  }
  return policy.catchUp === "ALL"
    ? `more than ${keep} ticks fell while no job scheduler was running; the newest ${keep} ran`
    : "a later tick of the same schedule ran in its place (catchUp LATEST)";
}

export type Admission = { readonly start: true; readonly stop: readonly string[] } | { readonly start: false; readonly reason: string };

/** Whether a tick's run starts beside the job's active runs, replaces them, or is skipped. */
export function admitRun(policy: ConcurrencyPolicy, activeRunIds: readonly string[]): Admission {
  if (activeRunIds.length === 0 || policy === "ALLOW") return { start: true, stop: [] };
  if (policy === "REPLACE") return { start: true, stop: activeRunIds };
  return { start: false, reason: `skipped: run ${activeRunIds.join(", ")} was still active (concurrencyPolicy FORBID)` };
}

/** The run id a tick determines, so that a tick can have one run record only: its UTC time and its schedule. */
export function runIdOfTick(tickMs: number, scheduleId: string): string {
  return `${compactTime(tickMs)}-${scheduleId}`;
}

/** A run started by hand: its UTC time and five letters or digits, as Metronome's run ids. */
export function runIdNow(nowMs: number, random: () => number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let tail = "";
  for (let i = 0; i < 5; i++) tail += alphabet[Math.floor(random() * alphabet.length)]!;
  return `${compactTime(nowMs)}${tail}`;
}

function compactTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

export type RestartPolicy = "NEVER" | "ON_FAILURE";

/**
 * After an attempt of a run failed: whether to start another. `ON_FAILURE`
 * tries again until `activeDeadlineSeconds` after the run began (for ever
 * without one); `NEVER` does not.
 */
export function retryAfterFailure(
  restart: { readonly policy: RestartPolicy; readonly activeDeadlineSeconds?: number | undefined },
  runStartedMs: number,
  nowMs: number,
): { readonly retry: boolean; readonly reason: string } {
  if (restart.policy === "NEVER") return { retry: false, reason: "the task failed and the job's restart policy is NEVER" };
  const deadline = restart.activeDeadlineSeconds;
  if (deadline !== undefined && nowMs >= runStartedMs + deadline * 1000) {
    return { retry: false, reason: `the task failed and activeDeadlineSeconds (${deadline} s) has passed since the run began` };
  }
  return { retry: true, reason: "the task failed; restart policy ON_FAILURE" };
}
