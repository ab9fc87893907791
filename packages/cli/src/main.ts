#!/usr/bin/env node
import { parseArgs, UsageError } from "./args.js";
import { ApiError, Client } from "./client.js";
import { readInput, run } from "./commands.js";
import { configureOutput, styleFor } from "./output.js";
import { processTerminal } from "./terminal.js";

const args = parseArgs(process.argv.slice(2));
configureOutput(styleFor(process.stdout.isTTY, process.env));
const url = String(args.flags.get("url") ?? process.env.BERTH_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
const token = args.flags.get("token") ?? process.env.BERTH_TOKEN;
const client = new Client(url, typeof token === "string" ? token : undefined);
const jobsUrl = String(args.flags.get("jobs-url") ?? process.env.BERTH_JOBS_URL ?? "http://127.0.0.1:9000").replace(/\/+$/, "");
const jobs = new Client(jobsUrl, typeof token === "string" ? token : undefined);
const terminal = processTerminal();

try {
  const out = (t: string) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`);
  await run(args, client, { out, read: readInput, ...(terminal ? { terminal } : {}) }, jobs);
  process.exitCode = 0;
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof ApiError) {
    process.stderr.write(`error: ${err.message}\n`);
    for (const d of err.details) process.stderr.write(`  ${d.path}: ${d.errors.join("; ")}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
