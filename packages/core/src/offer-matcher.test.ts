import { describe, expect, it } from "vitest";
import { offerOf } from "./ledger.js";
import { enoughCandidates, matchTask, matchTasks, waitsForRoom } from "./offer-matcher.js";
import { need, offer } from "./test-fixtures.js";

describe("matchTask", () => {
  it("places on an agent with room and gives the lowest free ports", () => {
    expect(matchTask(need({ portCount: 2 }), [offer("a1")])).toEqual({
      ok: true,
      agentId: "a1",
      hostname: "a1.local",
      ports: [31000, 31001],
    });
  });

  it.each([
    [{ cpus: 8 }, "insufficient cpus"],
    [{ mem: 8192 }, "insufficient mem"],
    [{ disk: 5000 }, "insufficient disk"],
    [{ portCount: 11 }, "insufficient ports"],
    [{ requiredPorts: [80] }, "required ports not free"],
  ])("refuses %j with a reason", (over, why) => {
    const r = matchTask(need(over), [offer("a1"), offer("a2")]);
    expect(r).toEqual({ ok: false, reasons: [`${why} on 2 of 2 agents`] });
  });

  it("places a task only where its Docker network is offered, never on the host's instead", () => {
    const hostOnly = offer("a1", {}, { "berth.networks": "host,none" });
    const bridged = offer("a2", {}, { "berth.networks": "bridge,host,none" });
    const silent = offer("a3");
    expect(matchTask(need({ network: "bridge" }), [hostOnly, silent])).toEqual({
      ok: false,
      reasons: ["network 'bridge' not offered on 2 of 2 agents"],
    });
    expect(matchTask(need({ network: "bridge" }), [hostOnly, bridged, silent])).toMatchObject({ ok: true, agentId: "a2" });
    expect(matchTask(need({ network: "none" }), [silent, hostOnly])).toMatchObject({ ok: true, agentId: "a1" });
    expect(matchTask(need({ network: "host" }), [silent])).toMatchObject({ ok: true, agentId: "a3" });
  });

  it("places a command task only on an agent with a command image", () => {
    const plain = offer("a1");
    const withImage = offer("a2", {}, { "berth.command-image": "busybox:1.36" });
    expect(matchTask(need({ command: true }), [plain])).toEqual({ ok: false, reasons: ["no image for command tasks on 1 of 1 agent"] });
    expect(matchTask(need({ command: true }), [plain, withImage])).toMatchObject({ ok: true, agentId: "a2" });
  });

  it("places a task pinned to an agent (a framework's accepted offer) there or nowhere", () => {
    expect(matchTask(need({ agentId: "a2" }), [offer("a1"), offer("a2")])).toMatchObject({ ok: true, agentId: "a2" });
    expect(matchTask(need({ agentId: "a3" }), [offer("a1"), offer("a2")])).toEqual({
      ok: false,
      reasons: ["not the agent asked for on 2 of 2 agents"],
    });
  });

  it("says when there are no agents", () => {
    expect(matchTask(need(), [])).toEqual({ ok: false, reasons: ["no agents are registered and healthy"] });
  });

  it("gives required ports exactly", () => {
    const r = matchTask(need({ requiredPorts: [31005] }), [offer("a1")]);
    expect(r.ok && r.ports).toEqual([31005]);
  });

  it("spreads an app's tasks, then prefers free cpus, then the lowest id", () => {
    const a = offer("a");
    const b = offer("b");
    a.appTaskCounts.set("/web", 1);
    expect(matchTask(need(), [a, b]).ok && matchTask(need(), [a, b])).toMatchObject({ agentId: "b" });
    expect(matchTask(need(), [offer("b", { cpus: 2 }), offer("c", { cpus: 3 })])).toMatchObject({ agentId: "c" });
    expect(matchTask(need(), [offer("z"), offer("y")])).toMatchObject({ agentId: "y" });
  });
});

describe("matchTasks", () => {
  it("never gives one cpu or one port twice within a batch", () => {
    const needs = [1, 2, 3, 4, 5].map((i) => need({ taskId: `t${i}`, cpus: 1 }));
    const results = matchTasks(needs, [offer("a1", { cpus: 2 }), offer("a2", { cpus: 2 })]);
    const placed = [...results.values()].filter((r) => r.ok);
    expect(placed).toHaveLength(4);
    const used = placed.map((r) => (r.ok ? `${r.agentId}:${r.ports.join()}` : ""));
    expect(new Set(used).size).toBe(4);
    expect(results.get("t5")).toEqual({ ok: false, reasons: ["insufficient cpus on 2 of 2 agents"] });
  });
});

