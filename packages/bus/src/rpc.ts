import type { NatsConnection } from "@nats-io/transport-node";
import type { Codec } from "./codec.js";

/** A typed request: both ends use the same pair of codecs. */
export async function request<Req, Rep>(
  nc: NatsConnection,
  subject: string,
  reqCodec: Codec<Req>,
  repCodec: Codec<Rep>,
  value: Req,
  timeoutMs = 5_000,
): Promise<Rep> {
  const msg = await nc.request(subject, reqCodec.encode(value), { timeout: timeoutMs });
  return repCodec.decode(msg.data);
}

/** Serves a typed request subject in a queue group, so instances share the load. */
export function serve<Req, Rep>(
  nc: NatsConnection,
  subject: string,
  queue: string,
  reqCodec: Codec<Req>,
  repCodec: Codec<Rep>,
  handler: (req: Req, subject: string) => Promise<Rep>,
  onError: (err: unknown) => Rep,
): { stop(): void } {
  const sub = nc.subscribe(subject, { queue });
  void (async () => {
    for await (const m of sub) {
      void (async () => {
        let reply: Rep;
        try {
          reply = await handler(reqCodec.decode(m.data), m.subject);
        } catch (err) {
          reply = onError(err);
        }
        m.respond(repCodec.encode(reply));
      })();
    }
  })();
  return { stop: () => sub.unsubscribe() };
}
