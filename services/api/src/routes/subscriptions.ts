import { createHash } from "node:crypto";
import { type BusHandles, type EventSubscription, publishEvent } from "@berth/bus";
import { callbackUrlRefusal, mayAdminister, NotFoundError, type Principal, ValidationError } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ClusterView } from "../cluster-view.js";
import { EventCallbacks } from "../event-callbacks.js";

export interface SubscriptionRoutesOptions {
  bus: BusHandles<"js" | "nc" | "subscriptions">;
  view: ClusterView;
  allow: readonly string[];
  timeoutMs: number;
  now: () => number;
}

/** A subscription's key: its owner and callback URL, so a team and an admin may each subscribe the same URL. */
function subscriptionKey(owner: Principal, callbackUrl: string): string {
  const who = owner.role === "admin" ? "admin" : `team:${owner.team}`;
  return createHash("sha256").update(`${who}\n${callbackUrl}`).digest("hex").slice(0, 32);
}

/**
 * Marathon's HTTP event subscriptions: `POST /v2/eventSubscriptions?callbackUrl=`,
 * `GET` and `DELETE`. A callback makes Berth send requests for someone, so
 * only destinations the operator allows are accepted; a team's subscription
 * gets only the events its token may read, and a team sees only its own.
 */
export async function subscriptionRoutes(app: FastifyInstance, opts: SubscriptionRoutesOptions): Promise<void> {
  const { bus, view } = opts;
  const ownerOf = (req: FastifyRequest): Principal => ({ ...req.principal, name: "event subscription" });
  const mine = (req: FastifyRequest) =>
    view.subscriptions
      .entriesList()
      .filter(
        ([, { value }]) =>
          mayAdminister(req.principal, "read") ||
          subscriptionKey(value.owner, value.callbackUrl) === subscriptionKey(req.principal, value.callbackUrl),
      );
  const urlOf = (q: { callbackUrl?: string }) => {
    if (!q.callbackUrl) throw new ValidationError([{ path: "/callbackUrl", errors: ["give ?callbackUrl=http://host:port/path"] }]);
    return q.callbackUrl;
  };
  const answer = async (req: FastifyRequest, eventType: "subscribe_event" | "unsubscribe_event", callbackUrl: string) => {
    const event = { eventType, timestamp: new Date(opts.now()).toISOString(), clientIp: req.ip, callbackUrl };
    await publishEvent(
      bus.js,
      event,
      `${eventType}-${createHash("sha256").update(`${callbackUrl}${event.timestamp}`).digest("hex").slice(0, 16)}`,
    );
    return { callbackUrl, clientIp: req.ip, eventType, timestamp: event.timestamp };
  };

  app.get("/v2/eventSubscriptions", async (req) => ({ callbackUrls: [...new Set(mine(req).map(([, e]) => e.value.callbackUrl))].sort() }));

  app.post<{ Querystring: { callbackUrl?: string } }>("/v2/eventSubscriptions", async (req) => {
    const callbackUrl = urlOf(req.query);
    const refused = callbackUrlRefusal(callbackUrl, opts.allow);
    if (refused) throw new ValidationError([{ path: "/callbackUrl", errors: [refused] }]);
    const owner = ownerOf(req);
    const key = subscriptionKey(owner, callbackUrl);
    // The consumer first: events from now on are kept for the subscription even before any instance follows it.
    await EventCallbacks.prepare(bus, key, opts.timeoutMs);
    const sub: EventSubscription = { callbackUrl, owner, clientIp: req.ip, createdAtMs: opts.now() };
    await view.subscriptions.waitFor(await bus.subscriptions.put(key, sub));
    return answer(req, "subscribe_event", callbackUrl);
  });

  app.delete<{ Querystring: { callbackUrl?: string } }>("/v2/eventSubscriptions", async (req) => {
    const callbackUrl = urlOf(req.query);
    const found = mine(req).filter(([, e]) => e.value.callbackUrl === callbackUrl);
    if (found.length === 0) throw new NotFoundError(`No event subscription for ${callbackUrl}`);
    for (const [key] of found) {
      await bus.subscriptions.delete(key);
      await EventCallbacks.forget(bus, key);
    }
    return answer(req, "unsubscribe_event", callbackUrl);
  });
}
