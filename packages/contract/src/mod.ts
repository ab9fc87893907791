export type { ApiApp, ApiTask } from "./api-shapes.js";
export { type SseFrame, SseReader } from "./sse.js";
