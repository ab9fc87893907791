// A seeded fault campaign as long as you like: teams' clients change apps
// while processes, NATS and containers are killed and paused, and the
// invariants of docs/reliability.md are checked. The last line is
// `seed: S, faults: F, operations: O, violations: V`; the exit code is 1 when V > 0.
//
//   node bench/chaos.mjs --minutes 10 --seed 42 [--nats-servers 3] [--agents 2] [--plain] [--docker-restarts] [--full-disks]
//
// --docker-restarts: the nemesis also stops the machine's Docker daemon and starts it again (one fault in fifty).
// --full-disks: the first agent's work dir is a 64 MiB tmpfs and JetStream has 512 MiB a server; the nemesis
// fills each (one fault in fifty each) and frees it 3-20 s later.
import { mountSmallDisk, removeContainersWithLabel, runCampaign, startCluster } from "@berth/testkit";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { options, startNats, stopOnInterrupt } from "./common.mjs";

/** The Docker daemon up again, whatever the campaign left (scripts/start-docker.sh does nothing if it answers). */
const startDocker = () => execFileSync("bash", [new URL("../scripts/start-docker.sh", import.meta.url).pathname], { stdio: "inherit" });

const o = options({ minutes: 5, seed: Date.now() % 1_000_000, "nats-servers": 1, agents: 1 });
console.log(`seed: ${o.seed} (replay with --seed ${o.seed}); ${o.minutes} minutes`);
// Each campaign's logs on their own (test-results/bench-chaos/), to be read against its violations.
rmSync(new URL("../test-results/bench-chaos", import.meta.url), { recursive: true, force: true });
const fullDisks = process.argv.includes("--full-disks");
const nats = await startNats(o["nats-servers"], fullDisks ? 512 * 1024 * 1024 : undefined);
const agentDisk = fullDisks ? await mountSmallDisk(64 * 1024) : undefined;
console.log(`NATS: ${nats.describe}; ${o.agents} agent(s)`);
const cluster = await startCluster({
  natsUrl: nats.url,
  natsTls: nats.tls,
  name: "bench-chaos",
  agents: o.agents,
  ...(agentDisk ? { agentWorkDir: agentDisk.dir } : {}),
  extraEnv: { BERTH_LOG_LEVEL: process.env.BERTH_LOG_LEVEL ?? "info", ...nats.env },
});
let report;
const stop = stopOnInterrupt(async () => {
  for (const p of cluster.processes) p.proc.kill("SIGCONT");
  await startDocker();
  await cluster.stop();
  for (const agentId of cluster.agentIds) await removeContainersWithLabel(`berth.agent=${agentId}`);
  await nats.stop();
  await agentDisk?.unmount();
});
try {
  report = await runCampaign({
    seed: o.seed,
    durationMs: o.minutes * 60_000,
    cluster,
    nats: { pids: () => nats.pids(), kill: (pick) => nats.kill(pick), ...(fullDisks ? { fillStore: () => nats.fillStore() } : {}) },
    dockerRestarts: process.argv.includes("--docker-restarts"),
    agentDisk,
    log: (line) => console.log(line),
  });
} finally {
  await stop();
}
console.log(JSON.stringify({ faultsByKind: report.faultsByKind, outcomes: report.outcomes, resumed: report.resumed }));
for (const v of report.violations) console.log(`violation: ${v}`);
console.log(`seed: ${report.seed}, faults: ${report.faults}, operations: ${report.operations}, violations: ${report.violations.length}`);
process.exit(report.violations.length > 0 ? 1 : 0);
