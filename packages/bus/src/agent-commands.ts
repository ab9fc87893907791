import type { BusHandles } from "./bus.js";
import { publishCommand } from "./durable.js";
import { sealTask } from "./launch.js";
import type { TaskRecord, TaskSpec } from "@berth/core";

/**
 * Launch and kill commands onto the agents' durable queues; the message id
 * makes a resend a no-op. A launch's values from the secret store are sealed
 * to the agent that runs it (`sealingKeyOf`), readable by it alone.
 */
export class AgentCommands {
  constructor(
    private readonly bus: BusHandles<"js">,
    private readonly sealingKeyOf: (agentId: string) => Uint8Array | undefined,
  ) {}

  /**
   * The first send's message id is the task's; a resend (`resend`) gets its
   * own (one a minute), or the stream would drop it as a duplicate of the lost
   * original.
   */
  async launch(task: TaskRecord, spec: TaskSpec, nowMs: number, resend = false): Promise<void> {
    await publishCommand(
      this.bus.js,
      { kind: "launch", command: { task: sealTask(spec, this.sealingKeyOf(task.agentId)), agentId: task.agentId, issuedAtMs: nowMs } },
      resend ? `launch-${task.taskId}-${Math.floor(nowMs / 60_000)}` : `launch-${task.taskId}`,
    );
  }

  async kill(task: TaskRecord, reason: string, nowMs: number): Promise<void> {
    await publishCommand(
      this.bus.js,
      {
        kind: "kill",
        command: { taskId: task.taskId, agentId: task.agentId, gracePeriodSeconds: task.killGracePeriodSeconds, reason, issuedAtMs: nowMs },
      },
      `kill-${task.taskId}-${Math.floor(nowMs / 60_000)}`,
    );
  }
}
