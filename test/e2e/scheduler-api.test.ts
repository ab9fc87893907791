// Mesos's scheduler HTTP API as a framework meets it, over raw HTTP: who may subscribe, the event
// stream, offers, launches good and bad, reconciliation, a second subscriber taking over, and a
// framework that stays away past its failover timeout losing its tasks.
import { beforeAll, describe, expect, it } from "vitest";
import { stagedTask } from "@berth/core";
import { agentPorts, DEMO_IMAGE, docker, dockerInspect, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";
import { taskWatches } from "../support/task-watches.js";
import {
  acceptOffers,
  basic,
  cpusOf,
  frameworkIdOf,
  type MesosEvent,
  mesosCall,
  type MesosStream,
  type Offer,
  offersIn,
  portsOf,
  type Status,
  statusIn,
  subscribe,
  subscribeAs,
  taskInfo,
  updateOf,
  withCpus,
} from "../support/mesos.js";

const f = useCluster("e2e-scheduler-api", {
  schedulerApi: true,
  // A launch that never reaches its agent is killed after 5 s here (5 min by default).
  // An update not acknowledged is told again after 1 s, then 2 s, 4 s... (10 s at first by default).
  extraEnv: {
    BERTH_SCHEDULER_OFFER_INTERVAL_MS: "300",
    BERTH_SCHEDULER_HEARTBEAT_SECONDS: "1",
    BERTH_SCHEDULER_LAUNCH_TIMEOUT_MS: "5000",
    BERTH_SCHEDULER_UPDATE_RETRY_MS: "1000",
  },
});
let auth = "";
let batchToken = "";
const url = () => f.cluster.schedulerUrl;

beforeAll(async () => {
  const token = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "batch framework", team: "batch" });
  batchToken = token.body.token;
  auth = basic(batchToken);
});

const subscribeCall = (more: Record<string, unknown> = {}, id?: string) => subscribeAs("reports", more, id);

const accept = (s: MesosStream, offerIds: { value: string }[], tasks: unknown[]) => acceptOffers(url(), auth, s, offerIds, tasks);

/**
 * ACCEPTs the tasks `tasksFor` makes of the stream's latest offer, and answers that offer and the first update
 * of `taskId`. An offer taken back before the ACCEPT reached it (a new round of offers, made as resources were
 * freed) is told with REASON_INVALID_OFFERS: the launch is then tried on the next offer, as a framework would.
 */
async function acceptLatest(
  s: MesosStream,
  taskId: string,
  tasksFor: (offer: Offer) => unknown[],
): Promise<{ offer: Offer; update: Status }> {
  const told: Status[] = [];
  while (told.length < 5) {
    const offer = offersIn(await s.next("OFFERS", s.events.length - 1))[0]!;
    const sent = s.events.length;
    await accept(s, [offer.id], tasksFor(offer));
    const update = statusIn(await s.next("UPDATE", sent, (e) => statusIn(e).task_id.value === taskId));
    if (update.reason !== "REASON_INVALID_OFFERS") return { offer, update };
    told.push(update);
  }
  throw new Error(`every offer was taken back before ${taskId}'s launch reached it: ${JSON.stringify(told)}`);
}

/** LAUNCHes these tasks from the stream's latest offer. */
async function launch(s: MesosStream, tasks: unknown[]): Promise<void> {
  const offer = offersIn(await s.next("OFFERS", s.events.length - 1))[0];
  if (!offer) throw new Error("no offer");
  await accept(s, [offer.id], tasks);
}

