import type { NatsConnection } from "@nats-io/transport-node";
import type { RpcChannel } from "./channels.js";

/** A typed request on a channel: both ends use the channel's pair of codecs. */
export async function request<K, Req, Rep>(
  nc: NatsConnection,
  channel: RpcChannel<K, Req, Rep>,
  key: K,
  value: Req,
  timeoutMs = 5_000,
): Promise<Rep> {
  const msg = await nc.request(channel.to(key), channel.request.encode(value), { timeout: timeoutMs });
  return channel.reply.decode(msg.data);
}

/** Serves a channel in its queue group, so instances share the load; an error becomes the reply `onError` makes of it. */
export function serve<K, Req, Rep>(
  nc: NatsConnection,
  channel: RpcChannel<K, Req, Rep>,
  handler: (req: Req, subject: string) => Promise<Rep>,
  onError: (err: unknown) => Rep,
): { stop(): void } {
  const sub = nc.subscribe(channel.served, { queue: channel.queue });
  void (async () => {
    for await (const m of sub) {
      void (async () => {
        let reply: Rep;
        try {
          reply = await handler(channel.request.decode(m.data), m.subject);
        } catch (err) {
          reply = onError(err);
        }
        m.respond(channel.reply.encode(reply));
      })();
    }
  })();
  return { stop: () => sub.unsubscribe() };
}
