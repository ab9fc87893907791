import { describe, expect, it } from "vitest";
import { holding, roomUnder, taskResources } from "./framework-quota.js";
import { parseTeam } from "./team.js";

const WHO = "team 'shop' limits framework 'marathon'";
const none = { cpus: 0, mem: 0, disk: 0, instances: 0 };

describe("a team's limits per framework", () => {
  it("lets every wanted task through when the framework has no limit, or a limit with room", () => {
    expect(roomUnder(undefined, none, { cpus: 1, mem: 64, disk: 0 }, 5, WHO)).toEqual({ count: 5 });
    expect(roomUnder({ cpus: 10 }, { ...none, cpus: 4 }, { cpus: 1, mem: 64, disk: 0 }, 5, WHO)).toEqual({ count: 5 });
  });

  it("lets through as many as fit, and names the tightest limit for the rest", () => {
    const each = { cpus: 0.5, mem: 128, disk: 0 };
    expect(roomUnder({ cpus: 2, mem: 10_000 }, { cpus: 1, mem: 256, disk: 0, instances: 2 }, each, 5, WHO)).toEqual({
      count: 2,
      reason: "team 'shop' limits framework 'marathon': cpus to 2, and 1 is in use",
    });
    expect(roomUnder({ instances: 3, cpus: 100 }, { ...none, instances: 3 }, each, 1, WHO)).toEqual({
      count: 0,
      reason: "team 'shop' limits framework 'marathon': instances to 3, and 3 is in use",
    });
    // Already over (the operator lowered the limit): nothing more, never a negative count.
    expect(roomUnder({ mem: 100 }, { ...none, mem: 300 }, each, 2, WHO).count).toBe(0);
    // A resource a task does not use never limits it.
    expect(roomUnder({ disk: 0 }, none, each, 2, WHO)).toEqual({ count: 2 });
  });

  it("counts fractional resources without float drift", () => {
    expect(roomUnder({ cpus: 0.3 }, { ...none, cpus: 0.1 }, { cpus: 0.1, mem: 0, disk: 0 }, 5, WHO).count).toBe(2);
  });

  it("sums what tasks hold, memory as it is held", () => {
    const each = taskResources({ cpus: 0.25, mem: 8, disk: 10 });
    expect(each.mem).toBeGreaterThan(8);
    expect(holding([each, each])).toEqual({ cpus: 0.5, mem: each.mem * 2, disk: 20, instances: 2 });
    expect(
      holding([
        { cpus: 0.1, mem: 1, disk: 0 },
        { cpus: 0.2, mem: 1, disk: 0 },
      ]).cpus,
    ).toBe(0.3);
  });

  it("reads a team's limits per framework and says what to fix", () => {
    const ok = parseTeam("shop", { frameworkQuotas: { marathon: { cpus: 2, instances: 4 }, "spark-batch": { mem: 4096 } } });
    expect(ok.ok && ok.team.frameworkQuotas).toEqual({ marathon: { cpus: 2, instances: 4 }, "spark-batch": { mem: 4096 } });
    const bad = parseTeam("shop", { frameworkQuotas: { marathon: { cpus: -1, gpus: 1 }, "a b": {} } });
    expect(bad.ok ? [] : bad.details.map((d) => d.path).sort()).toEqual([
      "/frameworkQuotas/a b",
      "/frameworkQuotas/marathon/cpus",
      "/frameworkQuotas/marathon/gpus",
    ]);
    expect(parseTeam("shop", { frameworkQuotas: [] }).ok).toBe(false);
  });
});
