import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, codecs, type JetStreamClient, openBus, STREAMS, subjects } from "@berth/bus";
import { jetstreamManager } from "@nats-io/jetstream";
import { mountSmallDisk, type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { StatusCheckpoint } from "../src/status/checkpoint.js";
import { type StatusFields, StatusReporter } from "../src/status/status-reporter.js";

const log = pino({ level: "silent" });
let nats: NatsServer;
let bus: Bus;

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "it-status-reporter", logger: log });
});

afterAll(async () => {
  await bus?.close();
  await nats?.stop();
});

const fields = (taskId: string, state: string): StatusFields => ({
  taskId,
  appId: "/app",
  state,
  message: "",
  containerId: "",
  exitCode: 0,
  hasExitCode: false,
  reason: "",
});

/** Every message stored on one agent's status subject: the task and state of each update in it. */
async function storedMessages(agentId: string): Promise<string[][]> {
  const jsm = await jetstreamManager(bus.nc);
  const { state } = await jsm.streams.info(STREAMS.status);
  const out: string[][] = [];
  for (let seq = state.first_seq; seq > 0 && seq <= state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(STREAMS.status, { seq });
    if (m?.subject !== subjects.agentStatus(agentId)) continue;
    out.push(codecs.statusUpdates.decode(m.data).updates.map((u) => `${u.taskId} ${u.state}`));
  }
  return out;
}

