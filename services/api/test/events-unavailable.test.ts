// /v2/events when the event stream cannot be followed: the client is told so, with a status and why,
// instead of an answer that promises a stream and then ends.
import { STREAMS } from "@berth/bus";
import { describe, expect, it } from "vitest";
import { useInProcessApi } from "./in-process-api.js";

const ADMIN = "admin-token-for-events-tests";
const f = useInProcessApi(ADMIN);

describe("GET /v2/events without an event stream to follow", () => {
  it("answers 503 with why, in Marathon's error shape, and counts no client", async () => {
    const jsm = await f.bus.js.jetstreamManager();
    await jsm.streams.delete(STREAMS.events);
    const r = await f.api.inject({
      method: "GET",
      url: "/v2/events",
      headers: { authorization: `Bearer ${ADMIN}`, accept: "text/event-stream" },
    });
    expect(r.statusCode).toBe(503);
    expect(JSON.parse(r.body)).toEqual({
      message: expect.stringMatching(/^The event stream cannot be followed now: .*stream not found.*; try again$/),
    });
    const metrics = await f.api.inject({ method: "GET", url: "/metrics/prometheus", headers: { authorization: `Bearer ${ADMIN}` } });
    expect(metrics.body).toMatch(/^berth_api_event_stream_clients 0$/m);
  });
});
