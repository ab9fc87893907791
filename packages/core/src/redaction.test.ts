import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { updateApp } from "./app-update.js";
import { REDACTED, redactApp } from "./redaction.js";
import { appOf } from "./test-fixtures.js";

const withSecrets = () =>
  appOf({
    env: { DB_PASSWORD: "hunter2", MODE: "prod" },
    container: { docker: { image: "registry.local/web:1", pullConfig: { username: "ci", password: "s3cret" } } },
  });

describe("redaction", () => {
  it("hides every env value and the registry password, and nothing else", () => {
    const r = redactApp(withSecrets());
    expect(r.env).toEqual({ DB_PASSWORD: REDACTED, MODE: REDACTED });
    expect(r.container?.docker.pullConfig).toEqual({ username: "ci", password: REDACTED });
    expect(r.container?.docker.image).toBe("registry.local/web:1");
    expect(JSON.stringify(r)).not.toMatch(/hunter2|s3cret/);
  });

  it("keeps the stored values when a redacted definition is sent back", () => {
    const stored = withSecrets();
    const sentBack = { ...redactApp(stored), cmd: "sleep 1", env: { DB_PASSWORD: REDACTED, MODE: "staging" } };
    const r = updateApp(stored, sentBack, { version: "v2", partial: false });
    expect(r.ok && r.app.env).toEqual({ DB_PASSWORD: "hunter2", MODE: "staging" });
    expect(r.ok && r.app.container?.docker.pullConfig).toEqual({ username: "ci", password: "s3cret" });
  });

  it("refuses the placeholder where nothing is stored behind it", () => {
    const r = updateApp(withSecrets(), { env: { NEW: REDACTED } }, { version: "v2", partial: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.details[0]?.path).toBe("/env/NEW");
    const fresh = parseApp({ id: "/t/a", cmd: "x", env: { A: REDACTED } }, { version: "v" });
    expect(fresh.ok).toBe(false);
  });
});

describe("the deployment that wrote an app's version", () => {
  const held = (): ReturnType<typeof withSecrets> => {
    const app = withSecrets();
    return { ...app, versionInfo: { ...app.versionInfo, deploymentId: "d-1" } };
  };

  it("is never answered", () => {
    expect(redactApp(held()).versionInfo).toEqual({
      lastScalingAt: held().versionInfo.lastScalingAt,
      lastConfigChangeAt: held().versionInfo.lastConfigChangeAt,
    });
  });

  it("is not part of the definition: scaling a held app changes no configuration, and the new version names none yet", () => {
    const stored = held();
    const r = updateApp(stored, { instances: 3 }, { version: "v2", partial: true });
    expect(r.ok && r.app.versionInfo).toEqual({ lastScalingAt: "v2", lastConfigChangeAt: stored.versionInfo.lastConfigChangeAt });
  });
});
