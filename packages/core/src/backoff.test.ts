import { describe, expect, it } from "vitest";
import { delaySeconds, launchAllowedAtMs, NO_BACKOFF, recordFailure } from "./backoff.js";

const policy = { backoffSeconds: 1, backoffFactor: 2, maxLaunchDelaySeconds: 10 };

describe("backoff", () => {
  it("grows by the factor and stops at the cap", () => {
    let s = NO_BACKOFF;
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      s = recordFailure(s, 1000 * i, 10);
      delays.push(delaySeconds(policy, s));
    }
    expect(delays).toEqual([1, 2, 4, 8, 10, 10]);
  });
  it("starts again after a task ran for a while", () => {
    const s = recordFailure({ failures: 5, lastFailureAtMs: 0 }, 100, 120_000);
    expect(s.failures).toBe(1);
  });
  it("gives the time a launch may happen", () => {
    expect(launchAllowedAtMs(policy, NO_BACKOFF)).toBe(0);
    expect(launchAllowedAtMs(policy, { failures: 2, lastFailureAtMs: 1000 })).toBe(3000);
  });
});
