#!/usr/bin/env node
// API throughput under concurrent load (autocannon): GET /v2/apps with 1,000
// apps, and GET /v2/apps/{id}, against a bare Fastify hello-world on the same
// machine in the same run. Every Berth request carries a bearer token, as
// clients must.
//
//   node bench/api-throughput.mjs [--apps 1000] [--seconds 10] [--connections 50] [--nats-servers 1]   (after `make build`)
import autocannon from "autocannon";
import Fastify from "fastify";
import { startCluster } from "@berth/testkit";
import { options, startNats, stopOnInterrupt } from "./common.mjs";

const {
  apps,
  seconds: duration,
  connections,
  "nats-servers": natsServers,
} = options({ apps: 1000, seconds: 10, connections: 50, "nats-servers": 1 });

function load(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}
const line = (name, r) =>
  `  ${name.padEnd(34)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;

const hello = Fastify();
hello.get("/", async () => ({ hello: "world" }));
await hello.listen({ host: "127.0.0.1", port: 0 });
const helloUrl = `http://127.0.0.1:${hello.server.address().port}/`;

const nats = await startNats(natsServers);
const cluster = await startCluster({
  natsUrl: nats.url,
  natsTls: nats.tls,
  name: "bench-api-throughput",
  agents: 0,
  extraEnv: { BERTH_LOG_LEVEL: "warn", ...nats.env },
});
const stop = stopOnInterrupt(async () => {
  await cluster.stop();
  await nats.stop();
  await hello.close();
});
try {
  for (let i = 0; i < apps; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, apps - i) }, (_, k) =>
        cluster.api("/v2/apps", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            id: `/bench/app-${i + k}`,
            cmd: "sleep 3600",
            instances: 0,
            env: { MODE: "bench" },
            labels: { tier: "web" },
          }),
        }),
      ),
    );
  }
  const listed = (await (await cluster.api("/v2/apps")).json()).apps.length;
  const auth = { authorization: `Bearer ${cluster.adminToken}` };
  const base = await load(helloUrl);
  const list = await load(`${cluster.apiUrl}/v2/apps`, auth);
  const one = await load(`${cluster.apiUrl}/v2/apps/bench/app-500`, auth);
  console.log(`\n${connections} connections, ${duration} s each; ${listed} apps stored`);
  console.log(line("bare Fastify hello-world", base));
  console.log(line(`Berth GET /v2/apps (${listed} apps)`, list));
  console.log(line("Berth GET /v2/apps/{id}", one));
  console.log(`  GET /v2/apps/{id} / hello-world     ${(one.requests.average / base.requests.average).toFixed(2)} of the throughput`);
  console.log(`  GET /v2/apps, MB/s answered         ${(list.throughput.average / 1e6).toFixed(1)}`);
} finally {
  await stop();
}
