import { errors } from "@nats-io/transport-node";

/**
 * Whether NATS left a request unanswered (a timeout, no responder, JetStream not available):
 * what a cluster electing its leaders, or a server restarting, answers for a while.
 */
export function isUnanswered(err: unknown): boolean {
  if (err instanceof errors.TimeoutError || err instanceof errors.NoRespondersError) return true;
  if (err instanceof errors.RequestError && (err.isNoResponders() || /timeout|no responders/i.test(err.message))) return true;
  return /JetStream (system )?(not available|temporarily unavailable)|timeout/i.test(String(err));
}

/**
 * `fn`'s answer, asked again (waiting `stepMs` more each time, 100 ms unless said, up to
 * `maxBackoffMs`, 2 s unless said) while NATS leaves
 * it unanswered (or `retryIf` says to ask again) and `deadlineMs` is not past: how a starting
 * process waits out a cluster's election instead of failing to start. Any other error is thrown
 * at once; `onRetry` hears each one asked again.
 */
export async function untilAnswered<R>(
  deadlineMs: number,
  fn: () => Promise<R>,
  opts: {
    retryIf?: (err: unknown) => boolean;
    onRetry?: (err: unknown, attempt: number) => void | Promise<void>;
    stepMs?: number;
    maxBackoffMs?: number;
  } = {},
): Promise<R> {
  const retryIf = opts.retryIf ?? isUnanswered;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!retryIf(err) || Date.now() >= deadlineMs) throw err;
      await opts.onRetry?.(err, attempt);
      await new Promise((r) => setTimeout(r, Math.min((opts.stepMs ?? 100) * attempt, opts.maxBackoffMs ?? 2_000)));
    }
  }
}

/** How long a starting process waits for NATS to answer before it gives up. */
export const START_WAIT_MS = 120_000;
