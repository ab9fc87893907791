export { buildSchedulerApi } from "./app.js";
export { loadConfig, type SchedulerApiConfig } from "./config.js";
