import { type Bus, openBus } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll } from "vitest";
import { Authenticator } from "../src/auth.js";
import { ClusterView } from "../src/cluster-view.js";
import { buildServer } from "../src/server.js";

/** The api in-process (called with Fastify's inject) on a nats-server of its own; the fields are set once `beforeAll` has run. */
export interface InProcessApi {
  nats: NatsServer;
  bus: Bus;
  api: FastifyInstance;
}

/** Starts a nats-server and the api before the file's tests, and stops both after them; `admin` is the admin token. */
export function useInProcessApi(admin: string, nats: Parameters<typeof startNatsServer>[0] = {}): InProcessApi {
  const log = pino({ level: "silent" });
  const f = {} as InProcessApi;
  let view: ClusterView | undefined;
  let auth: Authenticator | undefined;
  beforeAll(async () => {
    f.nats = await startNatsServer(nats);
    f.bus = await openBus({ servers: f.nats.url, tls: f.nats.tls, name: "test-api-in-process", logger: log });
    view = new ClusterView(f.bus);
    await view.start();
    auth = new Authenticator(f.bus, admin);
    await auth.start();
    f.api = await buildServer({
      bus: f.bus,
      view,
      registry: new Registry(),
      logger: log,
      natsUrl: f.nats.url,
      auth,
      bodyLimitBytes: 64 * 1024,
    });
  });
  afterAll(async () => {
    await f.api?.close();
    await view?.stop();
    await auth?.stop();
    await f.bus?.close();
    await f.nats?.stop();
  });
  return f;
}
