import { connect as tcpConnect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstream } from "@nats-io/jetstream";
import { eventually } from "@berth/testkit";
import { openSse, type SseEvent } from "../support/sse.js";

const f = useCluster("e2e-events", { extraEnv: { BERTH_API_EVENT_BUFFER_BYTES: String(4 * 1024 * 1024) } });
let nc: NatsConnection;
beforeAll(async () => {
  nc = await connect({ servers: f.nats.url, ...f.natsUsers.operator, tls: f.nats.tls ?? null });
});
afterAll(async () => {
  await nc?.close();
});

const ids = (events: SseEvent[]) => events.map((e) => e.id);

describe("GET /v2/events", () => {
  it("streams Marathon's events with ids, filtered by event_type", async () => {
    const all = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken);
    const statusOnly = await openSse(`${f.cluster.apiUrl}/v2/events?event_type=status_update_event`, f.cluster.adminToken);
    const two = await openSse(
      `${f.cluster.apiUrl}/v2/events?event_type=api_post_event&event_type=app_terminated_event`,
      f.cluster.adminToken,
    );
    expect(all.status).toBe(200);
    await f.api.call("POST", "/v2/apps", sleeper("/events/one"));
    await eventually(() => statusOnly.events.some((e) => e.data.taskStatus === "TASK_RUNNING"), { what: "RUNNING over SSE" });
    await f.api.call("DELETE", "/v2/apps/events/one");
    await eventually(() => statusOnly.events.some((e) => e.data.taskStatus === "TASK_KILLED"), { what: "KILLED over SSE" });
    await eventually(() => two.events.some((e) => e.event === "app_terminated_event"), { what: "app_terminated_event" });

    expect(new Set(statusOnly.events.map((e) => e.event))).toEqual(new Set(["status_update_event"]));
    expect(new Set(two.events.map((e) => e.event))).toEqual(new Set(["api_post_event", "app_terminated_event"]));
    expect(two.events[0]?.data).toMatchObject({ eventType: "api_post_event", uri: "/v2/apps", appDefinition: { id: "/events/one" } });
    const kinds = new Set(all.events.map((e) => e.event));
    for (const k of ["api_post_event", "status_update_event", "instance_changed_event", "app_terminated_event"]) expect(kinds).toContain(k);
    const running = all.events.find((e) => e.event === "instance_changed_event" && e.data.condition === "Running");
    expect(running?.data).toMatchObject({ runSpecId: "/events/one", agentId: f.cluster.agentId, host: "127.0.0.1" });
    // Ids are the stream's sequence: strictly increasing.
    const seq = ids(all.events);
    expect([...seq].sort((a, b) => a - b)).toEqual(seq);
    expect(new Set(seq).size).toBe(seq.length);
    for (const c of [all, statusOnly, two]) c.close();
  });

  it("resumes with Last-Event-ID: nothing lost, nothing twice, in order", async () => {
    const reference = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken);
    const first = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken);
    await f.api.call("POST", "/v2/apps", sleeper("/events/resume", 2));
    await eventually(() => first.events.filter((e) => e.data.taskStatus === "TASK_RUNNING").length === 2, { what: "2 running" });
    first.close();
    const lastId = first.events.at(-1)!.id;
    // Events that happen while the client is away.
    await f.api.call("PUT", "/v2/apps/events/resume", { instances: 3 });
    await eventually(() => reference.events.filter((e) => e.data.taskStatus === "TASK_RUNNING").length === 3, { what: "3 running" });
    const resumed = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken, { "last-event-id": String(lastId) });
    await f.api.call("DELETE", "/v2/apps/events/resume");
    await eventually(() => reference.events.some((e) => e.event === "app_terminated_event" && e.data.appId === "/events/resume"), {
      what: "terminated",
    });
    // Both clients caught up to the same last event (events may still arrive: compare up to it).
    const last = await eventually(
      () => {
        const r = resumed.events.at(-1)?.id ?? 0;
        const ref = reference.events.at(-1)?.id ?? 0;
        return r > 0 && r === ref && r;
      },
      { what: "both clients at the same event" },
    );
    // From the first event the first client saw (the reference, attached before it, also saw its arrival).
    const from = first.events[0]!.id;
    const upTo = (xs: number[]) => xs.filter((id) => id >= from && id <= last);
    expect(upTo([...ids(first.events), ...ids(resumed.events)])).toEqual(upTo(ids(reference.events)));
    reference.close();
    resumed.close();
  });

  it("resumes in the middle of events stored as one: after n.1 comes n.2", async () => {
    const all = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken);
    await f.api.call("POST", "/v2/apps", sleeper("/events/carried", 1));
    // The change's deployment_info (n) carries its group_change_success (n.1) and api_post_event (n.2).
    const post = await eventually(() => all.events.find((e) => e.event === "api_post_event" && e.data.uri === "/v2/apps"), {
      what: "the api_post_event",
    });
    const n = Math.floor(post.id);
    expect(all.events.filter((e) => Math.floor(e.id) === n).map((e) => [e.id, e.event])).toEqual([
      [n, "deployment_info"],
      [Number(`${n}.1`), "group_change_success"],
      [Number(`${n}.2`), "api_post_event"],
    ]);
    all.close();
    const resumed = await openSse(`${f.cluster.apiUrl}/v2/events`, f.cluster.adminToken, { "last-event-id": `${n}.1` });
    await eventually(() => resumed.events.length > 0, { what: "the first event after n.1" });
    expect([resumed.events[0]?.id, resumed.events[0]?.event]).toEqual([Number(`${n}.2`), "api_post_event"]);
    resumed.close();
    await f.api.call("DELETE", "/v2/apps/events/carried?force=true");
  });

  it("answers 400 for a Last-Event-ID that is not an id", async () => {
    const r = await f.api.call<{ message: string }>("GET", "/v2/events?since=abc");
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/Last-Event-ID/);
  });

  it("tells a client every event stored once its answer came, however soon after", async () => {
    // A client acts on its arrival at once (as Marathon's clients do): what is stored then must reach it.
    const js = jetstream(nc);
    for (const i of [1, 2, 3, 4, 5]) {
      const client = await openSse(`${f.cluster.apiUrl}/v2/events?event_type=soon_test_event`, f.cluster.adminToken);
      expect(client.status).toBe(200);
      await js.publish(
        "berth.v1.events.soon_test_event",
        JSON.stringify({ eventType: "soon_test_event", timestamp: new Date().toISOString(), i }),
      );
      await eventually(() => client.events.length === 1, {
        what: `the event stored right after client ${i} was answered`,
        timeoutMs: 5_000,
      });
      expect(client.events[0]?.data.i).toBe(i);
      client.close();
    }
  });

  it("cuts off a client that stopped reading, while another keeps receiving", async () => {
    const clients = async () =>
      Number(/^berth_api_event_stream_clients (\d+)$/m.exec((await f.api.call<string>("GET", "/metrics/prometheus")).body)?.[1] ?? NaN);
    const before = await clients();
    const reader = await openSse(`${f.cluster.apiUrl}/v2/events?event_type=bulk_test_event`, f.cluster.adminToken);
    const stalled: Socket = await new Promise((resolve) => {
      const s = tcpConnect(Number(new URL(f.cluster.apiUrl).port), "127.0.0.1", () => {
        s.write(
          `GET /v2/events?event_type=bulk_test_event HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: Bearer ${f.cluster.adminToken}\r\n\r\n`,
        );
        resolve(s);
      });
    });
    stalled.pause();
    // Both attached before the events come.
    await eventually(async () => (await clients()) === before + 2, { what: "both clients attached" });
    // About 32 MiB of events: more than the kernel's socket buffers plus the 4 MiB bound, which a
    // reading client on a busy machine stays well within.
    const payload = "x".repeat(8 * 1024);
    const n = 4000;
    // Stored with acknowledgements, a hundred at a time, so none is dropped on the way in. The
    // reading client reads each hundred before the next is sent: it shares this process with the
    // sender, and on a busy machine would otherwise fall behind by more than the bound itself.
    const js = jetstream(nc);
    for (let i = 0; i < n; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, n - i) }, (_, k) =>
          js.publish(
            "berth.v1.events.bulk_test_event",
            JSON.stringify({ eventType: "bulk_test_event", timestamp: new Date().toISOString(), i: i + k, payload }),
          ),
        ),
      );
      await eventually(() => reader.events.length >= Math.min(n, i + 100), { what: `the reader at ${i + 100}`, intervalMs: 5 });
    }
    await eventually(() => reader.events.length === n, {
      what: `${n} events to the reading client (got ${reader.events.length})`,
      timeoutMs: 60_000,
    });
    expect(reader.events.map((e) => e.data.i)).toEqual(Array.from({ length: n }, (_, i) => i));
    const metrics = await f.api.call<string>("GET", "/metrics/prometheus");
    expect(metrics.body).toMatch(/^berth_api_event_stream_cut_off_total 1$/m);
    stalled.destroy();
    reader.close();
  });

  it("times each event from its storing to its writing to a client, not counting those replayed", async () => {
    const lagCount = async () => {
      const text = (await f.api.call<string>("GET", "/metrics/prometheus")).body;
      return Number(/^berth_api_event_stream_lag_seconds_count (\d+)$/m.exec(text)?.[1] ?? NaN);
    };
    const js = jetstream(nc);
    const publish = (i: number) =>
      js.publish("berth.v1.events.lag_test_event", JSON.stringify({ eventType: "lag_test_event", timestamp: new Date().toISOString(), i }));
    for (const i of [0, 1, 2]) await publish(i);
    const before = await lagCount();
    const client = await openSse(`${f.cluster.apiUrl}/v2/events?event_type=lag_test_event&since=1`, f.cluster.adminToken);
    await eventually(() => client.events.length === 3, { what: "the 3 earlier events replayed" });
    await publish(3);
    await eventually(() => client.events.length === 4, { what: "the new event" });
    expect(client.events.map((e) => e.data.i)).toEqual([0, 1, 2, 3]);
    expect((await lagCount()) - before).toBe(1);
    client.close();
  });
});
