// The HTTP API in-process against a real nats-server whose JetStream store fills up (its own limit,
// or the disk under it filled by another program): writes are refused with 503 and why, reads go
// on, and once there is room again writes go through, all without a restart.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followEvents } from "@berth/bus";
import { eventually, mountSmallDisk, type SmallDisk } from "@berth/testkit";
import { type InProcessApi, useInProcessApi } from "./in-process-api.js";

const ADMIN = "admin-token-for-full-store-tests";
const f = useInProcessApi(ADMIN, { maxStoreBytes: 32 * 1024 * 1024 });

// A second server whose store is a 16 MiB disk of its own, mounted before that server starts.
let disk: SmallDisk;
const diskDir = join(tmpdir(), `berth-store-disk-${process.pid}`);
beforeAll(async () => {
  disk = await mountSmallDisk(16 * 1024, diskDir);
});
const onDisk = useInProcessApi(ADMIN, { storeDir: join(diskDir, "store") });
afterAll(async () => {
  await disk?.unmount();
});

const callOn = (api: InProcessApi) => async (method: "GET" | "POST", url: string, body?: unknown) => {
  const r = await api.api.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  return { status: r.statusCode, body: JSON.parse(r.body) as { message?: string; apps?: { id: string }[] } };
};
const call = callOn(f);
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

describe("the API when the disk under JetStream's store fills up", () => {
  it("refuses changes with 503 and the server's reason, keeps every change it acknowledged, and takes changes again once there is room", async () => {
    const call = callOn(onDisk);
    expect((await call("POST", "/v2/apps", app("/disk/before"))).status).toBe(201);
    disk.fill();
    // nats-server may take a write or two into its buffers before its disk refuses one: each acknowledged change must survive.
    const acknowledged = ["/disk/before"];
    let refused: { id: string; answer: Awaited<ReturnType<typeof call>> } | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      const id = `/disk/during-${i}`;
      const answer = await call("POST", "/v2/apps", app(id));
      if (answer.status === 201) acknowledged.push(id);
      else refused = { id, answer };
    }
    expect(refused?.answer).toEqual({
      status: 503,
      body: {
        message: expect.stringMatching(
          /^NATS JetStream could not write Berth's state to its store \(.*no space left on device\), so the change was not stored: free space on the disk under its store, then send it again$/,
        ),
      },
    });
    // Nothing of the refused change stored (its app, its deployment); the acknowledged ones are read.
    expect(await onDisk.bus.apps.get(refused!.id.slice(1))).toBeUndefined();
    const deployments = (await callOn(onDisk)("GET", "/v2/deployments")).body as unknown as { affectedApps: string[] }[];
    expect(deployments.flatMap((d) => d.affectedApps).sort()).toEqual(acknowledged.sort());
    const listed = await call("GET", "/v2/apps");
    expect(listed.status).toBe(200);
    expect(listed.body.apps?.map((a) => a.id).sort()).toEqual(acknowledged.sort());

    disk.free();
    expect((await call("POST", "/v2/apps", app("/disk/after"))).status).toBe(201);
    for (const id of [...acknowledged, "/disk/after"]) expect((await onDisk.bus.apps.get(id.slice(1)))?.value.id).toBe(id);
    // The events of the changes acknowledged while JetStream could not store them are stored once there is room.
    const told = new Set<string>();
    const ac = new AbortController();
    const following = followEvents(onDisk.bus.js, { fromSeq: 1, signal: ac.signal }, ({ event }) => {
      const definition = event.appDefinition as { id?: string } | undefined;
      if (event.eventType === "api_post_event" && definition?.id) told.add(definition.id);
    });
    await eventually(() => [...acknowledged, "/disk/after"].every((id) => told.has(id)), {
      what: "every acknowledged change told",
      timeoutMs: 20_000,
    });
    ac.abort();
    await following;
  });
});
