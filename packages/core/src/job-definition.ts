import type { CatchUpPolicy, ConcurrencyPolicy, RestartPolicy } from "./job-ticks.js";

/** A job as Metronome's API has it (`/v1/jobs`), with Metronome's defaults filled in. */
export interface JobDefinition {
  /** Dotted names, the first the job's team: `shop.nightly-report`. */
  readonly id: string;
  readonly description?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly run: JobRunSpec;
}

export type JobEnvValue = string | { readonly secret: string };

export interface JobRunSpec {
  readonly cmd?: string;
  readonly args?: readonly string[];
  readonly cpus: number;
  readonly mem: number;
  readonly disk: number;
  readonly gpus: number;
  readonly docker?: {
    readonly image: string;
    readonly forcePullImage: boolean;
    readonly privileged: boolean;
    readonly parameters: readonly { readonly key: string; readonly value: string }[];
  };
  readonly env: Readonly<Record<string, JobEnvValue>>;
  readonly secrets: Readonly<Record<string, { readonly source: string }>>;
  readonly placement: { readonly constraints: readonly JobConstraint[] };
  readonly restart: { readonly policy: RestartPolicy; readonly activeDeadlineSeconds?: number };
  /** Seconds a run may wait to start before it fails. */
  readonly maxLaunchDelay: number;
  readonly artifacts: readonly { readonly uri: string; readonly executable: boolean; readonly extract: boolean; readonly cache: boolean }[];
  readonly volumes: readonly { readonly containerPath: string; readonly hostPath?: string; readonly mode: "RO" | "RW" }[];
  readonly taskKillGracePeriodSeconds?: number;
  readonly user?: string;
}

export interface JobConstraint {
  readonly attribute: string;
  readonly operator: "IS" | "EQ" | "LIKE" | "UNLIKE";
  readonly value?: string;
}

/** A job's schedule as Metronome's (`/v1/jobs/{id}/schedules`), with Berth's `catchUp`. */
export interface JobSchedule {
  readonly id: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly startingDeadlineSeconds: number;
  readonly concurrencyPolicy: ConcurrencyPolicy;
  readonly enabled: boolean;
  readonly catchUp: CatchUpPolicy;
}

export const JOB_DEFAULTS = {
  cpus: 1,
  mem: 128,
  disk: 0,
  maxLaunchDelay: 3600,
  restart: "NEVER",
  timeZone: "UTC",
  startingDeadlineSeconds: 900,
  concurrencyPolicy: "ALLOW",
  catchUp: "LATEST",
} as const;

/** The team a job belongs to: its id's first name. */
export function teamOfJob(jobId: string): string {
  return jobId.split(".")[0] ?? "";
}
