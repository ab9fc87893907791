import { describe, expect, it } from "vitest";
import type { AppDefinition } from "./app-definition.js";
import { changesPlan, planApp } from "./app-plan.js";
import { parseApp } from "./app-validation.js";
import { task } from "./test-fixtures.js";
import type { TaskState } from "./task-state.js";

function app(over: Record<string, unknown> = {}): AppDefinition {
  const r = parseApp({ id: "/web", cmd: "sleep 1", ...over }, { version: "v1" });
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.app;
}

const running = (id: string, stagedAtMs = 1000) => task({ taskId: id, state: "TASK_RUNNING", stagedAtMs });

describe("planApp", () => {
  it("launches the missing instances", () => {
    expect(planApp(app({ instances: 3 }), [running("a")])).toMatchObject({ launch: 2, kill: [] });
  });

  it("launches nothing when enough run or stage", () => {
    expect(planApp(app({ instances: 2 }), [running("a"), task({ taskId: "b" })])).toMatchObject({ launch: 0, kill: [] });
  });

  it("replaces a task that ended and forgets it", () => {
    const failed = task({ taskId: "a", state: "TASK_FAILED" });
    const plan = planApp(app({ instances: 1 }), [failed]);
    expect(plan).toMatchObject({ launch: 1, expunge: ["a"] });
    expect(plan.failed.map((t) => t.taskId)).toEqual(["a"]);
  });

  it("does not count killed-on-purpose tasks as failures", () => {
    expect(planApp(app(), [task({ taskId: "a", state: "TASK_KILLED", goal: "KILL" })]).failed).toEqual([]);
  });

  it("scales down youngest first, or oldest first", () => {
    const tasks = [running("a", 1), running("b", 3), running("c", 2)];
    expect(planApp(app({ instances: 1 }), tasks).kill.map((k) => k.taskId)).toEqual(["b", "c"]);
    expect(planApp(app({ instances: 1, killSelection: "OLDEST_FIRST" }), tasks).kill.map((k) => k.taskId)).toEqual(["a", "c"]);
  });

  it("kills tasks that are not yet running before running ones", () => {
    const plan = planApp(app({ instances: 1 }), [running("a", 1), task({ taskId: "b", stagedAtMs: 0 })]);
    expect(plan.kill.map((k) => k.taskId)).toEqual(["b"]);
  });

  it("does not count tasks already being killed", () => {
    const plan = planApp(app({ instances: 1 }), [running("a"), task({ taskId: "b", state: "TASK_RUNNING", goal: "KILL" })]);
    expect(plan).toMatchObject({ launch: 0, kill: [] });
  });

  it("counts old tasks still being killed against the over-capacity, once none is left running as wanted", () => {
    // A change forced over one under way: the tasks of both earlier versions are being killed, none has ended yet.
    const next = app({ instances: 3 });
    next.versionInfo.lastConfigChangeAt = "v3";
    const dying = (id: string, configVersion: string) => task({ taskId: id, state: "TASK_RUNNING", goal: "KILL", configVersion });
    const earlier = [dying("a1", "v1"), dying("a2", "v1"), dying("a3", "v1"), dying("b1", "v2"), dying("b2", "v2"), dying("b3", "v2")];
    expect(planApp(next, earlier)).toMatchObject({ launch: 0, kill: [] });
    // As they end, new ones start, never more than (1 + maximumOverCapacity) × instances in all.
    expect(planApp(next, earlier.slice(2))).toMatchObject({ launch: 2 });
    expect(planApp(next, earlier.slice(3))).toMatchObject({ launch: 3 });
    // With no over-capacity, not one new task runs beside an old one.
    const strict = app({ instances: 3, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 } });
    strict.versionInfo.lastConfigChangeAt = "v3";
    expect(planApp(strict, earlier.slice(4))).toMatchObject({ launch: 1 });
  });

  it("stops everything when the app is deleted", () => {
    expect(planApp(undefined, [running("a"), running("b")]).kill.map((k) => k.taskId)).toEqual(["a", "b"]);
  });

  it("replaces old-version tasks one for one as new ones run", () => {
    const next = app({ instances: 2 });
    next.versionInfo.lastConfigChangeAt = "v2";
    const old = [running("o1"), running("o2")];
    expect(planApp(next, old)).toMatchObject({ launch: 2, kill: [] });
    const oneNew = [
      ...old,
      task({ taskId: "n1", state: "TASK_RUNNING", configVersion: "v2" }),
      task({ taskId: "n2", configVersion: "v2" }),
    ];
    expect(planApp(next, oneNew)).toMatchObject({ launch: 0 });
    expect(planApp(next, oneNew).kill).toHaveLength(1);
    const allNew = oneNew.map((t) => (t.configVersion === "v2" ? { ...t, state: "TASK_RUNNING" as const } : t));
    expect(
      planApp(next, allNew)
        .kill.map((k) => k.taskId)
        .sort(),
    ).toEqual(["o1", "o2"]);
  });
});

