// App definitions as people wrote them for Marathon 0.x to 1.10: each runs (and with what Docker spec),
// or is refused at submission naming the field. Nothing is dropped without a word.
import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { containerSpec } from "./container-spec.js";
import { taskNeed, taskSpec } from "./task-spec.js";
import { WILD_APPS } from "./wild-apps.cases.js";
import { WILD_DOCKER } from "./wild-docker.cases.js";

const CASES = [...WILD_APPS, ...WILD_DOCKER];
const ports = [31000, 31001, 31002];

const agent = { agentId: "agent-1", hostname: "127.0.0.1" };

describe("app definitions as found in the wild", () => {
  it("has at least 40 of them", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$what", ({ app, expect: outcome }) => {
    const r = parseApp(app, { version: "2026-01-01T00:00:00.000Z" });
    if ("refused" in outcome) {
      expect(r.ok, "refused").toBe(false);
      const details = r.ok ? [] : r.details;
      expect(details).toContainEqual({
        path: outcome.refused.path,
        errors: expect.arrayContaining([expect.stringMatching(outcome.refused.error)]),
      });
      return;
    }
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.details)}`);
    const need = taskNeed(r.app, "t1");
    // The host ports a placement gives: the required ones, else the first free.
    const given = need.requiredPorts.length > 0 ? [...need.requiredPorts] : ports.slice(0, need.portCount);
    const task = taskSpec(r.app, "t1", given);
    const spec = containerSpec(task, agent);
    if (outcome.runs.task) expect(task).toMatchObject(outcome.runs.task);
    if (outcome.runs.need) expect(need).toMatchObject(outcome.runs.need);
    if (outcome.runs.spec) expect(spec).toMatchObject(outcome.runs.spec);
    if (outcome.runs.env) expect(spec.env).toEqual(expect.arrayContaining(outcome.runs.env));
  });
});
