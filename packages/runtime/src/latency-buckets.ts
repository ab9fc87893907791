/**
 * Histogram buckets (seconds) for how long a status update takes to show:
 * fine below 10 ms, where the aim is, and wide enough to show a queue.
 */
export const STATUS_LATENCY_BUCKETS = [
  0.00025, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** The wall clock in milliseconds with a fraction: for stages shorter than a millisecond. */
export function preciseNowMs(): number {
  return performance.timeOrigin + performance.now();
}
