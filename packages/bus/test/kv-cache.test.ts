import { jetstreamManager } from "@nats-io/jetstream";
import { describe, expect, it, vi } from "vitest";
import { cacheOf, type CacheListener, keyMatches } from "@berth/bus";
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

  describe("of some keys", () => {
    const team = (name: string) => new TextEncoder().encode(JSON.stringify({ name }));
    const put = (key: string) => buses.kv.buckets.teams.put(key, team(key));
    const heldKeys = (cache: { entriesList(): [string, unknown][] }) =>
      cache
        .entriesList()
        .map(([k]) => k)
        .sort();

    /** The bucket's consumers (watches) that follow any of these keys, each with its filters sorted. */
    const watchersOf = async (...filters: string[]) => {
      const jsm = await jetstreamManager(buses.kv.nc);
      const all = await jsm.consumers.list("KV_berth_teams").next();
      return all
        .map((c) => ({ name: c.name, subjects: [...(c.config.filter_subjects ?? [c.config.filter_subject ?? ""])].sort() }))
        .filter((c) => c.subjects.some((s) => filters.some((f) => s === `$KV.berth_teams.${f}`)));
    };
    const filtersOfWatchers = async (...filters: string[]) => (await watchersOf(...filters)).map((c) => c.subjects);

    it("holds and hears of the keys its filters match alone, and starts though the bucket's last write is another key's", async () => {
      await put("fw1.a");
      await put("marathon.b");
      const cache = cacheOf(buses.kv.buckets, "teams", undefined, ["fw1.>"]);
      const heard: string[] = [];
      cache.onChange((key) => heard.push(key));
      await cache.start();
      expect(heldKeys(cache)).toEqual(["fw1.a"]);
      await put("marathon.c");
      const last = await put("fw1.d");
      await cache.waitFor(last);
      expect(heldKeys(cache)).toEqual(["fw1.a", "fw1.d"]);
      expect(heard).toEqual(["fw1.a", "fw1.d"]);
      cache.stop();
    });

    it("following other keys loads what they hold, and lets go of what no filter matches", async () => {
      await put("fw2.a");
      await put("fw3.b");
      await buses.kv.buckets.teams.delete("fw3.b");
      const cache = cacheOf(buses.kv.buckets, "teams", undefined, ["fw2.>"]);
      await cache.start();
      const told: [string, boolean][] = [];
      const listener: CacheListener<unknown> = (key, entry) => told.push([key, entry !== undefined]);
      cache.onChange(listener);
      await put("fw3.c");
      await cache.followKeys(["fw3.>"]);
      // fw3.b was deleted before: not loaded. fw2.a left: listeners hear of it as of a delete.
      expect(heldKeys(cache)).toEqual(["fw3.c"]);
      expect(told).toEqual([
        ["fw2.a", false],
        ["fw3.c", true],
      ]);
      await cache.followKeys(["fw3.>", "fw2.>"]);
      expect(heldKeys(cache)).toEqual(["fw2.a", "fw3.c"]);
      // Still followed live, each key's write told once.
      const last = await put("fw2.e");
      await cache.waitFor(last);
      expect(heldKeys(cache)).toEqual(["fw2.a", "fw2.e", "fw3.c"]);
      expect(told.filter(([k]) => k === "fw3.c")).toHaveLength(1);
      // The replaced watches' consumers are gone from the server, not left to time out; the last goes with the cache.
      await vi.waitFor(async () =>
        expect(await filtersOfWatchers("fw2.>", "fw3.>")).toEqual([["$KV.berth_teams.fw2.>", "$KV.berth_teams.fw3.>"]]),
      );
      cache.stop();
      await vi.waitFor(async () => expect(await filtersOfWatchers("fw2.>", "fw3.>")).toEqual([]));
    });

    it("whose watch goes silent (its consumer gone with a server) watches again and catches up", async () => {
      await put("fw5.a");
      const cache = cacheOf(buses.kv.buckets, "teams", undefined, ["fw5.>"]);
      await cache.start();
      // The watch's consumer is removed behind the client's back, as a server's loss takes it.
      const mine = await watchersOf("fw5.>");
      expect(mine).toHaveLength(1);
      await (await jetstreamManager(buses.kv.nc)).consumers.delete("KV_berth_teams", mine[0]!.name);
      const last = await put("fw5.b");
      // Its check (every 5 s) finds a write to its keys newer than what it has seen, and watches again from there.
      await cache.waitFor(last, 15_000);
      expect(heldKeys(cache)).toEqual(["fw5.a", "fw5.b"]);
      cache.stop();
    }, 30_000);

    it("of no key holds nothing and starts at once", async () => {
      await put("fw4.a");
      const cache = cacheOf(buses.kv.buckets, "teams", undefined, []);
      await cache.start();
      expect(cache.size).toBe(0);
      await cache.followKeys(["fw4.*"]);
      expect(heldKeys(cache)).toEqual(["fw4.a"]);
      cache.stop();
    });
  });

  it("matches keys as NATS matches subjects", () => {
    expect(keyMatches("fw1.>", "fw1.a")).toBe(true);
    expect(keyMatches("fw1.>", "fw1.a.b")).toBe(true);
    expect(keyMatches("fw1.>", "fw1")).toBe(false);
    expect(keyMatches("fw1.>", "fw10.a")).toBe(false);
    expect(keyMatches("fw1.*", "fw1.a")).toBe(true);
    expect(keyMatches("fw1.*", "fw1.a.b")).toBe(false);
    expect(keyMatches("*.a", "x.a")).toBe(true);
    expect(keyMatches("x.a", "x.a")).toBe(true);
    expect(keyMatches("x.a", "x.b")).toBe(false);
    expect(keyMatches(">", "x")).toBe(true);
  });
});
