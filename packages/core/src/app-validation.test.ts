import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { bodyIdRefusal, rollbackVersion, updateApp } from "./app-update.js";

const V = "2026-01-01T00:00:00.000Z";
const base = { id: "/team/web", cmd: "sleep 100", container: { docker: { image: "berth/busybox:test" } } };

function details(raw: unknown): Record<string, readonly string[]> {
  const r = parseApp(raw, { version: V });
  if (r.ok) throw new Error("expected invalid");
  return Object.fromEntries(r.details.map((d) => [d.path, d.errors]));
}

describe("parseApp", () => {
  it("fills Marathon's defaults", () => {
    const r = parseApp({ id: "web", cmd: "sleep 1" }, { version: V });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.app).toMatchObject({
      id: "/web",
      instances: 1,
      cpus: 1,
      mem: 128,
      disk: 0,
      backoffSeconds: 1,
      backoffFactor: 1.15,
      maxLaunchDelaySeconds: 300,
      killSelection: "YOUNGEST_FIRST",
      upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
      version: V,
      versionInfo: { lastScalingAt: V, lastConfigChangeAt: V },
    });
  });

  it("keeps what was given", () => {
    const r = parseApp(
      {
        ...base,
        instances: 3,
        cpus: 0.25,
        mem: 64,
        env: { A: "1" },
        labels: { tier: "web" },
        portDefinitions: [{ port: 0, name: "http" }],
        constraints: [["hostname", "UNIQUE"]],
        taskKillGracePeriodSeconds: 5,
      },
      { version: V },
    );
    expect(r.ok && r.app).toMatchObject({
      instances: 3,
      cpus: 0.25,
      mem: 64,
      env: { A: "1" },
      labels: { tier: "web" },
      portDefinitions: [{ port: 0, name: "http", protocol: "tcp" }],
      constraints: [["hostname", "UNIQUE"]],
      taskKillGracePeriodSeconds: 5,
      container: { type: "DOCKER", docker: { image: "berth/busybox:test", forcePullImage: false, privileged: false } },
    });
  });

  it.each([
    [{ ...base, cpus: -1 }, "/cpus"],
    [{ ...base, cpus: 0 }, "/cpus"],
    [{ ...base, cpus: "1" }, "/cpus"],
    [{ ...base, cpus: 1e9 }, "/cpus"],
    [{ ...base, mem: -5 }, "/mem"],
    [{ ...base, instances: -1 }, "/instances"],
    [{ ...base, instances: 1.5 }, "/instances"],
    [{ ...base, instances: 1_000_000 }, "/instances"],
    [{ ...base, id: "/Team/web" }, "/id"],
    [{ ...base, id: "/team//web" }, "/id"],
    [{ ...base, id: "/team/../web" }, "/id"],
    [{ ...base, id: "/team/./web" }, "/id"],
    [{ ...base, id: "/-web" }, "/id"],
    [{ ...base, id: `/${"a".repeat(64)}` }, "/id"],
    [{ ...base, id: 5 }, "/id"],
    [{ cmd: "x" }, "/id"],
    [{ ...base, container: { docker: { image: "bad image" } } }, "/container/docker/image"],
    [{ ...base, container: { docker: { image: "Upper/Case" } } }, "/container/docker/image"],
    [{ ...base, container: { docker: { image: "a;b" } } }, "/container/docker/image"],
    [{ ...base, container: { docker: { image: `busybox:${"t".repeat(129)}` } } }, "/container/docker/image"],
    [{ ...base, container: { type: "MESOS", docker: { image: "busybox" } } }, "/container/type"],
    [{ ...base, env: { "A=B": "x" } }, "/env/A=B"],
    [{ ...base, env: { A: 1 } }, "/env/A"],
    [{ ...base, env: { A: "a\0b" } }, "/env/A"],
    [{ ...base, killSelection: "RANDOM" }, "/killSelection"],
    [{ ...base, portDefinitions: [{ port: 70000 }] }, "/portDefinitions/0/port"],
    [{ ...base, constraints: [["hostname", "NEAR"]] }, "/constraints/0"],
    [{ ...base, constraints: [["hostname", "CLUSTER"]] }, "/constraints/0"],
    [{ ...base, args: ["a"] }, "/"],
    [{ id: "/x" }, "/"],
    [{ ...base, bogus: 1 }, "/bogus"],
  ])("rejects %j at %s", (raw, path) => {
    expect(Object.keys(details(raw))).toContain(path);
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(details({ ...base, cpus: -1, mem: "x", instances: -2 })).sort()).toEqual(["/cpus", "/instances", "/mem"]);
  });

  it("rejects what is not an object", () => {
    expect(details([1])).toHaveProperty("/");
    expect(details(null)).toHaveProperty("/");
  });

  it("ignores the read-only fields a GET returns", () => {
    const r = parseApp({ ...base, tasksRunning: 3, deployments: [], version: "x" }, { version: V });
    expect(r.ok && r.app.version).toBe(V);
  });

  it("accepts a registry with a port and a digest", () => {
    const image = `127.0.0.1:5000/team/app:1.0@sha256:${"a".repeat(64)}`;
    expect(parseApp({ ...base, container: { docker: { image } } }, { version: V }).ok).toBe(true);
  });
});

