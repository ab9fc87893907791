import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker, dockerInspect, eventually, mountSmallDisk, type SmallDisk } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { expectConverged } from "../support/converged.js";
import { useCluster } from "../support/fixture.js";

// The agent's work dir is a file system of its own, 8 MiB: the test fills it while tasks run.
const workDir = join(tmpdir(), `berth-agent-disk-${process.pid}`);
let disk: SmallDisk;
beforeAll(async () => {
  disk = await mountSmallDisk(8 * 1024, workDir);
});
const f = useCluster("faults-agent-disk-full", { agentWorkDir: workDir });
// Registered after the fixture's: runs after its teardown has stopped the agent.
afterAll(async () => {
  await disk?.unmount();
});

type Agent = { id: string; active: boolean; healthMessage: string };
const agent = async () => (await f.api.call<{ agents: Agent[] }>("GET", "/v2/agents")).body.agents[0];

describe("the agent's work dir full", () => {
  it("keeps its tasks running, says why it takes no launch, loses no status update, and carries on once there is room", async () => {
    await f.api.call("POST", "/v2/apps", sleeper("/disk/web", 2));
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/disk/web", instances: 2 }]);
    const [survivor, victim] = await f.api.running("/disk/web");
    const agentProcess = f.cluster.processes.find((p) => p.service === "slave-agent")!.proc;
    const survivorStarted = (await dockerInspect<{ State: { StartedAt: string } }>(`berth-${survivor!.id}`)).State.StartedAt;

    disk.fill();
    await eventually(
      async () => {
        const a = await agent();
        return a?.active === false && /work dir is full \(0 KiB free/.test(a.healthMessage);
      },
      { what: "the agent unhealthy with why", timeoutMs: 30_000 },
    );
    // A task that ends meanwhile is told (its update is sent, though it cannot be checkpointed), and its
    // replacement waits: nothing is placed on an agent that cannot checkpoint.
    await docker("kill", `berth-${victim!.id}`);
    await eventually(() => f.events.some((e) => e.taskId === victim!.id && e.taskStatus === "TASK_FAILED"), {
      what: "the victim's TASK_FAILED",
    });
    await eventually(
      async () => {
        const queue = await f.api.call<{
          queue: { app: { id: string }; count: number; processedOffersSummary: { rejectSummaryLastOffers: { reason: string }[] } }[];
        }>("GET", "/v2/queue");
        const waiting = queue.body.queue.find((q) => q.app.id === "/disk/web");
        return waiting?.count === 1 && waiting.processedOffersSummary.rejectSummaryLastOffers.some((r) => /agent unhealthy/.test(r.reason));
      },
      { what: "the replacement waiting, for want of a healthy agent" },
    );
    expect((await f.api.running("/disk/web")).map((t) => t.id)).toEqual([survivor!.id]);

    disk.free();
    await eventually(async () => (await agent())?.active === true, { what: "the agent healthy again", timeoutMs: 30_000 });
    await expectConverged(f.api, f.bus, f.cluster.agentId, [{ id: "/disk/web", instances: 2 }], 60_000);
    expect((await f.api.running("/disk/web")).map((t) => t.id)).toContain(survivor!.id);
    expect((await dockerInspect<{ State: { StartedAt: string } }>(`berth-${survivor!.id}`)).State.StartedAt).toBe(survivorStarted);
    // The agent never exited: it went on through the full disk.
    expect(agentProcess.exitCode).toBeNull();
    expect(agentProcess.signalCode).toBeNull();
  });
});
