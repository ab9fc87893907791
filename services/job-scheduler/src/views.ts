import type { JobHistory, JobRecord, JobRun, JobSchedule } from "@berth/core";

/** Answers in Metronome's shapes (its v1 RAML), with times as ISO-8601. */

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function runView(run: JobRun): Record<string, unknown> {
  return {
    id: run.id,
    jobId: run.jobId,
    status: run.status,
    createdAt: iso(run.createdAtMs),
    completedAt: iso(run.completedAtMs),
    tasks: run.attempts.map((a) => ({
      id: a.taskId,
      status: a.state ?? "TASK_STAGING",
      startedAt: iso(a.startedAtMs),
      completedAt: iso(a.endedAtMs),
      ...(a.exitCode === undefined ? {} : { exitCode: a.exitCode }),
    })),
    ...(run.scheduleId === undefined ? {} : { scheduleId: run.scheduleId, tick: iso(run.tickMs) }),
    ...(run.reason === undefined ? {} : { reason: run.reason }),
  };
}

export function scheduleView(s: JobSchedule, nextRunAtMs: number | undefined): Record<string, unknown> {
  return { ...s, nextRunAt: iso(nextRunAtMs) };
}

function finished(run: JobRun): Record<string, unknown> {
  return { id: run.id, createdAt: iso(run.createdAtMs), finishedAt: iso(run.completedAtMs), tasks: run.attempts.map((a) => a.taskId) };
}

export function historySummaryView(h: JobHistory): Record<string, unknown> {
  return {
    successCount: h.successCount,
    failureCount: h.failureCount,
    missedCount: h.missedCount,
    skippedCount: h.skippedCount,
    lastSuccessAt: iso(h.lastSuccessAtMs),
    lastFailureAt: iso(h.lastFailureAtMs),
  };
}

export function historyView(h: JobHistory): Record<string, unknown> {
  return {
    ...historySummaryView(h),
    successfulFinishedRuns: h.runs.filter((r) => r.status === "SUCCESS").map(finished),
    failedFinishedRuns: h.runs.filter((r) => r.status === "FAILED").map((r) => ({ ...finished(r), reason: r.reason })),
    missedRuns: h.runs.filter((r) => r.status === "MISSED" || r.status === "SKIPPED").map((r) => ({ ...runView(r) })),
  };
}

export type Embed = "activeRuns" | "schedules" | "history" | "historySummary";
export const EMBEDS: readonly Embed[] = ["activeRuns", "schedules", "history", "historySummary"];

export function jobView(
  rec: JobRecord,
  embeds: ReadonlySet<Embed>,
  parts: { activeRuns: () => JobRun[]; history: () => JobHistory; nextRunAt: (s: JobSchedule) => number | undefined },
): Record<string, unknown> {
  return {
    ...rec.job,
    ...(embeds.has("activeRuns") ? { activeRuns: parts.activeRuns().map(runView) } : {}),
    ...(embeds.has("schedules") ? { schedules: rec.schedules.map((s) => scheduleView(s, parts.nextRunAt(s))) } : {}),
    ...(embeds.has("history") ? { history: historyView(parts.history()) } : {}),
    ...(embeds.has("historySummary") ? { historySummary: historySummaryView(parts.history()) } : {}),
  };
}
