/** Metronome's /v1 answers, as the job-scheduler gives them (docs/jobs.md): what the CLI and the UI read. */

export interface ApiJobRun {
  id: string;
  jobId?: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  scheduleId?: string;
  tick?: string;
  reason?: string;
  tasks: { id: string; status: string; exitCode?: number }[];
}

export interface ApiJobSchedule {
  id: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  concurrencyPolicy: string;
  nextRunAt: string | null;
}

export interface ApiJobHistorySummary {
  successCount: number;
  failureCount: number;
  missedCount: number;
  skippedCount: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
}

export interface ApiJobHistory extends ApiJobHistorySummary {
  successfulFinishedRuns: { id: string; createdAt: string; finishedAt: string; tasks: string[] }[];
  failedFinishedRuns: { id: string; createdAt: string; finishedAt: string; tasks: string[]; reason?: string }[];
  missedRuns: ApiJobRun[];
}

/** A job, with what `embed` asked for. */
export interface ApiJob {
  id: string;
  description?: string;
  run: { cmd?: string; args?: string[]; cpus: number; mem: number; docker?: { image: string } };
  activeRuns?: ApiJobRun[];
  schedules?: ApiJobSchedule[];
  history?: ApiJobHistory;
  historySummary?: ApiJobHistorySummary;
}
