import {
  type BusHandles,
  channels,
  CONSUMERS,
  consumeDurable,
  type Delivery,
  ensureCallbackConsumer,
  type EventSubscription,
  type KvCache,
  type PublicEvent,
  removeCallbackConsumer,
} from "@berth/bus";
import { CALLBACK_ATTEMPTS, callbackRetryDelayMs, callbackUrlRefusal, eventsAtEdge, maySeeEvent } from "@berth/core";
import type { Logger } from "@berth/runtime";
import { Counter, type Registry } from "prom-client";

export interface CallbackOptions {
  /** Destinations the operator allows (BERTH_CALLBACK_ALLOW). */
  allow: readonly string[];
  /** How long one POST may take. */
  timeoutMs: number;
}

/**
 * Delivers Marathon's events to HTTP event subscriptions. Each subscription
 * has its own durable consumer of the event stream, so a slow or dead
 * receiver holds back only itself, and its place survives an api restart;
 * with several api instances each event goes to one of them. An event is
 * POSTed as Marathon's JSON, retried 1, 2, 4, 8, 16 s apart when it fails,
 * then given up; at least once, in order only per attempt. A subscription gets
 * only the events its owner's token could read on /v2/events.
 */
export class EventCallbacks {
  private readonly following = new Map<string, { stop(): Promise<void> }>();
  private readonly outcomes: Counter;

  constructor(
    private readonly bus: BusHandles<"js" | "nc">,
    private readonly subscriptions: KvCache<EventSubscription>,
    private readonly opts: CallbackOptions,
    private readonly log: Logger,
    registry: Registry,
  ) {
    this.outcomes = new Counter({
      name: "berth_api_event_callbacks_total",
      help: "Events POSTed to event subscriptions, by outcome (delivered, retried, given_up).",
      labelNames: ["outcome"],
      registers: [registry],
    });
  }

  async start(): Promise<void> {
    this.subscriptions.onChange((key, entry) => void (entry ? this.follow(key, entry.value) : this.unfollow(key)));
    for (const [key, { value }] of this.subscriptions.entriesList()) await this.follow(key, value);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.following.keys()].map((key) => this.unfollow(key)));
  }

  /** Makes a subscription's consumer (from now on), so the events after its creation are kept for it. */
  static async prepare(bus: BusHandles<"js" | "nc">, key: string, timeoutMs: number): Promise<void> {
    await ensureCallbackConsumer(bus.nc, key, { ackWaitMs: timeoutMs + 5_000, attempts: CALLBACK_ATTEMPTS, inFlight: 64 });
  }

  /** Forgets a subscription's consumer: its undelivered events with it. */
  static async forget(bus: BusHandles<"js" | "nc">, key: string): Promise<void> {
    await removeCallbackConsumer(bus.nc, key);
  }

  private async follow(key: string, sub: EventSubscription): Promise<void> {
    if (this.following.has(key)) return;
    this.following.set(key, { stop: async () => undefined });
    try {
      await EventCallbacks.prepare(this.bus, key, this.opts.timeoutMs);
      const consumer = await consumeDurable(
        this.bus.js,
        channels.events,
        undefined,
        CONSUMERS.callback(key),
        (d) => this.deliver(sub, d),
        (err) => this.log.warn({ err: String(err), callbackUrl: sub.callbackUrl }, "event callback failed"),
      );
      if (this.following.has(key)) this.following.set(key, consumer);
      else await consumer.stop();
    } catch (err) {
      this.following.delete(key);
      this.log.warn({ err: String(err), callbackUrl: sub.callbackUrl }, "could not follow an event subscription");
    }
  }

  private async unfollow(key: string): Promise<void> {
    const f = this.following.get(key);
    this.following.delete(key);
    await f?.stop();
  }

  /**
   * Delivers a stored event as it stands at the edge (with the events it carries, a status update
   * with its instance_changed_event): each the owner may see, acked once all are.
   */
  private async deliver(sub: EventSubscription, d: Delivery<PublicEvent>): Promise<void> {
    const events = eventsAtEdge(d.value).filter((e) => maySeeEvent(sub.owner, e));
    if (events.length === 0) return d.ack();
    // The operator may have narrowed the allowed destinations since the subscription was made.
    const refused = callbackUrlRefusal(sub.callbackUrl, this.opts.allow);
    if (refused) {
      this.outcomes.inc({ outcome: "given_up" });
      return d.term();
    }
    try {
      for (const event of events) {
        const res = await fetch(sub.callbackUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(this.opts.timeoutMs),
          // A redirect could lead anywhere: it is a failed delivery, not a new destination.
          redirect: "manual",
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) throw new Error(`the receiver answered ${res.status}`);
        this.outcomes.inc({ outcome: "delivered" });
      }
      d.ack();
    } catch (err) {
      if (d.attempt >= CALLBACK_ATTEMPTS) {
        this.outcomes.inc({ outcome: "given_up" });
        this.log.warn({ callbackUrl: sub.callbackUrl, eventType: d.value.eventType, err: String(err) }, "event callback given up");
        return d.term();
      }
      this.outcomes.inc({ outcome: "retried" });
      d.nak(callbackRetryDelayMs(d.attempt));
    }
  }
}
