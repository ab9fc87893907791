// Frameworks share the agents: a task another framework owns runs next to Marathon's apps on the real
// Docker daemon, Marathon's scheduler leaves it alone, Marathon's views leave it out, and the ledger
// and /v2/frameworks say which framework holds what.
import { describe, expect, it } from "vitest";
import { channels, publishCommand, request, sealTask } from "@berth/bus";
import { type Framework, parseApp, stagedTask, taskNeed, taskSpec } from "@berth/core";
import { dockerInspect, eventually } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

// The dispatcher goes over every app's tasks twice a second here: a stray it would kill is killed at once.
const f = useCluster("e2e-frameworks", { extraEnv: { BERTH_RECONCILE_INTERVAL_MS: "500" } });

const BATCH: Framework = {
  id: "fw-batch-1",
  name: "batch",
  team: "batch",
  role: "batch",
  failoverTimeoutSeconds: 60,
  state: "active",
  registeredAtMs: Date.parse("2026-12-01T00:00:00Z"),
  updatedAtMs: Date.parse("2026-12-01T00:00:00Z"),
};
const FOREIGN_TASK = "batch-job-1";

/** One task launched as another framework's scheduler launches it: placed, recorded as its own, sent to its agent. */
async function launchForFramework(taskId: string, appId: string): Promise<{ agentId: string }> {
  const parsed = parseApp(sleeper(appId), { version: new Date().toISOString() });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.details));
  const app = parsed.app;
  const reply = await request(f.bus.nc, channels.placement, undefined, { tasks: [{ ...taskNeed(app, taskId), frameworkId: BATCH.id }] });
  const placed = reply.placements[0];
  if (!placed) throw new Error(`not placed: ${JSON.stringify(reply.unplaced)}`);
  await f.bus.tasks.create(
    taskId,
    stagedTask({
      taskId,
      appId,
      agentId: placed.agentId,
      hostname: placed.hostname,
      ports: placed.ports,
      version: app.version,
      configVersion: app.version,
      killGracePeriodSeconds: 0,
      nowMs: Date.now(),
      frameworkId: BATCH.id,
    }),
  );
  const spec = taskSpec(app, taskId, placed.ports);
  await publishCommand(
    f.bus.js,
    { kind: "launch", command: { task: sealTask(spec, undefined), agentId: placed.agentId, issuedAtMs: Date.now() } },
    `launch-${taskId}`,
  );
  return { agentId: placed.agentId };
}

const recordOf = async (taskId: string) => (await f.bus.tasks.get(taskId))?.value;
const bookingOf = async (agentId: string, taskId: string) =>
  (await f.bus.ledger.get(agentId))?.value.reservations.find((r) => r.taskId === taskId);

interface FrameworkView {
  id: string;
  team: string | null;
  state: string;
  used: { cpus: number; mem: number; tasks: number };
  agents: { agentId: string; tasks: number }[];
}

