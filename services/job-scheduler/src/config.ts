import { hostname } from "node:os";
import { defaultQuotaFrom, type Quota } from "@berth/core";
import { envNumber, envString, type ServiceConfig, serviceConfig } from "@berth/runtime";

export interface JobSchedulerConfig extends ServiceConfig {
  /** Where Metronome's clients reach the jobs API: Metronome's port by default. */
  apiHost: string;
  apiPort: number;
  /** This instance's name on the job-scheduler lease: one instance acts, the others stand by. */
  instanceId: string;
  /** How often schedules and runs are looked at (a tick starts within this of its time). */
  stepMs: number;
  /** Ended runs kept in a job's history. */
  historyLimit: number;
  /** Ticks a schedule with catchUp ALL runs after an absence, at most. */
  maxCatchUp: number;
  /** How long a job run's launch waits at most while a Marathon role holding less waits for room (its fair turn). */
  fairYieldMs: number;
  /** A run's launch the agent has not answered this long after it was recorded or sent is sent again (as the dispatcher's). */
  launchResendAfterMs: number;
  /** How long an ended attempt's task record stays, so its logs can be read (the agent keeps the container BERTH_AGENT_GC_DELAY_MS). */
  keepEndedTaskMs: number;
  /** The api's bootstrap admin token (BERTH_ADMIN_TOKEN), taken here too. */
  adminToken: string | undefined;
  /** The quota of a team whose configuration names none: the api's BERTH_DEFAULT_QUOTA. */
  defaultQuota: Quota;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): JobSchedulerConfig {
  return {
    ...serviceConfig(env, 9106),
    apiHost: envString(env, "BERTH_JOBS_HOST", "127.0.0.1"),
    apiPort: envNumber(env, "BERTH_JOBS_PORT", 9000),
    instanceId: envString(env, "BERTH_INSTANCE_ID", `job-scheduler@${hostname()}:${envNumber(env, "BERTH_HTTP_PORT", 9106)}`),
    stepMs: envNumber(env, "BERTH_JOBS_STEP_MS", 200),
    historyLimit: envNumber(env, "BERTH_JOBS_HISTORY_LIMIT", 50),
    maxCatchUp: envNumber(env, "BERTH_JOBS_CATCH_UP_MAX", 10),
    keepEndedTaskMs: envNumber(env, "BERTH_JOBS_KEEP_ENDED_TASK_MS", 60_000),
    fairYieldMs: envNumber(env, "BERTH_JOBS_FAIR_YIELD_MS", 1_500),
    launchResendAfterMs: envNumber(env, "BERTH_LAUNCH_RESEND_AFTER_MS", 30_000),
    adminToken: env.BERTH_ADMIN_TOKEN || undefined,
    defaultQuota: defaultQuotaFrom(env.BERTH_DEFAULT_QUOTA),
  };
}
