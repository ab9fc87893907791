import { describe, expect, it } from "vitest";
import { commandDue, KILL_RESEND_MS } from "./command-resend.js";
import { task } from "./test-fixtures.js";

const AFTER = 30_000;
const staged = task({ taskId: "t", updatedAtMs: 1_000, configVersion: "v1" });

describe("commandDue", () => {
  it("sends a kill at once, then at most once a minute, until the agent says KILLING", () => {
    const marked = { ...staged, goal: "KILL" as const };
    expect(commandDue(marked, undefined, 2_000, AFTER, "v1")).toBe("kill");
    expect(commandDue(marked, 2_000, 2_000 + KILL_RESEND_MS - 1, AFTER, "v1")).toBeUndefined();
    expect(commandDue(marked, 2_000, 2_000 + KILL_RESEND_MS, AFTER, "v1")).toBe("kill");
    expect(commandDue({ ...marked, state: "TASK_KILLING" }, undefined, 99_000, AFTER, "v1")).toBeUndefined();
  });

  it("sends a launch again only after the agent said nothing for the wait, counted from the last send", () => {
    expect(commandDue(staged, undefined, 1_000 + AFTER - 1, AFTER, "v1")).toBeUndefined();
    expect(commandDue(staged, undefined, 1_000 + AFTER, AFTER, "v1")).toBe("launch");
    expect(commandDue(staged, 40_000, 40_000 + AFTER - 1, AFTER, "v1")).toBeUndefined();
    expect(commandDue(staged, 40_000, 40_000 + AFTER, AFTER, "v1")).toBe("launch");
  });

  it("never resends a launch the agent answered, one of an old configuration, or anything for an ended task", () => {
    expect(commandDue({ ...staged, lastSequence: 5 }, undefined, 99_000, AFTER, "v1")).toBeUndefined();
    expect(commandDue(staged, undefined, 99_000, AFTER, "v2")).toBeUndefined();
    expect(commandDue({ ...staged, state: "TASK_FAILED" }, undefined, 99_000, AFTER, "v1")).toBeUndefined();
    expect(commandDue({ ...staged, state: "TASK_KILLED", goal: "KILL" }, undefined, 99_000, AFTER, "v1")).toBeUndefined();
  });
});
