export { buildJobScheduler } from "./app.js";
export { type JobSchedulerConfig, loadConfig } from "./config.js";
