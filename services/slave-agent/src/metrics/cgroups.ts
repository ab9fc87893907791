import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One container's resource usage, read from its cgroup files (v1 or v2). */
export interface CgroupStats {
  cpuUsageSeconds: number;
  cpuUserSeconds: number;
  cpuSystemSeconds: number;
  cpuThrottledSeconds: number;
  cpuShares: number;
  cpuQuotaMicros: number;
  cpuPeriodMicros: number;
  memoryUsageBytes: number;
  memoryWorkingSetBytes: number;
  memoryRssBytes: number;
  memoryCacheBytes: number;
  memoryLimitBytes: number;
  memoryFailcnt: number;
  pids: number;
  fsReadBytes: number;
  fsWriteBytes: number;
}

/** Sums cgroup v1 blkio "major:minor Read|Write bytes" lines. */
export function parseBlkioV1(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const line of text.split("\n")) {
    const [, op, v] = line.trim().split(/\s+/);
    if (op === "Read") read += Number(v) || 0;
    else if (op === "Write") write += Number(v) || 0;
  }
  return { read, write };
}

/** Sums cgroup v2 io.stat "major:minor rbytes=N wbytes=N ..." lines. */
export function parseIoStatV2(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const m of text.matchAll(/\brbytes=(\d+)/g)) read += Number(m[1]);
  for (const m of text.matchAll(/\bwbytes=(\d+)/g)) write += Number(m[1]);
  return { read, write };
}

const USER_HZ = 100;

// Cgroup files are small in-memory pseudo-files: reading them synchronously costs
// far less CPU than a thread-pool round trip per file, which is what makes a
// collection cycle cheap.
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

function readNumber(path: string): number {
  const s = readText(path);
  const n = Number(s);
  return s === undefined || !Number.isFinite(n) ? 0 : n;
}

function readKeyed(path: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of (readText(path) ?? "").split("\n")) {
    const [k, v] = line.split(/\s+/);
    if (k && v !== undefined) out.set(k, Number(v));
  }
  return out;
}

/** Reads a process's cgroup membership: controller → path (v1), or "" → path (v2). */
export function parseProcCgroup(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, controllers = "", path = ""] = m;
    if (controllers === "") out.set("", path);
    for (const c of controllers.split(",")) if (c) out.set(c, path);
  }
  return out;
}

/** Docker's mapping of cgroup v2 cpu.weight back to v1 CPU shares. */
export function weightToShares(weight: number): number {
  return Math.round(2 + ((weight - 1) * 262142) / 9999);
}

interface Dirs {
  cpuacct: string;
  cpu: string;
  memory: string;
  pids: string;
  blkio: string;
  unified: string;
}

export class CgroupReader {
  private version: 1 | 2 | undefined;
  /** Where each process's cgroup directories are; a container keeps its cgroup for life. */
  private readonly dirs = new Map<number, Dirs>();

  constructor(
    private readonly root = "/sys/fs/cgroup",
    private readonly proc = "/proc",
  ) {}

  cgroupVersion(): 1 | 2 {
    this.version ??= existsSync(join(this.root, "cgroup.controllers")) ? 2 : 1;
    return this.version;
  }

  /** Stats for the cgroup of process `pid`, or undefined when the process is gone. */
  async read(pid: number): Promise<CgroupStats | undefined> {
    if (pid <= 0) return undefined;
    const dirs = this.dirsOf(pid);
    if (!dirs || !existsSync(join(this.proc, String(pid)))) {
      this.dirs.delete(pid);
      return undefined;
    }
    return this.cgroupVersion() === 2 ? this.readV2(dirs.unified) : this.readV1(dirs);
  }

  /** Forgets processes that are gone, so the cache does not grow. */
  retain(pids: Iterable<number>): void {
    const keep = new Set(pids);
    for (const pid of this.dirs.keys()) if (!keep.has(pid)) this.dirs.delete(pid);
  }

  private dirsOf(pid: number): Dirs | undefined {
    const cached = this.dirs.get(pid);
    if (cached) return cached;
    const text = readText(join(this.proc, String(pid), "cgroup"));
    if (text === undefined) return undefined;
    const groups = parseProcCgroup(text);
    const dirs: Dirs = {
      cpuacct: this.controllerDir("cpuacct", groups),
      cpu: this.controllerDir("cpu", groups),
      memory: this.controllerDir("memory", groups),
      pids: this.controllerDir("pids", groups),
      blkio: this.controllerDir("blkio", groups),
      unified: join(this.root, groups.get("") ?? "/"),
    };
    this.dirs.set(pid, dirs);
    return dirs;
  }