describe("updateApp", () => {
  const created = parseApp({ ...base, instances: 1 }, { version: V });
  if (!created.ok) throw new Error("fixture");
  const V2 = "2026-01-02T00:00:00.000Z";

  it("treats a change of instances alone as scaling", () => {
    const r = updateApp(created.app, { instances: 3 }, { version: V2, partial: true });
    expect(r.ok && r.app).toMatchObject({
      instances: 3,
      cmd: "sleep 100",
      version: V2,
      versionInfo: { lastScalingAt: V2, lastConfigChangeAt: V },
    });
  });

  it("treats any other change as a new configuration", () => {
    const r = updateApp(created.app, { cmd: "sleep 5" }, { version: V2, partial: true });
    expect(r.ok && r.app.versionInfo).toEqual({ lastScalingAt: V2, lastConfigChangeAt: V2 });
  });

  it("replaces the whole definition when not partial", () => {
    const r = updateApp(created.app, { cmd: "sleep 5" }, { version: V2, partial: false });
    expect(r.ok && r.app.container).toBeUndefined();
  });

  it("refuses another id and invalid values", () => {
    expect(updateApp(created.app, { id: "/other" }, { version: V2, partial: true }).ok).toBe(false);
    expect(updateApp(created.app, { cpus: -1 }, { version: V2, partial: true }).ok).toBe(false);
  });
});

describe("bodyIdRefusal", () => {
  it("accepts no id, the path's id, and the path's id without its leading slash", () => {
    for (const body of [{}, { id: null }, { id: "/red/web" }, { id: "red/web" }, { id: "/red/web/" }]) {
      expect(bodyIdRefusal(body, "/red/web"), JSON.stringify(body)).toBeUndefined();
    }
    expect(bodyIdRefusal("not an object", "/red/web")).toBeUndefined();
  });

  it("refuses any other id, naming the path's", () => {
    for (const id of ["/blue/planted", "/red/web2", "/red", "web", 5, "/RED/web", "/red/./web"]) {
      const r = bodyIdRefusal({ id }, "/red/web");
      expect(r, String(id)).toEqual({ path: "/id", errors: [expect.stringContaining("must be /red/web")] });
    }
  });
});

describe("rollbackVersion", () => {
  it("reads Marathon's rollback: a version, with at most the app's id", () => {
    expect(rollbackVersion({ version: "2026-01-01T00:00:00.000Z" })).toEqual({ version: "2026-01-01T00:00:00.000Z" });
    expect(rollbackVersion({ id: "/a/b", version: "v1" })).toEqual({ version: "v1" });
    expect(rollbackVersion({ instances: 2 })).toBeUndefined();
    expect(rollbackVersion({ version: null, instances: 2 })).toBeUndefined();
  });

  it("takes a whole definition sent back with the current version as a change, and refuses other mixes", () => {
    expect(rollbackVersion({ version: "v2", cmd: "x" }, "v2")).toBeUndefined();
    expect(rollbackVersion({ version: "v1", cmd: "x" }, "v2")).toEqual({
      refused: { path: "/version", errors: ["The 'version' field may only be combined with the 'id' field"] },
    });
    expect(rollbackVersion({ version: 3 })).toMatchObject({ refused: { path: "/version" } });
  });
});

describe("Marathon's fields Berth does not use", () => {
  const base2 = { id: "/t/a", cmd: "sleep 1" };
  it("accepts them at Marathon's defaults, as an export carries them, and null anywhere", () => {
    const r = parseApp(
      { ...base2, executor: "", tty: false, storeUrls: [], ipAddress: null, residency: null, ports: null, portDefinitions: [{ port: 0 }] },
      { version: "v" },
    );
    expect(r.ok).toBe(true);
    expect(parseApp({ ...base2, executor: "//cmd" }, { version: "v" }).ok).toBe(true);
  });

  it("refuses any other value, naming the field and why", () => {
    for (const [field, value] of [
      ["executor", "/opt/custom-executor"],
      ["tty", true],
      ["storeUrls", ["http://x"]],
      ["ipAddress", { networkName: "dcos" }],
      ["residency", { taskLostBehavior: "WAIT_FOREVER" }],
    ] as const) {
      const r = parseApp({ ...base2, [field]: value }, { version: "v" });
      expect(r.ok === false && r.details.map((d) => d.path)).toEqual([`/${field}`]);
    }
  });
});
