import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, channels, listen, type LogChunk, openBus, request, tell } from "@berth/bus";
import { LABELS } from "@berth/core";
import { type NatsServer, removeContainersWithLabel, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { serveLogs } from "../src/log-server.js";
import { DockerRuntime } from "../src/runtime/docker-runtime.js";
import { containerSpec } from "./container-spec.js";

const agentId = `log-server-${process.pid}`;
const runtime = new DockerRuntime("/var/run/docker.sock");
let nats: NatsServer;
let bus: Bus;
const log = pino({ level: "silent" });

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "it-log-server", logger: log });
});

afterAll(async () => {
  await removeContainersWithLabel(`${LABELS.agent}=${agentId}`);
  await bus?.close();
  await nats?.stop();
});

const ask = async (data: Uint8Array) =>
  channels.agentLogs.reply.decode((await bus.nc.request(channels.agentLogs.to(agentId), data, { timeout: 5_000 })).data);
const logRequest = (taskId: string, over: { follow?: boolean; streamId?: string; tailLines?: number } = {}) => ({
  taskId,
  tailLines: 10,
  follow: false,
  stdout: true,
  stderr: true,
  streamId: "",
  ...over,
});
const text = (chunks: LogChunk[]) => chunks.map((c) => Buffer.from(c.data ?? new Uint8Array()).toString()).join("");

describe("the agent's log server", () => {
  it("answers a request it cannot read with why, and goes on serving the next", async () => {
    const serving = serveLogs(bus.nc, agentId, runtime, log);
    try {
      const bad = await ask(new Uint8Array([0xff, 0xff, 0xff]));
      expect(bad.error).toMatchObject({ code: "BERTH_ERR_INVALID", message: expect.stringMatching(/request cannot be read/) });
      const next = await ask(channels.agentLogs.request.encode(logRequest("nobody.1")));
      expect(next.error).toMatchObject({ code: "BERTH_ERR_NOT_FOUND", message: expect.stringMatching(/task nobody\.1 has no container/) });
    } finally {
      serving.stop();
    }
  });

  it("tells a task's last lines, then follows it until the asker cancels", async () => {
    const taskId = "logs.one";
    await runtime.start(
      containerSpec(agentId, taskId, { cmd: ["trap 'exit 143' TERM; i=0; while true; do echo line $i; i=$((i+1)); sleep 0.1; done"] }),
    );
    const serving = serveLogs(bus.nc, agentId, runtime, log);
    try {
      await new Promise((r) => setTimeout(r, 500));
      const last = await request(bus.nc, channels.agentLogs, agentId, logRequest(taskId, { tailLines: 2 }));
      expect(last).toMatchObject({ eof: true, error: null });
      expect(text([last])).toMatch(/^line \d+\nline \d+\n$/);

      const key = { agentId, streamId: `s${process.pid}` };
      const chunks = listen(bus.nc, channels.logChunks, key, () => undefined);
      const ack = await request(
        bus.nc,
        channels.agentLogs,
        agentId,
        logRequest(taskId, { follow: true, streamId: key.streamId, tailLines: 1 }),
      );
      expect(ack).toMatchObject({ eof: false, error: null });
      const seen: LogChunk[] = [];
      for await (const chunk of chunks.values) {
        seen.push(chunk);
        // Five lines in, the asker goes: the agent ends the stream with eof.
        if (text(seen).split("\n").length > 5 && !seen.some((c) => c.eof)) tell(bus.nc, channels.logCancel, key, undefined);
        if (chunk.eof) break;
      }
      chunks.stop();
      const lines = text(seen).trim().split("\n");
      const numbers = lines.map((l) => Number(/^line (\d+)$/.exec(l)?.[1]));
      expect(numbers.every(Number.isInteger)).toBe(true);
      expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
      expect(seen.at(-1)?.eof).toBe(true);
    } finally {
      serving.stop();
    }
  });
});
