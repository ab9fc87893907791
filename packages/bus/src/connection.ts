import { connect, type NatsConnection } from "@nats-io/transport-node";
import { inboxPrefixOf } from "./nats-auth.js";

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BusOptions {
  servers: string | string[];
  /** The connection's name, as NATS monitoring shows it: "berth-api", "berth-agent-<id>". */
  name: string;
  logger: Logger;
  user?: string;
  pass?: string;
  /**
   * TLS, required when given: the server's certificate is checked against
   * `caFile` (or the system's CAs), and a server without TLS is refused.
   * Absent: plain text, which the connection warns about.
   */
  tls?: { caFile?: string } | undefined;
}

const connected = new WeakMap<NatsConnection, boolean>();

/** The NATS user and password a process connects with: BERTH_NATS_USER and BERTH_NATS_PASSWORD, or none. */
export function natsCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): { user?: string; pass?: string } {
  return env.BERTH_NATS_USER ? { user: env.BERTH_NATS_USER, pass: env.BERTH_NATS_PASSWORD ?? "" } : {};
}

/** Whether the connection is up right now: what /readyz reports. */
export function isConnected(nc: NatsConnection): boolean {
  return !nc.isClosed() && (connected.get(nc) ?? false);
}

/**
 * Connects to NATS and keeps reconnecting forever: a service that cannot reach
 * NATS says so in its log and waits, and never crashes in a loop.
 */
export async function connectBus(opts: BusOptions): Promise<NatsConnection> {
  const nc = await connect({
    servers: typeof opts.servers === "string" ? opts.servers.split(",").map((s) => s.trim()) : opts.servers,
    name: opts.name,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
    // Otherwise every request and JetStream publish captures two stack traces up front, in case it fails:
    // a third of the status-aggregator's CPU in the status-latency benchmark.
    noAsyncTraces: true,
    ...(opts.user !== undefined ? { user: opts.user, pass: opts.pass ?? "", inboxPrefix: inboxPrefixOf(opts.user) } : {}),
    ...(opts.tls ? { tls: { ...opts.tls } } : {}),
  });
  opts.logger.info({ server: nc.getServer(), tls: opts.tls !== undefined }, "connected to NATS");
  if (!opts.tls) opts.logger.warn({}, "NATS without TLS: passwords and messages travel in clear (BERTH_NATS_TLS=off)");
  connected.set(nc, true);
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") connected.set(nc, false);
      if (s.type === "reconnect") connected.set(nc, true);
      if (s.type === "disconnect" || s.type === "reconnecting") {
        opts.logger.warn({ status: s.type }, "NATS connection lost; reconnecting");
      } else if (s.type === "reconnect") {
        opts.logger.info({ server: nc.getServer() }, "reconnected to NATS");
      } else if (s.type === "error") {
        opts.logger.error({ status: s.type, err: String((s as { error?: unknown }).error) }, "NATS error");
      }
    }
  })();
  return nc;
}
