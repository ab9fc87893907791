import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { HEALTH_UNKNOWN, nextHealth } from "./health-check.js";

const base = { id: "/web", cmd: "x", portDefinitions: [{ port: 0, name: "http" }] };

describe("health checks in app definitions", () => {
  it("fill Marathon's defaults", () => {
    const r = parseApp({ ...base, healthChecks: [{ protocol: "MESOS_HTTP" }] }, { version: "v" });
    expect(r.ok && r.app.healthChecks).toEqual([
      {
        protocol: "MESOS_HTTP",
        path: "/",
        portIndex: 0,
        gracePeriodSeconds: 300,
        intervalSeconds: 60,
        timeoutSeconds: 20,
        maxConsecutiveFailures: 3,
        delaySeconds: 15,
        ignoreHttp1xx: false,
      },
    ]);
  });
  it.each([
    [{ protocol: "SMTP" }, "/healthChecks/0/protocol"],
    [{ protocol: "HTTP", portIndex: 3 }, "/healthChecks/0/portIndex"],
    [{ protocol: "COMMAND" }, "/healthChecks/0/command"],
    [{ protocol: "HTTP", path: "nope" }, "/healthChecks/0/path"],
    [{ protocol: "TCP", timeoutSeconds: 0 }, "/healthChecks/0/timeoutSeconds"],
  ])("refuse %j", (hc, path) => {
    const r = parseApp({ ...base, healthChecks: [hc] }, { version: "v" });
    expect(!r.ok && r.details.map((d) => d.path)).toContain(path);
  });
  it("take a timeout longer than the interval, as Marathon does, so an app accepted with the default timeout is accepted again", () => {
    const r = parseApp(
      { ...base, healthChecks: [{ protocol: "COMMAND", command: { value: "true" }, intervalSeconds: 2 }] },
      { version: "v" },
    );
    expect(r.ok && r.app.healthChecks[0]).toMatchObject({ intervalSeconds: 2, timeoutSeconds: 20 });
    // A PUT of `{"instances": 3}` validates the stored definition, defaults filled in, merged with the change.
    const again = r.ok ? parseApp({ ...r.app, instances: 3 }, { version: "v2" }) : r;
    expect(again.ok).toBe(true);
    expect(parseApp({ ...base, healthChecks: [{ protocol: "TCP", intervalSeconds: 10, timeoutSeconds: 20 }] }, { version: "v" }).ok).toBe(
      true,
    );
  });

  it("refuse an upgrade strategy with no room to move", () => {
    const r = parseApp({ ...base, upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 0 } }, { version: "v" });
    expect(!r.ok && r.details.map((d) => d.path)).toEqual(["/upgradeStrategy"]);
  });
  it("read readiness checks against named ports", () => {
    expect(parseApp({ ...base, readinessChecks: [{ portName: "http" }] }, { version: "v" }).ok).toBe(true);
    const r = parseApp({ ...base, readinessChecks: [{ portName: "admin" }] }, { version: "v" });
    expect(!r.ok && r.details.map((d) => d.path)).toEqual(["/readinessChecks/0/portName"]);
  });
});

describe("nextHealth", () => {
  const check = { gracePeriodSeconds: 10, maxConsecutiveFailures: 3 };
  it("ignores failures in the grace period until the first success", () => {
    const r = nextHealth(HEALTH_UNKNOWN, { kind: "failure", cause: "refused" }, check, 0, 5_000);
    expect(r).toEqual({ health: { ...HEALTH_UNKNOWN, lastFailureMs: 5_000, lastFailureCause: "refused" }, kill: false });
  });
  it("counts failures after the grace period and asks for a kill at the limit", () => {
    let h = HEALTH_UNKNOWN;
    const kills: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const r = nextHealth(h, { kind: "failure", cause: "503" }, check, 0, 20_000 + i);
      h = r.health;
      kills.push(r.kill);
    }
    expect(kills).toEqual([false, false, true]);
    expect(h).toMatchObject({ state: "UNHEALTHY", consecutiveFailures: 3, lastFailureCause: "503" });
  });
  it("counts failures at once after a first success, and a success resets them", () => {
    const ok = nextHealth(HEALTH_UNKNOWN, { kind: "success" }, check, 0, 1_000).health;
    expect(ok).toMatchObject({ state: "HEALTHY", firstSuccessMs: 1_000, lastSuccessMs: 1_000 });
    const bad = nextHealth(ok, { kind: "failure", cause: "timeout" }, check, 0, 2_000).health;
    expect(bad).toMatchObject({ state: "UNHEALTHY", consecutiveFailures: 1 });
    expect(nextHealth(bad, { kind: "success" }, check, 0, 3_000).health).toMatchObject({
      state: "HEALTHY",
      consecutiveFailures: 0,
      firstSuccessMs: 1_000,
    });
  });
});
