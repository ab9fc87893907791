#!/usr/bin/env node
// Makes the local cluster's NATS configuration: a user per control-plane
// service, one for the local agent, and an operator user for tools, and TLS.
// Passwords are made once and kept in .berth/nats-users.json (mode 0600, read
// by cluster.mjs); nats-server's .berth/nats.conf holds only their bcrypt
// hashes and each user's permissions. A local CA and the server's certificate
// are made once in .berth/tls (ca.pem is what every process checks the server
// against; BERTH_TLS_NAMES adds names or addresses beyond loopback).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTROL_PLANE_SERVICES, natsAuthConfig, newNatsPassword, natsUserOf } from "../../packages/bus/dist/mod.js";
import { ensureLocalCa, natsTlsConfig } from "../../packages/runtime/dist/mod.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const stateDir = join(root, ".berth");
const usersFile = join(stateDir, "nats-users.json");
const agentId = process.env.BERTH_AGENT_ID ?? "local-agent";

const principals = [
  { kind: "operator" },
  ...CONTROL_PLANE_SERVICES.map((service) => ({ kind: "service", service })),
  { kind: "agent", agentId },
];
mkdirSync(join(stateDir, "nats"), { recursive: true });
const passwords = existsSync(usersFile) ? JSON.parse(readFileSync(usersFile, "utf8")) : {};
for (const p of principals) passwords[natsUserOf(p)] ??= newNatsPassword();
writeFileSync(usersFile, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });

const extraNames = (process.env.BERTH_TLS_NAMES ?? "")
  .split(",")
  .map((n) => n.trim())
  .filter(Boolean);
const tls = ensureLocalCa(join(stateDir, "tls"), ["127.0.0.1", "::1", "localhost", ...extraNames]);
const config =
  natsAuthConfig(principals.map((p) => ({ principal: p, password: passwords[natsUserOf(p)] }))) +
  `jetstream: { store_dir: ${JSON.stringify(join(stateDir, "nats"))} }\n` +
  natsTlsConfig(tls);
writeFileSync(join(stateDir, "nats.conf"), config, { mode: 0o600 });
console.log(
  `NATS users for ${principals.length} principals and TLS in .berth/nats.conf; passwords in .berth/nats-users.json, CA in .berth/tls/ca.pem`,
);
