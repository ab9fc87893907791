import { hostname } from "node:os";
import { envNumber, envString, type ServiceConfig, serviceConfig } from "@berth/runtime";

export interface DispatcherConfig extends ServiceConfig {
  /** How often every app is reconciled even when nothing changed. */
  reconcileIntervalMs: number;
  /** How long a fair round leaves freed room to the frameworks' offers when a framework below the first app's role wants them. */
  fairYieldMs: number;
  /** A launch with no word from its agent after this long is sent again. */
  launchResendAfterMs: number;
  instanceId: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DispatcherConfig {
  return {
    ...serviceConfig(env, 9103),
    reconcileIntervalMs: envNumber(env, "BERTH_RECONCILE_INTERVAL_MS", 2_000),
    fairYieldMs: envNumber(env, "BERTH_DISPATCHER_FAIR_YIELD_MS", 1_500),
    launchResendAfterMs: envNumber(env, "BERTH_LAUNCH_RESEND_AFTER_MS", 30_000),
    // Stable across restarts of the same process slot (host and port), so a restarted dispatcher takes its lease back at once.
    instanceId: envString(env, "BERTH_INSTANCE_ID", `launch-dispatcher@${hostname()}:${envNumber(env, "BERTH_HTTP_PORT", 9103)}`),
  };
}
