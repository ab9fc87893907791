import { describe, expect, it } from "vitest";
import { containerSpec } from "./container-spec.js";
import { dockerOptions } from "./docker-parameters.js";
import { DEFAULT_TASK_POLICY, effectivePidsLimit, policyViolations, type TaskPolicy } from "./task-policy.js";
import { taskSpec } from "./task-spec.js";
import { appOf } from "./test-fixtures.js";

const docker = (over: Record<string, unknown>) => ({ container: { docker: { image: "berth/busybox:test", ...over } } });
const volumes = (...hostPaths: string[]) => ({
  container: { docker: { image: "berth/busybox:test" }, volumes: hostPaths.map((hostPath) => ({ hostPath, containerPath: "/data" })) },
});
const params = (...kv: [string, string][]) => docker({ parameters: kv.map(([key, value]) => ({ key, value })) });
const paths = (policy: TaskPolicy, over: Record<string, unknown>) => policyViolations(appOf(over), policy).map((d) => d.path);
const policy = (over: Partial<TaskPolicy>): TaskPolicy => ({ ...DEFAULT_TASK_POLICY, ...over });

describe("task policy", () => {
  it("accepts a plain app under the defaults", () => {
    expect(policyViolations(appOf(), DEFAULT_TASK_POLICY)).toEqual([]);
  });

  it("refuses privileged containers unless the team may run them", () => {
    const v = policyViolations(appOf(docker({ privileged: true })), DEFAULT_TASK_POLICY);
    expect(v).toEqual([{ path: "/container/docker/privileged", errors: [expect.stringMatching(/privileged containers are not allowed/)] }]);
    expect(paths(policy({ privileged: true }), docker({ privileged: true }))).toEqual([]);
  });

  it.each(["/", "/var/run/docker.sock", "/proc", "/etc", "/home/user"])("refuses mounting %s from the host by default", (hostPath) => {
    expect(paths(DEFAULT_TASK_POLICY, volumes(hostPath))).toEqual(["/container/volumes/0/hostPath"]);
  });

  it("allows host paths at or below an allowed prefix, and nothing that merely starts like one", () => {
    const p = policy({ hostPaths: ["/srv/team-a"] });
    expect(paths(p, volumes("/srv/team-a"))).toEqual([]);
    expect(paths(p, volumes("/srv/team-a/cache"))).toEqual([]);
    expect(paths(p, volumes("/srv/team-ab"))).toEqual(["/container/volumes/0/hostPath"]);
    expect(paths(p, volumes("/srv"))).toEqual(["/container/volumes/0/hostPath"]);
  });

  it("refuses parameters outside the team's allowlist", () => {
    const v = policyViolations(appOf(params(["ulimit", "nofile=1024"])), DEFAULT_TASK_POLICY);
    expect(v[0]?.path).toBe("/container/docker/parameters/0/key");
    expect(v[0]?.errors[0]).toMatch(/'ulimit' is not allowed for this team; allowed: cap-add/);
    expect(paths(policy({ parameters: ["ulimit"] }), params(["ulimit", "nofile=1024"]))).toEqual([]);
  });

  it("refuses added capabilities beyond the allowlist, in either spelling", () => {
    expect(paths(DEFAULT_TASK_POLICY, params(["cap-add", "SYS_ADMIN"]))).toEqual(["/container/docker/parameters/0/value"]);
    expect(paths(DEFAULT_TASK_POLICY, params(["cap-add", "ALL"]))).toEqual(["/container/docker/parameters/0/value"]);
    expect(paths(policy({ capabilities: ["NET_ADMIN"] }), params(["cap-add", "cap_net_admin"]))).toEqual([]);
    expect(paths(policy({ capabilities: ["NET_ADMIN"] }), params(["cap-add", "NET_ADMIN"], ["cap-add", "SYS_ADMIN"]))).toEqual([
      "/container/docker/parameters/1/value",
    ]);
    expect(paths(policy({ capabilities: ["ALL"] }), params(["cap-add", "SYS_ADMIN"]))).toEqual([]);
    expect(paths(DEFAULT_TASK_POLICY, params(["cap-drop", "ALL"]))).toEqual([]);
  });

  it("lets an app lower its pids limit but not raise it above the team's", () => {
    expect(effectivePidsLimit(appOf(), DEFAULT_TASK_POLICY)).toBe(1024);
    expect(effectivePidsLimit(appOf(params(["pids-limit", "64"])), DEFAULT_TASK_POLICY)).toBe(64);
    expect(paths(DEFAULT_TASK_POLICY, params(["pids-limit", "5000"]))).toEqual(["/container/docker/parameters/0/value"]);
    expect(paths(policy({ pidsLimit: 8192 }), params(["pids-limit", "5000"]))).toEqual([]);
  });
});

