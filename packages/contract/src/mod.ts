export type { ApiApp, ApiFramework, ApiRole, ApiTask, ApiTaskUsage, ApiUsage, ApiUsagePoint, ApiUsageReport } from "./api-shapes.js";
export { type SseFrame, SseReader } from "./sse.js";
export type { ApiJob, ApiJobHistory, ApiJobHistorySummary, ApiJobRun, ApiJobSchedule } from "./job-shapes.js";
