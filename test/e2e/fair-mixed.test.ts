// Marathon's apps and a Mesos framework competing for a full agent on real Docker: when room frees, the
// side holding the smaller share is served first, whichever it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";
import { fillAgent, wantMore } from "../support/full-agent.js";
import {
  acceptOffers,
  basic,
  cpusOf,
  type MesosStream,
  offersIn,
  subscribe,
  subscribeAs,
  taskInfo,
  updateOf,
  withCpus,
} from "../support/mesos.js";

const f = useCluster("e2e-fair-mixed", { schedulerApi: true, extraEnv: { BERTH_SCHEDULER_OFFER_INTERVAL_MS: "300" } });
const streams: MesosStream[] = [];
let auth = "";

beforeAll(async () => {
  const token = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "batch framework", team: "batch" });
  auth = basic(token.body.token);
});

afterAll(() => streams.forEach((s) => s.close()));

describe("Marathon and a framework competing for room", () => {
  it("gives freed room to a framework holding nothing before a team's apps holding most of the agent, though they waited first", async () => {
    // Team svc's apps hold 3 of the agent's 4 cpus, a filler of another team the 4th; svc wants 2 more: they wait for room.
    await fillAgent(f.api, { "/svc/web": 6, "/fill/x": 2 });
    await wantMore(f.api, "/svc/web", 8, 2);

    // A framework of team batch subscribes: nothing is free, so it is offered nothing yet.
    const s = await subscribe(f.cluster.schedulerUrl, subscribeAs("batch-jobs"), auth);
    streams.push(s);
    await s.next("SUBSCRIBED");

    // The filler goes: 1 cpu frees. The framework (holding nothing) is owed it before svc (holding 3 of 4 cpus).
    expect(await f.api.scale("/fill/x", 0)).toBe(200);
    const offered = offersIn(await s.next("OFFERS", 0, (e) => offersIn(e).some((o) => cpusOf(o) >= 1)))[0]!;
    await acceptOffers(
      f.cluster.schedulerUrl,
      auth,
      s,
      [offered.id],
      [taskInfo("job-1", f.cluster.agentId, withCpus(0.5)), taskInfo("job-2", f.cluster.agentId, withCpus(0.5))],
    );
    await s.next("UPDATE", 0, updateOf("job-1", "TASK_RUNNING"));
    await s.next("UPDATE", 0, updateOf("job-2", "TASK_RUNNING"));
    // svc still has its 6, and its 2 still wait.
    expect((await f.api.running("/svc/web")).length).toBe(6);
    expect(await f.api.waiting("/svc/web")).toBe(2);
  });
});
