// The scheduler-api killed with SIGKILL while a framework's launches are under way: after it restarts
// and the framework subscribes again, every task it asked for is running or ended (a launch recorded
// but never sent is killed at the launch timeout), the framework is told each task's state, and no
// task was started twice or runs without its record.
import { describe, expect, it } from "vitest";
import { isTerminal, type TaskRecord } from "@berth/core";
import { containersWithLabel, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";
import { basic, frameworkIdOf, mesosCall, type MesosStream, statusIn, subscribe, subscribeAs, taskInfo } from "../support/mesos.js";

const f = useCluster("faults-scheduler-api", {
  schedulerApi: true,
  extraEnv: {
    BERTH_SCHEDULER_OFFER_INTERVAL_MS: "300",
    BERTH_SCHEDULER_HEARTBEAT_SECONDS: "1",
    BERTH_SCHEDULER_LAUNCH_TIMEOUT_MS: "3000",
  },
});

const TASKS = Array.from({ length: 12 }, (_, i) => `burst-${i}`);
const subscribeCall = (id?: string) => subscribeAs("burst", { failover_timeout: 600 }, id);

describe("the scheduler-api killed in the middle of a framework's launches", () => {
  it("leaves every task running or ended, told to its framework, and none started twice", async () => {
    const token = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "burst", team: "jobs" })).body.token;
    const auth = basic(token);
    const url = f.cluster.schedulerUrl;
    const first = await subscribe(url, subscribeCall(), auth);
    await first.next("SUBSCRIBED");
    const id = frameworkIdOf(first);
    const offer = (((await first.next("OFFERS")).offers as { offers: { id: unknown }[] }).offers ?? [])[0];
    const recordOf = async (taskId: string) => (await f.bus.tasks.get(`${id}.${taskId}`))?.value;
    const records = async () => (await Promise.all(TASKS.map(recordOf))).filter((r): r is TaskRecord => r !== undefined);

    // The launches go out one after another; the process dies once the first is recorded.
    void mesosCall(
      url,
      {
        type: "ACCEPT",
        framework_id: { value: id },
        accept: {
          offer_ids: [offer?.id],
          operations: [{ type: "LAUNCH", launch: { task_infos: TASKS.map((t) => taskInfo(t, f.cluster.agentId)) } }],
        },
      },
      { streamId: first.streamId, authorization: auth },
    ).catch(() => undefined);
    await eventually(async () => (await records()).length > 0, { what: "the first launch recorded", intervalMs: 5 });
    await f.cluster.restart("scheduler-api");
    const recordedAtKill = (await records()).length;
    first.close();

    // Back: the framework subscribes again with its id, and every task it asked for settles.
    const back: MesosStream = await eventually(
      async () => {
        const s = await subscribe(url, subscribeCall(id), auth).catch(() => undefined);
        return s?.status === 200 ? s : (s?.close(), undefined);
      },
      { what: "the scheduler-api back", timeoutMs: 30_000 },
    );
    try {
      await back.next("SUBSCRIBED");
      const settled = await eventually(
        async () => {
          const all = await Promise.all(TASKS.map(async (t) => [t, await recordOf(t)] as const));
          return all.every(([, r]) => !r || r.state === "TASK_RUNNING" || isTerminal(r.state)) && all;
        },
        { what: "every task running or ended", timeoutMs: 30_000 },
      );
      const running = settled.filter(([, r]) => r?.state === "TASK_RUNNING").map(([t]) => t);
      console.log(JSON.stringify({ recordedAtKill, recorded: settled.filter(([, r]) => r).length, running: running.length }));

      // Reconciliation tells the framework each task's state as its record has it; a task never recorded is lost.
      const from = back.events.length;
      const r = await mesosCall(
        url,
        { type: "RECONCILE", framework_id: { value: id }, reconcile: { tasks: TASKS.map((t) => ({ task_id: { value: t } })) } },
        { streamId: back.streamId, authorization: auth },
      );
      expect(r.status).toBe(202);
      await eventually(() => back.events.slice(from).filter((e) => e.type === "UPDATE").length >= TASKS.length, {
        what: "an answer for every task",
      });
      const told = new Map(
        back.events
          .slice(from)
          .filter((e) => e.type === "UPDATE" && statusIn(e).reason === "REASON_RECONCILIATION")
          .map((e) => [statusIn(e).task_id.value, statusIn(e).state]),
      );
      for (const [t, rec] of settled) expect(told.get(t), t).toBe(rec?.state ?? "TASK_LOST");

      // Docker agrees: a container for each running task, and no task started twice.
      const appId = settled.find(([, rec]) => rec)?.[1]?.appId ?? "/jobs/burst";
      expect((await containersWithLabel(`berth.app=${appId}`, false)).length).toBe(running.length);
      expect((await containersWithLabel(`berth.app=${appId}`, true)).length).toBeLessThanOrEqual(settled.filter(([, rec]) => rec).length);
    } finally {
      back.close();
    }
  });
});
