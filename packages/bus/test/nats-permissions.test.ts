import { createConnection } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Bus,
  codecs,
  commandStreamOf,
  CONSUMERS,
  ensureAgentConsumer,
  inboxPrefixOf,
  natsAuthConfig,
  type NatsPrincipal,
  natsUserOf,
  openBus,
  STREAMS,
  subjects,
} from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

const log = { info() {}, warn() {}, error() {} };
const principals: NatsPrincipal[] = [
  { kind: "operator" },
  { kind: "service", service: "api" },
  { kind: "agent", agentId: "agent-a" },
  { kind: "agent", agentId: "agent-b" },
];
const password = (p: NatsPrincipal) => `pw-${natsUserOf(p)}`;
let nats: NatsServer;
let operator: Bus;
const open: NatsConnection[] = [];

/** Connects as one principal, collecting the permission errors the server sends back. */
async function as(p: NatsPrincipal): Promise<{ nc: NatsConnection; denied: string[] }> {
  const user = natsUserOf(p);
  const nc = await connect({ servers: nats.url, tls: nats.tls ?? null, user, pass: password(p), inboxPrefix: inboxPrefixOf(user) });
  open.push(nc);
  const denied: string[] = [];
  void (async () => {
    for await (const s of nc.status()) if (s.type === "error") denied.push(String((s as { error?: unknown }).error));
  })();
  return { nc, denied };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

async function statusSubjects(): Promise<string[]> {
  const jsm = await jetstreamManager(operator.nc);
  const { state } = await jsm.streams.info(STREAMS.status);
  const out: string[] = [];
  for (let seq = state.first_seq; seq > 0 && seq <= state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(STREAMS.status, { seq });
    if (m) out.push(m.subject);
  }
  return out;
}

const update = (agentId: string) =>
  codecs.statusUpdates.encode({
    updates: [
      {
        uuid: `u-${agentId}-${Math.random()}`,
        taskId: "t.1",
        agentId,
        state: "TASK_RUNNING",
        sequence: 1,
        timestampMs: Date.now(),
      } as never,
    ],
  });

beforeAll(async () => {
  nats = await startNatsServer({ config: natsAuthConfig(principals.map((p) => ({ principal: p, password: password(p) }))) });
  const op = principals[0]!;
  operator = await openBus({ servers: nats.url, tls: nats.tls, name: "operator", logger: log, user: natsUserOf(op), pass: password(op) });
  for (const id of ["agent-a", "agent-b"]) await ensureAgentConsumer(operator.nc, id);
});

afterAll(async () => {
  for (const nc of open) await nc.close();
  await operator?.close();
  await nats?.stop();
});

describe("NATS over TLS", () => {
  it("refuses a client that speaks plain text, so no password or message crosses the wire in clear", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const sock = createConnection({ host: "127.0.0.1", port: nats.port });
      let got = "";
      sock.on("data", (d) => {
        got += d.toString();
        if (got.startsWith("INFO") && got.includes("\r\n") && !got.includes("CONNECT-SENT")) {
          sock.write(`CONNECT {"user":"berth-operator","pass":"${password({ kind: "operator" })}"}\r\nPING\r\n`);
          got += "CONNECT-SENT";
        }
      });
      sock.on("close", () => resolve(got));
      sock.on("error", reject);
      setTimeout(() => sock.destroy(), 3_000);
    });
    expect(answer).toMatch(/"tls_required":true/);
    expect(answer).not.toContain("PONG");
  });

  it("lets a client refuse a server whose certificate its CA did not sign", async () => {
    const user = natsUserOf({ kind: "operator" });
    // The system's CAs, not the cluster's: the server cannot prove who it is, and the client sends nothing.
    await expect(
      connect({ servers: nats.url, tls: {}, user, pass: password({ kind: "operator" }), maxReconnectAttempts: 0 }),
    ).rejects.toThrow(/certificate/i);
  });
});

