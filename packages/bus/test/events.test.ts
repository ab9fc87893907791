import { describe, expect, it } from "vitest";
import { followEvents, publishEvent, subjects } from "@berth/bus";
import { useBuses } from "./buses.js";

const buses = useBuses("events", "publisher");

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

  it("gives a follower of new events each one stored once it is following, however soon, and none from before", async () => {
    const { js } = buses.events;
    // Stored by another process, as the api's clients and services are.
    const other = buses.publisher.js;
    const at = new Date().toISOString();
    await publishEvent(other, { eventType: "api_post_event", timestamp: at, uri: "/v2/apps/before" }, "before");
    for (const round of [1, 2, 3, 4, 5]) {
      const told: string[] = [];
      const ac = new AbortController();
      const stored: Promise<number>[] = [];
      // Stored the moment the follower says it follows.
      const onFollowing = () =>
        void stored.push(publishEvent(other, { eventType: "api_post_event", timestamp: at, uri: `/v2/apps/${round}` }, `now-${round}`));
      const timer = setTimeout(() => ac.abort(), 3_000);
      await followEvents(js, { signal: ac.signal, onFollowing }, (e) => {
        told.push(String(e.event.uri));
        ac.abort();
      });
      clearTimeout(timer);
      expect(told, `round ${round}`).toEqual([`/v2/apps/${round}`]);
      expect(await Promise.all(stored)).toHaveLength(1);
    }
  });
});
