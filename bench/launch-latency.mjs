#!/usr/bin/env node
// Sequential launches of a one-instance app, from the POST until the API shows
// it running (read once the event stream tells of its RUNNING), against
// `docker run -d` of the same image and flags in the same run. Prints both
// medians and their ratio. Run with `make bench` (or
// `node bench/launch-latency.mjs [runs]` after `make build docker`).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DEMO_IMAGE, docker, eventually, removeContainersWithLabel, startCluster } from "@berth/testkit";
import { startNats, stopOnInterrupt } from "./common.mjs";
import { followEvents } from "./sim-cluster.mjs";

const run = promisify(execFile);
const runs = Number(process.argv.slice(2).find((a) => /^[0-9]+$/.test(a)) ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function bareDocker(i) {
  const name = `bench-bare-${process.pid}-${i}`;
  const t0 = process.hrtime.bigint();
  await run("docker", [
    "run",
    "-d",
    "--name",
    name,
    "--network",
    "host",
    "--cpu-shares",
    "102",
    "--memory",
    "32m",
    "--label",
    "bench=launch-latency",
    DEMO_IMAGE,
    "/bin/sh",
    "-c",
    "sleep 3600",
  ]);
  const took = ms(t0);
  await docker("rm", "-f", name);
  return took;
}

/** Resolvers waiting for an app's first TASK_RUNNING, by app id. */
const waitingForRunning = new Map();

async function viaBerth(cluster, i) {
  const id = `/bench/latency-${i}`;
  const body = JSON.stringify({
    id,
    cmd: "sleep 3600",
    cpus: 0.1,
    mem: 32,
    instances: 1,
    taskKillGracePeriodSeconds: 0,
    container: { docker: { image: DEMO_IMAGE } },
  });
  const told = new Promise((resolve) => waitingForRunning.set(id, resolve));
  const t0 = process.hrtime.bigint();
  const res = await cluster.api(`/v2/apps`, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  // Told by the event stream, then read as a client would: polling meanwhile (hundreds of HTTPS
  // requests a second) would take the cores Docker needs to start the container. Should the
  // stream say nothing for 30 s, the polling below still ends the wait.
  await Promise.race([told, new Promise((r) => setTimeout(r, 30_000).unref())]);
  waitingForRunning.delete(id);
  for (;;) {
    const app = await (await cluster.api(`/v2/apps${id}`)).json();
    if (app.app.tasksRunning === 1) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  const took = ms(t0);
  // Force: the launch deployment may not have been marked done yet, and the app is not being changed meanwhile.
  await cluster.api(`/v2/apps${id}?force=true`, { method: "DELETE" });
  await eventually(async () => (await docker("ps", "-aq", "--filter", `label=berth.app=${id}`)) === "", {
    timeoutMs: 30_000,
    what: "cleanup",
  });
  return took;
}

const nats = await startNats();
const cluster = await startCluster({
  natsUrl: nats.url,
  natsTls: nats.tls,
  name: "bench-launch-latency",
  extraEnv: { BERTH_LOG_LEVEL: "warn", ...nats.env },
});
const stop = stopOnInterrupt(async () => {
  await cluster.stop();
  await removeContainersWithLabel(`berth.agent=${cluster.agentId}`);
  await removeContainersWithLabel("bench=launch-latency");
  await nats.stop();
});
const stopEvents = followEvents(cluster, "status_update_event", (e) => {
  if (e.taskStatus === "TASK_RUNNING") waitingForRunning.get(e.appId)?.();
});
try {
  // One warm-up of each, so neither side pays for a cold image cache (and the event stream is followed by then).
  await bareDocker("warm");
  await viaBerth(cluster, "warm");
  const bare = [];
  const berth = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareDocker(i));
    berth.push(await viaBerth(cluster, i));
  }
  const mb = median(bare);
  const mB = median(berth);
  console.log(`launch-latency: ${runs} sequential launches each (interleaved)`);
  console.log(
    `  docker run -d          median ${mb.toFixed(1)} ms  (min ${Math.min(...bare).toFixed(1)}, max ${Math.max(...bare).toFixed(1)})`,
  );
  console.log(
    `  Berth POST → RUNNING   median ${mB.toFixed(1)} ms  (min ${Math.min(...berth).toFixed(1)}, max ${Math.max(...berth).toFixed(1)})`,
  );
  console.log(`  ratio Berth / docker   ${(mB / mb).toFixed(2)}`);
} finally {
  stopEvents();
  await stop();
}