describe("planApp rolling upgrades", () => {
  const upgrade = (over: Record<string, unknown>) => {
    const a = app({ instances: 4, ...over });
    a.versionInfo.lastConfigChangeAt = "v2";
    return a;
  };
  const olds = (n: number) => Array.from({ length: n }, (_, i) => running(`o${i}`, i));
  const news = (n: number, state: TaskState = "TASK_RUNNING") =>
    Array.from({ length: n }, (_, i) => task({ taskId: `n${i}`, state, configVersion: "v2", stagedAtMs: 100 + i }));

  it("with minimumHealthCapacity 0.5 and no over-capacity, stops half first, then swaps as new ones run", () => {
    const a = upgrade({ upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } });
    const first = planApp(a, olds(4));
    expect(first.kill).toHaveLength(2);
    expect(first.launch).toBe(0);
    const remaining = olds(4).slice(0, 2);
    expect(planApp(a, remaining)).toMatchObject({ launch: 2, kill: [] });
    const swapped = planApp(a, [...remaining, ...news(2)]);
    expect(swapped.kill.map((k) => k.taskId).sort()).toEqual(["o0", "o1"]);
    expect(swapped.launch).toBe(0);
    expect(planApp(a, news(2))).toMatchObject({ launch: 2, kill: [] });
  });

  it("never lets healthy tasks drop below minimumHealthCapacity × instances", () => {
    for (const mhc of [0, 0.25, 0.5, 0.75, 1]) {
      for (const moc of [0, 0.5, 1]) {
        if (mhc === 1 && moc === 0) continue;
        const a = upgrade({ upgradeStrategy: { minimumHealthCapacity: mhc, maximumOverCapacity: moc } });
        let tasks = olds(4);
        for (let round = 0; round < 12; round++) {
          const plan = planApp(a, tasks);
          const killed = new Set(plan.kill.map((k) => k.taskId));
          tasks = tasks.filter((t) => !killed.has(t.taskId));
          expect(tasks.filter((t) => t.state === "TASK_RUNNING").length).toBeGreaterThanOrEqual(Math.ceil(4 * mhc));
          expect(tasks.length + plan.launch).toBeLessThanOrEqual(4 + Math.floor(4 * moc));
          tasks = [
            ...tasks,
            ...Array.from({ length: plan.launch }, (_, i) =>
              task({ taskId: `r${round}-${i}`, state: "TASK_RUNNING", configVersion: "v2" }),
            ),
          ];
        }
        expect(tasks.every((t) => t.configVersion === "v2")).toBe(true);
        expect(tasks).toHaveLength(4);
      }
    }
  });

  it("counts new tasks only once they pass their health checks", () => {
    const a = upgrade({ instances: 2, healthChecks: [{ protocol: "COMMAND", command: { value: "true" } }] });
    const unhealthyNew = news(2).map((t) => ({ ...t, health: { ...t.health, state: "HEALTH_UNKNOWN" } }));
    const oldHealthy = olds(2).map((t) => ({ ...t, health: { ...t.health, state: "HEALTHY" } }));
    expect(planApp(a, [...oldHealthy, ...unhealthyNew]).kill).toEqual([]);
    const healthyNew = unhealthyNew.map((t) => ({ ...t, health: { ...t.health, state: "HEALTHY" } }));
    expect(planApp(a, [...oldHealthy, ...healthyNew]).kill).toHaveLength(2);
  });
});

describe("planApp with unreachable tasks", () => {
  const away = (id: string, sinceMs: number) => task({ taskId: id, state: "TASK_UNREACHABLE", updatedAtMs: sinceMs });
  it("replaces and forgets them at once by default (Marathon's 0/0)", () => {
    const plan = planApp(app({ instances: 1 }), [away("a", 1_000)], 1_000);
    expect(plan).toMatchObject({ launch: 1, expunge: ["a"] });
  });
  it("waits inactiveAfterSeconds before a replacement and expungeAfterSeconds before forgetting", () => {
    const a = app({ instances: 1, unreachableStrategy: { inactiveAfterSeconds: 10, expungeAfterSeconds: 60 } });
    expect(planApp(a, [away("a", 0)], 5_000)).toMatchObject({ launch: 0, expunge: [] });
    expect(planApp(a, [away("a", 0)], 10_000)).toMatchObject({ launch: 1, expunge: [] });
    expect(planApp(a, [away("a", 0), running("b")], 60_000)).toMatchObject({ launch: 0, expunge: ["a"] });
  });
  it("never replaces them when the strategy is disabled", () => {
    expect(planApp(app({ instances: 1, unreachableStrategy: "disabled" }), [away("a", 0)], 1e9)).toMatchObject({ launch: 0, expunge: [] });
  });
});

describe("changesPlan", () => {
  const base = running("a");
  const healthy = { ...base, health: { ...base.health, state: "HEALTHY" } };

  it("says a task appearing or going changes the plan", () => {
    expect(changesPlan(undefined, base, false)).toBe(true);
    expect(changesPlan(base, undefined, false)).toBe(true);
  });

  it("says a change of state, goal, version or agent changes the plan", () => {
    for (const after of [
      { ...base, state: "TASK_FAILED" as const },
      { ...base, goal: "KILL" as const },
      { ...base, configVersion: "v2" },
      { ...base, agentId: "elsewhere" },
    ]) {
      expect(changesPlan(base, after, false)).toBe(true);
    }
  });

  it("counts health and readiness only while a deployment runs", () => {
    expect(changesPlan(base, healthy, false)).toBe(false);
    expect(changesPlan(base, healthy, true)).toBe(true);
    const ready = { ...base, health: { ...base.health, ready: true } };
    expect(changesPlan(base, ready, false)).toBe(false);
    expect(changesPlan(base, ready, true)).toBe(true);
  });

  it("ignores a new message or sequence", () => {
    expect(changesPlan(base, { ...base, message: "still running", lastSequence: 9, updatedAtMs: 5 }, true)).toBe(false);
  });

  it("is right to ignore health outside a deployment: the plan of a settled app does not depend on it", () => {
    const tasks = [running("a", 1), running("b", 2), running("c", 3)];
    const flipped = tasks.map((t, i) => (i === 1 ? { ...t, health: { ...t.health, state: "UNHEALTHY" } } : t));
    for (const instances of [1, 3, 5]) {
      const a = app({ instances, healthChecks: [{ protocol: "COMMAND", command: { value: "true" } }] });
      expect(planApp(a, flipped)).toEqual(planApp(a, tasks));
    }
  });
});
