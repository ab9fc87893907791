#!/usr/bin/env node
// Runs the five Berth services and one agent in the foreground, against the
// NATS and Docker that `make up` started. Logs are pino JSON, prefixed with the
// service name. Ctrl-C stops them all cleanly; their pids are in .berth/pids.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const env = {
  BERTH_NATS_URL: process.env.BERTH_NATS_URL ?? "nats://127.0.0.1:4222",
  BERTH_API_HOST: process.env.BERTH_API_HOST ?? "127.0.0.1",
  BERTH_API_PORT: process.env.BERTH_API_PORT ?? "8080",
  BERTH_AGENT_ID: process.env.BERTH_AGENT_ID ?? "local-agent",
  BERTH_AGENT_HOSTNAME: process.env.BERTH_AGENT_HOSTNAME ?? "127.0.0.1",
};
const services = [
  ["offer-handler", { BERTH_HTTP_PORT: "9102" }],
  ["status-aggregator", { BERTH_HTTP_PORT: "9104" }],
  ["launch-dispatcher", { BERTH_HTTP_PORT: "9103" }],
  ["api", {}],
  ["slave-agent", { BERTH_AGENT_HTTP_PORT: "5051" }],
];

mkdirSync(join(root, ".berth/pids"), { recursive: true });
const children = services.map(([name, extra]) => {
  const child = spawn(process.execPath, [join(root, "services", name, "dist/main.js")], {
    env: { ...process.env, ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  writeFileSync(join(root, ".berth/pids", `${name}.pid`), String(child.pid));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${name.padEnd(18)} | ${line}\n`));
  }
  child.on("exit", (code, signal) => {
    process.stdout.write(`${name.padEnd(18)} | exited (${signal ?? code})\n`);
    rmSync(join(root, ".berth/pids", `${name}.pid`), { force: true });
  });
  return child;
});

console.log(
  `Berth is starting: API on http://${env.BERTH_API_HOST}:${env.BERTH_API_PORT}, agent metrics on http://127.0.0.1:5051/metrics. Ctrl-C stops it.`,
);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  }, 15_000);
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => {
    clearTimeout(timer);
    process.exit(0);
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