describe("matchTasks leaves the offers it is given as they were", () => {
  it("so the same offers give a second batch the same room, with or without a preferred share", () => {
    const offers = [offer("a1", { cpus: 2 }), offer("a2", { cpus: 2 })];
    const before = structuredClone(offers);
    const needs = [1, 2, 3].map((i) => need({ taskId: `t${i}`, cpus: 1, portCount: 1 }));
    const first = matchTasks(needs, offers, (id) => id === "a1");
    expect(offers).toEqual(before);
    const again = matchTasks(needs, offers, (id) => id === "a1");
    expect(again).toEqual(first);
    // Within the batch each placement still came out of its agent's room: a1 (preferred) took two, a2 one.
    expect([...first.values()].map((r) => r.ok && `${r.agentId}:${r.ports.join()}`)).toEqual(["a1:31000", "a1:31001", "a2:31000"]);
  });
});

describe("offerOf", () => {
  it("subtracts reservations from the agent's total", () => {
    const o = offerOf({
      agentId: "a1",
      hostname: "h",
      attributes: {},
      schedulable: true,
      total: { cpus: 2, mem: 1024, disk: 100, ports: [{ begin: 10, end: 12 }] },
      reservations: [{ taskId: "t", appId: "/web", cpus: 0.5, mem: 128, disk: 10, ports: [11], reservedAtMs: 0 }],
    });
    expect(o.free).toEqual({
      cpus: 1.5,
      mem: 896,
      disk: 90,
      ports: [
        { begin: 10, end: 10 },
        { begin: 12, end: 12 },
      ],
    });
    expect(o.appTaskCounts.get("/web")).toBe(1);
  });
});

describe("matchTasks keeps constraint counts as it places", () => {
  /** The same batch placed one task at a time, every count worked out afresh: what matchTasks must agree with. */
  function oneByOne(needs: ReturnType<typeof need>[], offers: ReturnType<typeof offer>[]) {
    const out = new Map<string, ReturnType<typeof matchTask>>();
    for (const n of needs) {
      const r = matchTask(n, offers);
      out.set(n.taskId, r);
      if (r.ok) {
        const o = offers.find((x) => x.agentId === r.agentId)!;
        o.free.cpus -= n.cpus;
        o.free.mem -= n.mem;
        o.free.ports = o.free.ports.filter((p) => !r.ports.includes(p.begin)).map((p) => ({ ...p }));
        o.appTaskCounts.set(n.appId, (o.appTaskCounts.get(n.appId) ?? 0) + 1);
      }
    }
    return out;
  }
  const cluster = () =>
    Array.from({ length: 12 }, (_, i) =>
      offer(
        `a${String(i).padStart(2, "0")}`,
        { cpus: 2 + (i % 3), ports: [{ begin: 31000 + i * 100, end: 31000 + i * 100 }] },
        { rack: `r${i % 3}`, zone: `z${i % 2}` },
      ),
    );
  const batches: [string, string[][]][] = [
    ["MAX_PER hostname", [["hostname", "MAX_PER", "1"]]],
    ["UNIQUE rack", [["rack", "UNIQUE"]]],
    [
      "GROUP_BY zone and MAX_PER rack",
      [
        ["zone", "GROUP_BY"],
        ["rack", "MAX_PER", "3"],
      ],
    ],
  ];
  for (const [what, constraints] of batches) {
    it(`places as one-at-a-time matching does: ${what}`, () => {
      const needs = Array.from({ length: 30 }, (_, i) =>
        need({ taskId: `t${i}`, appId: i % 4 === 0 ? "/other" : "/web", cpus: 0.5, portCount: 0, constraints }),
      );
      const batch = matchTasks(needs, cluster());
      expect([...batch.values()].some((r) => r.ok)).toBe(true);
      expect([...batch.values()].some((r) => !r.ok)).toBe(true);
      expect(batch).toEqual(oneByOne(needs, cluster()));
    });
  }
});

