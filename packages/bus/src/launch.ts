import type { TaskSpec } from "@berth/core";
import type { berth } from "@berth/proto";
import type { Plain } from "./codec.js";
import { open, seal, SealedValueError, type SealingKeys } from "./sealed.js";

/** A task as it travels in a LaunchCommand: the values from the team's secret store sealed to the agent. */
export type WireTaskSpec = Plain<berth.v1.TaskSpec>;

const enc = new TextEncoder();
const dec = new TextDecoder();

/**
 * The task as the dispatcher sends it to one agent: its secret env sealed to
 * that agent's key, so no other process that carries or stores the command
 * can read it. Throws when there are secrets and the agent has no key.
 */
export function sealTask(task: TaskSpec, agentKey: Uint8Array | undefined): WireTaskSpec {
  const { secretEnv, ...rest } = task;
  const hasSecrets = Object.keys(secretEnv).length > 0;
  if (hasSecrets && !agentKey?.length) {
    throw new SealedValueError(`agent has no sealing key: task ${task.taskId}'s secrets cannot be sent to it`);
  }
  return { ...rest, sealedEnv: hasSecrets && agentKey ? seal(agentKey, enc.encode(JSON.stringify(secretEnv))) : new Uint8Array() };
}

/** The task as the agent runs it, its sealed env opened with the agent's keys; throws SealedValueError when it cannot be. */
export function openTask(wire: WireTaskSpec, keys: SealingKeys): TaskSpec {
  const { sealedEnv, ...rest } = wire;
  const secretEnv = sealedEnv.length > 0 ? (JSON.parse(dec.decode(open(keys, sealedEnv))) as Record<string, string>) : {};
  return { ...(rest as Omit<TaskSpec, "secretEnv">), secretEnv };
}
