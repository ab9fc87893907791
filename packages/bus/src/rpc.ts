import { ValidationError } from "@berth/core";
import type { NatsConnection } from "@nats-io/transport-node";
import type { KeyedRpcChannel, RpcChannel } from "./channels.js";

/** A typed request on a channel: both ends use the channel's pair of codecs. */
export async function request<K, Req, Rep>(
  nc: NatsConnection,
  channel: KeyedRpcChannel<K, Req, Rep>,
  key: K,
  value: Req,
  timeoutMs = 5_000,
): Promise<Rep> {
  const msg = await nc.request(channel.to(key), channel.request.encode(value), { timeout: timeoutMs });
  return channel.reply.decode(msg.data);
}

type Handler<Req, Rep> = (req: Req, subject: string) => Promise<Rep>;

/** Serves a channel in its queue group, so instances share the load; an error becomes the reply `onError` makes of it. */
export function serve<K, Req, Rep>(
  nc: NatsConnection,
  channel: RpcChannel<K, Req, Rep>,
  handler: Handler<Req, Rep>,
  onError: (err: unknown) => Rep,
): { stop(): void } {
  return serveOn(nc, channel.served, channel.queue, channel, handler, onError);
}

/** Serves one key's subject of a channel alone: an agent serves its own (NATS lets it subscribe to no other's). */
export function serveOwn<K, Req, Rep>(
  nc: NatsConnection,
  channel: KeyedRpcChannel<K, Req, Rep>,
  key: K,
  handler: Handler<Req, Rep>,
  onError: (err: unknown) => Rep,
): { stop(): void } {
  return serveOn(nc, channel.to(key), undefined, channel, handler, onError);
}

/**
 * Answers each request on `subject` as it comes (one slow answer holds up no other). A request that
 * cannot be decoded is answered with a ValidationError through `onError` (a retry cannot help it), and
 * the requests after it are still served.
 */
function serveOn<K, Req, Rep>(
  nc: NatsConnection,
  subject: string,
  queue: string | undefined,
  channel: KeyedRpcChannel<K, Req, Rep>,
  handler: Handler<Req, Rep>,
  onError: (err: unknown) => Rep,
): { stop(): void } {
  const sub = nc.subscribe(subject, queue ? { queue } : {});
  void (async () => {
    for await (const m of sub) {
      void (async () => {
        let reply: Rep;
        try {
          let req: Req;
          try {
            req = channel.request.decode(m.data);
          } catch (err) {
            throw new ValidationError([], `the request cannot be read as a ${channel.request.name}: ${String(err)}`);
          }
          reply = await handler(req, m.subject);
        } catch (err) {
          reply = onError(err);
        }
        m.respond(channel.reply.encode(reply));
      })();
    }
  })();
  return { stop: () => sub.unsubscribe() };
}
