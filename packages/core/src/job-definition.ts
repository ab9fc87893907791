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

/** The app id a job's tasks are checked and accounted under, and its events scoped by: `/shop/nightly-report`. */
export function jobAppId(jobId: string): string {
  return `/${jobId.replaceAll(".", "/")}`;
}

/** The team a job belongs to: its id's first name. */
export function teamOfJob(jobId: string): string {
  return jobId.split(".")[0] ?? "";
}

/** A job as the job scheduler stores it (berth_jobs): the job, its schedules and when it was made. */
export interface JobRecord {
  readonly job: JobDefinition;
  readonly schedules: readonly JobSchedule[];
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/**
 * How far a schedule's ticks are accounted for (berth_job_ticks): every tick
 * up to `afterMs` has its run record. Made when the schedule is, so a new
 * schedule's first tick is its next, not one from before it existed.
 */
export interface JobTickCursor {
  readonly afterMs: number;
}

/** Where a run lives in berth_job_runs, and a schedule's cursor in berth_job_ticks. */
export function jobRunKey(jobId: string, runId: string): string {
  return `${jobId}/${runId}`;
}
