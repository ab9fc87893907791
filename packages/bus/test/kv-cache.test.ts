import { describe, expect, it } from "vitest";
import { cacheOf } from "@berth/bus";
import { busesOn, useNatsServer } from "./buses.js";

describe("a read model", () => {
  const server = useNatsServer();
  const buses = busesOn(server, ["kv"]);

  it("starting while NATS does not answer waits for its bucket instead of failing, and loads what it holds", async () => {
    await buses.kv.buckets.teams.put("shop", new TextEncoder().encode(JSON.stringify({ name: "shop" })));
    const cache = cacheOf(buses.kv.buckets, "teams");
    // Paused past a request's timeout (5 s), as a cluster electing its leaders can be.
    const [pid = 0] = server().pids();
    process.kill(pid, "SIGSTOP");
    const started = cache.start().then(
      () => "started",
      (err: unknown) => `failed: ${String(err)}`,
    );
    await new Promise((r) => setTimeout(r, 6_500));
    process.kill(pid, "SIGCONT");
    expect(await started).toBe("started");
    expect(cache.get("shop")?.value).toEqual({ name: "shop" });
    cache.stop();
  }, 30_000);

  it("tells when a deleted key has left it, without polling", async () => {
    await buses.kv.buckets.teams.put("gone", new TextEncoder().encode(JSON.stringify({ name: "gone" })));
    const cache = cacheOf(buses.kv.buckets, "teams");
    await cache.start();
    expect(cache.get("gone")).toBeDefined();
    const started = Date.now();
    await buses.kv.buckets.teams.delete("gone");
    await cache.waitForGone("gone", 5_000);
    expect(cache.get("gone")).toBeUndefined();
    // Well before its 5 s bound: it resolved on the delete, not on the timer.
    expect(Date.now() - started).toBeLessThan(2_000);
    await cache.waitForGone("never-there");
    cache.stop();
  });
});
