export type { ApiApp, ApiFramework, ApiTask, ApiUsage } from "./api-shapes.js";
export { type SseFrame, SseReader } from "./sse.js";
