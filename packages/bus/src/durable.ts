import { type Consumer, type ConsumerMessages, type JetStreamClient, jetstream, type JsMsg } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { type AgentCommand, channels, type ConsumedChannel, type DurableChannel } from "./channels.js";
import { KeyedQueue } from "./keyed-queue.js";
import { Limiter } from "./limiter.js";
import { CONSUMER_NOT_FOUND, jsErrorCode } from "./js-errors.js";
import { isUnanswered, START_WAIT_MS, untilAnswered } from "./until-answered.js";

/**
 * Publishes to a stream and waits for the server's acknowledgement: once this
 * resolves the message is stored. `msgId` makes a resend within the stream's
 * duplicate window a no-op.
 */
export async function publishDurable<K, T>(
  js: JetStreamClient,
  channel: DurableChannel<K, T>,
  key: K,
  value: T,
  msgId: string,
): Promise<number> {
  const ack = await js.publish(channel.to(key), channel.codec.encode(value), { msgID: msgId });
  return ack.seq;
}

/** Sends an agent a command (stored until it acknowledges); `msgId` makes a resend within the window a no-op. */
export async function publishCommand(js: JetStreamClient, command: AgentCommand, msgId: string): Promise<number> {
  const ack = await js.publish(channels.agentCommands.to(command), channels.agentCommands.encode(command), { msgID: msgId });
  return ack.seq;
}

export function jetstreamOf(nc: NatsConnection): JetStreamClient {
  return jetstream(nc);
}

/** How long a consumer's pull waits for messages before it is renewed. */
export const PULL_EXPIRES_MS = 30_000;
/** How often the server says a waiting pull is alive: a pull lost is made again after two missed. */
export const PULL_HEARTBEAT_MS = 1_000;

export interface Delivery<T> {
  value: T;
  subject: string;
  /** The message's sequence in its stream. */
  seq: number;
  redelivered: boolean;
  /** When the stream stored the message (the server's clock), in ms since the epoch. */
  storedMs: number;
  ack(): void;
  /** Asks for redelivery after a delay. */
  nak(delayMs?: number): void;
  /** Gives the message up: it is not delivered again. */
  term(): void;
  /** Which delivery of this message this is: 1 the first. */
  attempt: number;
}

/**
 * Consumes a durable consumer until stopped. The handler acks; a handler that
 * throws gets the message again after a delay, and a message that cannot be
 * decoded is logged and acknowledged so it never blocks the stream.
 */
export async function consumeDurable<R, T>(
  js: JetStreamClient,
  channel: ConsumedChannel<R, T>,
  reader: R,
  durable: string,
  handler: (d: Delivery<T>) => Promise<void>,
  onError: (err: unknown, m: JsMsg) => void,
  /**
   * Without `keyOf`, one message at a time. With it, messages of different keys
   * are handled concurrently (at most `concurrency` at once) and messages of
   * one key still in the order they were stored.
   */
  opts: {
    keyOf?: (value: T, subject: string) => string;
    concurrency?: number;
    /**
     * Called when the consumer is gone (one kept in memory does not survive its
     * nats-server's restart); it should have the consumer made again, and
     * consuming then starts over from it.
     */
    onMissing?: () => Promise<void>;
  } = {},
): Promise<{ stop(): Promise<void> }> {
  const run = async (m: JsMsg, value: T) => {
    try {
      await handler({
        value,
        subject: m.subject,
        seq: m.seq,
        redelivered: m.redelivered,
        storedMs: m.info.timestampNanos / 1e6,
        ack: () => m.ack(),
        nak: (delayMs) => m.nak(delayMs),
        term: () => m.term(),
        attempt: m.info.deliveryCount,
      });
    } catch (err) {
      onError(err, m);
      m.nak(1_000);
    }
  };
  const stream = channel.streamOf(reader);
  const perKey = new KeyedQueue();
  const limiter = new Limiter(opts.concurrency ?? 64);
  let stopped = false;
  let messages: ConsumerMessages | undefined;
  // A consumer missing at start is made again through `onMissing`, as later (its nats-server restarted between
  // the registration that made it and this look); without `onMissing`, it is an error.
  const canRemake = (err: unknown) => opts.onMissing !== undefined && jsErrorCode(err) === CONSUMER_NOT_FOUND;
  let found: Consumer | undefined = await untilAnswered(Date.now() + START_WAIT_MS, () => js.consumers.get(stream, durable), {
    retryIf: (err) => isUnanswered(err) || canRemake(err),
    onRetry: async (err) => {
      if (canRemake(err)) await opts.onMissing?.().catch(() => undefined);
    },
  });
  /** Consumes until stopped (false) or until the consumer is gone (true). */
  const consumeUntilGone = async (): Promise<boolean> => {
    const consumer = found ?? (await js.consumers.get(stream, durable));
    found = undefined;
    // A pull lives 30 s, and the server says it is alive every second while it waits. nats-server drops a
    // pull that expired while a message was on its way to it without telling the client (which then waits
    // for a pull that is gone), so a pull is renewed rarely, and a lost one (that, or a pull to a consumer
    // whose replicas have not chosen a leader yet) is noticed by two missed heartbeats and made again.
    const current = await consumer.consume({ max_messages: 256, expires: PULL_EXPIRES_MS, idle_heartbeat: PULL_HEARTBEAT_MS });
    messages = current;
    if (stopped) await current.close();
    let gone = false;
    if (opts.onMissing) {
      void (async () => {
        for await (const s of current.status()) {
          if (s.type === "consumer_not_found" || s.type === "consumer_deleted") {
            gone = true;
            await current.close();
            return;
          }
        }
      })();
    }
    for await (const m of current) {
      let value: T | undefined;
      try {
        value = channel.decode(m.subject, m.data);
        if (value === undefined) throw new Error(`no message this reader knows on ${m.subject}`);
      } catch (err) {
        onError(err, m);
        m.term();
        continue;
      }
      if (!opts.keyOf) {
        await run(m, value);
        continue;
      }
      // A slot is taken before the message joins its key's queue, so messages waiting behind others count too.
      await limiter.acquire();
      void perKey.run(opts.keyOf(value, m.subject), () => run(m, value)).finally(() => limiter.release());
    }
    return gone && !stopped;
  };
  const done = (async () => {
    while (await consumeUntilGone().catch(() => !stopped)) {
      if (stopped) break;
      await opts.onMissing?.().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await limiter.drained();
  })();
  return {
    stop: async () => {
      stopped = true;
      await messages?.close();
      await done;
    },
  };
}
