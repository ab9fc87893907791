import { afterAll, describe, expect, it } from "vitest";
import { containerSpec, DEFAULT_TASK_POLICY, parseApp, policyViolations, taskSpec, type TaskPolicy } from "@berth/core";
import { DEMO_IMAGE, dockerInspect, removeContainersWithLabel } from "@berth/testkit";
import { DockerRuntime } from "../src/runtime/docker-runtime.js";

const agentId = `hardening-${process.pid}`;
const runtime = new DockerRuntime("/var/run/docker.sock");
let n = 0;

/** Validates an app as the API does, then starts its task the way the agent does, on the real Docker daemon. */
async function launch(over: Record<string, unknown>, policy: TaskPolicy = DEFAULT_TASK_POLICY) {
  const r = parseApp(
    { id: "/it/hard", cmd: "sleep 600", mem: 32, container: { docker: { image: DEMO_IMAGE } }, ...over },
    { version: "v1" },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  expect(policyViolations(r.app, policy)).toEqual([]);
  const spec = containerSpec(taskSpec(r.app, `it_hard.${process.pid}-${n++}`, [], policy), { agentId, hostname: "127.0.0.1" });
  return runtime.start(spec);
}

const params = (...kv: [string, string][]) => ({
  container: { docker: { image: DEMO_IMAGE, parameters: kv.map(([key, value]) => ({ key, value })) } },
});

afterAll(async () => {
  await removeContainersWithLabel(`berth.agent=${agentId}`);
});

describe("containers as the agent starts them", () => {
  it("cannot gain privileges, hold more processes than the limit, or use more memory than asked", async () => {
    const c = await launch({ cmd: "sleep 600", ...params(["pids-limit", "16"]) });
    expect(c.running).toBe(true);
    const status = await runtime.exec(c.id, ["grep", "NoNewPrivs", "/proc/self/status"], 5_000);
    expect(status.output).toMatch(/NoNewPrivs:\s+1/);
    const forks = await runtime.exec(c.id, ["sh", "-c", "for i in $(seq 40); do sleep 30 & done 2>&1; echo done"], 10_000);
    expect(forks.output).toMatch(/can't fork|Resource temporarily unavailable/);
    const info = await dockerInspect<{ HostConfig: { PidsLimit: number; Memory: number; Privileged: boolean; SecurityOpt: string[] } }>(
      c.id,
    );
    expect(info.HostConfig).toMatchObject({
      PidsLimit: 16,
      Memory: 32 * 1024 * 1024,
      Privileged: false,
      SecurityOpt: ["no-new-privileges"],
    });
  });

  it("runs every supported docker parameter the validator accepts", async () => {
    const policy: TaskPolicy = {
      ...DEFAULT_TASK_POLICY,
      capabilities: ["NET_ADMIN"],
      parameters: [...DEFAULT_TASK_POLICY.parameters, "ulimit"],
    };
    const c = await launch(
      params(
        ["cap-add", "NET_ADMIN"],
        ["cap-drop", "CHOWN"],
        ["init", "true"],
        ["read-only", "true"],
        ["tmpfs", "/scratch:size=1m"],
        ["shm-size", "8m"],
        ["workdir", "/tmp"],
        ["ulimit", "nofile=256:512"],
        ["label", "owner=alice"],
        ["stop-signal", "SIGINT"],
      ),
      policy,
    );
    expect(c.running).toBe(true);
    // The task's own limits are its first process's: `docker exec` may give the exec'd shell others.
    const limits = await runtime.exec(
      c.id,
      ["sh", "-c", "grep 'open files' /proc/1/limits; pwd; touch /x 2>&1; touch /scratch/y && echo ok"],
      5_000,
    );
    expect(limits.output).toMatch(/^Max open files +256 +512 +files *\n\/tmp\n.*Read-only file system\nok/m);
    const info = await dockerInspect<{
      HostConfig: { CapAdd: string[]; CapDrop: string[]; Init: boolean };
      Config: { StopSignal: string };
    }>(c.id);
    expect(info.HostConfig).toMatchObject({ CapDrop: ["ALL"], Init: true });
    expect(info.HostConfig.CapAdd).toContain("NET_ADMIN");
    expect(info.HostConfig.CapAdd).not.toContain("CHOWN");
    expect(info.Config.StopSignal).toBe("SIGINT");
  });
});
