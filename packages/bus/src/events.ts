import { DeliverPolicy, type JetStreamClient } from "@nats-io/jetstream";
import { eventsAtEdge, storedTypesOf } from "@berth/core";
import { channels } from "./channels.js";
import type { PublicEvent } from "./codec.js";
import { PULL_EXPIRES_MS, PULL_HEARTBEAT_MS, publishDurable } from "./durable.js";
import { natsUnavailable } from "./js-errors.js";
import { subjects } from "./subjects.js";
import { STREAMS } from "./topology.js";
import { untilAnswered } from "./until-answered.js";

export interface StoredEvent {
  /** The event's sequence in BERTH_EVENTS: the SSE `id:` and the place to resume from. */
  seq: number;
  /** When the stream stored it (the server's clock), in ms since the epoch. */
  storedMs: number;
  /** 0 for the stored event; k for the k-th event derived from it at the edge (eventsAtEdge). */
  derived: number;
  event: PublicEvent;
}

/** Publishes an event once: `msgId` names what caused it, so a retry of the same cause is dropped. */
export async function publishEvent(js: JetStreamClient, event: PublicEvent, msgId: string): Promise<number> {
  return publishDurable(js, channels.events, event.eventType, event, msgId);
}

/** How long the event of a stored change is offered again while JetStream cannot store it. */
export const TELL_AGAIN_FOR_MS = 15 * 60_000;

/**
 * Publishes the event of a change that is already stored. JetStream refusing it for want of room
 * (or not answering) cannot undo the change, so that is not the caller's failure: the event is
 * offered again in the background, 0.5 s apart and then up to 5 s, for up to 15 minutes (its
 * message id makes a repeat a no-op); it is lost only if this process ends first, and events
 * published meanwhile may come before it. `onDelayed` hears of each failure; any other error is
 * thrown.
 */
export async function tellOfStoredChange(
  js: JetStreamClient,
  event: PublicEvent,
  msgId: string,
  onDelayed: (err: unknown) => void,
): Promise<void> {
  try {
    await publishEvent(js, event, msgId);
    return;
  } catch (err) {
    if (natsUnavailable(err) === undefined) throw err;
    onDelayed(err);
  }
  void untilAnswered(Date.now() + TELL_AGAIN_FOR_MS, () => publishEvent(js, event, msgId), {
    retryIf: (err) => natsUnavailable(err) !== undefined,
    onRetry: onDelayed,
    stepMs: 500,
    maxBackoffMs: 5_000,
  }).catch(onDelayed);
}

/** The sequence of the last event stored (0 for none). */
async function lastStored(js: JetStreamClient): Promise<number> {
  return (await (await js.streams.get(STREAMS.events)).info(true)).state.last_seq;
}

/**
 * Follows the event stream in order from `fromSeq`, or from `fromTime`, or
 * only new events when neither is given, filtered by event type, until the
 * signal aborts.
 */
export async function followEvents(
  js: JetStreamClient,
  opts: {
    fromSeq?: number;
    fromTime?: Date;
    eventTypes?: readonly string[];
    signal: AbortSignal;
    /** Called once the stream is followed: what is published after this reaches `onEvent`. */
    onFollowing?: () => void;
    /** Told of a stored event that cannot be decoded, which is skipped: the events after it still reach `onEvent`. */
    onUnreadable?: (err: unknown, seq: number) => void;
  },
  onEvent: (e: StoredEvent) => void | Promise<void>,
): Promise<void> {
  // One filter subject on the server (NATS 2.9 has no filter list); several types are filtered here.
  // Each stored event is given as it stands at the edge (eventsAtEdge): with what it carries and what is derived from it.
  const types = new Set(opts.eventTypes ?? []);
  const stored = new Set([...types].flatMap(storedTypesOf));
  const filter = stored.size === 1 ? subjects.event([...stored][0] ?? "") : subjects.eventAll;
  // "Only new events" starts after the last event stored now, not where the consumer happens to be
  // made: the consumer is made on its first pull, after `onFollowing`, and what was stored in between
  // would be missed.
  const start =
    opts.fromSeq === undefined && opts.fromTime !== undefined
      ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: opts.fromTime.toISOString() }
      : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, opts.fromSeq ?? (await lastStored(js)) + 1) };
  const consumer = await js.consumers.get(STREAMS.events, { filter_subjects: filter, ...start });
  // As every consumer here: a lost pull is noticed within two seconds (see consumeDurable).
  const messages = await consumer.consume({ expires: PULL_EXPIRES_MS, idle_heartbeat: PULL_HEARTBEAT_MS });
  const stop = () => void messages.close();
  opts.signal.addEventListener("abort", stop, { once: true });
  // Aborted while the consumer was being made (its client gone already): nothing is followed.
  if (opts.signal.aborted) stop();
  else opts.onFollowing?.();
  try {
    for await (const m of messages) {
      if (opts.signal.aborted) break;
      let stored: PublicEvent;
      try {
        stored = channels.events.codec.decode(m.data);
      } catch (err) {
        opts.onUnreadable?.(err, m.seq);
        continue;
      }
      for (const [derived, event] of eventsAtEdge(stored).entries()) {
        if (types.size > 0 && !types.has(event.eventType)) continue;
        await onEvent({ seq: m.seq, storedMs: m.info.timestampNanos / 1e6, event, derived });
      }
    }
  } finally {
    opts.signal.removeEventListener("abort", stop);
    await messages.close();
  }
}
