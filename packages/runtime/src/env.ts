/** Reading configuration from the environment, with a clear error for a bad value. */
export function envString(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === "" ? fallback : v;
}

export function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got '${v}'`);
  return n;
}

/** Where a process finds NATS, and how many replicas the streams and buckets it creates get. */
export interface NatsConfig {
  natsUrl: string;
  /** JetStream replicas for the streams and buckets this process creates: 1 on one server, 3 on a cluster. */
  jsReplicas: number;
  /**
   * TLS to NATS, required unless BERTH_NATS_TLS=off: the server's certificate
   * is checked against BERTH_NATS_CA (a CA's certificate file), or against the
   * system's CAs when that is unset. Undefined: plain text.
   */
  natsTls: { caFile?: string } | undefined;
}

export function natsConfig(env: NodeJS.ProcessEnv): NatsConfig {
  const tls = envString(env, "BERTH_NATS_TLS", "on");
  if (tls !== "on" && tls !== "off") throw new Error(`BERTH_NATS_TLS must be 'on' or 'off', got '${tls}'`);
  const caFile = env.BERTH_NATS_CA || undefined;
  return {
    natsUrl: envString(env, "BERTH_NATS_URL", "nats://127.0.0.1:4222"),
    jsReplicas: envNumber(env, "BERTH_JS_REPLICAS", 1),
    natsTls: tls === "off" ? undefined : caFile ? { caFile } : {},
  };
}

/**
 * The bearer token a scrape of /metrics must carry (BERTH_METRICS_TOKEN):
 * the series name every team's apps, tasks and images, and tasks on the host
 * network reach every port on loopback. Unset: /metrics answers anyone.
 */
export function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  return env.BERTH_METRICS_TOKEN || undefined;
}

/** What a control-plane service other than the API reads: NATS, and where its own HTTP endpoint listens. */
export interface ServiceConfig extends NatsConfig {
  httpHost: string;
  httpPort: number;
  metricsToken: string | undefined;
}

export function serviceConfig(env: NodeJS.ProcessEnv, defaultHttpPort: number): ServiceConfig {
  return {
    ...natsConfig(env),
    httpHost: envString(env, "BERTH_HTTP_HOST", "127.0.0.1"),
    httpPort: envNumber(env, "BERTH_HTTP_PORT", defaultHttpPort),
    metricsToken: metricsToken(env),
  };
}
