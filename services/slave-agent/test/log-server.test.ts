import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, codecs, openBus, subjects } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import { pino } from "pino";
import { serveLogs } from "../src/log-server.js";
import { DockerRuntime } from "../src/runtime/docker-runtime.js";

const agentId = `log-server-${process.pid}`;
let nats: NatsServer;
let bus: Bus;
const log = pino({ level: "silent" });

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await openBus({ servers: nats.url, tls: nats.tls, name: "it-log-server", logger: log });
});

afterAll(async () => {
  await bus?.close();
  await nats?.stop();
});

const ask = async (data: Uint8Array) =>
  codecs.logChunk.decode((await bus.nc.request(subjects.agentLogs(agentId), data, { timeout: 5_000 })).data);

describe("the agent's log server", () => {
  it("answers a request it cannot read with why, and goes on serving the next", async () => {
    const serving = serveLogs(bus.nc, agentId, new DockerRuntime("/var/run/docker.sock"), log);
    try {
      const bad = await ask(new Uint8Array([0xff, 0xff, 0xff]));
      expect(bad.error).toMatchObject({ code: "BERTH_ERR_INVALID", message: expect.stringMatching(/cannot be read/) });
      const next = await ask(
        codecs.logRequest.encode({ taskId: "nobody.1", tailLines: 10, follow: false, stdout: true, stderr: true, streamId: "" }),
      );
      expect(next.error).toMatchObject({ code: "BERTH_ERR_NOT_FOUND", message: expect.stringMatching(/task nobody\.1 has no container/) });
    } finally {
      serving.stop();
    }
  });
});