describe("NATS permissions", () => {
  it("refuses a connection without credentials, or with a wrong password", async () => {
    await expect(connect({ servers: nats.url, tls: nats.tls ?? null, maxReconnectAttempts: 0 })).rejects.toThrow(
      /Authorization Violation/i,
    );
    await expect(
      connect({ servers: nats.url, tls: nats.tls ?? null, user: "berth-agent-agent-a", pass: "guess", maxReconnectAttempts: 0 }),
    ).rejects.toThrow(/Authorization Violation/i);
  });

  it("lets an agent publish its own status but not another agent's", async () => {
    const { nc, denied } = await as({ kind: "agent", agentId: "agent-a" });
    const js = jetstream(nc);
    await js.publish(subjects.agentStatus("agent-a"), update("agent-a"));
    await expect(js.publish(subjects.agentStatus("agent-b"), update("agent-b"), { timeout: 1_000 })).rejects.toThrow();
    nc.publish(subjects.agentHeartbeat("agent-b"), new Uint8Array());
    nc.publish(subjects.agentRegister("agent-b"), new Uint8Array());
    // Nor what another agent's tasks use (another team's charts).
    nc.publish(subjects.agentUsage("agent-a"), new Uint8Array());
    nc.publish(subjects.agentUsage("agent-b"), new Uint8Array());
    await settle();
    expect(denied.join("\n")).toMatch(/Permissions Violation for Publish to "berth\.v1\.evt\.agent\.agent-b\.heartbeat"/);
    expect(denied.join("\n")).toMatch(/Permissions Violation for Publish to "berth\.v1\.evt\.agent\.agent-b\.usage"/);
    expect(denied.join("\n")).not.toMatch(/agent-a\.usage/);
    expect(denied.join("\n")).toMatch(/Permissions Violation for Publish to "berth\.v1\.rpc\.agent\.agent-b\.register"/);
    const stored = await statusSubjects();
    expect(stored).toContain(subjects.agentStatus("agent-a"));
    expect(stored).not.toContain(subjects.agentStatus("agent-b"));
  });

  it("lets an agent take its own commands but not another agent's", async () => {
    await operator.js.publish(subjects.agentCommand("agent-a", "launch"), new Uint8Array([1]));
    await operator.js.publish(subjects.agentCommand("agent-b", "launch"), new Uint8Array([2]));
    const { nc } = await as({ kind: "agent", agentId: "agent-a" });
    const js = jetstream(nc);
    const mine = await (await js.consumers.get(commandStreamOf("agent-a"), CONSUMERS.agent("agent-a"))).next({ expires: 2_000 });
    expect([...(mine?.data ?? [])]).toEqual([1]);
    mine?.ack();
    await expect(js.consumers.get(commandStreamOf("agent-b"), CONSUMERS.agent("agent-b"))).rejects.toThrow();
    const jsm = await jetstreamManager(operator.nc);
    expect((await jsm.consumers.info(commandStreamOf("agent-b"), CONSUMERS.agent("agent-b"))).num_pending).toBe(1);
  });

  it("lets an agent read its own ledger but not another agent's", async () => {
    for (const agentId of ["agent-a", "agent-b"]) {
      await operator.ledger.create(agentId, { agentId, reservations: [{ taskId: `t-${agentId}` } as never] });
    }
    const a = { kind: "agent", agentId: "agent-a" } as const;
    const agent = await openBus({
      servers: nats.url,
      tls: nats.tls,
      name: "agent-a",
      logger: log,
      createTopology: false,
      ready: (buckets) => buckets.ledger.get("agent-a"),
      user: natsUserOf(a),
      pass: password(a),
    });
    try {
      expect((await agent.ledger.get("agent-a"))?.value.reservations.map((r) => r.taskId)).toEqual(["t-agent-a"]);
      await expect(agent.ledger.get("agent-b")).rejects.toThrow();
    } finally {
      await agent.close();
    }
  });

  it("keeps an agent from listening to everything, or to other connections' replies", async () => {
    const { nc, denied } = await as({ kind: "agent", agentId: "agent-a" });
    for (const subject of [">", "_INBOX.>", `${inboxPrefixOf("berth-api")}.>`, subjects.agentLogs("agent-b"), "$KV.berth_apps.>"]) {
      nc.subscribe(subject);
    }
    await settle();
    expect(denied.filter((d) => /Permissions Violation for Subscription/.test(d))).toHaveLength(5);
  });

  it("keeps an agent from writing state or changing streams", async () => {
    const { nc, denied } = await as({ kind: "agent", agentId: "agent-a" });
    nc.publish("$KV.berth_apps.team.web", new Uint8Array([1]));
    nc.publish(subjects.agentCommand("agent-a", "launch"), new Uint8Array([1]));
    nc.publish("$JS.API.STREAM.DELETE.BERTH_STATUS", new Uint8Array());
    await settle();
    expect(denied.filter((d) => /Permissions Violation for Publish/.test(d))).toHaveLength(3);
    expect((await operator.apps.get("team/web")) === undefined).toBe(true);
  });

  it("keeps an agent from listing the keys of any bucket (secret names, token hashes, app ids)", async () => {
    const { nc, denied } = await as({ kind: "agent", agentId: "agent-a" });
    for (const bucket of ["berth_secrets", "berth_tokens", "berth_apps", "berth_tasks", "berth_ledger"]) {
      const info = nc.request(`$JS.API.STREAM.INFO.KV_${bucket}`, new TextEncoder().encode(JSON.stringify({ subjects_filter: ">" })), {
        timeout: 1_000,
      });
      await expect(info).rejects.toThrow();
    }
    await settle();
    expect(denied.filter((d) => /Permissions Violation for Publish to "\$JS\.API\.STREAM\.INFO/.test(d))).toHaveLength(5);
  });

  it("keeps a control-plane service from speaking for an agent", async () => {
    const { nc, denied } = await as({ kind: "service", service: "api" });
    nc.publish(subjects.agentHeartbeat("agent-a"), new Uint8Array());
    await expect(jetstream(nc).publish(subjects.agentStatus("agent-a"), update("agent-a"), { timeout: 1_000 })).rejects.toThrow();
    await settle();
    expect(denied.join("\n")).toMatch(/Permissions Violation for Publish to "berth\.v1\.evt\.agent\.agent-a\.heartbeat"/);
  });
});