describe("hardening every container gets", () => {
  it("sets no-new-privileges, a pids limit and a memory limit whatever the app says", () => {
    const spec = containerSpec(taskSpec(appOf({ mem: 0 }), "t", []), { agentId: "a", hostname: "h" });
    expect(spec.securityOpt).toEqual(["no-new-privileges"]);
    expect(spec.pidsLimit).toBe(1024);
    expect(spec.memoryBytes).toBe(32 * 1024 * 1024);
    expect(spec.privileged).toBe(false);
    expect(spec.binds).toEqual([]);
  });

  it("uses the team's pids limit, and the agent's default for a task that carries none", () => {
    const a = appOf();
    expect(containerSpec(taskSpec(a, "t", [], policy({ pidsLimit: 77 })), { agentId: "a", hostname: "h" }).pidsLimit).toBe(77);
    expect(containerSpec({ ...taskSpec(a, "t", []), pidsLimit: 0 }, { agentId: "a", hostname: "h" }).pidsLimit).toBe(1024);
  });

  it("translates the supported parameters into Docker's create options", () => {
    const a = appOf(
      params(
        ["cap-drop", "CHOWN"],
        ["init", "true"],
        ["read-only", "true"],
        ["tmpfs", "/tmp:rw,size=64m"],
        ["shm-size", "128m"],
        ["workdir", "/srv"],
        ["label", "owner=alice"],
        ["stop-signal", "SIGINT"],
      ),
    );
    const spec = containerSpec(taskSpec(a, "t", []), { agentId: "a", hostname: "h" });
    expect(spec.capAdd).not.toContain("CHOWN");
    expect(spec).toMatchObject({
      capDrop: ["ALL"],
      init: true,
      readonlyRootfs: true,
      tmpfs: { "/tmp": "rw,size=64m" },
      shmSizeBytes: 128 * 1024 * 1024,
      workingDir: "/srv",
      stopSignal: "SIGINT",
    });
    expect(spec.labels.owner).toBe("alice");
  });
});

describe("docker parameters", () => {
  it.each([
    ["net", "host", /does not support the docker parameter 'net'/],
    ["volume", "/:/host", /does not support/],
    ["cap-add", "not a cap", /is not a capability name/],
    ["init", "yes", /'true' or 'false'/],
    ["tmpfs", "relative", /absolute container path/],
    ["tmpfs", "/a/../b", /absolute container path/],
    ["shm-size", "lots", /a size such as/],
    ["ulimit", "bogus=1", /known limit name/],
    ["ulimit", "nofile=10:5", /hard limit must not be below/],
    ["label", "berth.app=/other/app", /Berth's own/],
    ["pids-limit", "-1", /positive integer/],
    ["stop-signal", "kill -9", /a signal/],
  ])("refuses %s=%s", (key, value, message) => {
    const r = dockerOptions([{ key, value }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.error).toMatch(message);
  });

  it("reads ulimits with and without a hard limit", () => {
    const r = dockerOptions([
      { key: "ulimit", value: "nofile=1024:2048" },
      { key: "ulimit", value: "nproc=64" },
    ]);
    expect(r.ok && r.options.ulimits).toEqual([
      { name: "nofile", soft: 1024, hard: 2048 },
      { name: "nproc", soft: 64, hard: 64 },
    ]);
  });
});
