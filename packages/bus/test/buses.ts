import { afterAll, beforeAll } from "vitest";
import { type Bus, openBus } from "@berth/bus";
import { type NatsServer, startNatsServer } from "@berth/testkit";

const log = { info() {}, warn() {}, error() {} };

/**
 * A test nats-server for the file's tests, and one bus per name, each its own connection (as
 * separate processes would have): filled in by `beforeAll`, closed and stopped by `afterAll`.
 */
export function useBuses<N extends string>(...names: N[]): Record<N, Bus> {
  const buses = {} as Record<N, Bus>;
  let nats: NatsServer | undefined;
  beforeAll(async () => {
    nats = await startNatsServer();
    for (const name of names) buses[name] = await openBus({ servers: nats.url, tls: nats.tls, name, logger: log });
  });
  afterAll(async () => {
    for (const name of names) await buses[name]?.close();
    await nats?.stop();
  });
  return buses;
}
