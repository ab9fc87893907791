import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Whether a port is free on loopback right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/** A port the kernel picks on loopback (one of its ephemeral ports). */
function ephemeral(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Which test worker this process is (vitest numbers them from 1; 1 outside vitest). */
export function testWorker(): number {
  return Math.max(1, Number(process.env.VITEST_POOL_ID ?? 1));
}

/** How many test workers get a block of their own (more share them, as agents' port blocks do). */
const WORKER_BLOCKS = 4;

/**
 * This test worker's block of ports above the kernel's ephemeral ports (61000-65535 with
 * Linux's default range), or none when that range leaves no room.
 */
function workerBlock(): { begin: number; size: number } | undefined {
  let ephemeralEnd = 60999;
  try {
    ephemeralEnd = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[1]);
  } catch {
    // Not Linux: keep the default.
  }
  const size = Math.floor((65535 - ephemeralEnd) / WORKER_BLOCKS);
  if (!(size >= 100)) return undefined;
  return { begin: ephemeralEnd + 1 + ((testWorker() - 1) % WORKER_BLOCKS) * size, size };
}

const block = workerBlock();
/** Where the next look starts: at a random place, so a new worker process does not start where its predecessor's may linger. */
let cursor = block ? Math.floor(Math.random() * block.size) : 0;

/**
 * A TCP port free on loopback right now, for a test's server to take. It comes from this test
 * worker's own block, above the ports the kernel gives outgoing connections: test files side by
 * side then never hand out the same port, and a connection made between the look and the bind
 * cannot take it. Ports are handed out in turn through the block, so one is not given again
 * until every other has been. Without such a block, the kernel picks one.
 */
export async function freePort(): Promise<number> {
  if (!block) return ephemeral();
  for (let tried = 0; tried < block.size; tried++) {
    const port = block.begin + (cursor % block.size);
    cursor++;
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${block.begin}-${block.begin + block.size - 1}`);
}
