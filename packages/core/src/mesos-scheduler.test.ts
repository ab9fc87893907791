import { describe, expect, it } from "vitest";
import { HEALTH_UNKNOWN } from "./health-check.js";
import { TaskStates } from "./task-state.js";
import { honouredCapabilities, mesosOffer, mesosStatus, readTaskInfo, recordIo, stateToldTo, statusUuid } from "./mesos-scheduler.js";

const scalar = (name: string, value: number) => ({ name, type: "SCALAR", scalar: { value } });
const info = (more: Record<string, unknown> = {}) => ({
  name: "t",
  task_id: { value: "job.1" },
  agent_id: { value: "a1" },
  resources: [scalar("cpus", 0.5), scalar("mem", 64), { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31001 }] } }],
  command: { shell: true, value: "echo hi", environment: { variables: [{ name: "A", value: "1" }] } },
  container: { type: "DOCKER", docker: { image: "busybox", network: "HOST" } },
  labels: { labels: [{ key: "k", value: "v" }] },
  ...more,
});

describe("Mesos's scheduler API in Berth's terms", () => {
  it("frames each event as RecordIO: its UTF-8 byte length, a newline, the JSON", () => {
    expect(recordIo({ type: "HEARTBEAT" })).toBe('20\n{"type":"HEARTBEAT"}');
    const framed = recordIo({ m: "héllo ✓" });
    const [size, json] = framed.split("\n");
    expect(Number(size)).toBe(Buffer.byteLength(json ?? ""));
  });

  it("offers an agent's free scalars and port ranges, with the address frameworks read", () => {
    const o = mesosOffer({
      offerId: "o1",
      frameworkId: "f1",
      agentId: "a1",
      hostname: "127.0.0.1",
      agentPort: 5051,
      free: { cpus: 1.5, mem: 512, disk: 100, ports: [{ begin: 31000, end: 31010 }] },
    });
    expect(o.resources).toEqual([
      { name: "cpus", type: "SCALAR", role: "*", scalar: { value: 1.5 } },
      { name: "mem", type: "SCALAR", role: "*", scalar: { value: 512 } },
      { name: "disk", type: "SCALAR", role: "*", scalar: { value: 100 } },
      { name: "ports", type: "RANGES", role: "*", ranges: { range: [{ begin: 31000, end: 31010 }] } },
    ]);
    expect(o.url.address).toEqual({ hostname: "127.0.0.1", ip: "127.0.0.1", port: 5051 });
  });

  it("reads a Docker TaskInfo into an app definition on the host's network, with the ports it took", () => {
    const r = readTaskInfo(info(), "/batch/reports");
    expect(r).toEqual({
      ok: true,
      taskId: "job.1",
      agentId: "a1",
      ports: [31000, 31001],
      app: {
        id: "/batch/reports",
        cpus: 0.5,
        mem: 64,
        disk: 0,
        instances: 1,
        env: { A: "1" },
        labels: { k: "v" },
        cmd: "echo hi",
        portDefinitions: [{ port: 31000 }, { port: 31001 }],
        requirePorts: true,
        container: { type: "DOCKER", docker: { image: "busybox", forcePullImage: false } },
        networks: [{ mode: "host" }],
      },
    });
  });

  it("runs arguments without a shell, or the image's own command when there are none", () => {
    const args = readTaskInfo(info({ command: { shell: false, value: "x", arguments: ["sleep", "5"] } }), "/b/r");
    expect(args.ok && args.app.args).toEqual(["sleep", "5"]);
    const bare = readTaskInfo(info({ command: { shell: false } }), "/b/r");
    expect(bare.ok && [bare.app.cmd, bare.app.args]).toEqual([undefined, undefined]);
    const none = readTaskInfo(info({ container: { type: "DOCKER", docker: { image: "busybox", network: "NONE" } } }), "/b/r");
    expect(none.ok && none.app.networks).toEqual([{ mode: "container", name: "none" }]);
    const grace = readTaskInfo(info({ kill_policy: { grace_period: { nanoseconds: 3e9 } } }), "/b/r");
    expect(grace.ok && grace.app.taskKillGracePeriodSeconds).toBe(3);
    const command = readTaskInfo(info({ container: null }), "/b/r");
    expect(command.ok && command.app.container).toBeUndefined();
  });

  it("says why a TaskInfo cannot run here", () => {
    const why = (more: Record<string, unknown>) => {
      const r = readTaskInfo(info(more), "/b/r");
      return r.ok ? "" : r.message;
    };
    expect(why({ task_id: { value: "a b" } })).toMatch(/task_id 'a b' must be/);
    expect(why({ agent_id: null })).toBe("agent_id is required");
    expect(why({ executor: { executor_id: { value: "e" } } })).toMatch(/custom executors/);
    expect(why({ command: null })).toBe("command is required");
    expect(why({ resources: [scalar("cpus", 1)] })).toMatch(/cpus and mem/);
    expect(why({ container: { type: "MESOS" } })).toBe("container type MESOS is not supported: use DOCKER");
    expect(why({ container: { type: "DOCKER", docker: {} } })).toBe("container.docker.image is required");
    expect(why({ container: { type: "DOCKER", docker: { image: "i", network: "BRIDGE" } } })).toBe(
      "docker network BRIDGE is not offered: use HOST or NONE",
    );
  });

  it("tells a task record as a TaskStatus with a stable uuid to acknowledge, or as a reconciliation", () => {
    const task = {
      state: "TASK_RUNNING" as const,
      message: "",
      agentId: "a1",
      updatedAtMs: 1_500,
      lastSequence: 3,
      containerId: "c1",
      health: { ...HEALTH_UNKNOWN, state: "HEALTHY" },
    };
    expect(mesosStatus(task, "job.1")).toEqual({
      task_id: { value: "job.1" },
      state: "TASK_RUNNING",
      message: "",
      source: "SOURCE_EXECUTOR",
      agent_id: { value: "a1" },
      timestamp: 1.5,
      uuid: statusUuid("job.1", 3, "TASK_RUNNING"),
      healthy: true,
      container_status: { container_id: { value: "c1" } },
    });
    expect(Buffer.from(statusUuid("job.1", 3, "TASK_RUNNING"), "base64").toString()).toBe("job.1:3:TASK_RUNNING");
    const reconciled = mesosStatus(task, "job.1", { reconciling: true });
    expect(reconciled.reason).toBe("REASON_RECONCILIATION");
    expect(reconciled.uuid).toBeUndefined();
  });
});

