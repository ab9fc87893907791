import { type Bus, COMMAND_STREAMS, STREAMS } from "@berth/bus";
import { containersWithLabel } from "@berth/testkit";
import { jetstreamManager } from "@nats-io/jetstream";

async function keys(kv: Bus["buckets"]["apps"]): Promise<string[]> {
  const out: string[] = [];
  for await (const k of await kv.keys()) out.push(k);
  return out.sort();
}

/**
 * Everything a request could have written: every bucket's keys and last
 * revision, the command and event streams' sequences, and the containers on
 * the agent. Two equal snapshots mean nothing changed in between.
 */
export async function clusterState(bus: Bus, agentId: string): Promise<Record<string, unknown>> {
  const jsm = await jetstreamManager(bus.nc);
  const state: Record<string, unknown> = {};
  for (const [name, kv] of Object.entries(bus.buckets)) {
    if (name === "leases" || name === "agents" || name === "ledger") continue; // renewed by heartbeats and leases all the time
    const status = await kv.status();
    state[name] = { keys: await keys(kv), lastSeq: status.streamInfo.state.last_seq };
  }
  for (const stream of [...COMMAND_STREAMS, STREAMS.events]) state[stream] = (await jsm.streams.info(stream)).state.last_seq;
  state.containers = (await containersWithLabel(`berth.agent=${agentId}`)).sort();
  return state;
}
