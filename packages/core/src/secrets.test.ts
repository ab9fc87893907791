import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { redactApp } from "./redaction.js";
import { resolveEnv, secretSources } from "./secrets.js";
import { taskSpec } from "./task-spec.js";
import { containerSpec } from "./container-spec.js";
import { appOf } from "./test-fixtures.js";

const withSecret = () => appOf({ secrets: { pw: { source: "db/password" } }, env: { DB_PASSWORD: { secret: "pw" }, MODE: "prod" } });

describe("secrets", () => {
  it("reads Marathon's secrets and env references to them", () => {
    const app = withSecret();
    expect(app.secrets).toEqual({ pw: { source: "db/password" } });
    expect(app.env).toEqual({ DB_PASSWORD: { secret: "pw" }, MODE: "prod" });
    expect(secretSources(app)).toEqual(["db/password"]);
  });

  it.each([
    [{ env: { A: { secret: "nope" } } }, "/env/A", /'secrets' does not name/],
    [{ env: { A: { secret: "pw", extra: 1 } }, secrets: { pw: { source: "a" } } }, "/env/A", /nothing else/],
    [{ secrets: { pw: { source: "../etc/shadow" } } }, "/secrets/pw/source", /lower-case segments/],
    [{ secrets: { pw: { source: "A/B" } } }, "/secrets/pw/source", /lower-case segments/],
    [{ secrets: { pw: "db/password" } }, "/secrets/pw", /must be an object/],
    [{ secrets: { "bad name": { source: "a" } } }, "/secrets/bad name", /letters, digits/],
  ])("refuses %j at %s", (over, path, message) => {
    const r = parseApp({ id: "/t/a", cmd: "x", ...over }, { version: "v" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.details.find((d) => d.path === path)?.errors.join()).toMatch(message);
  });

  it("puts the value from the store in the task's env, and only there", () => {
    const app = withSecret();
    const spec = taskSpec(app, "t", [], undefined, (source) => (source === "db/password" ? "hunter2" : undefined));
    expect(spec.env).toEqual({ MODE: "prod" });
    expect(spec.secretEnv).toEqual({ DB_PASSWORD: "hunter2" });
    expect(containerSpec(spec, { agentId: "a", hostname: "h" }).env).toEqual(expect.arrayContaining(["DB_PASSWORD=hunter2", "MODE=prod"]));
    expect(redactApp(app).env).toEqual({ DB_PASSWORD: { secret: "pw" }, MODE: "[redacted]" });
  });

  it("names every secret the store lacks, and will not build a task without it", () => {
    expect(resolveEnv(withSecret(), () => undefined)).toEqual({ ok: false, missing: ["db/password"] });
    expect(() => taskSpec(withSecret(), "t", [])).toThrow(/db\/password are not in team's store/);
  });
});