describe("frameworks sharing the agents", () => {
  it("runs another framework's task next to an app, and Marathon's scheduler leaves it alone", async () => {
    await f.bus.frameworks.put(BATCH.id, BATCH);
    await f.api.call("POST", "/v2/apps", sleeper("/shop/web"));
    await f.api.waitRunning("/shop/web", 1);
    const { agentId } = await launchForFramework(FOREIGN_TASK, "/batch/nightly");
    await eventually(async () => (await recordOf(FOREIGN_TASK))?.state === "TASK_RUNNING", { what: "the framework's task running" });
    const containerId = (await recordOf(FOREIGN_TASK))?.containerId ?? "";
    // Six of the dispatcher's rounds over every task: before frameworks, a task of no app was killed in the first.
    await new Promise((r) => setTimeout(r, 3_000));
    const record = await recordOf(FOREIGN_TASK);
    expect(record).toMatchObject({ state: "TASK_RUNNING", goal: "RUNNING", frameworkId: BATCH.id });
    expect((await dockerInspect<{ State: { Running: boolean } }>(containerId)).State.Running).toBe(true);
    const booking = await bookingOf(agentId, FOREIGN_TASK);
    expect(booking).toMatchObject({ frameworkId: BATCH.id, cpus: 0.05 });
  });

  it("leaves the framework's task out of Marathon's tasks, apps and events", async () => {
    const tasks = await f.api.call<{ tasks: { id: string; appId: string }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.map((t) => t.appId)).toEqual(["/shop/web"]);
    const apps = await f.api.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(apps.body.apps.map((a) => a.id)).toEqual(["/shop/web"]);
    const killed = await f.api.call<{ tasks: unknown[] }>("POST", "/v2/tasks/delete", { ids: [FOREIGN_TASK] });
    expect(killed.body.tasks).toEqual([]);
    const statusEvents = f.events.filter((e) => e.eventType === "status_update_event");
    expect(statusEvents.some((e) => e.appId === "/shop/web")).toBe(true);
    expect(statusEvents.some((e) => e.taskId === FOREIGN_TASK)).toBe(false);
    expect((await recordOf(FOREIGN_TASK))?.goal).toBe("RUNNING");
  });

  it("lists marathon and the registered framework with what each holds, in all and on each agent", async () => {
    const r = await f.api.call<{ frameworks: FrameworkView[] }>("GET", "/v2/frameworks");
    expect(r.status).toBe(200);
    const byId = new Map(r.body.frameworks.map((x) => [x.id, x]));
    expect(byId.get("marathon")).toMatchObject({ team: null, state: "active", used: { tasks: 1, cpus: 0.05 } });
    expect(byId.get(BATCH.id)).toMatchObject({ team: "batch", state: "active", used: { tasks: 1, cpus: 0.05 } });
    expect(byId.get(BATCH.id)?.agents).toEqual([expect.objectContaining({ agentId: f.cluster.agentId, tasks: 1 })]);
    const agents = await f.api.call<{ agents: { frameworks: Record<string, { tasks: number }> }[] }>("GET", "/v2/agents");
    expect(agents.body.agents[0]?.frameworks).toMatchObject({ marathon: { tasks: 1 }, [BATCH.id]: { tasks: 1 } });
  });

  it("shows a team its own frameworks and the shared one, never another team's", async () => {
    const token = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "shop ci", team: "shop" });
    const shop = f.api.as(token.body.token);
    const list = await shop.call<{ frameworks: FrameworkView[] }>("GET", "/v2/frameworks");
    expect(list.body.frameworks.map((x) => x.id)).toEqual(["marathon"]);
    expect((await shop.call("GET", `/v2/frameworks/${BATCH.id}`)).status).toBe(404);
    const batchToken = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "batch ci", team: "batch" });
    const batch = f.api.as(batchToken.body.token);
    const own = await batch.call<FrameworkView>("GET", `/v2/frameworks/${BATCH.id}`);
    expect(own.body).toMatchObject({ id: BATCH.id, used: { tasks: 1 } });
    // The shared framework, with only the team's own bookings: shop's app is not batch's to count.
    const marathon = await batch.call<FrameworkView>("GET", "/v2/frameworks/marathon");
    expect(marathon.body.used.tasks).toBe(0);
    const missing = await f.api.call<{ message: string }>("GET", "/v2/frameworks/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("Framework 'nope' does not exist");
  });

  it("counts the team's frameworks' tasks when its apps change through Marathon's API, and in its usage", async () => {
    // The batch framework's task holds 0.05 cpus of team batch.
    expect((await f.api.call("PUT", "/v2/teams/batch", { quota: { cpus: 0.08 } })).status).toBe(200);
    try {
      const team = await f.api.call<{ usage: { cpus: number; instances: number } }>("GET", "/v2/teams/batch");
      expect(team.body.usage).toMatchObject({ cpus: 0.05, instances: 1 });
      const over = await f.api.call<{ message: string }>("POST", "/v2/apps", sleeper("/batch/web"));
      expect(over.status).toBe(403);
      expect(over.body.message).toBe(
        "team quota for cpus exceeded: the quota is 0.08, 0.05 is in use, and this change needs 0.05 for /batch/web",
      );
      expect((await f.api.call("GET", "/v2/apps/batch/web")).status).toBe(404);
      expect((await f.api.call("PUT", "/v2/teams/batch", { quota: { cpus: 0.1 } })).status).toBe(200);
      expect((await f.api.call("POST", "/v2/apps?dryRun=true", sleeper("/batch/web"))).status).toBe(200);
    } finally {
      await f.api.call("DELETE", "/v2/teams/batch");
    }
  });

  it("lets the admin weigh a role, and shows each role's weight, holding and weighted share", async () => {
    interface RoleView {
      role: string;
      weight: number;
      frameworks: string[];
      used: { cpus: number };
      share: number;
    }
    const roles = async () => new Map((await f.api.call<{ roles: RoleView[] }>("GET", "/v2/roles")).body.roles.map((x) => [x.role, x]));
    const before = await roles();
    // Marathon's tasks count in their team's role: /shop/web's in shop/marathon.
    expect(before.get("shop/marathon")).toMatchObject({ weight: 1, frameworks: ["marathon"], used: { cpus: 0.05 } });
    expect(before.get("batch")).toMatchObject({ weight: 1, frameworks: [BATCH.id], used: { cpus: 0.05 } });
    // Holding the same, the two roles have the same share.
    expect(before.get("batch")?.share).toBeGreaterThan(0);
    expect(before.get("batch")?.share).toBe(before.get("shop/marathon")?.share);

    const set = await f.api.call("PUT", "/v2/roles/batch", { weight: 2 });
    expect(set).toMatchObject({ status: 200, body: { role: "batch", weight: 2 } });
    const after = await roles();
    // Weight 2 counts what the role holds as half: it is served before shop's apps now.
    expect(after.get("batch")?.share).toBeCloseTo((after.get("shop/marathon")?.share ?? 0) / 2, 3);
    const fw = await f.api.call<FrameworkView & { weight: number }>("GET", `/v2/frameworks/${BATCH.id}`);
    expect(fw.body.weight).toBe(2);
    // A role no framework holds yet can be weighed too, and is listed.
    expect((await f.api.call("PUT", "/v2/roles/analytics", { weight: 5 })).status).toBe(200);
    expect((await roles()).get("analytics")).toMatchObject({ weight: 5, frameworks: [], share: 0 });

    // Only the admin weighs roles; a bad weight says what to fix and changes nothing.
    const batchToken = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "batch weigher", team: "batch" });
    const team = await f.api.as(batchToken.body.token).call<{ message: string }>("PUT", "/v2/roles/batch", { weight: 100 });
    expect(team.status).toBe(403);
    expect((await f.api.as(batchToken.body.token).call("GET", "/v2/roles")).status).toBe(403);
    const bad = await f.api.call<{ message: string; details: { path: string; errors: string[] }[] }>("PUT", "/v2/roles/batch", {
      weight: 0,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toEqual([{ path: "/weight", errors: ["must be greater than 0"] }]);
    expect((await roles()).get("batch")?.weight).toBe(2);

    const reset = await f.api.call("DELETE", "/v2/roles/batch");
    expect(reset).toMatchObject({ status: 200, body: { role: "batch", weight: 1 } });
    expect((await roles()).get("batch")?.weight).toBe(1);
  });

  it("releases the framework's booking when its task ends", async () => {
    const record = await recordOf(FOREIGN_TASK);
    if (!record) throw new Error("no record");
    await publishCommand(
      f.bus.js,
      {
        kind: "kill",
        command: { taskId: FOREIGN_TASK, agentId: record.agentId, gracePeriodSeconds: 0, reason: "done", issuedAtMs: Date.now() },
      },
      `kill-${FOREIGN_TASK}`,
    );
    await eventually(async () => (await recordOf(FOREIGN_TASK))?.state === "TASK_KILLED", { what: "the framework's task killed" });
    await eventually(async () => (await bookingOf(record.agentId, FOREIGN_TASK)) === undefined, { what: "its booking released" });
    const r = await f.api.call<FrameworkView>("GET", `/v2/frameworks/${BATCH.id}`);
    expect(r.body.used.tasks).toBe(0);
    // Marathon's app ran on throughout.
    expect((await f.api.call<{ tasks: unknown[] }>("GET", "/v2/apps/shop/web/tasks")).body.tasks).toHaveLength(1);
  });
});
