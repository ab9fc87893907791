import { describe, expect, it } from "vitest";
import { containerSpec, cpuShares, memoryLimitBytes, TASK_CAPABILITIES, taskCapabilities } from "./container-spec.js";
import { taskNeed, taskSpec } from "./task-spec.js";
import { appOf } from "./test-fixtures.js";

const app = appOf;

describe("container spec", () => {
  it("maps cpus to shares and mem to a limit with Mesos's floors", () => {
    expect(cpuShares(0.5)).toBe(512);
    expect(cpuShares(0.001)).toBe(2);
    expect(memoryLimitBytes(64)).toBe(64 * 1024 * 1024);
    expect(memoryLimitBytes(4)).toBe(32 * 1024 * 1024);
  });

  it("runs cmd through /bin/sh -c on host networking with labels", () => {
    const a = app({ cpus: 0.25, mem: 64, labels: { tier: "web" }, portDefinitions: [{ port: 0, name: "http" }, { port: 0 }] });
    const spec = containerSpec(taskSpec(a, "team_web.x1", [31000, 31001]), { agentId: "agent-1", hostname: "127.0.0.1" });
    expect(spec).toMatchObject({
      name: "berth-team_web.x1",
      image: "berth/busybox:test",
      entrypoint: ["/bin/sh", "-c"],
      cmd: ["httpd -f -p $PORT0"],
      networkMode: "host",
      cpuShares: 256,
      memoryBytes: 64 * 1024 * 1024,
      labels: {
        "berth.managed": "true",
        "berth.agent": "agent-1",
        "berth.app": "/team/web",
        "berth.task": "team_web.x1",
        "berth.version": "2026-01-01T00:00:00.000Z",
        "berth.team": "team",
      },
    });
    expect(spec.env).toEqual(
      expect.arrayContaining([
        "PORT0=31000",
        "PORT1=31001",
        "PORT=31000",
        "PORTS=31000,31001",
        "PORT_HTTP=31000",
        "HOST=127.0.0.1",
        "MARATHON_APP_ID=/team/web",
        "MESOS_TASK_ID=team_web.x1",
        "MARATHON_APP_LABEL_TIER=web",
        "MARATHON_APP_RESOURCE_CPUS=0.25",
      ]),
    );
  });

  it("lets the app's own env win", () => {
    const spec = containerSpec(taskSpec(app({ env: { HOST: "mine" } }), "t", []), { agentId: "a", hostname: "h" });
    expect(spec.env).toContain("HOST=mine");
  });

  it("passes args without a shell", () => {
    const spec = containerSpec(taskSpec(app({ cmd: undefined, args: ["sleep", "5"] }), "t", []), { agentId: "a", hostname: "h" });
    expect(spec.entrypoint).toBeUndefined();
    expect(spec.cmd).toEqual(["sleep", "5"]);
  });

  it("binds bridge port mappings to the assigned host ports", () => {
    const a = app({
      networks: [{ mode: "container/bridge" }],
      container: {
        docker: { image: "nginx" },
        portMappings: [
          { containerPort: 80, hostPort: 0 },
          { containerPort: 53, hostPort: 0, protocol: "udp,tcp" },
        ],
      },
    });
    expect(taskNeed(a, "t").portCount).toBe(2);
    const spec = containerSpec(taskSpec(a, "t", [31000, 31001]), { agentId: "a", hostname: "h" });
    expect(spec.networkMode).toBe("bridge");
    expect(spec.portBindings).toEqual({
      "80/tcp": [{ hostPort: "31000" }],
      "53/udp": [{ hostPort: "31001" }],
      "53/tcp": [{ hostPort: "31001" }],
    });
  });

  it("gives a command task its sandbox: mounted, its working directory, and MESOS_SANDBOX", () => {
    const a = app({ container: undefined, cmd: "ls" });
    const spec = containerSpec(
      { ...taskSpec(a, "t", [31000]), image: "busybox:1.36" },
      { agentId: "a", hostname: "h", sandbox: "/var/lib/berth/sandboxes/t" },
    );
    expect(spec.binds).toEqual(["/var/lib/berth/sandboxes/t:/mnt/mesos/sandbox:rw"]);
    expect(spec.workingDir).toBe("/mnt/mesos/sandbox");
    expect(spec.env).toContain("MESOS_SANDBOX=/mnt/mesos/sandbox");
    expect(containerSpec(taskSpec(app({}), "t", []), { agentId: "a", hostname: "h" }).env.some((e) => e.startsWith("MESOS_SANDBOX="))).toBe(
      false,
    );
  });

  it("needs the exact ports when requirePorts is set", () => {
    expect(taskNeed(app({ requirePorts: true, portDefinitions: [{ port: 8080 }] }), "t").requiredPorts).toEqual([8080]);
  });
});

describe("a task's capabilities", () => {
  it("starts from a set without NET_RAW, MKNOD, AUDIT_WRITE, SETFCAP or SYS_CHROOT, after dropping ALL", () => {
    const spec = containerSpec(taskSpec(app({}), "t", []), { agentId: "a", hostname: "h" });
    expect(spec.capDrop).toEqual(["ALL"]);
    expect(spec.capAdd).toEqual([...TASK_CAPABILITIES].sort());
    for (const cap of ["NET_RAW", "MKNOD", "AUDIT_WRITE", "SETFCAP", "SYS_CHROOT"]) expect(spec.capAdd).not.toContain(cap);
  });

  it("drops what the app drops and adds what it adds", () => {
    expect(taskCapabilities(["NET_RAW"], ["CHOWN", "SETUID"]).capAdd).toEqual(
      TASK_CAPABILITIES.filter((c) => c !== "CHOWN" && c !== "SETUID")
        .concat("NET_RAW")
        .sort(),
    );
    expect(taskCapabilities(["NET_ADMIN"], ["ALL"])).toEqual({ capAdd: ["NET_ADMIN"], capDrop: ["ALL"] });
    expect(taskCapabilities([], ["ALL"])).toEqual({ capAdd: [], capDrop: ["ALL"] });
    expect(taskCapabilities(["ALL"], ["CHOWN"])).toEqual({ capAdd: ["ALL"], capDrop: [] });
    expect(taskCapabilities(["KILL"], []).capAdd.filter((c) => c === "KILL")).toHaveLength(1);
  });
});
