import { type Bus, codecs, openBus, STREAMS, subjects } from "@berth/bus";
import { containersWithLabel, dockerInspect, eventually, type NatsTls } from "@berth/testkit";
import { jetstreamManager } from "@nats-io/jetstream";
import { expect } from "vitest";
import type { Api } from "./api.js";

/** Where the tests reach NATS: its URL(s), and its CA when it requires TLS. */
export interface NatsEndpoint {
  url: string;
  tls: NatsTls;
}

/**
 * A bus for the test itself; with credentials when the server requires a user. It opens what the
 * cluster's services made and makes nothing: a test watching an earlier build must not remove its
 * streams as a later build's services do.
 */
export async function testBus(nats: NatsEndpoint, credentials?: { user: string; pass: string }): Promise<Bus> {
  return openBus({
    servers: nats.url,
    name: "test",
    createTopology: false,
    logger: { info() {}, warn() {}, error() {} },
    ...credentials,
    ...(nats.tls ? { tls: nats.tls } : {}),
  });
}

/**
 * The highest sequence each task reached in BERTH_STATUS: what the agents had
 * stored. Read message by message (direct gets), which keeps working while a
 * NATS cluster elects a new leader.
 */
async function storedSequences(bus: Bus, agentId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const jsm = await jetstreamManager(bus.nc);
  const retry = <T>(f: () => Promise<T>) => eventually(f, { what: "the JetStream API", timeoutMs: 60_000, intervalMs: 500 });
  const { state } = await retry(() => jsm.streams.info(STREAMS.status));
  const subject = subjects.agentStatus(agentId);
  for (let seq = state.first_seq; seq > 0 && seq <= state.last_seq; seq++) {
    const m = await retry(() =>
      jsm.streams
        .getMessage(STREAMS.status, { seq })
        .catch((err: unknown) => (/no message found/i.test(String(err)) ? null : Promise.reject(err))),
    );
    if (!m || m.subject !== subject) continue;
    for (const u of codecs.statusUpdates.decode(m.data).updates) out.set(u.taskId, Math.max(out.get(u.taskId) ?? 0, u.sequence));
  }
  return out;
}

/**
 * The end of every fault scenario: the running containers are exactly the
 * desired ones, the API's tasks match Docker, no deployment is left, and every
 * update an agent stored was applied.
 */
export async function expectConverged(
  api: Api,
  bus: Bus,
  agentId: string,
  apps: { id: string; instances: number }[],
  timeoutMs = 60_000,
): Promise<void> {
  await eventually(
    async () => {
      for (const app of apps) {
        const tasks = await api.tasks(app.id);
        if (tasks.length !== app.instances || tasks.some((t) => t.state !== "TASK_RUNNING")) return false;
        const running = await containersWithLabel(`berth.app=${app.id}`, false);
        if (running.length !== app.instances) return false;
      }
      const deployments = (await api.call<unknown[]>("GET", "/v2/deployments")).body;
      return deployments.length === 0;
    },
    { what: `convergence to ${JSON.stringify(apps)}`, timeoutMs },
  );
  for (const app of apps) {
    const tasks = await api.tasks(app.id);
    const containers = await containersWithLabel(`berth.app=${app.id}`, false);
    const labels = await Promise.all(
      containers.map(async (id) => (await dockerInspect<{ Config: { Labels: Record<string, string> } }>(id)).Config.Labels["berth.task"]),
    );
    expect(labels.sort()).toEqual(tasks.map((t) => t.id).sort());
  }
  const stored = await storedSequences(bus, agentId);
  for (const [taskId, seq] of stored) {
    const rec = await bus.tasks.get(taskId);
    if (rec) expect(rec.value.lastSequence, `task ${taskId} applied every stored update`).toBe(seq);
  }
}
