import { BUCKETS } from "@berth/bus";

/** A watch of the task records, as nats-server sees it: the keys it is sent (subject filters over `$KV.<bucket>.`). */
export interface TaskWatch {
  /** The key filters; `>` for a watch of every record. */
  keys: string[];
}

interface Jsz {
  account_details?: {
    stream_detail?: {
      name: string;
      consumer_detail?: { push_bound?: boolean; config?: { filter_subject?: string; filter_subjects?: string[] } }[];
    }[];
  }[];
}

/**
 * Every watch of the task records open now, read from nats-server's monitoring endpoint. A replaced
 * watch's consumer is deleted a moment after (or, when that delete did not reach the server, times
 * out some minutes later), sending to no one meanwhile: only the consumers a client is subscribed
 * to are counted.
 */
export async function taskWatches(monitorUrl: string): Promise<TaskWatch[]> {
  const jsz = (await (await fetch(`${monitorUrl}/jsz?accounts=true&streams=true&consumers=true&config=true`)).json()) as Jsz;
  const prefix = `$KV.${BUCKETS.tasks}.`;
  const stream = `KV_${BUCKETS.tasks}`;
  return (jsz.account_details ?? [])
    .flatMap((a) => a.stream_detail ?? [])
    .filter((s) => s.name === stream)
    .flatMap((s) => s.consumer_detail ?? [])
    .filter((c) => c.push_bound === true)
    .map((c) => {
      const filters = c.config?.filter_subjects ?? (c.config?.filter_subject ? [c.config.filter_subject] : []);
      return { keys: filters.length === 0 ? [">"] : filters.map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f)) };
    });
}
