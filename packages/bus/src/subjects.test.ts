import { describe, expect, it } from "vitest";
import { agentOfSubject, COMMAND_SHARDS, commandOf, commandShardOf, subjects } from "./subjects.js";

describe("command shards", () => {
  it("puts an agent in the same shard every time, and its commands on that shard's subject", () => {
    const shard = commandShardOf("agent-7");
    expect(commandShardOf("agent-7")).toBe(shard);
    expect(subjects.agentCommand("agent-7", "launch")).toBe(`berth.v1.cmd.s${shard}.agent.agent-7.launch`);
    expect(subjects.agentCommandsOf("agent-7")).toBe(`berth.v1.cmd.s${shard}.agent.agent-7.>`);
    expect(subjects.agentCommandShard(shard)).toBe(`berth.v1.cmd.s${shard}.agent.>`);
    expect(commandOf(subjects.agentCommand("agent-7", "kill"))).toBe("kill");
    // A command subject names no agent in the place status and heartbeat subjects do.
    expect(agentOfSubject(subjects.agentCommand("agent-7", "kill"))).toBeUndefined();
  });

  it("spreads a thousand agents over every shard, none with more than twice its share", () => {
    const counts = new Array<number>(COMMAND_SHARDS).fill(0);
    for (let i = 0; i < 1000; i++) {
      const shard = commandShardOf(`sim${i % 4}-agent-${i}`);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(COMMAND_SHARDS);
      counts[shard]! += 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual((2 * 1000) / COMMAND_SHARDS);
  });
});
