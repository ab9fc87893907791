import { type Bus, COMMAND_STREAMS, STREAMS, subjects } from "@berth/bus";
import { containersWithLabel } from "@berth/testkit";
import { jetstreamManager } from "@nats-io/jetstream";

async function keys(kv: Bus["buckets"]["apps"]): Promise<string[]> {
  const out: string[] = [];
  for await (const k of await kv.keys()) out.push(k);
  return out.sort();
}

/** Events that say a request was refused, or that a client came or went: they report, they change nothing. */
const REPORTS = ["group_change_failed", "event_stream_attached", "event_stream_detached"].map((t) => subjects.event(t));

/**
 * Everything a request could have written: every bucket's keys and last
 * revision, the command streams' sequences, how many events of each type
 * (but those that only report), and the containers on the agent. Two equal
 * snapshots mean nothing changed in between.
 */
export async function clusterState(bus: Bus, agentId: string): Promise<Record<string, unknown>> {
  const jsm = await jetstreamManager(bus.nc);
  const state: Record<string, unknown> = {};
  for (const [name, kv] of Object.entries(bus.buckets)) {
    if (name === "leases" || name === "agents" || name === "ledger") continue; // renewed by heartbeats and leases all the time
    const status = await kv.status();
    state[name] = { keys: await keys(kv), lastSeq: status.streamInfo.state.last_seq };
  }
  for (const stream of COMMAND_STREAMS) state[stream] = (await jsm.streams.info(stream)).state.last_seq;
  const events = (await jsm.streams.info(STREAMS.events, { subjects_filter: ">" })).state.subjects ?? {};
  state[STREAMS.events] = Object.fromEntries(Object.entries(events).filter(([subject]) => !REPORTS.includes(subject)));
  state.containers = (await containersWithLabel(`berth.agent=${agentId}`)).sort();
  return state;
}
