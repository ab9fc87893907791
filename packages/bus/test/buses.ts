import { afterAll, beforeAll } from "vitest";
import { type Bus, openBus } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";

const log = { info() {}, warn() {}, error() {} };

/** A test nats-server for the file's tests (for a test that pauses it): started by `beforeAll`, stopped by `afterAll`. */
export function useNatsServer(): () => NatsServer {
  let nats: NatsServer | undefined;
  beforeAll(async () => {
    nats = await startNatsServer();
  });
  afterAll(async () => {
    await nats?.stop();
  });
  return () => {
    if (!nats) throw new Error("the test nats-server is not started yet");
    return nats;
  };
}

/**
 * One bus per name on `server`, each its own connection (as separate processes would have):
 * filled in by `beforeAll`, closed by `afterAll` (before the server stops).
 */
export function busesOn<N extends string>(server: () => NatsServer, names: N[]): Record<N, Bus> {
  const buses = {} as Record<N, Bus>;
  beforeAll(async () => {
    const nats = server();
    for (const name of names) buses[name] = await openBus({ servers: nats.url, tls: nats.tls, name, logger: log });
  });
  afterAll(async () => {
    for (const name of names) await buses[name]?.close();
  });
  return buses;
}

/** A test nats-server for the file's tests, and one bus per name on it (busesOn). */
export function useBuses<N extends string>(...names: N[]): Record<N, Bus> {
  return busesOn(useNatsServer(), names);
}