  private controllerDir(controller: string, groups: Map<string, string>): string {
    const path = groups.get(controller) ?? "/";
    for (const mount of [controller, "cpu,cpuacct", "cpuacct,cpu"]) {
      const dir = join(this.root, mount, path);
      if (existsSync(dir)) return dir;
    }
    return join(this.root, controller, path);
  }

  private readV1(d: Dirs): CgroupStats {
    const { cpuacct, cpu, memory, pids, blkio } = d;
    const io = parseBlkioV1(
      readText(join(blkio, "blkio.throttle.io_service_bytes_recursive")) ?? readText(join(blkio, "blkio.throttle.io_service_bytes")) ?? "",
    );
    const cpuStat = readKeyed(join(cpuacct, "cpuacct.stat"));
    const throttled = readKeyed(join(cpu, "cpu.stat"));
    const mem = readKeyed(join(memory, "memory.stat"));
    const usage = readNumber(join(memory, "memory.usage_in_bytes"));
    const inactive = mem.get("total_inactive_file") ?? mem.get("inactive_file") ?? 0;
    return {
      cpuUsageSeconds: readNumber(join(cpuacct, "cpuacct.usage")) / 1e9,
      cpuUserSeconds: (cpuStat.get("user") ?? 0) / USER_HZ,
      cpuSystemSeconds: (cpuStat.get("system") ?? 0) / USER_HZ,
      cpuThrottledSeconds: (throttled.get("throttled_time") ?? 0) / 1e9,
      cpuShares: readNumber(join(cpu, "cpu.shares")),
      cpuQuotaMicros: Math.max(0, readNumber(join(cpu, "cpu.cfs_quota_us"))),
      cpuPeriodMicros: readNumber(join(cpu, "cpu.cfs_period_us")),
      memoryUsageBytes: usage,
      memoryWorkingSetBytes: Math.max(0, usage - inactive),
      memoryRssBytes: mem.get("total_rss") ?? mem.get("rss") ?? 0,
      memoryCacheBytes: mem.get("total_cache") ?? mem.get("cache") ?? 0,
      memoryLimitBytes: readNumber(join(memory, "memory.limit_in_bytes")),
      memoryFailcnt: readNumber(join(memory, "memory.failcnt")),
      pids: readNumber(join(pids, "pids.current")),
      fsReadBytes: io.read,
      fsWriteBytes: io.write,
    };
  }

  private readV2(dir: string): CgroupStats {
    const cpuStat = readKeyed(join(dir, "cpu.stat"));
    const mem = readKeyed(join(dir, "memory.stat"));
    const events = readKeyed(join(dir, "memory.events"));
    const usage = readNumber(join(dir, "memory.current"));
    const max = readText(join(dir, "cpu.max")) ?? "max 100000";
    const [quota = "max", period = "100000"] = max.split(/\s+/);
    const memMax = readText(join(dir, "memory.max"));
    const io = parseIoStatV2(readText(join(dir, "io.stat")) ?? "");
    return {
      cpuUsageSeconds: (cpuStat.get("usage_usec") ?? 0) / 1e6,
      cpuUserSeconds: (cpuStat.get("user_usec") ?? 0) / 1e6,
      cpuSystemSeconds: (cpuStat.get("system_usec") ?? 0) / 1e6,
      cpuThrottledSeconds: (cpuStat.get("throttled_usec") ?? 0) / 1e6,
      cpuShares: weightToShares(readNumber(join(dir, "cpu.weight"))),
      cpuQuotaMicros: quota === "max" ? 0 : Number(quota),
      cpuPeriodMicros: Number(period),
      memoryUsageBytes: usage,
      memoryWorkingSetBytes: Math.max(0, usage - (mem.get("inactive_file") ?? 0)),
      memoryRssBytes: mem.get("anon") ?? 0,
      memoryCacheBytes: mem.get("file") ?? 0,
      memoryLimitBytes: memMax === undefined || memMax === "max" ? 0 : Number(memMax),
      memoryFailcnt: events.get("max") ?? 0,
      pids: readNumber(join(dir, "pids.current")),
      fsReadBytes: io.read,
      fsWriteBytes: io.write,
    };
  }
}
