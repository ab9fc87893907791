import { access, readFile } from "node:fs/promises";
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
}

const USER_HZ = 100;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").then(
    (s) => s.trim(),
    () => undefined,
  );
}

async function readNumber(path: string): Promise<number> {
  const s = await readText(path);
  const n = Number(s);
  return s === undefined || !Number.isFinite(n) ? 0 : n;
}

async function readKeyed(path: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const line of ((await readText(path)) ?? "").split("\n")) {
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

export class CgroupReader {
  private version: 1 | 2 | undefined;

  constructor(
    private readonly root = "/sys/fs/cgroup",
    private readonly proc = "/proc",
  ) {}

  async cgroupVersion(): Promise<1 | 2> {
    this.version ??= (await exists(join(this.root, "cgroup.controllers"))) ? 2 : 1;
    return this.version;
  }

  /** Stats for the cgroup of process `pid`, or undefined when the process is gone. */
  async read(pid: number): Promise<CgroupStats | undefined> {
    if (pid <= 0) return undefined;
    const text = await readText(join(this.proc, String(pid), "cgroup"));
    if (text === undefined) return undefined;
    const groups = parseProcCgroup(text);
    return (await this.cgroupVersion()) === 2 ? this.readV2(groups.get("") ?? "/") : this.readV1(groups);
  }

  private async controllerDir(controller: string, groups: Map<string, string>): Promise<string> {
    const path = groups.get(controller) ?? "/";
    for (const mount of [controller, "cpu,cpuacct", "cpuacct,cpu"]) {
      const dir = join(this.root, mount, path);
      if (await exists(dir)) return dir;
    }
    return join(this.root, controller, path);
  }

  private async readV1(groups: Map<string, string>): Promise<CgroupStats> {
    const cpuacct = await this.controllerDir("cpuacct", groups);
    const cpu = await this.controllerDir("cpu", groups);
    const memory = await this.controllerDir("memory", groups);
    const pids = await this.controllerDir("pids", groups);
    const cpuStat = await readKeyed(join(cpuacct, "cpuacct.stat"));
    const throttled = await readKeyed(join(cpu, "cpu.stat"));
    const mem = await readKeyed(join(memory, "memory.stat"));
    const usage = await readNumber(join(memory, "memory.usage_in_bytes"));
    const inactive = mem.get("total_inactive_file") ?? mem.get("inactive_file") ?? 0;
    return {
      cpuUsageSeconds: (await readNumber(join(cpuacct, "cpuacct.usage"))) / 1e9,
      cpuUserSeconds: (cpuStat.get("user") ?? 0) / USER_HZ,
      cpuSystemSeconds: (cpuStat.get("system") ?? 0) / USER_HZ,
      cpuThrottledSeconds: (throttled.get("throttled_time") ?? 0) / 1e9,
      cpuShares: await readNumber(join(cpu, "cpu.shares")),
      cpuQuotaMicros: Math.max(0, await readNumber(join(cpu, "cpu.cfs_quota_us"))),
      cpuPeriodMicros: await readNumber(join(cpu, "cpu.cfs_period_us")),
      memoryUsageBytes: usage,
      memoryWorkingSetBytes: Math.max(0, usage - inactive),
      memoryRssBytes: mem.get("total_rss") ?? mem.get("rss") ?? 0,
      memoryCacheBytes: mem.get("total_cache") ?? mem.get("cache") ?? 0,
      memoryLimitBytes: await readNumber(join(memory, "memory.limit_in_bytes")),
      memoryFailcnt: await readNumber(join(memory, "memory.failcnt")),
      pids: await readNumber(join(pids, "pids.current")),
    };
  }

  private async readV2(path: string): Promise<CgroupStats> {
    const dir = join(this.root, path);
    const cpuStat = await readKeyed(join(dir, "cpu.stat"));
    const mem = await readKeyed(join(dir, "memory.stat"));
    const events = await readKeyed(join(dir, "memory.events"));
    const usage = await readNumber(join(dir, "memory.current"));
    const max = (await readText(join(dir, "cpu.max"))) ?? "max 100000";
    const [quota = "max", period = "100000"] = max.split(/\s+/);
    const memMax = await readText(join(dir, "memory.max"));
    return {
      cpuUsageSeconds: (cpuStat.get("usage_usec") ?? 0) / 1e6,
      cpuUserSeconds: (cpuStat.get("user_usec") ?? 0) / 1e6,
      cpuSystemSeconds: (cpuStat.get("system_usec") ?? 0) / 1e6,
      cpuThrottledSeconds: (cpuStat.get("throttled_usec") ?? 0) / 1e6,
      cpuShares: weightToShares(await readNumber(join(dir, "cpu.weight"))),
      cpuQuotaMicros: quota === "max" ? 0 : Number(quota),
      cpuPeriodMicros: Number(period),
      memoryUsageBytes: usage,
      memoryWorkingSetBytes: Math.max(0, usage - (mem.get("inactive_file") ?? 0)),
      memoryRssBytes: mem.get("anon") ?? 0,
      memoryCacheBytes: mem.get("file") ?? 0,
      memoryLimitBytes: memMax === undefined || memMax === "max" ? 0 : Number(memMax),
      memoryFailcnt: events.get("max") ?? 0,
      pids: await readNumber(join(dir, "pids.current")),
    };
  }
}
