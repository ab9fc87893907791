import type { NatsConnection, Subscription } from "@nats-io/transport-node";
import type { BroadcastChannel, MessageChannel } from "./channels.js";
import type { Codec } from "./codec.js";

/** Publishes one message on a channel's key: core NATS, not stored, so a reader away misses it. */
export function tell<K, T>(nc: NatsConnection, channel: MessageChannel<K, T>, key: K, value: T): void {
  if (nc.isClosed()) return;
  nc.publish(channel.to(key), channel.codec.encode(value));
}

/** The messages of a subscription, each decoded with the subject it came on; one that cannot be decoded is told to `onUnreadable` and skipped. */
async function* decoded<T>(
  sub: Subscription,
  codec: Codec<T>,
  onUnreadable: (err: unknown, subject: string) => void,
): AsyncGenerator<{ value: T; subject: string }> {
  for await (const m of sub) {
    let value: T;
    try {
      value = codec.decode(m.data);
    } catch (err) {
      onUnreadable(err, m.subject);
      continue;
    }
    yield { value, subject: m.subject };
  }
}

/**
 * Hears every message of a channel (one instance of its queue group hears each, if it has one), in
 * order, each decoded with the subject it came on. A message that cannot be decoded is told to
 * `onUnreadable` and skipped: the messages after it are still heard.
 */
export function hear<K, T>(
  nc: NatsConnection,
  channel: BroadcastChannel<K, T>,
  handler: (value: T, subject: string) => void,
  onUnreadable: (err: unknown, subject: string) => void,
): { stop(): void } {
  const sub = nc.subscribe(channel.all, channel.queue ? { queue: channel.queue } : {});
  void (async () => {
    for await (const { value, subject } of decoded(sub, channel.codec, onUnreadable)) handler(value, subject);
  })();
  return { stop: () => sub.unsubscribe() };
}

/**
 * The messages of one key of a channel (an asker's own stream), decoded, in order, until `stop`. A
 * message that cannot be decoded is told to `onUnreadable` and skipped.
 */
export function listen<K, T>(
  nc: NatsConnection,
  channel: MessageChannel<K, T>,
  key: K,
  onUnreadable: (err: unknown, subject: string) => void,
): { values: AsyncIterable<T>; stop(): void } {
  const sub = nc.subscribe(channel.to(key));
  async function* values(): AsyncGenerator<T> {
    for await (const { value } of decoded(sub, channel.codec, onUnreadable)) yield value;
  }
  return { values: values(), stop: () => sub.unsubscribe() };
}
