import type { Bus, StatusUpdate } from "@berth/bus";
import { stagedTask } from "@berth/core";

/** An update from agent a1 about a task of /app; the fields given override the defaults. */
export function statusUpdate(fields: Pick<StatusUpdate, "taskId" | "state" | "sequence" | "uuid" | "timestampMs">): StatusUpdate {
  return {
    appId: "/app",
    agentId: "a1",
    message: "",
    containerId: "c1",
    exitCode: 0,
    hasExitCode: false,
    hostname: "h",
    reason: "",
    ipAddresses: [],
    ...fields,
  };
}

/** A staged task on agent a1, as the dispatcher writes it. */
export async function stageTask(bus: Bus, taskId: string): Promise<void> {
  const task = stagedTask({
    taskId,
    appId: "/app",
    agentId: "a1",
    hostname: "h",
    ports: [31000],
    version: "v",
    configVersion: "v",
    killGracePeriodSeconds: 1,
    nowMs: 1,
  });
  await bus.tasks.create(task.taskId, task);
}
