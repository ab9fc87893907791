import { defaultQuotaFrom, type Quota, UPDATE_RETRY_MIN_MS } from "@berth/core";
import { envNumber, envString, type ServiceConfig, serviceConfig } from "@berth/runtime";

export interface SchedulerApiConfig extends ServiceConfig {
  /** Where frameworks reach the API: Mesos's master port by default. */
  apiHost: string;
  apiPort: number;
  /** How often a subscribed framework hears a HEARTBEAT. */
  heartbeatSeconds: number;
  /** How often offers are made of what is free. */
  offerIntervalMs: number;
  /** An offer not used within this long is rescinded and made afresh. */
  offerTimeoutMs: number;
  /** A task still TASK_STAGING this long after its launch is killed (Marathon's task_launch_timeout). */
  launchTimeoutMs: number;
  /** The team a framework that sends no credentials acts for; unset: such a framework is refused (401). */
  anonymousTeam: string | undefined;
  /** An agent silent this long is offered to no one. */
  agentTimeoutMs: number;
  /** The quota of a team whose configuration names none: the api's BERTH_DEFAULT_QUOTA. */
  defaultQuota: Quota;
  /** An update a framework has not acknowledged is sent again after this long, then twice as long each time. */
  updateRetryMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SchedulerApiConfig {
  return {
    ...serviceConfig(env, 9105),
    apiHost: envString(env, "BERTH_SCHEDULER_API_HOST", "127.0.0.1"),
    apiPort: envNumber(env, "BERTH_SCHEDULER_API_PORT", 5050),
    // Mesos says 15 s; clients such as mesos-framework give up on a stream silent for 10 s.
    heartbeatSeconds: envNumber(env, "BERTH_SCHEDULER_HEARTBEAT_SECONDS", 5),
    offerIntervalMs: envNumber(env, "BERTH_SCHEDULER_OFFER_INTERVAL_MS", 1_000),
    offerTimeoutMs: envNumber(env, "BERTH_SCHEDULER_OFFER_TIMEOUT_MS", 30_000),
    launchTimeoutMs: envNumber(env, "BERTH_SCHEDULER_LAUNCH_TIMEOUT_MS", 300_000),
    anonymousTeam: env.BERTH_SCHEDULER_ANONYMOUS_TEAM || undefined,
    agentTimeoutMs: envNumber(env, "BERTH_AGENT_TIMEOUT_MS", 20_000),
    defaultQuota: defaultQuotaFrom(env.BERTH_DEFAULT_QUOTA),
    updateRetryMs: envNumber(env, "BERTH_SCHEDULER_UPDATE_RETRY_MS", UPDATE_RETRY_MIN_MS),
  };
}
