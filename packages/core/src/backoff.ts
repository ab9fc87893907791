/** How long to wait before relaunching a failing app, as Marathon: backoffSeconds × factor^(failures−1), capped. */
export interface BackoffPolicy {
  backoffSeconds: number;
  backoffFactor: number;
  maxLaunchDelaySeconds: number;
}

export interface BackoffState {
  failures: number;
  lastFailureAtMs: number;
}

export const NO_BACKOFF: BackoffState = { failures: 0, lastFailureAtMs: 0 };

/** A task that ran at least this long before failing starts the count again. */
export const BACKOFF_RESET_AFTER_MS = 60_000;

export function delaySeconds(policy: BackoffPolicy, state: BackoffState): number {
  if (state.failures <= 0) return 0;
  const d = policy.backoffSeconds * Math.pow(policy.backoffFactor, state.failures - 1);
  return Math.min(d, policy.maxLaunchDelaySeconds);
}

/** The earliest time a new task of the app may launch. */
export function launchAllowedAtMs(policy: BackoffPolicy, state: BackoffState): number {
  return state.failures <= 0 ? 0 : state.lastFailureAtMs + delaySeconds(policy, state) * 1000;
}

export function recordFailure(state: BackoffState, failedAtMs: number, ranForMs: number): BackoffState {
  const failures = ranForMs >= BACKOFF_RESET_AFTER_MS ? 1 : state.failures + 1;
  return { failures, lastFailureAtMs: failedAtMs };
}
