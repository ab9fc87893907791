// The HTTP API in-process against a real nats-server whose JetStream store fills up: writes are
// refused with 503 and why, reads go on, and once there is room again writes go through, all without
// a restart.
import { describe, expect, it } from "vitest";
import { useInProcessApi } from "./in-process-api.js";

const ADMIN = "admin-token-for-full-store-tests";
const f = useInProcessApi(ADMIN, { maxStoreBytes: 32 * 1024 * 1024 });

const call = async (method: "GET" | "POST", url: string, body?: unknown) => {
  const r = await f.api.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: r.statusCode, body: JSON.parse(r.body) as { message?: string; apps?: { id: string }[] } };
};
const app = (id: string) => ({ id, cmd: "sleep 100", cpus: 0.1, mem: 32, instances: 0, container: { docker: { image: "busybox:1.36" } } });

/** Fills JetStream's store with a stream of its own until it refuses a write. */
async function fillStore(): Promise<void> {
  const jsm = await f.bus.js.jetstreamManager();
  await jsm.streams.add({ name: "BALLAST", subjects: ["ballast"] });
  const block = new Uint8Array(512 * 1024);
  for (let i = 0; i < 200; i++) {
    try {
      await f.bus.js.publish("ballast", block);
    } catch (err) {
      if (/insufficient resources/.test(String(err))) return;
      throw err;
    }
  }
  throw new Error("JetStream's store never filled up");
}

describe("the API on a full JetStream store", () => {
  it("refuses changes with 503 and why, goes on answering reads, and takes changes again once there is room", async () => {
    expect((await call("POST", "/v2/apps", app("/store/before"))).status).toBe(201);
    await fillStore();

    const refused = await call("POST", "/v2/apps", app("/store/during"));
    expect(refused).toEqual({
      status: 503,
      body: { message: expect.stringMatching(/^NATS JetStream has no room left for Berth's state \(insufficient resources\)/) },
    });
    // Nothing of it stored, and what was stored before is still read.
    expect(await f.bus.apps.get("store/during")).toBeUndefined();
    const listed = await call("GET", "/v2/apps");
    expect(listed.status).toBe(200);
    expect(listed.body.apps?.map((a) => a.id)).toEqual(["/store/before"]);

    await (await f.bus.js.jetstreamManager()).streams.delete("BALLAST");
    expect((await call("POST", "/v2/apps", app("/store/during"))).status).toBe(201);
    expect((await f.bus.apps.get("store/during"))?.value.id).toBe("/store/during");
  });
});
