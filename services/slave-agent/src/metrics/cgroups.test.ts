import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CgroupReader, parseBlkioV1, parseIoStatV2, parseProcCgroup, weightToShares } from "./cgroups.js";
import { parseNetDev } from "./net-dev.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "cg-"));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe("cgroup parsing", () => {
  it("maps controllers to paths, v1 and v2", () => {
    const m = parseProcCgroup("4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n0::/system.slice/docker-abc.scope\n");
    expect(m.get("memory")).toBe("/docker/abc");
    expect(m.get("cpuacct")).toBe("/docker/abc");
    expect(m.get("")).toBe("/system.slice/docker-abc.scope");
  });
  it("sums block I/O over devices", () => {
    expect(parseBlkioV1("8:0 Read 100\n8:0 Write 7\n8:16 Read 1\n8:0 Total 108\nTotal 108\n")).toEqual({ read: 101, write: 7 });
    expect(parseIoStatV2("8:0 rbytes=10 wbytes=20 rios=1 wios=2\n8:16 rbytes=5 wbytes=0\n")).toEqual({ read: 15, write: 20 });
  });
  it("turns cgroup v2 weights back into shares as Docker maps them", () => {
    expect(weightToShares(1)).toBe(2);
    expect(weightToShares(10000)).toBe(262144);
    expect(weightToShares(39)).toBe(998);
  });
  it("reads interfaces without loopback", () => {
    const text = [
      "Inter-|   Receive                                                |  Transmit",
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed",
      "    lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0",
      "  eth0:    5000      10    1    2    0     0          0         0     7000      20    3    4    0     0       0          0",
    ].join("\n");
    expect(parseNetDev(text)).toEqual([
      {
        interface: "eth0",
        receiveBytes: 5000,
        receivePackets: 10,
        receiveErrors: 1,
        receiveDropped: 2,
        transmitBytes: 7000,
        transmitPackets: 20,
        transmitErrors: 3,
        transmitDropped: 4,
      },
    ]);
  });
});

describe("CgroupReader", () => {
  it("reads a cgroup v1 hierarchy", async () => {
    const root = await tree({
      "cpuacct/docker/c1/cpuacct.usage": "2500000000\n",
      "cpuacct/docker/c1/cpuacct.stat": "user 150\nsystem 50\n",
      "cpu/docker/c1/cpu.shares": "512\n",
      "cpu/docker/c1/cpu.cfs_quota_us": "-1\n",
      "cpu/docker/c1/cpu.cfs_period_us": "100000\n",
      "cpu/docker/c1/cpu.stat": "nr_periods 0\nnr_throttled 0\nthrottled_time 3000000000\n",
      "memory/docker/c1/memory.usage_in_bytes": "10485760\n",
      "memory/docker/c1/memory.limit_in_bytes": "33554432\n",
      "memory/docker/c1/memory.failcnt": "2\n",
      "memory/docker/c1/memory.stat": "total_rss 4096\ntotal_cache 8192\ntotal_inactive_file 1048576\n",
      "pids/docker/c1/pids.current": "3\n",
      "blkio/docker/c1/blkio.throttle.io_service_bytes": "8:0 Read 4096\n8:0 Write 1024\n",
    });
    const proc = await tree({
      "42/cgroup": "8:pids:/docker/c1\n7:blkio:/docker/c1\n4:memory:/docker/c1\n2:cpuacct:/docker/c1\n1:cpu:/docker/c1\n0::/\n",
    });
    expect(await new CgroupReader(root, proc).read(42)).toEqual({
      cpuUsageSeconds: 2.5,
      cpuUserSeconds: 1.5,
      cpuSystemSeconds: 0.5,
      cpuThrottledSeconds: 3,
      cpuShares: 512,
      cpuQuotaMicros: 0,
      cpuPeriodMicros: 100000,
      memoryUsageBytes: 10485760,
      memoryWorkingSetBytes: 9437184,
      memoryRssBytes: 4096,
      memoryCacheBytes: 8192,
      memoryLimitBytes: 33554432,
      memoryFailcnt: 2,
      pids: 3,
      fsReadBytes: 4096,
      fsWriteBytes: 1024,
    });
  });

  it("reads a cgroup v2 hierarchy", async () => {
    const g = "system.slice/docker-c1.scope";
    const root = await tree({
      "cgroup.controllers": "cpu memory io pids\n",
      [`${g}/cpu.stat`]: "usage_usec 2500000\nuser_usec 1500000\nsystem_usec 1000000\nthrottled_usec 250000\n",
      [`${g}/cpu.weight`]: "39\n",
      [`${g}/cpu.max`]: "50000 100000\n",
      [`${g}/memory.current`]: "10485760\n",
      [`${g}/memory.max`]: "33554432\n",
      [`${g}/memory.stat`]: "anon 4096\nfile 8192\ninactive_file 1048576\n",
      [`${g}/memory.events`]: "low 0\nhigh 0\nmax 5\noom 0\n",
      [`${g}/pids.current`]: "3\n",
      [`${g}/io.stat`]: "8:0 rbytes=4096 wbytes=1024 rios=1 wios=1\n",
    });
    const proc = await tree({ "42/cgroup": `0::/${g}\n` });
    expect(await new CgroupReader(root, proc).read(42)).toMatchObject({
      cpuUsageSeconds: 2.5,
      cpuThrottledSeconds: 0.25,
      cpuShares: 998,
      cpuQuotaMicros: 50000,
      memoryWorkingSetBytes: 9437184,
      memoryLimitBytes: 33554432,
      memoryFailcnt: 5,
      fsReadBytes: 4096,
      fsWriteBytes: 1024,
    });
  });

  it("answers undefined for a process that is gone", async () => {
    expect(await new CgroupReader("/nonexistent", "/nonexistent").read(42)).toBeUndefined();
  });
});
