#!/usr/bin/env node
// Long lists under concurrent load (autocannon), as service-discovery tools
// poll them: GET /v2/tasks and GET /v2/apps?embed=apps.tasks with `tasks`
// tasks running on 1,000 simulated agents, and GET /v2/apps. The baseline, in
// the same run: a bare Fastify route answering the same bytes as /v2/tasks
// from memory (what sending that much JSON costs, with nothing to work out).
//
//   node bench/task-lists.mjs [--tasks 10000] [--agents 1000] [--hosts 4] [--seconds 8] [--connections 10]   (after `make build`)
import autocannon from "autocannon";
import Fastify from "fastify";
import { options, startSimCluster } from "./sim-cluster.mjs";

const {
  tasks,
  agents,
  hosts,
  seconds: duration,
  connections,
} = options({
  tasks: 10000,
  agents: 1000,
  hosts: 4,
  seconds: 8,
  connections: 10,
});

function load(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}
const line = (name, r, base) =>
  `  ${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${(r.throughput.average / 1e6).toFixed(1).padStart(6)} MB/s   errors ${r.errors + r.non2xx}${base ? `   ${(r.requests.average / base.requests.average).toFixed(2)} of the baseline` : ""}`;

const sim = await startSimCluster({ name: "bench-task-lists", agents, hosts });
const baseline = Fastify();
try {
  await sim.waitForAgents();
  const perApp = 100;
  await sim.postApps(
    Array.from({ length: Math.ceil(tasks / perApp) }, (_, i) => ({
      id: `/bench/list-${i}`,
      instances: Math.min(perApp, tasks - i * perApp),
    })),
  );
  await sim.waitFor(
    `${tasks} tasks running`,
    async () => (await sim.api("/v2/tasks")).tasks.filter((t) => t.state === "TASK_RUNNING").length >= tasks,
  );
  const auth = { authorization: `Bearer ${sim.cluster.adminToken}` };
  const body = await (await sim.cluster.api("/v2/tasks")).text();
  baseline.get("/", async (_req, reply) => reply.type("application/json; charset=utf-8").send(body));
  await baseline.listen({ host: "127.0.0.1", port: 0 });
  const base = await load(`http://127.0.0.1:${baseline.server.address().port}/`);
  const all = await load(`${sim.cluster.apiUrl}/v2/tasks`, auth);
  const embedded = await load(`${sim.cluster.apiUrl}/v2/apps?embed=apps.tasks`, auth);
  const apps = await load(`${sim.cluster.apiUrl}/v2/apps`, auth);
  console.log(
    `\n${tasks} tasks running in ${Math.ceil(tasks / perApp)} apps; ${connections} connections, ${duration} s each; /v2/tasks is ${(body.length / 1e6).toFixed(1)} MB`,
  );
  console.log(line("Fastify, the same bytes from memory", base));
  console.log(line("Berth GET /v2/tasks", all, base));
  console.log(line("Berth GET /v2/apps?embed=apps.tasks", embedded, base));
  console.log(line("Berth GET /v2/apps", apps));
} finally {
  await baseline.close();
  await sim.stop();
}
