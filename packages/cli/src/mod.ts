export { type Args, parseArgs, UsageError } from "./args.js";
export { ApiError, Client } from "./client.js";
export { run, USAGE } from "./commands.js";