describe("what a framework is told, by its capabilities", () => {
  const added = ["TASK_UNREACHABLE", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR", "TASK_UNKNOWN"];
  const others = TaskStates.filter((s) => !added.includes(s) && s !== "TASK_KILLING");

  it("tells a framework not PARTITION_AWARE TASK_LOST for each state Mesos 1.1 added, and every other state as it is", () => {
    expect(added.map((s) => stateToldTo(s, []))).toEqual(added.map(() => "TASK_LOST"));
    expect(added.map((s) => stateToldTo(s, ["PARTITION_AWARE"]))).toEqual(added);
    expect(others).toContain("TASK_RUNNING");
    for (const caps of [[], ["PARTITION_AWARE"], ["TASK_KILLING_STATE"]]) expect(others.map((s) => stateToldTo(s, caps))).toEqual(others);
  });

  it("tells TASK_KILLING only to a framework with TASK_KILLING_STATE; reconciliation tells another TASK_RUNNING", () => {
    expect(stateToldTo("TASK_KILLING", ["TASK_KILLING_STATE"])).toBe("TASK_KILLING");
    expect(stateToldTo("TASK_KILLING", ["PARTITION_AWARE"])).toBeUndefined();
    expect(stateToldTo("TASK_KILLING", [], true)).toBe("TASK_RUNNING");
    expect(stateToldTo("TASK_KILLING", ["TASK_KILLING_STATE"], true)).toBe("TASK_KILLING");
  });

  it("reads the capabilities Berth honours from a FrameworkInfo, and no others", () => {
    const info = (...types: unknown[]) => ({ name: "f", capabilities: types.map((type) => ({ type })) });
    expect(honouredCapabilities(info("MULTI_ROLE", "TASK_KILLING_STATE", "PARTITION_AWARE"))).toEqual([
      "PARTITION_AWARE",
      "TASK_KILLING_STATE",
    ]);
    expect(honouredCapabilities(info("MULTI_ROLE", "GPU_RESOURCES"))).toEqual([]);
    expect(honouredCapabilities({ name: "f" })).toEqual([]);
    expect(honouredCapabilities({ name: "f", capabilities: ["PARTITION_AWARE", null] })).toEqual([]);
    expect(honouredCapabilities(null)).toEqual([]);
  });
});
