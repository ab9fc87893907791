#!/usr/bin/env node --expose-gc
// What the api's usage history (GET /v2/usage, the UI's charts, `berth top`) costs: the heap it holds for
// N tasks once a full hour of readings has come in (every 5 s, as agents collect by default), against the
// same process's heap before (the baseline), and the CPU time to take one agent's report of 100 tasks.
//
//   node --expose-gc bench/usage-history.mjs [--tasks 1000] [--interval 5]
import { UsageHistory } from "../services/api/dist/usage-history.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const tasks = arg("tasks", 1000);
const intervalS = arg("interval", 5);
if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  // Typed arrays' memory lies outside V8's heap: counted too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const baseline = heap();
const history = new UsageHistory(/* no NATS: reports are fed in directly */ undefined, quiet);
const perAgent = 100;
const readings = Math.ceil(3600 / intervalS);
const start0 = Date.UTC(2026, 11, 5);
let taking = 0n;
let reports = 0;
for (let r = 0; r < readings; r++) {
  const at = start0 + r * intervalS * 1000;
  for (let a = 0; a < tasks / perAgent; a++) {
    const report = {
      agentId: `agent-${a}`,
      collectedAtMs: at,
      tasks: Array.from({ length: perAgent }, (_, i) => ({
        taskId: `team_app${a}.${i}-0000-0000-0000-000000000000`,
        appId: `/team/app${a}`,
        cpuSeconds: r * intervalS * 0.3 + i,
        cpuThrottledSeconds: r * 0.01,
        memoryWorkingSetBytes: 50e6 + (r % 7) * 1e6,
        memoryLimitBytes: 128 * 2 ** 20,
      })),
    };
    const t = process.hrtime.bigint();
    history.take(report);
    taking += process.hrtime.bigint() - t;
    reports++;
  }
}
const held = heap() - baseline;
const perTask = held / tasks;
console.log(
  JSON.stringify({
    tasks,
    readingsPerTask: readings,
    heapHeldMiB: +(held / 2 ** 20).toFixed(2),
    bytesPerTask: Math.round(perTask),
    ringBytesPerTask: history.bytes() / tasks,
    mibPer1000Tasks: +((perTask * 1000) / 2 ** 20).toFixed(2),
    msPerReportOf100Tasks: +(Number(taking) / 1e6 / reports).toFixed(3),
  }),
);
console.log(`ratio: heap held / the rings' own bytes = ${(held / history.bytes()).toFixed(2)}`);
