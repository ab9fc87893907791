// Marathon's HTTP event subscriptions: callbacks only where the operator allows, each receiver on its own.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventually } from "@berth/testkit";
import { afterAll, describe, expect, it } from "vitest";
import type { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("e2e-subscriptions", { extraEnv: { BERTH_CALLBACK_ALLOW: "loopback", BERTH_CALLBACK_TIMEOUT_MS: "1000" } });
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

type Event = { eventType: string; appId?: string; taskStatus?: string; taskId?: string; timestamp: string };

/** A receiver on loopback; `fail` answers 500 to that many POSTs first, `hang` never answers. */
async function receiver(opts: { fail?: number; hang?: boolean } = {}) {
  const events: Event[] = [];
  let failures = opts.fail ?? 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (opts.hang) return;
      if (failures > 0) {
        failures--;
        res.writeHead(500).end();
        return;
      }
      events.push(JSON.parse(body) as Event);
      res.writeHead(200).end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, events };
}

const subscribe = (api: Api, url: string) =>
  api.call<Record<string, unknown>>("POST", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(url)}`);

describe("POST /v2/eventSubscriptions", () => {
  it("answers as Marathon, lists the subscription, and delivers the events that follow", async () => {
    const r = await receiver();
    const made = await subscribe(f.api, r.url);
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ callbackUrl: r.url, eventType: "subscribe_event" });
    expect((await f.api.call<{ callbackUrls: string[] }>("GET", "/v2/eventSubscriptions")).body.callbackUrls).toContain(r.url);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/subs/one"))).status).toBe(201);
    await eventually(
      () => r.events.some((e) => e.eventType === "status_update_event" && e.appId === "/subs/one" && e.taskStatus === "TASK_RUNNING"),
      {
        what: "the task's RUNNING at the receiver",
      },
    );
    expect(r.events.some((e) => e.eventType === "api_post_event")).toBe(true);
    const gone = await f.api.call("DELETE", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(r.url)}`);
    expect(gone.body).toMatchObject({ eventType: "unsubscribe_event" });
    expect((await f.api.call<{ callbackUrls: string[] }>("GET", "/v2/eventSubscriptions")).body.callbackUrls).not.toContain(r.url);
  });

  it("refuses a destination the operator does not allow, and changes nothing", async () => {
    for (const url of ["http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data", "http://example.com/hook", "file:///etc/passwd"]) {
      const r = await subscribe(f.api, url);
      expect(r.status, url).toBe(422);
    }
    expect((await f.api.call<{ callbackUrls: string[] }>("GET", "/v2/eventSubscriptions")).body.callbackUrls).toEqual([]);
  });

  it("sends a team's subscription only the team's events, and shows a team only its own", async () => {
    const token = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "subs", team: "subs-a" })).body.token;
    const team = f.api.as(token);
    const r = await receiver();
    const admin = await receiver();
    expect((await subscribe(team, r.url)).status).toBe(200);
    expect((await subscribe(f.api, admin.url)).status).toBe(200);
    expect((await team.call<{ callbackUrls: string[] }>("GET", "/v2/eventSubscriptions")).body.callbackUrls).toEqual([r.url]);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/subs-b/other"))).status).toBe(201);
    expect((await team.call("POST", "/v2/apps", sleeper("/subs-a/mine"))).status).toBe(201);
    await eventually(() => r.events.some((e) => e.appId === "/subs-a/mine" && e.taskStatus === "TASK_RUNNING"), {
      what: "the team's event",
    });
    await eventually(() => admin.events.some((e) => e.appId === "/subs-b/other" && e.taskStatus === "TASK_RUNNING"), {
      what: "the admin's",
    });
    expect(JSON.stringify(r.events)).not.toContain("/subs-b/");
    expect((await team.call("DELETE", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(admin.url)}`)).status).toBe(404);
    await team.call("DELETE", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(r.url)}`);
    await f.api.call("DELETE", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(admin.url)}`);
  });

  it("retries a failing receiver, and a receiver that hangs holds back no other", async () => {
    const flaky = await receiver({ fail: 2 });
    const stuck = await receiver({ hang: true });
    const live = await receiver();
    for (const r of [flaky, stuck, live]) expect((await subscribe(f.api, r.url)).status).toBe(200);
    const t0 = Date.now();
    expect((await f.api.call("POST", "/v2/apps", sleeper("/subs/three"))).status).toBe(201);
    await eventually(() => live.events.some((e) => e.appId === "/subs/three" && e.taskStatus === "TASK_RUNNING"), {
      what: "the live receiver's",
    });
    // The hanging receiver's POSTs time out (1 s each) and are retried; the live one is not kept waiting for them.
    expect(Date.now() - t0).toBeLessThan(10_000);
    await eventually(() => flaky.events.some((e) => e.appId === "/subs/three" && e.taskStatus === "TASK_RUNNING"), {
      what: "the flaky receiver's, after its failures",
      timeoutMs: 60_000,
    });
    expect(stuck.events).toEqual([]);
    for (const r of [flaky, stuck, live]) await f.api.call("DELETE", `/v2/eventSubscriptions?callbackUrl=${encodeURIComponent(r.url)}`);
  });

  it("goes on after the api restarts, each event at least once and none many times", async () => {
    const r = await receiver();
    expect((await subscribe(f.api, r.url)).status).toBe(200);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/subs/four", 2))).status).toBe(201);
    await f.cluster.restart("api");
    await eventually(async () => (await f.api.call("GET", "/ping")).status === 200, { what: "the api back" });
    expect((await f.api.call("PUT", "/v2/apps/subs/four?force=true", { instances: 3 })).status).toBe(200);
    await eventually(() => r.events.filter((e) => e.appId === "/subs/four" && e.taskStatus === "TASK_RUNNING").length >= 3, {
      what: "three tasks' RUNNING at the receiver",
    });
    const seen = new Map<string, number>();
    for (const e of r.events.filter((x) => x.eventType === "status_update_event")) {
      const key = `${e.taskId}/${e.taskStatus}/${e.timestamp}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(Math.max(...seen.values())).toBeLessThanOrEqual(2);
  });
});
