import { randomUUID } from "node:crypto";
import { followEvents, type JetStreamClient, publishEvent, type StoredEvent } from "@berth/bus";
import { maySeeEvent } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { preciseNowMs, STATUS_LATENCY_BUCKETS } from "@berth/runtime";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";

export interface EventRoutesOptions {
  js: JetStreamClient;
  registry: Registry;
  /** A client whose unread data passes this many bytes is cut off. */
  maxBufferedBytes: number;
  heartbeatMs: number;
  /** Aborts when the token a request came with is revoked. */
  revocation: (req: FastifyRequest) => { signal: AbortSignal; release(): void };
}

/** Marathon's `plan-format=light`: a deployment event's plan without its original and target groups. */
export function lightPlan(event: Record<string, unknown>): Record<string, unknown> {
  const plan = event.plan as Record<string, unknown> | undefined;
  if (!plan) return event;
  const { original: _o, target: _t, ...rest } = plan;
  return { ...event, plan: rest };
}

/**
 * One SSE frame: the stream sequence as `id:` (`<seq>.<k>` for the k-th event
 * derived from the stored one, which is written right after it), Marathon's
 * event type as `event:`.
 */
export function sseFrame(e: Pick<StoredEvent, "seq" | "derived">, eventType: string, data: unknown): string {
  const id = e.derived > 0 ? `${e.seq}.${e.derived}` : String(e.seq);
  return `id: ${id}\nevent: ${eventType}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Where to resume after a Last-Event-ID: after stored event `n` itself (`n`),
 * or after the k-th event told with it (`n.k`); the events told after that one
 * come next, so a client cut off between two events of one stored message
 * misses neither.
 */
export function resumeAfter(lastId: string): { seq: number; derived: number } | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(lastId);
  return m ? { seq: Number(m[1]), derived: Number(m[2] ?? 0) } : undefined;
}

/**
 * GET /v2/events: Marathon's event stream as server-sent events, in stream
 * order, resumable with Last-Event-ID (or `?since=<id>`), filtered by
 * repeatable `event_type`. A client that stops reading is cut off once its
 * unread data passes the buffer bound, so it never grows the server's memory.
 */
export async function eventRoutes(app: FastifyInstance, opts: EventRoutesOptions): Promise<void> {
  const clients = new Gauge({
    name: "berth_api_event_stream_clients",
    help: "Clients attached to /v2/events.",
    registers: [opts.registry],
  });
  const cutOff = new Counter({
    name: "berth_api_event_stream_cut_off_total",
    help: "Event stream clients disconnected because they did not keep up.",
    registers: [opts.registry],
  });
  const sent = new Counter({
    name: "berth_api_events_sent_total",
    help: "Events written to event stream clients.",
    registers: [opts.registry],
  });

  const lag = new Histogram({
    name: "berth_api_event_stream_lag_seconds",
    help: "Time from an event being stored to its being written to a client of /v2/events (events stored after the client came).",
    buckets: STATUS_LATENCY_BUCKETS,
    registers: [opts.registry],
  });

  app.get<{ Querystring: { event_type?: string | string[]; since?: string; "plan-format"?: string } }>("/v2/events", async (req, reply) => {
    const light = req.query["plan-format"] === "light";
    const types = ([] as string[])
      .concat(req.query.event_type ?? [])
      .flatMap((t) => t.split(","))
      .filter(Boolean);
    const lastId = req.headers["last-event-id"] ?? req.query.since;
    const last = lastId === undefined ? undefined : resumeAfter(String(lastId));
    if (lastId !== undefined && last === undefined) {
      return reply
        .status(400)
        .send({ message: `Last-Event-ID must be an event id (n, or n.k for an event derived from event n), got '${String(lastId)}'` });
    }
    const res = reply.raw;
    reply.hijack();
    const streamId = randomUUID();
    const stream = (eventType: string) =>
      publishEvent(opts.js, { eventType, timestamp: new Date().toISOString(), remoteAddress: req.ip }, `${eventType}-${streamId}`).catch(
        (err: unknown) => req.log.warn({ err: String(err) }, `could not publish ${eventType}`),
      );

    let attachedMs: number | undefined;
    let heartbeat: NodeJS.Timeout | undefined;
    const ac = new AbortController();
    const close = () => ac.abort();
    res.on("close", close);
    // A revoked token's stream ends at once, as a new request with it would be refused.
    const revoked = opts.revocation(req);
    revoked.signal.addEventListener("abort", close);
    /** Answers a client whose stream was never followed (one that was is ended by ending its stream). */
    const refuse = (status: number, message: string) => {
      if (attachedMs !== undefined || res.headersSent || res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.write(JSON.stringify({ message }));
    };
    /**
     * The client is answered once the stream is followed, not before: every event stored after it
     * has its answer reaches it (a client that acts on its own arrival, as Marathon's clients do,
     * misses nothing of what follows), and so does its own event_stream_attached.
     */
    const attach = () => {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write(": attached to Berth's event stream\n\n");
      clients.inc();
      attachedMs = preciseNowMs();
      heartbeat = setInterval(() => res.write(": keep-alive\n\n"), opts.heartbeatMs);
      void stream("event_stream_attached");
    };
    try {
      const following = {
        ...(last !== undefined ? { fromSeq: last.seq } : {}),
        eventTypes: types,
        signal: ac.signal,
        onFollowing: attach,
        onUnreadable: (err: unknown, seq: number) => req.log.warn({ err: String(err), seq }, "stored event left out: it cannot be read"),
      };
      await followEvents(opts.js, following, (e) => {
        if (res.writableLength > opts.maxBufferedBytes) {
          cutOff.inc();
          req.log.warn({ clientIp: req.ip, buffered: res.writableLength, lastEventId: e.seq - 1 }, "event stream client too slow; cut off");
          ac.abort();
          res.destroy();
          return;
        }
        if (last && e.seq === last.seq && e.derived <= last.derived) return;
        if (!maySeeEvent(req.principal, e.event)) return;
        res.write(sseFrame(e, e.event.eventType, light ? lightPlan(e.event) : e.event));
        sent.inc();
        // Events replayed from before the client came (Last-Event-ID) are not lag.
        // Nor are the stream's own comings and goings, which tell of clients, not of the cluster.
        if (e.derived === 0 && attachedMs !== undefined && e.storedMs >= attachedMs && !e.event.eventType.startsWith("event_stream_")) {
          lag.observe(Math.max(0, preciseNowMs() - e.storedMs) / 1000);
        }
      });
    } catch (err) {
      if (!ac.signal.aborted) {
        req.log.error({ err }, "event stream failed");
        refuse(503, `The event stream cannot be followed now: ${(err as Error).message}; try again`);
      }
    } finally {
      // Ended before it was followed by its token's revocation.
      if (revoked.signal.aborted) refuse(401, (revoked.signal.reason as Error | undefined)?.message ?? "The token was revoked");
      revoked.release();
      clearInterval(heartbeat);
      if (attachedMs !== undefined) {
        clients.dec();
        void stream("event_stream_detached");
      }
      res.off("close", close);
      if (!res.destroyed) res.end();
    }
  });
}
