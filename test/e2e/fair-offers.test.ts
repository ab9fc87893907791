// Two greedy frameworks competing for a full agent, over Mesos's scheduler API on real Docker: each
// is offered its weighted share of what is free in the same round, and gets it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";
import {
  acceptOffers,
  basic,
  cpusOf,
  frameworkIdOf,
  mesosCall,
  type MesosStream,
  offersIn,
  statusIn,
  subscribe,
  subscribeAs,
  taskInfo,
  updateOf,
  withCpus,
} from "../support/mesos.js";

const f = useCluster("e2e-fair-offers", { schedulerApi: true, extraEnv: { BERTH_SCHEDULER_OFFER_INTERVAL_MS: "300" } });
const TASK_CPUS = 0.2;
const streams: MesosStream[] = [];
let auth = "";

beforeAll(async () => {
  const token = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "greedy frameworks", team: "greedy" });
  auth = basic(token.body.token);
  // The admin weighs role "heavy" twice: it is owed twice the share of role "light".
  expect((await f.api.call("PUT", "/v2/roles/heavy", { weight: 2 })).status).toBe(200);
});

afterAll(() => streams.forEach((s) => s.close()));

async function subscribeWithRole(role: string): Promise<MesosStream> {
  const s = await subscribe(f.cluster.schedulerUrl, subscribeAs(`greedy-${role}`, { roles: [role] }), auth);
  streams.push(s);
  await s.next("SUBSCRIBED");
  return s;
}

/** Takes all of its latest offer: as many tasks of TASK_CPUS as the offer has cpus for. */
async function takeAll(s: MesosStream, offerCpus: number, offerId: { value: string }, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: Math.floor(offerCpus / TASK_CPUS + 1e-9) }, (_, i) => `${prefix}-${i}`);
  const tasks = ids.map((id) => taskInfo(id, f.cluster.agentId, withCpus(TASK_CPUS)));
  await acceptOffers(f.cluster.schedulerUrl, auth, s, [offerId], tasks);
  return ids;
}

describe("fair offers", () => {
  it("splits a free agent between two greedy frameworks by their roles' weights in one round, and each gets its part", async () => {
    const light = await subscribeWithRole("light");
    await light.next("OFFERS");
    const heavy = await subscribeWithRole("heavy");
    // Once both want the agent, the light one's whole-agent offer is taken back and the agent split 1 : 2.
    const heavyOffer = offersIn(await heavy.next("OFFERS"))[0]!;
    const rescind = await light.next("RESCIND");
    const rescinded = light.events.indexOf(rescind);
    const lightOffer = offersIn(await light.next("OFFERS", rescinded))[0]!;
    const [l, h] = [cpusOf(lightOffer), cpusOf(heavyOffer)];
    expect(h / l).toBeCloseTo(2, 1);

    // Both take all they were offered, at once: neither's launches are lost to the other.
    const [lightIds, heavyIds] = await Promise.all([takeAll(light, l, lightOffer.id, "l"), takeAll(heavy, h, heavyOffer.id, "h")]);
    expect(heavyIds.length).toBeGreaterThanOrEqual(2 * lightIds.length - 1);
    expect(lightIds.length).toBeGreaterThan(0);
    for (const id of lightIds) await light.next("UPDATE", 0, updateOf(id, "TASK_RUNNING"));
    for (const id of heavyIds) await heavy.next("UPDATE", 0, updateOf(id, "TASK_RUNNING"));
    expect(
      [...light.events, ...heavy.events].filter(
        (e) => e.type === "UPDATE" && !["TASK_STARTING", "TASK_RUNNING"].includes(statusIn(e).state),
      ),
    ).toEqual([]);

    // What each holds, as the cluster tells it.
    const held = async (s: MesosStream) =>
      (await f.api.call<{ used: { tasks: number } }>("GET", `/v2/frameworks/${frameworkIdOf(s)}`)).body.used.tasks;
    await eventually(async () => (await held(light)) === lightIds.length && (await held(heavy)) === heavyIds.length, {
      what: "each framework holding what it launched",
    });

    // Work frees up: light's tasks end. Light now holds nothing and heavy (weight 2) about a third of the agent,
    // so light is offered nearly all that was freed, not half of it.
    const freed = lightIds.length * TASK_CPUS;
    for (const id of lightIds) {
      const r = await mesosCall(
        f.cluster.schedulerUrl,
        { type: "KILL", framework_id: { value: frameworkIdOf(light) }, kill: { task_id: { value: id } } },
        { streamId: light.streamId, authorization: auth },
      );
      expect(r.status).toBe(202);
    }
    await eventually(async () => (await held(light)) === 0, { what: "light's tasks ended" });
    const latestOffer = (s: MesosStream) => {
      const offers = s.events.filter((e) => e.type === "OFFERS");
      return offers.length > 0 ? cpusOf(offersIn(offers[offers.length - 1]!)[0]!) : 0;
    };
    await eventually(() => latestOffer(light) >= 0.85 * freed, { what: "light offered nearly all that was freed" });
  });
});
