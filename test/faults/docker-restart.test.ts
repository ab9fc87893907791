import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { docker, dockerInspect, eventually } from "@berth/testkit";
import { expectConverged } from "../support/converged.js";

const f = useCluster("faults-docker-restart");

const dockerUp = async () =>
  docker("info", "--format", "{{.ServerVersion}}").then(
    () => true,
    () => false,
  );

// Runs before the fixture's teardown: the daemon must be back to remove the containers.
afterAll(async () => {
  if (!(await dockerUp())) execFileSync("bash", ["scripts/start-docker.sh"], { stdio: "inherit" });
});

describe("the Docker daemon restarted (live-restore)", () => {
  it("keeps tasks running, marks the agent unhealthy while it is down, and catches an exit that happened meanwhile", async () => {
    await f.api.call("POST", "/v2/apps", sleeper("/dockerd/web", 2));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/dockerd/web", instances: 2 }]);
    const [survivor, victim] = await f.api.running("/dockerd/web");
    const survivorBefore = await dockerInspect<{ Id: string; State: { StartedAt: string; Pid: number } }>(`berth-${survivor!.id}`);
    const victimPid = (await dockerInspect<{ State: { Pid: number } }>(`berth-${victim!.id}`)).State.Pid;

    // The daemon that serves the socket, by the pid it wrote: not every dockerd on the machine.
    process.kill(Number(readFileSync("/var/run/docker.pid", "utf8").trim()), "SIGTERM");
    await eventually(async () => !(await dockerUp()), { what: "dockerd down" });
    // The agent says it cannot reach Docker, and gets no new tasks.
    await eventually(
      async () => {
        const agents = (await f.api.call<{ agents: { active: boolean; healthMessage: string }[] }>("GET", "/v2/agents")).body.agents;
        return agents[0]?.active === false && /Docker daemon is not reachable/.test(agents[0].healthMessage);
      },
      { what: "agent unhealthy", timeoutMs: 30_000 },
    );
    // A task dies while the daemon is away.
    process.kill(victimPid, "SIGKILL");
    execFileSync("bash", ["scripts/start-docker.sh"], { stdio: "inherit" });

    await eventually(
      () => f.events.some((e) => e.taskId === victim!.id && (e.taskStatus === "TASK_FAILED" || e.taskStatus === "TASK_LOST")),
      { what: "the exit reported", timeoutMs: 60_000 },
    );
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/dockerd/web", instances: 2 }], 90_000);
    const tasks = (await f.api.running("/dockerd/web")).map((t) => t.id);
    expect(tasks).toContain(survivor!.id);
    expect(tasks).not.toContain(victim!.id);
    const survivorAfter = await dockerInspect<{ Id: string; State: { StartedAt: string } }>(`berth-${survivor!.id}`);
    expect(survivorAfter.State.StartedAt).toBe(survivorBefore.State.StartedAt);
  });
});