describe("matchTasks with a preferred share of the agents", () => {
  const cluster = () => Array.from({ length: 6 }, (_, i) => offer(`a${i}`, { cpus: 8 - i * 0.5 }));
  const mine = (id: string) => ["a3", "a4", "a5"].includes(id);

  it("keeps to its own share while the share can take the tasks, spreading them over it", () => {
    const needs = Array.from({ length: 4 }, (_, i) => need({ taskId: `t${i}`, portCount: 0 }));
    const placed = [...matchTasks(needs, cluster(), mine).values()].map((r) => (r.ok ? r.agentId : "none"));
    expect(placed).toEqual(["a3", "a4", "a5", "a3"]);
  });

  it("goes outside its share for a task the share cannot take", () => {
    const needs = [need({ taskId: "t0", portCount: 0, constraints: [["hostname", "UNIQUE"]] })];
    const crowded = cluster().map((o) => (mine(o.agentId) ? { ...o, appTaskCounts: new Map([["/web", 1]]) } : o));
    expect(matchTasks(needs, crowded, mine).get("t0")).toMatchObject({ ok: true, agentId: "a0" });
  });

  it("uses the other agents when the preferred ones cannot take the task", () => {
    const offers = cluster().map((o) => (mine(o.agentId) ? { ...o, free: { ...o.free, cpus: 0.1 } } : o));
    const r = matchTask(need({ portCount: 0 }), offers, undefined, mine);
    expect(r).toMatchObject({ ok: true, agentId: "a0" });
  });
});

describe("matching in a big cluster", () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => offer(`a${String(i).padStart(4, "0")}`, { cpus: 1 }));

  it("compares a tenth of the agents that fit (at least 100), not all", () => {
    expect(enoughCandidates(10)).toBe(100);
    expect(enoughCandidates(1000)).toBe(100);
    expect(enoughCandidates(5000)).toBe(500);
  });

  it("still finds the one agent that fits, and asks every agent before saying none does", () => {
    const offers = big(1000).map((o, i) => (i === 999 ? o : { ...o, free: { ...o.free, cpus: 0 } }));
    expect(matchTask(need({ portCount: 0 }), offers)).toMatchObject({ ok: true, agentId: "a0999" });
    const none = matchTask(need({ portCount: 0, cpus: 2 }), big(1000));
    expect(none).toEqual({ ok: false, reasons: ["insufficient cpus on 1000 of 1000 agents"] });
  });

  it("spreads a batch over the whole cluster: no agent gets a second task while many have none", () => {
    const needs = Array.from({ length: 1000 }, (_, i) => need({ taskId: `t${i}`, cpus: 0.1, portCount: 0 }));
    const perAgent = new Map<string, number>();
    for (const r of matchTasks(needs, big(1000)).values()) {
      expect(r.ok).toBe(true);
      if (r.ok) perAgent.set(r.agentId, (perAgent.get(r.agentId) ?? 0) + 1);
    }
    expect(Math.max(...perAgent.values())).toBeLessThanOrEqual(2);
    expect(perAgent.size).toBeGreaterThan(900);
  });
});

describe("waitsForRoom", () => {
  it("is true when some agent refused only for what it had free, and false for constraints, networks and pinned agents", () => {
    expect(waitsForRoom(["insufficient cpus on 2 of 2 agents"])).toBe(true);
    expect(waitsForRoom(["constraint hostname:UNIQUE on 1 of 2 agents", "insufficient mem on 1 of 2 agents"])).toBe(true);
    expect(waitsForRoom(["required ports not free on 1 of 1 agent"])).toBe(true);
    expect(waitsForRoom(["network 'bridge' not offered on 2 of 2 agents"])).toBe(false);
    expect(waitsForRoom(["constraint hostname:UNIQUE on 3 of 3 agents"])).toBe(false);
    expect(waitsForRoom(["not the agent asked for on 2 of 2 agents", "agents were too busy to book; try again"])).toBe(false);
    // A reason of another shape is taken for what it says, not for a prefix.
    expect(waitsForRoom(["insufficient cpusx"])).toBe(false);
    expect(waitsForRoom([])).toBe(false);
  });

  it("reads the matcher's own reasons", () => {
    const full = offer("a1", { cpus: 0.05 });
    const r = matchTask(need(), [full]);
    expect(r.ok ? [] : r.reasons).toEqual(["insufficient cpus on 1 of 1 agent"]);
    expect(waitsForRoom(r.ok ? [] : r.reasons)).toBe(true);
  });
});
