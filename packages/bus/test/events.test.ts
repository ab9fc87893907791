import { describe, expect, it } from "vitest";
import { followEvents, publishEvent, subjects } from "@berth/bus";
import { useBuses } from "./buses.js";

const buses = useBuses("events");

describe("following the event stream", () => {
  it("skips a stored event it cannot read, says so, and goes on to the next", async () => {
    const { js } = buses.events;
    const at = new Date().toISOString();
    await publishEvent(js, { eventType: "api_post_event", timestamp: at, uri: "/v2/apps/a" }, "first");
    const bad = await js.publish(subjects.event("api_post_event"), new TextEncoder().encode("{not json"));
    const last = await publishEvent(js, { eventType: "api_post_event", timestamp: at, uri: "/v2/apps/b" }, "second");
    const told: string[] = [];
    const unreadable: number[] = [];
    const ac = new AbortController();
    await followEvents(js, { fromSeq: 1, signal: ac.signal, onUnreadable: (_err, seq) => unreadable.push(seq) }, (e) => {
      told.push(String(e.event.uri));
      if (e.seq >= last) ac.abort();
    });
    expect(told).toEqual(["/v2/apps/a", "/v2/apps/b"]);
    expect(unreadable).toEqual([bad.seq]);
  });
});
