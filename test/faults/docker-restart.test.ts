import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bus } from "@berth/bus";
import {
  type Cluster,
  DEMO_IMAGE,
  docker,
  dockerInspect,
  eventually,
  type NatsServer,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { collectEvents } from "../support/events.js";
import { expectConverged, testBus } from "../support/converged.js";

let nats: NatsServer;
let cluster: Cluster;
let api: Api;
let bus: Bus;
let events: Awaited<ReturnType<typeof collectEvents>>;

const dockerUp = async () =>
  docker("info", "--format", "{{.ServerVersion}}").then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  nats = await startNatsServer();
  cluster = await startCluster({ natsUrl: nats.url, name: "faults-docker-restart" });
  api = new Api(cluster.apiUrl);
  bus = await testBus(nats.url);
  events = await collectEvents(nats.url);
});

afterAll(async () => {
  if (!(await dockerUp())) execFileSync("bash", ["scripts/start-docker.sh"], { stdio: "inherit" });
  await events?.stop();
  await bus?.close();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await nats?.stop();
});

describe("the Docker daemon restarted (live-restore)", () => {
  it("keeps tasks running, marks the agent unhealthy while it is down, and catches an exit that happened meanwhile", async () => {
    await api.call("POST", "/v2/apps", {
      id: "/dockerd/web",
      cmd: "sleep 3600",
      cpus: 0.1,
      mem: 32,
      instances: 2,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    });
    await expectConverged(api, bus, cluster.agentId, [{ id: "/dockerd/web", instances: 2 }]);
    const [survivor, victim] = await api.running("/dockerd/web");
    const survivorBefore = await dockerInspect<{ Id: string; State: { StartedAt: string; Pid: number } }>(`berth-${survivor!.id}`);
    const victimPid = (await dockerInspect<{ State: { Pid: number } }>(`berth-${victim!.id}`)).State.Pid;

    execFileSync("pkill", ["-TERM", "-x", "dockerd"]);
    await eventually(async () => !(await dockerUp()), { what: "dockerd down" });
    // The agent says it cannot reach Docker, and gets no new tasks.
    await eventually(
      async () => {
        const agents = (await api.call<{ agents: { active: boolean; healthMessage: string }[] }>("GET", "/v2/agents")).body.agents;
        return agents[0]?.active === false && /Docker daemon is not reachable/.test(agents[0].healthMessage);
      },
      { what: "agent unhealthy", timeoutMs: 30_000 },
    );
    // A task dies while the daemon is away.
    process.kill(victimPid, "SIGKILL");
    execFileSync("bash", ["scripts/start-docker.sh"], { stdio: "inherit" });

    await eventually(
      () => events.events.some((e) => e.taskId === victim!.id && (e.taskStatus === "TASK_FAILED" || e.taskStatus === "TASK_LOST")),
      { what: "the exit reported", timeoutMs: 60_000 },
    );
    await expectConverged(api, bus, cluster.agentId, [{ id: "/dockerd/web", instances: 2 }], 90_000);
    const tasks = (await api.running("/dockerd/web")).map((t) => t.id);
    expect(tasks).toContain(survivor!.id);
    expect(tasks).not.toContain(victim!.id);
    const survivorAfter = await dockerInspect<{ Id: string; State: { StartedAt: string } }>(`berth-${survivor!.id}`);
    expect(survivorAfter.State.StartedAt).toBe(survivorBefore.State.StartedAt);
  });
});
