import { describe, expect, it } from "vitest";
import type { StatusUpdate } from "./codec.js";
import { statusMessages } from "./status-messages.js";

const update = (i: number, message = ""): StatusUpdate =>
  ({ uuid: `u${i}`, taskId: `t${i}`, state: "TASK_RUNNING", message, health: null }) as unknown as StatusUpdate;
const sizes = (messages: StatusUpdate[][]) => messages.map((m) => m.length);

describe("statusMessages", () => {
  it("puts at most a hundred updates in a message, in order", () => {
    const updates = Array.from({ length: 250 }, (_, i) => update(i));
    const messages = statusMessages(updates);
    expect(sizes(messages)).toEqual([100, 100, 50]);
    expect(messages.flat()).toEqual(updates);
  });

  it("ends a message before it passes 256 KiB, but always carries one update, however long", () => {
    expect(sizes(statusMessages([0, 1, 2].map((i) => update(i, "x".repeat(100_000)))))).toEqual([2, 1]);
    expect(sizes(statusMessages([update(0, "x".repeat(400_000)), update(1)]))).toEqual([1, 1]);
    expect(statusMessages([])).toEqual([]);
  });
});
