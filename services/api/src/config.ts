import { DEFAULT_SERVICE_PORTS, parsePortRange, type PortRange, defaultQuotaFrom, type Quota } from "@berth/core";
import { envNumber, envString, metricsToken, type NatsConfig, natsConfig } from "@berth/runtime";

export interface ApiConfig extends NatsConfig {
  host: string;
  port: number;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  bodyLimitBytes: number;
  eventBufferBytes: number;
  /** The bootstrap admin token; kept in memory only as its hash. Unset: only tokens in berth_tokens work. */
  adminToken: string | undefined;
  /** How often quota bookings are checked against the stored apps. */
  quotaReconcileMs: number;
  /** The built web UI; default packages/ui/dist. */
  uiDir: string | undefined;
  /** HTTPS: the certificate (chain) and key files; both unset: plain HTTP. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** A token that may scrape /metrics (and nothing else); admin tokens may too. */
  metricsToken: string | undefined;
  /** What a team whose configuration names no quota may hold. */
  defaultQuota: Quota;
  /** Where event subscriptions may send events: host names, host:port, or "loopback". None by default. */
  callbackAllow: string[];
  /** How long one POST to an event subscription may take. */
  callbackTimeoutMs: number;
  /** Where service ports are picked from. */
  servicePorts: PortRange;
  /** The job-scheduler's jobs API, which /v1 is passed on to. */
  jobsUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    ...natsConfig(env),
    host: envString(env, "BERTH_API_HOST", "127.0.0.1"),
    port: envNumber(env, "BERTH_API_PORT", 8080),
    bodyLimitBytes: envNumber(env, "BERTH_API_BODY_LIMIT", 1024 * 1024),
    eventBufferBytes: envNumber(env, "BERTH_API_EVENT_BUFFER_BYTES", 1024 * 1024),
    adminToken: env.BERTH_ADMIN_TOKEN || undefined,
    quotaReconcileMs: envNumber(env, "BERTH_API_QUOTA_RECONCILE_MS", 30_000),
    uiDir: env.BERTH_UI_DIR || undefined,
    tls: apiTls(env),
    metricsToken: metricsToken(env),
    defaultQuota: defaultQuotaFrom(env.BERTH_DEFAULT_QUOTA),
    callbackAllow: envString(env, "BERTH_CALLBACK_ALLOW", "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    callbackTimeoutMs: envNumber(env, "BERTH_CALLBACK_TIMEOUT_MS", 5_000),
    servicePorts: env.BERTH_SERVICE_PORTS ? parsePortRange(env.BERTH_SERVICE_PORTS) : DEFAULT_SERVICE_PORTS,
    jobsUrl: envString(env, "BERTH_JOBS_URL", "http://127.0.0.1:9000").replace(/\/+$/, ""),
  };
}

function apiTls(env: NodeJS.ProcessEnv): ApiConfig["tls"] {
  const certFile = env.BERTH_API_TLS_CERT || undefined;
  const keyFile = env.BERTH_API_TLS_KEY || undefined;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new Error("BERTH_API_TLS_CERT and BERTH_API_TLS_KEY must be set together");
  return { certFile, keyFile };
}
