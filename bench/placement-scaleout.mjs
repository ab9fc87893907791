#!/usr/bin/env node
// Placement alone, with one and then with two offer-handler instances: 1,000
// simulated agents register and heartbeat; this process sends placement
// requests straight to the offer-handlers over NATS, as the dispatcher does
// (`requests` of 100 tasks each, one port and a MAX_PER hostname constraint,
// `concurrency` outstanding at once), and times them until every task is
// booked on an agent's ledger. No task is launched, so what is measured is the
// matching and booking the offer-handlers share. Bookings no task record backs
// are released a minute later, after the run.
//
//   node bench/placement-scaleout.mjs [--tasks 20000] [--concurrency 8] [--agents 1000] [--hosts 2]
import { channels, connectBus, request } from "@berth/bus";
import { options, startSimCluster } from "./sim-cluster.mjs";

const { tasks, concurrency, agents, hosts } = options({ tasks: 20_000, concurrency: 8, agents: 1000, hosts: 2 });
const PER_REQUEST = 100;
const APPS = 100;

async function run(instances) {
  const sim = await startSimCluster({ name: `bench-scaleout-${instances}`, agents, hosts, instances });
  const quiet = { info() {}, warn() {}, error() {} };
  const nc = await connectBus({ servers: sim.natsUrl, tls: sim.natsTls, name: "bench-placement-client", logger: quiet });
  try {
    await sim.waitForAgents();
    // Let every offer-handler hear of the others before the clock starts.
    await new Promise((r) => setTimeout(r, 3000));
    const requests = Math.ceil(tasks / PER_REQUEST);
    let next = 0;
    let placed = 0;
    let unplaced = 0;
    const cpuBefore = sim.cpuByGroup();
    const start = Date.now();
    const worker = async () => {
      while (next < requests) {
        const r = next++;
        const appId = `/bench/scale-${r % APPS}`;
        const req = {
          tasks: Array.from({ length: PER_REQUEST }, (_, i) => ({
            taskId: `bench_scale-${r % APPS}.${r}-${i}`,
            appId,
            cpus: 0.01,
            mem: 8,
            disk: 0,
            portCount: 1,
            requiredPorts: [],
            constraints: [["hostname", "MAX_PER", "4"]],
          })),
        };
        const reply = await request(nc, channels.placement, undefined, req, 60_000);
        placed += reply.placements.length;
        unplaced += reply.unplaced.length;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (Date.now() - start) / 1000;
    const cpuAfter = sim.cpuByGroup();
    const conflicts = await sim.counterSum("offer-handler", "berth_placement_conflicts_total");
    const ohCpu = cpuAfter["offer-handler"] - cpuBefore["offer-handler"];
    const natsCpu = cpuAfter["nats-server"] - cpuBefore["nats-server"];
    return { instances, elapsed, placed, unplaced, conflicts, rate: placed / elapsed, ohCpu, natsCpu };
  } finally {
    await nc.close();
    await sim.stop();
  }
}

const one = await run(1);
const two = await run(2);
console.log(`\nplacement alone: ${tasks} tasks in requests of ${PER_REQUEST}, ${concurrency} at once, on ${agents} simulated agents`);
for (const r of [one, two]) {
  console.log(
    `  ${r.instances} offer-handler(s): ${r.placed} placed, ${r.unplaced} unplaced in ${r.elapsed.toFixed(2)} s = ${r.rate.toFixed(0)} placements/s; ` +
      `bookings lost to a race ${r.conflicts}; CPU s offer-handlers ${r.ohCpu.toFixed(1)}, nats-server ${r.natsCpu.toFixed(1)}`,
  );
}
console.log(`  two instances / one: ${(two.rate / one.rate).toFixed(2)}x`);