describe("Mesos's scheduler API", () => {
  it("refuses what it cannot take, saying what to fix", async () => {
    const none = await mesosCall(url(), subscribeCall());
    expect([none.status, none.text]).toEqual([401, expect.stringContaining("Authentication required")]);
    const admin = await mesosCall(url(), subscribeCall(), { authorization: `Bearer ${f.cluster.adminToken}` });
    expect(admin.status).toBe(401); // the bootstrap admin token is the api's, and no framework's
    const proto = await mesosCall(url(), subscribeCall(), { authorization: auth, contentType: "application/x-protobuf" });
    expect([proto.status, proto.text]).toEqual([415, expect.stringContaining("application/json")]);
    const bad = await mesosCall(url(), undefined, { authorization: auth, body: "{nope" });
    expect([bad.status, bad.text]).toEqual([400, expect.stringContaining("Failed to parse body into Call")]);
    const nameless = await mesosCall(
      url(),
      { type: "SUBSCRIBE", subscribe: { framework_info: { user: "root" } } },
      { authorization: auth },
    );
    expect([nameless.status, nameless.text]).toEqual([400, expect.stringContaining("framework_info.name")]);
    const elsewhere = await mesosCall(url(), subscribeCall(), { authorization: auth, path: "/master/state" });
    expect(elsewhere.status).toBe(404);
    const unknown = await mesosCall(url(), subscribeCall({}, "no-such-framework"), { authorization: auth });
    expect([unknown.status, unknown.text]).toEqual([403, expect.stringContaining("is not known")]);
  });

  it("subscribes a framework with a stream of SUBSCRIBED, OFFERS of the agent's free resources and HEARTBEATs", async () => {
    const s = await subscribe(url(), subscribeCall(), auth);
    try {
      expect(s.status).toBe(200);
      expect(s.streamId).toMatch(/^[0-9a-f-]{36}$/);
      const subscribed = await s.next("SUBSCRIBED");
      expect(subscribed.subscribed).toMatchObject({
        framework_id: { value: expect.stringMatching(/-0000$/) },
        heartbeat_interval_seconds: 1,
      });
      const offer = offersIn(await s.next("OFFERS"))[0];
      expect(offer?.agent_id.value).toBe(f.cluster.agentId);
      const byName = new Map(offer?.resources.map((r) => [r.name, r]));
      expect(byName.get("cpus")?.scalar?.value).toBe(4);
      expect(byName.get("mem")?.scalar?.value).toBe(4096);
      expect(byName.get("ports")?.ranges?.range).toEqual([agentPorts()]);
      await s.next("HEARTBEAT");
      // Calls need the stream they belong to.
      const id = frameworkIdOf(s);
      const noStream = await mesosCall(url(), { type: "REVIVE", framework_id: { value: id } }, { authorization: auth });
      expect([noStream.status, noStream.text]).toEqual([400, expect.stringContaining("Mesos-Stream-Id")]);
      const otherStream = await mesosCall(url(), { type: "REVIVE", framework_id: { value: id } }, { authorization: auth, streamId: "x" });
      expect(otherStream.status).toBe(400);
      const listed = await f.api.call<{ frameworks: { id: string; name: string; team: string; state: string }[] }>("GET", "/v2/frameworks");
      expect(listed.body.frameworks).toContainEqual(expect.objectContaining({ id, name: "reports", team: "batch", state: "active" }));
    } finally {
      s.close();
    }
  });

  it("launches a task from an offer, tells its updates, reports a bad TaskInfo as TASK_ERROR, and reconciles", async () => {
    const s = await subscribe(url(), subscribeCall({ failover_timeout: 600 }), auth);
    try {
      const id = frameworkIdOf(s) || ((await s.next("SUBSCRIBED")) && frameworkIdOf(s));
      const agent = f.cluster.agentId;
      const offer = offersIn(await s.next("OFFERS", s.events.length - 1))[0]!;
      const sent = s.events.length;
      await accept(
        s,
        [offer.id],
        [
          taskInfo("report-1", agent),
          taskInfo("bridged", agent, { container: { type: "DOCKER", docker: { image: DEMO_IMAGE, network: "BRIDGE" } } }),
          taskInfo("bad id!", agent),
        ],
      );
      const running = statusIn(await s.next("UPDATE", 0, updateOf("report-1", "TASK_RUNNING")));
      // No offer made while the ACCEPT was carried out says the launched task's 0.05 cpus are still free.
      const since = s.events.slice(sent).flatMap((e) => (e.type === "OFFERS" ? offersIn(e) : []));
      expect(since.map(cpusOf).filter((cpus) => cpus > cpusOf(offer) - 0.05 + 1e-9)).toEqual([]);
      expect((await dockerInspect<{ State: { Running: boolean } }>(running.container_status?.container_id.value ?? "")).State.Running).toBe(
        true,
      );
      expect(statusIn(await s.next("UPDATE", 0, updateOf("bridged", "TASK_ERROR"))).message).toBe(
        "docker network BRIDGE is not offered: use HOST or NONE",
      );
      expect(statusIn(await s.next("UPDATE", 0, updateOf("bad id!", "TASK_ERROR"))).message).toMatch(/task_id 'bad id!' must be/);
      // Explicit reconciliation: the running task as it is, an unknown one lost.
      const before = s.events.length;
      const r = await mesosCall(
        url(),
        {
          type: "RECONCILE",
          framework_id: { value: id },
          reconcile: { tasks: [{ task_id: { value: "report-1" } }, { task_id: { value: "ghost" } }] },
        },
        { streamId: s.streamId, authorization: auth },
      );
      expect(r.status).toBe(202);
      const reconciled = statusIn(await s.next("UPDATE", before, (e) => statusIn(e).task_id.value === "report-1"));
      expect(reconciled).toMatchObject({ state: "TASK_RUNNING", reason: "REASON_RECONCILIATION" });
      expect(statusIn(await s.next("UPDATE", before, updateOf("ghost", "TASK_LOST"))).reason).toBe("REASON_RECONCILIATION");
      // Marathon's views leave it out; the framework's list has it.
      expect((await f.api.call<{ tasks: unknown[] }>("GET", "/v2/tasks")).body.tasks).toEqual([]);
      const fw = await f.api.call<{ used: { tasks: number } }>("GET", `/v2/frameworks/${id}`);
      expect(fw.body.used.tasks).toBe(1);
    } finally {
      s.close();
    }
  });

  it("lets a second subscriber with the framework's id take over, and a framework come back after a lost connection: its tasks live on", async () => {
    const first = await subscribe(url(), subscribeCall({ failover_timeout: 600 }), auth);
    await first.next("SUBSCRIBED");
    const id = frameworkIdOf(first);
    await launch(first, [taskInfo("keeper", f.cluster.agentId)]);
    await first.next("UPDATE", 0, updateOf("keeper", "TASK_RUNNING"));
    const second = await subscribe(url(), subscribeCall({ failover_timeout: 600 }, id), auth);
    try {
      expect(second.status).toBe(200);
      expect(frameworkIdOf(second) || ((await second.next("SUBSCRIBED")) && frameworkIdOf(second))).toBe(id);
      expect((await first.next("ERROR")).error).toEqual({ message: "Framework failed over" });
      await eventually(() => first.ended(), { what: "the first stream closed" });
      // Implicit reconciliation on the new stream: the task runs on.
      const r = await mesosCall(
        url(),
        { type: "RECONCILE", framework_id: { value: id }, reconcile: { tasks: [] } },
        { streamId: second.streamId, authorization: auth },
      );
      expect(r.status).toBe(202);
      expect(statusIn(await second.next("UPDATE", 0, (e) => statusIn(e).task_id.value === "keeper")).state).toBe("TASK_RUNNING");
      // The connection lost, then made again within the failover timeout: the task is still the framework's.
      second.close();
      await eventually(async () => (await f.api.call<{ state: string }>("GET", `/v2/frameworks/${id}`)).body.state === "inactive", {
        what: "the framework inactive",
      });
      const third = await subscribe(url(), subscribeCall({ failover_timeout: 600 }, id), auth);
      try {
        await third.next("SUBSCRIBED");
        await mesosCall(
          url(),
          { type: "RECONCILE", framework_id: { value: id }, reconcile: { tasks: [] } },
          { streamId: third.streamId, authorization: auth },
        );
        expect(statusIn(await third.next("UPDATE", 0, (e) => statusIn(e).task_id.value === "keeper")).state).toBe("TASK_RUNNING");
      } finally {
        third.close();
      }
    } finally {
      second.close();
      first.close();
    }
  });

  it("tells an update again until it is acknowledged, and a framework back from a lost connection what it missed", async () => {
    const s = await subscribe(url(), subscribeCall({ failover_timeout: 600 }), auth);
    await s.next("SUBSCRIBED");
    const id = frameworkIdOf(s);
    const running = (e: MesosEvent) => updateOf("told-again", "TASK_RUNNING")(e);
    let containerId = "";
    try {
      await launch(s, [taskInfo("told-again", f.cluster.agentId)]);
      const first = statusIn(await s.next("UPDATE", 0, running));
      containerId = first.container_status?.container_id.value ?? "";
      // Not acknowledged: the same update (the same uuid) comes again.
      const at = s.events.findIndex((e) => e.type === "UPDATE" && running(e));
      const again = statusIn(await s.next("UPDATE", at + 1, running));
      expect(again.uuid).toBe(first.uuid);
      const ack = await mesosCall(
        url(),
        {
          type: "ACKNOWLEDGE",
          framework_id: { value: id },
          acknowledge: { agent_id: { value: f.cluster.agentId }, task_id: { value: "told-again" }, uuid: first.uuid },
        },
        { streamId: s.streamId, authorization: auth },
      );
      expect(ack.status).toBe(202);
      const told = s.events.filter(running).length;
      // Acknowledged: past the next two retry times, it is not told again.
      await new Promise((r) => setTimeout(r, 3_500));
      expect(s.events.filter(running)).toHaveLength(told);
    } finally {
      s.close();
    }
    // Away (its stream closed), the task ends; subscribing again, the framework is told at once.
    await eventually(async () => (await f.api.call<{ state: string }>("GET", `/v2/frameworks/${id}`)).body.state === "inactive", {
      what: "the framework inactive",
    });
    await docker("kill", containerId);
    const back = await subscribe(url(), subscribeCall({ failover_timeout: 600 }, id), auth);
    try {
      const ended = statusIn(
        await back.next("UPDATE", 0, (e) => statusIn(e).task_id.value === "told-again" && statusIn(e).state === "TASK_FAILED"),
      );
      expect(ended.message).toMatch(/exited with code 137/);
    } finally {
      back.close();
    }
  });

  it("splits the agent between two frameworks, takes the other's part back when one launches, and holds each to its part", async () => {
    const first = await subscribe(url(), subscribeCall(), auth);
    await first.next("OFFERS");
    // The second declares PARTITION_AWARE (Mesos 1.1's states); the first does not, and hears TASK_LOST for them.
    const second = await subscribe(url(), subscribeCall({ name: "second", capabilities: [{ type: "PARTITION_AWARE" }] }), auth);
    try {
      // The first was offered the whole agent; with a second framework of its role wanting it, it is split in two.
      const mine = offersIn(await second.next("OFFERS"))[0]!;
      const firstHalf = await first.next("OFFERS", 0, (e) => offersIn(e).some((o) => cpusOf(o) === cpusOf(mine)));
      const half = offersIn(firstHalf)[0]!;
      expect(first.events.some((e) => e.type === "RESCIND")).toBe(true);
      const [a, b] = [portsOf(half), portsOf(mine)];
      expect(a.length > 0 && b.length > 0 && a.every((x) => b.every((y) => x.end < y.begin || y.end < x.begin))).toBe(true);
      // A launch beyond its part is refused, as a Mesos master refuses one beyond its offers.
      const greedy = await acceptLatest(first, "greedy", (o) => [taskInfo("greedy", f.cluster.agentId, withCpus(cpusOf(o) + 0.05))]);
      const theirs = greedy.offer;
      expect([greedy.update.state, greedy.update.message]).toEqual([
        "TASK_ERROR",
        expect.stringMatching(/^Task uses more resources \(cpus [\d.]+, mem 32, disk 0\) than its offers have left/),
      ]);
      // Within it, it runs; the second's part no longer says what is free, so it is taken back.
      const seen = second.events.length;
      const big = await acceptLatest(first, "big", () => [taskInfo("big", f.cluster.agentId, withCpus(cpusOf(theirs) - 0.05))]);
      expect(big.update.state).toMatch(/^TASK_(STARTING|RUNNING)$/);
      await first.next("UPDATE", 0, updateOf("big", "TASK_RUNNING"));
      await second.next("RESCIND", seen - 1, (e) => (e.rescind as { offer_id: { value: string } }).offer_id.value === mine.id.value);
      // A launch on an offer taken back is dropped: TASK_DROPPED to a partition-aware framework, TASK_LOST to another.
      await accept(second, [mine.id], [taskInfo("late", f.cluster.agentId)]);
      const dropped = statusIn(await second.next("UPDATE", 0, updateOf("late", "TASK_DROPPED")));
      expect(dropped.reason).toBe("REASON_INVALID_OFFERS");
      const capabilities = async (s: MesosStream) =>
        (await f.api.call<{ capabilities: string[] }>("GET", `/v2/frameworks/${frameworkIdOf(s)}`)).body.capabilities;
      expect([await capabilities(first), await capabilities(second)]).toEqual([[], ["PARTITION_AWARE"]]);
      await accept(first, [theirs.id], [taskInfo("again", f.cluster.agentId)]);
      const lost = statusIn(await first.next("UPDATE", 0, updateOf("again", "TASK_LOST")));
      expect(lost).toMatchObject({ reason: "REASON_INVALID_OFFERS", source: "SOURCE_MASTER" });
      // Each asks for an unknown task, and to kill one: the partition-aware one hears TASK_UNKNOWN, the other TASK_LOST.
      for (const [s, state] of [
        [second, "TASK_UNKNOWN"],
        [first, "TASK_LOST"],
      ] as const) {
        const at = s.events.length;
        const framework_id = { value: frameworkIdOf(s) };
        const on = { streamId: s.streamId, authorization: auth };
        await mesosCall(url(), { type: "RECONCILE", framework_id, reconcile: { tasks: [{ task_id: { value: "ghost" } }] } }, on);
        await mesosCall(url(), { type: "KILL", framework_id, kill: { task_id: { value: "phantom" } } }, on);
        for (const id of ["ghost", "phantom"]) {
          expect(statusIn(await s.next("UPDATE", at, updateOf(id, state))).reason).toBe("REASON_RECONCILIATION");
        }
      }
      const firstId = frameworkIdOf(first);
      await mesosCall(url(), { type: "TEARDOWN", framework_id: { value: firstId } }, { streamId: first.streamId, authorization: auth });
      const held = async () => (await f.api.call<{ used: { tasks: number } }>("GET", `/v2/frameworks/${firstId}`)).body.used.tasks;
      await eventually(async () => (await held()) === 0, { what: "the big task's booking released" });
    } finally {
      first.close();
      second.close();
    }
  });

  it("rescinds a framework's offer when Marathon books the agent under it", async () => {
    const s = await subscribe(url(), subscribeCall(), auth);
    try {
      await s.next("SUBSCRIBED");
      const offer = offersIn(await s.next("OFFERS"))[0];
      await f.api.call("POST", "/v2/apps", { id: "/shop/web", cmd: "sleep 3600", cpus: 0.1, mem: 16, instances: 1 });
      const rescind = await s.next("RESCIND", 0, (e) => (e.rescind as { offer_id: { value: string } }).offer_id.value === offer?.id.value);
      expect(rescind).toBeDefined();
      await f.api.call("DELETE", "/v2/apps/shop/web");
    } finally {
      s.close();
    }
  });

  it("counts a framework's tasks against its team's quota, and refuses a launch over it with the reason", async () => {
    // Live now: report-1 and keeper, 0.05 cpus each.
    expect((await f.api.call("PUT", "/v2/teams/batch", { quota: { cpus: 0.15 } })).status).toBe(200);
    const s = await subscribe(url(), subscribeCall(), auth);
    try {
      await s.next("SUBSCRIBED");
      await launch(s, [taskInfo("fits", f.cluster.agentId), taskInfo("over", f.cluster.agentId)]);
      await s.next("UPDATE", 0, updateOf("fits", "TASK_RUNNING"));
      expect(statusIn(await s.next("UPDATE", 0, updateOf("over", "TASK_ERROR"))).message).toMatch(
        /^team quota for cpus exceeded: the quota is 0.15, 0.15 is in use/,
      );
    } finally {
      s.close();
      await f.api.call("DELETE", "/v2/teams/batch");
    }
  });

  it("offers nothing to a framework at the limit its team set for it, and refuses a launch over it with the reason", async () => {
    // A framework of a name of its own ("capped"), so what the team's other frameworks hold does not count.
    const limitTo = async (cpus: number) =>
      expect((await f.api.call("PUT", "/v2/teams/batch", { frameworkQuotas: { capped: { cpus } } })).status).toBe(200);
    await limitTo(0);
    const s = await subscribe(url(), subscribeCall({ name: "capped" }), auth);
    try {
      await s.next("SUBSCRIBED");
      // Offers go out every 300 ms here: five rounds without one.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(s.events.filter((e) => e.type === "OFFERS")).toEqual([]);
      await limitTo(0.05);
      await launch(s, [taskInfo("within-limit", f.cluster.agentId), taskInfo("past-limit", f.cluster.agentId)]);
      await s.next("UPDATE", 0, updateOf("within-limit", "TASK_RUNNING"));
      expect(statusIn(await s.next("UPDATE", 0, updateOf("past-limit", "TASK_ERROR"))).message).toBe(
        "team 'batch' limits framework 'capped': cpus to 0.05, and 0.05 is in use",
      );
    } finally {
      s.close();
      await f.api.call("DELETE", "/v2/teams/batch");
    }
  });

  it("is torn down through Berth's API by its team: its stream is told and ended, its tasks killed", async () => {
    const s = await subscribe(url(), subscribeCall({ failover_timeout: 600 }), auth);
    await s.next("SUBSCRIBED");
    const id = frameworkIdOf(s);
    await launch(s, [taskInfo("doomed", f.cluster.agentId)]);
    await s.next("UPDATE", 0, updateOf("doomed", "TASK_RUNNING"));
    const other = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "shop", team: "shop" });
    expect((await f.api.as(other.body.token).call("DELETE", `/v2/frameworks/${id}`)).status).toBe(404);
    const marathon = await f.api.call<{ message: string }>("DELETE", "/v2/frameworks/marathon");
    expect([marathon.status, marathon.body.message]).toEqual([409, expect.stringContaining("cannot be torn down")]);
    const r = await f.api.as(batchToken).call<{ state: string }>("DELETE", `/v2/frameworks/${id}`);
    expect([r.status, r.body.state]).toEqual([202, "completed"]);
    expect((await s.next("ERROR")).error).toEqual({ message: "Framework has been removed" });
    await eventually(() => s.ended(), { what: "the stream ended" });
    await eventually(async () => (await f.bus.tasks.get(`${id}.doomed`))?.value.state === "TASK_KILLED", { what: "its task killed" });
  });

  it("kills a task whose launch never reached its agent once the launch timeout passes, and tells its framework", async () => {
    const s = await subscribe(url(), subscribeCall({ failover_timeout: 600 }), auth);
    try {
      await s.next("SUBSCRIBED");
      const id = frameworkIdOf(s);
      // As if the scheduler-api died between recording a launch and sending it: a record, and no command.
      const taskId = `${id}.stranded`;
      const record = stagedTask({
        taskId,
        appId: "/batch/reports",
        agentId: f.cluster.agentId,
        hostname: "127.0.0.1",
        ports: [],
        version: "v1",
        configVersion: "v1",
        killGracePeriodSeconds: 0,
        nowMs: Date.now(),
        frameworkId: id,
      });
      await f.bus.tasks.create(taskId, record);
      const killed = statusIn(await s.next("UPDATE", 0, updateOf("stranded", "TASK_KILLED")));
      expect(killed.message).toBe("task is not running on this agent");
    } finally {
      s.close();
    }
  });

  it("kills a framework's tasks once it stays away past its failover timeout, and refuses it after", async () => {
    const s = await subscribe(url(), subscribeCall({ failover_timeout: 1 }), auth);
    await s.next("SUBSCRIBED");
    const id = frameworkIdOf(s);
    await launch(s, [taskInfo("short-lived", f.cluster.agentId)]);
    const running = statusIn(await s.next("UPDATE", 0, updateOf("short-lived", "TASK_RUNNING")));
    s.close();
    const berthId = `${id}.short-lived`;
    await eventually(async () => (await f.bus.tasks.get(berthId))?.value.state === "TASK_KILLED", {
      what: "its task killed",
      timeoutMs: 30_000,
    });
    await eventually(
      async () =>
        (await dockerInspect<{ State: { Running: boolean } }>(running.container_status?.container_id.value ?? "")).State.Running === false,
      { what: "its container stopped" },
    );
    const fw = await f.api.call<{ state: string }>("GET", `/v2/frameworks/${id}`);
    expect(fw.body.state).toBe("completed");
    const again = await mesosCall(url(), subscribeCall({}, id), { authorization: auth });
    expect([again.status, again.text]).toEqual([403, `Framework '${id}' has been removed`]);
  });

  it("is sent frameworks' task records only: Marathon's go to the api, the dispatcher and the offer-handler", async () => {
    const s = await subscribe(url(), subscribeCall(), auth);
    try {
      await s.next("SUBSCRIBED");
      const mine = `${frameworkIdOf(s)}.>`;
      // Read from nats-server: which keys each watch of the task records is sent.
      const watches = await eventually(
        async () => {
          const all = await taskWatches(f.nats.monitorUrl);
          return all.some((w) => w.keys.includes(mine)) && all;
        },
        { what: "the scheduler-api following the new framework's tasks" },
      );
      expect(watches.filter((w) => w.keys.includes(">"))).toHaveLength(3);
      const frameworks = watches.filter((w) => !w.keys.includes(">"));
      expect(frameworks).toHaveLength(1);
      for (const key of frameworks[0]!.keys) expect(key).toMatch(/^[^.*>]+\.>$/);
      expect(frameworks[0]!.keys).not.toContain("marathon.>");
    } finally {
      s.close();
    }
  });
});
