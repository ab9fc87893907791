// Job runs and Marathon's apps competing for a full agent on real Docker: freed room goes to the side holding
// the smaller share, whichever asked first.
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiFramework, ApiJobRun } from "@berth/contract";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { fillAgent, HALF, wantMore } from "../support/full-agent.js";

const f = useCluster("e2e-jobs-fair", { jobScheduler: true });
let jobs: Api;

beforeAll(async () => {
  jobs = new Api(f.cluster.jobsUrl, f.cluster.adminToken);
  const job = { id: "batch.crunch", run: { cmd: "sleep 600", cpus: 0.5, mem: 32, docker: { image: DEMO_IMAGE } } };
  expect((await jobs.call("POST", "/v1/jobs", job)).status).toBe(201);
});

const run = async (id: string) => (await jobs.call<ApiJobRun>("GET", `/v1/jobs/batch.crunch/runs/${id}`)).body;
const start = async () => (await jobs.call<ApiJobRun>("POST", "/v1/jobs/batch.crunch/runs")).body.id;
const waitsForRoom = async (id: string) => {
  const queue = await jobs.call<{ jobId: string; runs: { runId: string; reason?: string }[] }[]>("GET", "/v1/queue");
  return /insufficient cpus/.test(queue.body.find((q) => q.jobId === "batch.crunch")?.runs.find((r) => r.runId === id)?.reason ?? "");
};

/** Team batch's job framework wants room (its run found none): from then on freed room is weighed for it. */
const wantsOffers = async () => {
  const all = (await f.api.call<{ frameworks: ApiFramework[] }>("GET", "/v2/frameworks")).body.frameworks;
  return all.some((fw) => fw.team === "batch" && fw.name === "metronome" && !fw.suppressed);
};

describe("job runs and apps competing for room", () => {
  it("gives freed room to a team's job run holding nothing before a team's apps holding most of the agent", async () => {
    // Team svc's apps hold 3 of the agent's 4 cpus, a filler of another team the 4th; svc wants 2 more.
    await fillAgent(f.api, { "/svc/web": 6, "/fill/x": 2 });
    await wantMore(f.api, "/svc/web", 8, 2);
    const first = await start();
    await eventually(() => waitsForRoom(first), { what: "the job run waiting for room" });
    await eventually(wantsOffers, { what: "team batch's job framework wanting room" });

    // One filler goes: half a cpu frees. Team batch (holding nothing) is owed it before svc (holding 3 of 4 cpus).
    expect(await f.api.scale("/fill/x", 1)).toBe(200);
    await eventually(async () => (await run(first)).status === "ACTIVE", { what: "the job run running", timeoutMs: 20_000 });
    expect((await f.api.running("/svc/web")).length).toBe(6);
    expect(await f.api.waiting("/svc/web")).toBe(2);
  });

  it("lets a team's app holding nothing go before a job run whose team holds more, though the run asked first", async () => {
    // The agent is full again (svc 3, fill 0.5, batch's run 0.5); a second run of batch's job waits, then team tiny's app.
    const second = await start();
    await eventually(() => waitsForRoom(second), { what: "the second run waiting for room" });
    await eventually(wantsOffers, { what: "team batch's job framework wanting room" });
    expect((await f.api.call("POST", "/v2/apps", sleeper("/tiny/web", 1, HALF))).status).toBe(201);
    await eventually(async () => (await f.api.waiting("/tiny/web")) === 1, { what: "tiny's launch waiting" });

    // The last filler goes: tiny (holding nothing) is served before batch (holding 0.5), and before svc.
    expect(await f.api.scale("/fill/x", 0)).toBe(200);
    await eventually(async () => (await f.api.running("/tiny/web")).length === 1, { what: "tiny's task running", timeoutMs: 20_000 });
    expect((await run(second)).status).not.toBe("ACTIVE");
    expect((await f.api.running("/svc/web")).length).toBe(6);
  });
});
