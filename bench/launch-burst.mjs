#!/usr/bin/env node
// 50 real containers at once: one Berth app with 50 instances, timed from the
// POST until the API shows 50 RUNNING, against 50 parallel `docker run -d`
// and against Docker Swarm mode (`docker service create --replicas 50`), in
// the same run, on the same daemon and image. Swarm mode refuses the daemon's
// live-restore, so for its part the benchmark restarts dockerd without it,
// and afterwards with Berth's flags again.
//
//   node bench/launch-burst.mjs [--count 50] [--nats-servers 1]      (after `make build docker`)
import { execFile, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DEMO_IMAGE, docker, eventually, removeContainersWithLabel, startCluster } from "@berth/testkit";
import { options, startNats, stopOnInterrupt } from "./common.mjs";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { count, "nats-servers": natsServers } = options({ count: 50, "nats-servers": 1 });
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

async function bare() {
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      run("docker", [
        "run",
        "-d",
        "--name",
        `bench-burst-${i}`,
        "--label",
        "bench=burst",
        "--network",
        "host",
        "--memory",
        "32m",
        DEMO_IMAGE,
        "sleep",
        "3600",
      ]),
    ),
  );
  const took = seconds(t0);
  await removeContainersWithLabel("bench=burst");
  return took;
}

async function viaBerth(cluster) {
  const t0 = process.hrtime.bigint();
  const res = await cluster.api("/v2/apps", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      id: "/bench/burst",
      cmd: "sleep 3600",
      cpus: 0.01,
      mem: 32,
      instances: count,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
    }),
  });
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  for (;;) {
    const { app } = await (await cluster.api("/v2/apps/bench/burst")).json();
    if (app.tasksRunning === count) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const took = seconds(t0);
  await cluster.api("/v2/apps/bench/burst?force=true", { method: "DELETE" });
  await eventually(async () => (await docker("ps", "-aq", "--filter", "label=berth.app=/bench/burst")) === "", {
    timeoutMs: 120_000,
    what: "cleanup",
  });
  return took;
}

/** Restarts dockerd with these flags (Swarm mode refuses live-restore, which Berth's daemon uses). */
async function restartDocker(flags) {
  await run("pkill", ["dockerd"]).catch(() => undefined);
  await eventually(async () => (await run("pgrep", ["dockerd"]).catch(() => ({ stdout: "" }))).stdout === "", { what: "dockerd stopped" });
  if (flags === null) await run("bash", [join(root, "scripts/start-docker.sh")]);
  else spawn("dockerd", flags, { stdio: "ignore", detached: true }).unref();
  await eventually(
    async () =>
      await run("docker", ["info"])
        .then(() => true)
        .catch(() => false),
    { what: "dockerd up", timeoutMs: 60_000 },
  );
}

async function swarm() {
  await restartDocker(["--bridge=none", "--iptables=false", "--ip6tables=false"]);
  await run("docker", ["swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", "127.0.0.1:2377"]);
  try {
    const t0 = process.hrtime.bigint();
    await run("docker", [
      "service",
      "create",
      "--detach",
      "--quiet",
      "--name",
      "bench-burst",
      "--replicas",
      String(count),
      "--network",
      "host",
      DEMO_IMAGE,
      "sleep",
      "3600",
    ]);
    for (;;) {
      const { stdout } = await run("docker", [
        "service",
        "ps",
        "bench-burst",
        "--filter",
        "desired-state=running",
        "--format",
        "{{.CurrentState}}",
      ]);
      if (stdout.split("\n").filter((l) => l.startsWith("Running")).length >= count) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return seconds(t0);
  } finally {
    await run("docker", ["service", "rm", "bench-burst"]).catch(() => undefined);
    await run("docker", ["swarm", "leave", "--force"]).catch(() => undefined);
    await restartDocker(null);
  }
}

const nats = await startNats(natsServers);
const cluster = await startCluster({
  natsUrl: nats.url,
  natsTls: nats.tls,
  name: "bench-launch-burst",
  extraEnv: { BERTH_LOG_LEVEL: "warn", ...nats.env },
});
const stop = stopOnInterrupt(async () => {
  await cluster.stop();
  await removeContainersWithLabel(`berth.agent=${cluster.agentId}`);
  await nats.stop();
});
try {
  const b = await bare();
  const berth = await viaBerth(cluster);
  await cluster.stop();
  let sw;
  try {
    sw = await swarm();
  } catch (err) {
    console.log(`Swarm mode could not run here: ${String(err).split("\n")[0]}`);
  }
  console.log(`\n${count} containers, all running (${nats.describe}):`);
  console.log(`  ${count} parallel docker run -d   ${b.toFixed(2)} s`);
  console.log(`  Berth (one app, ${count} instances)  ${berth.toFixed(2)} s   ratio to docker run ${(berth / b).toFixed(2)}`);
  if (sw !== undefined) console.log(`  Swarm (--replicas ${count})        ${sw.toFixed(2)} s   Swarm / Berth ${(sw / berth).toFixed(2)}`);
} finally {
  await stop();
}