describe("StatusReporter", () => {
  it("sends the updates of one turn as one message, and those made while it was in flight as the next", async () => {
    const agentId = "reporter-a";
    let publishes = 0;
    // The first publish is stored but its acknowledgement is lost, and an update is made meanwhile.
    const flaky = {
      publish: async (...args: Parameters<JetStreamClient["publish"]>) => {
        const ack = await bus.js.publish(...args);
        if (publishes++ === 0) {
          reporter.report(fields("t1", "TASK_RUNNING"));
          throw new Error("acknowledgement lost");
        }
        return ack;
      },
    } as unknown as JetStreamClient;
    const reporter = new StatusReporter(flaky, { agentId, hostname: "h" }, log);
    reporter.report(fields("t1", "TASK_STAGING"));
    reporter.report(fields("t1", "TASK_STARTING"));
    reporter.report(fields("t2", "TASK_STAGING"));
    await reporter.idle();

    // The resend carried the same updates under the same id, so the stream kept one copy.
    expect(publishes).toBe(3);
    expect(await storedMessages(agentId)).toEqual([["t1 TASK_STAGING", "t1 TASK_STARTING", "t2 TASK_STAGING"], ["t1 TASK_RUNNING"]]);
  });

  it("sends an update made alone at once, in a message of its own", async () => {
    const agentId = "reporter-b";
    const reporter = new StatusReporter(bus.js, { agentId, hostname: "h" }, log);
    reporter.report(fields("t3", "TASK_STAGING"));
    await reporter.idle();
    reporter.report(fields("t3", "TASK_RUNNING"));
    await reporter.idle();
    expect(await storedMessages(agentId)).toEqual([["t3 TASK_STAGING"], ["t3 TASK_RUNNING"]]);
  });

  it("splits what queued up so that no message nears NATS's payload limit", async () => {
    const agentId = "reporter-c";
    const reporter = new StatusReporter(bus.js, { agentId, hostname: "h" }, log);
    const long = "x".repeat(100_000);
    for (const taskId of ["t4", "t5", "t6"]) reporter.report({ ...fields(taskId, "TASK_FAILED"), message: long });
    await reporter.idle();
    expect(await storedMessages(agentId)).toEqual([["t4 TASK_FAILED", "t5 TASK_FAILED"], ["t6 TASK_FAILED"]]);
  });

  it("writes each turn's updates to disk before sending them, and sends them after a restart", async () => {
    const agentId = "reporter-d";
    const workDir = mkdtempSync(join(tmpdir(), "berth-checkpoint-"));
    const dir = join(workDir, "pending-status");
    const turn = () => new Promise((r) => setImmediate(r));
    // NATS does not answer: nothing is stored, and the agent is then killed.
    const unanswered = { publish: () => new Promise(() => undefined) } as unknown as JetStreamClient;
    const before = new StatusReporter(unanswered, { agentId, hostname: "h" }, log, new StatusCheckpoint(workDir));
    before.report(fields("t7", "TASK_STAGING"));
    before.report(fields("t7", "TASK_STARTING"));
    before.report(fields("t8", "TASK_STAGING"));
    await turn();
    const running = before.report(fields("t7", "TASK_RUNNING"));
    await turn();
    // One record per turn, each synced before anything of it was sent.
    expect(new StatusCheckpoint(workDir).pending().map((p) => p.updates.length)).toEqual([3, 1]);
    // An update an agent from before group files left behind (one update per file) goes first: it is older.
    const old = { ...fields("t6", "TASK_FINISHED"), uuid: "u-old", agentId, hostname: "h", sequence: 1, timestampMs: 1, ipAddresses: [] };
    writeFileSync(join(dir, "000000000000001-000000000-u-old.pb"), codecs.statusUpdate.encode(old));

    const after = new StatusReporter(bus.js, { agentId, hostname: "h" }, log, new StatusCheckpoint(workDir));
    expect(after.replay()).toBe(5);
    await after.idle();
    expect(await storedMessages(agentId)).toEqual([
      ["t6 TASK_FINISHED", "t7 TASK_STAGING", "t7 TASK_STARTING", "t8 TASK_STAGING", "t7 TASK_RUNNING"],
    ]);
    // Stored: the checkpoint is empty, and a later update goes on with higher sequences.
    expect(new StatusCheckpoint(workDir).pending()).toEqual([]);
    const next = after.report(fields("t7", "TASK_KILLED"));
    await after.idle();
    expect(new StatusCheckpoint(workDir).pending()).toEqual([]);
    expect(next.sequence).toBeGreaterThan(running.sequence);
  });

  it("goes on sending updates when its disk is full, says why it cannot checkpoint, and checkpoints again once there is room", async () => {
    const agentId = "reporter-e";
    const disk = await mountSmallDisk(2048);
    try {
      const checkpoint = new StatusCheckpoint(disk.dir);
      const reporter = new StatusReporter(bus.js, { agentId, hostname: "h" }, log, checkpoint);
      expect(checkpoint.spaceProblem()).toBeUndefined();
      disk.fill();
      reporter.report(fields("t9", "TASK_RUNNING"));
      await reporter.idle();
      // Not on disk, but stored all the same.
      expect(await storedMessages(agentId)).toEqual([["t9 TASK_RUNNING"]]);
      expect(checkpoint.spaceProblem()).toMatch(/^the agent's work dir is full \(0 KiB free in .*; status updates need 1024 KiB/);

      // NATS does not answer: the update waits, unsaved, and the reporter says why.
      const unanswered = { publish: () => new Promise(() => undefined) } as unknown as JetStreamClient;
      const stuck = new StatusReporter(unanswered, { agentId, hostname: "h" }, log, checkpoint);
      stuck.report(fields("t9", "TASK_KILLED"));
      await new Promise((r) => setImmediate(r));
      expect(stuck.checkpointProblem()).toMatch(/^status updates cannot be checkpointed: ENOSPC/);
      expect(new StatusCheckpoint(disk.dir).pending()).toEqual([]);

      // Room again: the waiting update is saved at the next look.
      disk.free();
      expect(checkpoint.spaceProblem()).toBeUndefined();
      expect(stuck.checkpointProblem()).toBeUndefined();
      expect(new StatusCheckpoint(disk.dir).pending().map((p) => p.updates.map((u) => `${u.taskId} ${u.state}`))).toEqual([
        ["t9 TASK_KILLED"],
      ]);
    } finally {
      await disk.unmount();
    }
  });
});
