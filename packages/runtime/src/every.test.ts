import { describe, expect, it } from "vitest";
import { every } from "./every.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("every", () => {
  it("runs on each tick, never twice at once, and goes on after an error", async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const errors: unknown[] = [];
    const job = every(
      10,
      async () => {
        runs++;
        concurrent++;
        most = Math.max(most, concurrent);
        await sleep(25);
        concurrent--;
        if (runs === 1) throw new Error("first run fails");
      },
      (err) => errors.push(err),
    );
    await sleep(200);
    job.stop();
    const after = runs;
    await sleep(60);
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(["first run fails"]);
    expect(runs).toBe(after);
  });
});
