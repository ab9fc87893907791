import { type AppDefinition, killGraceSeconds, stagedTask, type TaskNeed, type TaskRecord, type TaskSpec } from "@berth/core";
import type { AgentCommands } from "./agent-commands.js";
import type { BusHandles } from "./bus.js";
import { channels } from "./channels.js";
import type { AgentLedger } from "./codec.js";
import type { KvCache } from "./kv-cache.js";
import { request } from "./rpc.js";

export type FrameworkLaunch =
  { readonly launched: true; readonly record: TaskRecord } | { readonly launched: false; readonly error: boolean; readonly reason: string };

/**
 * A framework's task (a Mesos framework's, a job run's): booked on an agent
 * through the offer-handler, recorded as the framework's and sent to the
 * agent. Waits until this process's view of the ledgers has the booking, so
 * the caller's next quota and limit checks count it. A task id that has a
 * record already throws the bucket's conflict, and nothing is sent.
 */
export async function launchFrameworkTask(
  bus: BusHandles<"ledger" | "nc" | "tasks">,
  ledgers: KvCache<AgentLedger>,
  commands: AgentCommands,
  launch: { app: AppDefinition; need: TaskNeed & { frameworkId: string }; spec: (ports: number[]) => TaskSpec; nowMs: number },
): Promise<FrameworkLaunch> {
  const { app, need, nowMs } = launch;
  const reply = await request(bus.nc, channels.placement, undefined, { tasks: [need] });
  if (reply.error) return { launched: false, error: true, reason: `Cannot book the task: ${reply.error.message}` };
  const placed = reply.placements[0];
  if (!placed) return { launched: false, error: false, reason: (reply.unplaced[0]?.reasons ?? []).join("; ") };
  const ledger = await bus.ledger.get(placed.agentId);
  if (ledger) await ledgers.waitFor(ledger.revision);
  const record = stagedTask({
    taskId: need.taskId,
    appId: app.id,
    agentId: placed.agentId,
    hostname: placed.hostname,
    ports: placed.ports,
    version: app.version,
    configVersion: app.version,
    killGracePeriodSeconds: killGraceSeconds(app),
    nowMs,
    frameworkId: need.frameworkId,
  });
  await bus.tasks.create(need.taskId, record);
  await commands.launch(record, launch.spec(placed.ports), nowMs);
  return { launched: true, record };
}
