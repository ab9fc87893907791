#!/usr/bin/env node
// Runs the five Berth services and one agent in the foreground, against the
// NATS and Docker that `make up` started, and restarts any of them that dies
// (as a process manager would). Logs are pino JSON, prefixed with the service
// name. Ctrl-C stops them all cleanly; their pids are in .berth/pids.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { serviceArgs } from "../../packages/runtime/dist/service-args.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const env = {
  BERTH_NATS_URL: process.env.BERTH_NATS_URL ?? "nats://127.0.0.1:4222",
  BERTH_API_HOST: process.env.BERTH_API_HOST ?? "127.0.0.1",
  BERTH_API_PORT: process.env.BERTH_API_PORT ?? "8080",
  BERTH_AGENT_ID: process.env.BERTH_AGENT_ID ?? "local-agent",
  BERTH_AGENT_HOSTNAME: process.env.BERTH_AGENT_HOSTNAME ?? "127.0.0.1",
  BERTH_AGENT_WORK_DIR: process.env.BERTH_AGENT_WORK_DIR ?? join(root, ".berth/agent"),
  // Every process talks TLS to NATS and checks the server against the local CA (made by nats-users.mjs).
  BERTH_NATS_CA: process.env.BERTH_NATS_CA ?? join(root, ".berth/tls/ca.pem"),
};
// The local cluster's admin token: BERTH_ADMIN_TOKEN when set, else the one
// kept in .berth/admin-token (made on the first run, readable only by its owner).
const tokenFile = join(root, ".berth/admin-token");
mkdirSync(join(root, ".berth"), { recursive: true });
let adminToken = process.env.BERTH_ADMIN_TOKEN;
if (!adminToken && existsSync(tokenFile)) adminToken = readFileSync(tokenFile, "utf8").trim();
if (!adminToken) adminToken = `berth_${randomBytes(32).toString("base64url")}`;
writeFileSync(tokenFile, `${adminToken}\n`, { mode: 0o600 });

// The token a scrape of any process's /metrics must carry (Prometheus: credentials_file), made once
// and kept in .berth/metrics-token: the series name every team's apps and images.
const metricsTokenFile = join(root, ".berth/metrics-token");
let metricsToken = process.env.BERTH_METRICS_TOKEN;
if (!metricsToken && existsSync(metricsTokenFile)) metricsToken = readFileSync(metricsTokenFile, "utf8").trim();
if (!metricsToken) metricsToken = `berth_metrics_${randomBytes(32).toString("base64url")}`;
writeFileSync(metricsTokenFile, `${metricsToken}\n`, { mode: 0o600 });
env.BERTH_METRICS_TOKEN = metricsToken;

// Each process connects to NATS as its own user (made by nats-users.mjs when NATS started).
const natsPasswords = JSON.parse(readFileSync(join(root, ".berth/nats-users.json"), "utf8"));
const natsUser = (user) => ({ BERTH_NATS_USER: user, BERTH_NATS_PASSWORD: natsPasswords[user] ?? "" });

// A new team cannot take the whole host by accident (apps and frameworks' tasks alike); PUT /v2/teams/{team} gives one more.
const defaultQuota = process.env.BERTH_DEFAULT_QUOTA ?? '{"cpus": 4, "mem": 8192, "instances": 100}';

const services = [
  ["offer-handler", { BERTH_HTTP_PORT: "9102", ...natsUser("berth-offer-handler") }],
  ["status-aggregator", { BERTH_HTTP_PORT: "9104", ...natsUser("berth-status-aggregator") }],
  ["launch-dispatcher", { BERTH_HTTP_PORT: "9103", ...natsUser("berth-launch-dispatcher") }],
  // Mesos frameworks subscribe on 127.0.0.1:5050 with a team's token (or as BERTH_SCHEDULER_ANONYMOUS_TEAM, if set).
  ["scheduler-api", { BERTH_HTTP_PORT: "9105", BERTH_DEFAULT_QUOTA: defaultQuota, ...natsUser("berth-scheduler-api") }],
  // Metronome's jobs API on 127.0.0.1:9000, with the same tokens as the api.
  [
    "job-scheduler",
    { BERTH_ADMIN_TOKEN: adminToken, BERTH_HTTP_PORT: "9106", BERTH_DEFAULT_QUOTA: defaultQuota, ...natsUser("berth-job-scheduler") },
  ],
  [
    "api",
    {
      BERTH_ADMIN_TOKEN: adminToken,
      // A new team cannot take the whole host by accident; PUT /v2/teams/{team} gives one more.
      BERTH_DEFAULT_QUOTA: defaultQuota,
      // Event subscriptions may call back receivers on this host only.
      BERTH_CALLBACK_ALLOW: process.env.BERTH_CALLBACK_ALLOW ?? "loopback",
      ...natsUser("berth-api"),
    },
  ],
  [
    "slave-agent",
    {
      BERTH_AGENT_HTTP_PORT: "5051",
      // Apps without a container (Marathon's command executor) run in the demo image.
      BERTH_AGENT_COMMAND_IMAGE: process.env.BERTH_AGENT_COMMAND_IMAGE ?? "berth/busybox:latest",
      ...natsUser(`berth-agent-${env.BERTH_AGENT_ID}`),
    },
  ],
];

mkdirSync(join(root, ".berth/pids"), { recursive: true });
// `make down` stops this process first: stopping only the services would have them restarted here.
const supervisorPid = join(root, ".berth/supervisor.pid");
writeFileSync(supervisorPid, String(process.pid));
let stopping = false;
const children = new Map();

function start(name, extra, delayMs = 1_000) {
  const child = spawn(process.execPath, serviceArgs(root, name), {
    env: { ...process.env, ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.set(name, child);
  const startedAt = Date.now();
  writeFileSync(join(root, ".berth/pids", `${name}.pid`), String(child.pid));
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => process.stdout.write(`${name.padEnd(18)} | ${line}\n`));
  }
  child.on("exit", (code, signal) => {
    rmSync(join(root, ".berth/pids", `${name}.pid`), { force: true });
    if (stopping) return;
    // Restart with a growing delay, reset once the process stayed up a minute.
    const next = Date.now() - startedAt > 60_000 ? 1_000 : Math.min(delayMs * 2, 30_000);
    process.stdout.write(`${name.padEnd(18)} | exited (${signal ?? code}); restarting in ${delayMs / 1000}s\n`);
    setTimeout(() => !stopping && start(name, extra, next), delayMs);
  });
}

for (const [name, extra] of services) start(name, extra);
console.log(
  `Berth is starting: API on http://${env.BERTH_API_HOST}:${env.BERTH_API_PORT}, agent metrics on http://127.0.0.1:5051/metrics. Ctrl-C stops it.\n` +
    `The admin token is in ${tokenFile}: export BERTH_TOKEN=$(cat .berth/admin-token)`,
);

function stop() {
  if (stopping) return;
  stopping = true;
  const running = [...children.values()].filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of running) c.kill("SIGTERM");
  const timer = setTimeout(() => {
    for (const c of running) if (c.exitCode === null) c.kill("SIGKILL");
  }, 15_000);
  Promise.all(running.map((c) => new Promise((r) => c.once("exit", r)))).then(() => {
    clearTimeout(timer);
    rmSync(supervisorPid, { force: true });
    process.exit(0);
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
