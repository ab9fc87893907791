/** What nats-server itself counted, read from its monitoring endpoint: the writes to each stream, JetStream API calls, messages. */
export interface NatsCounts {
  /** Per stream (a KV bucket is the stream KV_<bucket>), the messages written to it so far (its last sequence). */
  writes: Record<string, number>;
  /** JetStream API requests ($JS.API.>), KV reads among them. */
  apiCalls: number;
  /** Every message published to the server. */
  messages: number;
}

interface Jsz {
  api: { total: number };
  account_details?: { stream_detail?: { name: string; state: { last_seq: number } }[] }[];
}

export async function natsCounts(monitorUrl: string): Promise<NatsCounts> {
  const jsz = (await (await fetch(`${monitorUrl}/jsz?accounts=true&streams=true`)).json()) as Jsz;
  const varz = (await (await fetch(`${monitorUrl}/varz`)).json()) as { in_msgs: number };
  const writes: Record<string, number> = {};
  for (const account of jsz.account_details ?? []) for (const s of account.stream_detail ?? []) writes[s.name] = s.state.last_seq;
  return { writes, apiCalls: jsz.api.total, messages: varz.in_msgs };
}

/** What happened between two counts: writes per stream that grew, and the totals. */
export function countsBetween(before: NatsCounts, after: NatsCounts, streams: (name: string) => boolean = () => true) {
  const writes: Record<string, number> = {};
  for (const [name, seq] of Object.entries(after.writes)) {
    const grew = seq - (before.writes[name] ?? 0);
    if (grew > 0 && streams(name)) writes[name] = grew;
  }
  return {
    writes,
    totalWrites: Object.values(writes).reduce((a, b) => a + b, 0),
    apiCalls: after.apiCalls - before.apiCalls,
    messages: after.messages - before.messages,
  };
}
