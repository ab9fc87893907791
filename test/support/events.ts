import { connect } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { followEvents, type PublicEvent } from "@berth/bus";
import type { NatsEndpoint } from "./converged.js";

/** Collects Berth's public events from NATS, the way an outside tool subscribes. */
export async function collectEvents(
  nats: NatsEndpoint,
  credentials?: { user: string; pass: string },
): Promise<{ events: PublicEvent[]; stop(): Promise<void> }> {
  const nc = await connect({ servers: nats.url, ...credentials, ...(nats.tls ? { tls: nats.tls } : {}) });
  const events: PublicEvent[] = [];
  const ac = new AbortController();
  const done = followEvents(jetstream(nc), { fromSeq: 1, signal: ac.signal }, (e) => {
    events.push(e.event);
  }).catch(() => undefined);
  return {
    events,
    async stop() {
      ac.abort();
      await done;
      await nc.close();
    },
  };
}
