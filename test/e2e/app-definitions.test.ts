// Marathon app definitions as people wrote them, on the real Docker daemon: every docker parameter
// Berth honours does what `docker run` would, an app that names no ports gets one, and a network
// no agent offers keeps its task waiting with that reason instead of running on the host's.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentPorts, DEMO_IMAGE, docker, dockerInspect, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";
import { sleeper } from "../support/apps.js";

const f = useCluster("e2e-app-definitions");

interface Inspect {
  Config: { Hostname: string; User: string; WorkingDir: string; StopSignal: string; Env: string[]; Labels: Record<string, string> };
  HostConfig: {
    NetworkMode: string;
    LogConfig: { Type: string; Config: Record<string, string> };
    ExtraHosts: string[];
    Dns: string[];
    DnsSearch: string[];
    Init: boolean;
    ReadonlyRootfs: boolean;
    Tmpfs: Record<string, string>;
    ShmSize: number;
    Memory: number;
    MemorySwap: number;
    MemoryReservation: number;
    CpuQuota: number;
    CpuPeriod: number;
    CapAdd: string[];
  };
}

const run = promisify(execFile);
/** A task's output once it holds `expected`. */
const outputOf = (taskId: string, expected: string) =>
  eventually(
    async () => {
      const r = await f.api.call<string>("GET", `/v2/tasks/${taskId}/logs`);
      return String(r.body).includes(expected) && String(r.body);
    },
    { what: `${taskId}'s output` },
  );
const exec = (taskId: string, script: string) => docker("exec", `berth-${taskId}`, "sh", "-c", script);
const MiB = 1024 * 1024;

describe("docker parameters, each on Docker", () => {
  it("runs a task with every parameter a team may use, and the container shows each", async () => {
    const parameters = [
      ["log-driver", "local"],
      ["log-opt", "max-size=1m"],
      ["add-host", "db.local:127.0.0.2"],
      ["hostname", "web-1"],
      ["user", "1000:1000"],
      ["dns", "127.0.0.53"],
      ["dns-search", "svc.local"],
      ["env", "MODE=fast"],
      ["label", "team=shop"],
      ["workdir", "/www"],
      ["cap-drop", "CHOWN"],
      ["init", "true"],
      ["read-only", "true"],
      ["tmpfs", "/run:size=8m"],
      ["shm-size", "16m"],
      ["stop-signal", "SIGINT"],
      ["memory-swap", "96m"],
      ["memory-reservation", "16m"],
      ["cpu-quota", "20000"],
    ].map(([key, value]) => ({ key, value }));
    const app = sleeper("/params/all", 1, {
      mem: 64,
      cmd: "echo started in $(pwd) as $(id -u); sleep 3600",
      container: { docker: { image: DEMO_IMAGE, parameters } },
    });
    const created = await f.api.call("POST", "/v2/apps", app);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [task] = await f.api.waitRunning("/params/all", 1);
    const c = await dockerInspect<Inspect>(`berth-${task!.id}`);
    expect(c.HostConfig.LogConfig).toEqual({ Type: "local", Config: { "max-size": "1m" } });
    expect(c.HostConfig.ExtraHosts).toEqual(["db.local:127.0.0.2"]);
    expect(c.Config.Hostname).toBe("web-1");
    expect(c.Config.User).toBe("1000:1000");
    expect(c.HostConfig.Dns).toEqual(["127.0.0.53"]);
    expect(c.HostConfig.DnsSearch).toEqual(["svc.local"]);
    expect(c.Config.Env).toContain("MODE=fast");
    expect(c.Config.Labels.team).toBe("shop");
    expect(c.Config.WorkingDir).toBe("/www");
    expect(c.HostConfig.CapAdd).not.toContain("CHOWN");
    expect(c.HostConfig.Init).toBe(true);
    expect(c.HostConfig.ReadonlyRootfs).toBe(true);
    expect(c.HostConfig.Tmpfs).toEqual({ "/run": "size=8m" });
    expect(c.HostConfig.ShmSize).toBe(16 * MiB);
    expect(c.Config.StopSignal).toBe("SIGINT");
    expect(c.HostConfig.Memory).toBe(64 * MiB);
    expect(c.HostConfig.MemorySwap).toBe(96 * MiB);
    expect(c.HostConfig.MemoryReservation).toBe(16 * MiB);
    expect([c.HostConfig.CpuQuota, c.HostConfig.CpuPeriod]).toEqual([20000, 100000]);

    // And inside, what the task sees.
    expect((await exec(task!.id, "hostname")).trim()).toBe("web-1");
    expect(await exec(task!.id, "cat /etc/resolv.conf")).toMatch(/nameserver 127\.0\.0\.53[\s\S]*|search svc\.local/);
    expect(await exec(task!.id, "grep db.local /etc/hosts")).toMatch(/127\.0\.0\.2\s+db\.local/);
    expect((await exec(task!.id, "echo $MODE")).trim()).toBe("fast");
    expect((await exec(task!.id, "cat /proc/1/comm")).trim()).toBe("docker-init");
    expect(await exec(task!.id, "touch /www/x 2>&1 || echo refused")).toMatch(/Read-only file system|refused/);
    expect((await exec(task!.id, "touch /run/x && echo written")).trim()).toBe("written");
    // The local log driver keeps the output where Berth's log endpoint reads it.
    const logs = await outputOf(task!.id, "started");
    expect(logs).toContain("started in /www as 1000");
  });

  it("refuses a parameter outside the team's policy or Berth's list, naming it", async () => {
    const refused = await f.api.call<{ details: { path: string; errors: string[] }[] }>(
      "POST",
      "/v2/apps",
      sleeper("/params/bad", 1, {
        container: {
          docker: {
            image: DEMO_IMAGE,
            parameters: [
              { key: "log-driver", value: "gelf" },
              { key: "volumes-from", value: "x" },
            ],
          },
        },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([
      {
        path: "/container/docker/parameters/0",
        errors: [expect.stringMatching(/^log-driver: 'gelf' would send the task's output off the host/)],
      },
      {
        path: "/container/docker/parameters/1",
        errors: [expect.stringMatching(/^volumes-from: Berth does not support the docker parameter/)],
      },
    ]);
    expect((await f.api.call("GET", "/v2/apps/params/bad")).status).toBe(404);
  });
});

describe("ports as Marathon assigns them", () => {
  it("gives an app that names no ports one port, so Marathon's default health check works", async () => {
    const app = {
      id: "/ports/default",
      cmd: "httpd -f -p $PORT -h /www",
      cpus: 0.05,
      mem: 32,
      taskKillGracePeriodSeconds: 0,
      container: { docker: { image: DEMO_IMAGE } },
      healthChecks: [{ protocol: "MESOS_HTTP", path: "/", gracePeriodSeconds: 10, intervalSeconds: 1 }],
    };
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const got = await f.api.call<{ app: { portDefinitions: { port: number }[] } }>("GET", "/v2/apps/ports/default");
    expect(got.body.app.portDefinitions).toHaveLength(1);
    await eventually(
      async () => (await f.api.call<{ app: { tasksHealthy: number } }>("GET", "/v2/apps/ports/default")).body.app.tasksHealthy === 1,
      {
        what: "the task healthy on its one port",
      },
    );
    const [task] = await f.api.running("/ports/default");
    expect(task!.ports).toHaveLength(1);
    expect(await (await fetch(`http://127.0.0.1:${task!.ports[0]}/`)).text()).toContain("Hello from Berth");
  });
});

describe("service ports", () => {
  type App = { app: { portDefinitions: { port: number; name?: string }[]; labels: Record<string, string> } };
  const servicePortsOf = async (id: string) => (await f.api.call<App>("GET", `/v2/apps${id}`)).body.app.portDefinitions.map((p) => p.port);
  const deployed = (id: string) =>
    eventually(
      async () => (await f.api.call<{ app: { deployments: unknown[] } }>("GET", `/v2/apps${id}`)).body.app.deployments.length === 0,
      {
        what: `${id} deployed`,
      },
    );

  it("gives each app its own from 10000-20000, keeps them across changes, and shows them on tasks", async () => {
    const lb = { HAPROXY_GROUP: "external", HAPROXY_0_VHOST: "shop.example" };
    const a = sleeper("/svc/a", 1, { portDefinitions: [{ port: 0, name: "http" }, { port: 0 }], labels: lb });
    const b = sleeper("/svc/b", 1, { portDefinitions: [{ port: 0 }] });
    expect((await f.api.call("POST", "/v2/apps", a)).status).toBe(201);
    expect((await f.api.call("POST", "/v2/apps", b)).status).toBe(201);
    const portsA = await servicePortsOf("/svc/a");
    const portsB = await servicePortsOf("/svc/b");
    for (const p of [...portsA, ...portsB]) expect(p >= 10000 && p <= 20000, `${p} in 10000-20000`).toBe(true);
    expect(new Set([...portsA, ...portsB]).size).toBe(3);

    // The same definition again, 0s and all, as a deploy script sends it: the ports stay.
    await deployed("/svc/a");
    const changed = await f.api.call("PUT", "/v2/apps/svc/a", { ...a, env: { RELEASE: "2" } });
    expect(changed.status).toBe(200);
    expect(await servicePortsOf("/svc/a")).toEqual(portsA);
    const [task] = await eventually(
      async () => {
        const r = await f.api.running("/svc/a");
        return (
          r.length === 1 &&
          r[0]!.version === (await f.api.call<{ app: { version: string } }>("GET", "/v2/apps/svc/a")).body.app.version &&
          r
        );
      },
      { what: "the changed task running" },
    );
    expect(task!.servicePorts).toEqual(portsA);
    expect(task!.ports).toHaveLength(2);
    expect(task!.ports).not.toEqual(portsA);
    const tasks = await f.api.call<{ tasks: { appId: string; servicePorts: number[] }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.find((t) => t.appId === "/svc/a")?.servicePorts).toEqual(portsA);
  });

  it("refuses a fixed service port another app holds, naming the app, and frees an app's ports when it goes", async () => {
    const [held] = await servicePortsOf("/svc/b");
    const taken = await f.api.call<{ details: { path: string; errors: string[] }[] }>(
      "POST",
      "/v2/apps",
      sleeper("/svc/c", 1, { portDefinitions: [{ port: held }] }),
    );
    expect(taken.status).toBe(422);
    expect(taken.body.details).toEqual([
      { path: "/portDefinitions/0/port", errors: [`service port ${held} is held by /svc/b: give 0 to get a free one`] },
    ]);
    expect((await f.api.call("GET", "/v2/apps/svc/c")).status).toBe(404);

    await deployed("/svc/b");
    expect((await f.api.call("DELETE", "/v2/apps/svc/b")).status).toBe(200);
    await eventually(async () => (await f.api.call("GET", "/v2/apps/svc/b")).status === 404, { what: "/svc/b gone" });
    const created = await f.api.call("POST", "/v2/apps", sleeper("/svc/c", 1, { portDefinitions: [{ port: held }] }));
    expect(created.status).toBe(201);
    expect(await servicePortsOf("/svc/c")).toEqual([held]);
  });

  it("with requirePorts, gives the task its service ports as host ports", async () => {
    // A port of the agent's range (this test worker's block of it), near its end.
    const fixed = agentPorts().end - 9;
    const app = sleeper("/svc/fixed", 1, { portDefinitions: [{ port: fixed }], requirePorts: true });
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await f.api.waitRunning("/svc/fixed", 1);
    expect(task!.ports).toEqual([fixed]);
    expect(task!.servicePorts).toEqual([fixed]);
  });
});

describe("networks, honoured or waiting, never the host's instead", () => {
  it("runs legacy NONE on Docker's network none: loopback only, no host ports", async () => {
    const app = sleeper("/net/none", 1, { container: { type: "DOCKER", docker: { image: DEMO_IMAGE, network: "NONE" } } });
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await f.api.waitRunning("/net/none", 1);
    expect(task!.ports).toEqual([]);
    const c = await dockerInspect<Inspect>(`berth-${task!.id}`);
    expect(c.HostConfig.NetworkMode).toBe("none");
    expect((await exec(task!.id, "ls /sys/class/net")).trim().split(/\s+/)).toEqual(["lo"]);
  });

  it("keeps a bridge app and a named-network app waiting with the reason, since this agent's daemon offers neither", async () => {
    const bridged = {
      id: "/net/bridged",
      cpus: 0.05,
      mem: 32,
      container: { type: "DOCKER", docker: { image: DEMO_IMAGE, network: "BRIDGE", portMappings: [{ containerPort: 80, hostPort: 0 }] } },
      cmd: "httpd -f -p 80 -h /www",
    };
    const named = sleeper("/net/named", 1, { networks: [{ mode: "container", name: "backend" }] });
    expect((await f.api.call("POST", "/v2/apps", bridged)).status).toBe(201);
    expect((await f.api.call("POST", "/v2/apps", named)).status).toBe(201);
    type Queue = { queue: { app: { id: string }; reasons?: string[] }[] };
    const reasons = async (id: string) =>
      (await f.api.call<Queue>("GET", "/v2/queue?embed=berth")).body.queue.find((q) => q.app.id === id)?.reasons ?? [];
    await eventually(async () => (await reasons("/net/bridged")).some((r) => r === "network 'bridge' not offered on 1 of 1 agent"), {
      what: "the bridge app waiting for a bridge",
    });
    await eventually(async () => (await reasons("/net/named")).some((r) => r === "network 'backend' not offered on 1 of 1 agent"), {
      what: "the named-network app waiting for its network",
    });
    expect(await f.api.running("/net/bridged")).toEqual([]);
    expect(await f.api.running("/net/named")).toEqual([]);
    const agents = await f.api.call<{ agents: { attributes: Record<string, string> }[] }>("GET", "/v2/agents");
    expect(agents.body.agents[0]?.attributes["berth.networks"]).toBe("host,none");
  });
});

describe("apps without a container, as Marathon's command executor ran them", () => {
  it("runs cmd in the agent's command image, in a sandbox of its own that goes with the task", async () => {
    const app = { id: "/cmd/plain", cmd: "echo hello > greeting; echo in $(pwd) sandbox $MESOS_SANDBOX; sleep 3600", cpus: 0.05, mem: 32 };
    expect((await f.api.call("POST", "/v2/apps", { ...app, taskKillGracePeriodSeconds: 0 })).status).toBe(201);
    const [task] = await f.api.waitRunning("/cmd/plain", 1);
    type Mounts = { Config: { Image: string; WorkingDir: string }; Mounts: { Source: string; Destination: string }[] };
    const c = await dockerInspect<Mounts>(`berth-${task!.id}`);
    expect(c.Config.Image).toBe(DEMO_IMAGE);
    expect(c.Config.WorkingDir).toBe("/mnt/mesos/sandbox");
    const sandbox = c.Mounts.find((m) => m.Destination === "/mnt/mesos/sandbox")?.Source ?? "";
    expect(sandbox).toContain(task!.id);
    await eventually(() => existsSync(join(sandbox, "greeting")) && readFileSync(join(sandbox, "greeting"), "utf8") === "hello\n", {
      what: "the task's file in its sandbox",
    });
    const logs = await outputOf(task!.id, "sandbox");
    expect(logs).toContain("in /mnt/mesos/sandbox sandbox /mnt/mesos/sandbox");

    expect((await f.api.call("DELETE", "/v2/apps/cmd/plain?force=true")).status).toBe(200);
    await eventually(() => !existsSync(sandbox), { what: "the sandbox removed with the container", timeoutMs: 30_000 });
  });

  it("runs args without a shell, and without a container", async () => {
    const app = { id: "/cmd/argv", args: ["sh", "-c", "echo argv $0 ok; sleep 3600"], cpus: 0.05, mem: 32, taskKillGracePeriodSeconds: 0 };
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await f.api.waitRunning("/cmd/argv", 1);
    const logs = await outputOf(task!.id, "ok");
    expect(logs).toContain("argv sh ok");
  });
});

describe("fetch: files downloaded into the sandbox before the task starts", () => {
  let server: Server;
  let base = "";
  const hits = new Map<string, number>();
  const files = new Map<string, Buffer>();

  beforeAll(async () => {
    // An archive of each kind, a script, and a file to cache, served on loopback.
    const dir = mkdtempSync(join(tmpdir(), "berth-fetch-"));
    mkdirSync(join(dir, "site"));
    writeFileSync(join(dir, "site", "index.txt"), "from the tarball\n");
    writeFileSync(join(dir, "note.txt"), "from the zip\n");
    await run("tar", ["-czf", join(dir, "site.tgz"), "-C", dir, "site"]);
    await run("python3", [
      "-c",
      `import zipfile; z=zipfile.ZipFile("${join(dir, "notes.zip")}", "w"); z.write("${join(dir, "note.txt")}", "note.txt"); z.close()`,
    ]);
    files.set("/site.tgz", readFileSync(join(dir, "site.tgz")));
    files.set("/notes.zip", readFileSync(join(dir, "notes.zip")));
    files.set("/run.sh", Buffer.from("#!/bin/sh\ncat site/index.txt note.txt data.bin\nexec sleep 3600\n"));
    files.set("/data.bin", Buffer.from("cached data\n"));
    server = createServer((req, res) => {
      const path = req.url ?? "";
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const body = files.get(path);
      if (!body) return res.writeHead(404).end("no such file");
      res.writeHead(200, { "content-length": body.length }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("unpacks archives, marks files executable, caches by URI, for a command app and a container app alike", async () => {
    const fetch = [
      { uri: `${base}/site.tgz` },
      { uri: `${base}/notes.zip` },
      { uri: `${base}/run.sh`, executable: true },
      { uri: `${base}/data.bin`, cache: true },
    ];
    const command = { id: "/fetch/cmd", cmd: "./run.sh", cpus: 0.05, mem: 32, instances: 2, taskKillGracePeriodSeconds: 0, fetch };
    const docker = sleeper("/fetch/docker", 1, { cmd: "cd $MESOS_SANDBOX && ./run.sh", fetch });
    expect((await f.api.call("POST", "/v2/apps", command)).status).toBe(201);
    expect((await f.api.call("POST", "/v2/apps", docker)).status).toBe(201);
    const tasks = [...(await f.api.waitRunning("/fetch/cmd", 2)), ...(await f.api.waitRunning("/fetch/docker", 1))];
    for (const t of tasks) {
      const out = await outputOf(t.id, "cached data");
      expect(out).toContain("from the tarball\nfrom the zip\ncached data\n");
    }
    // Three tasks fetched it; the agent downloaded it once.
    expect(hits.get("/data.bin")).toBe(1);
    expect(hits.get("/run.sh")).toBe(3);
  });

  it("fails the task with the URI and the reason when a fetch fails", async () => {
    const app = { id: "/fetch/missing", cmd: "true", cpus: 0.05, mem: 32, fetch: [{ uri: `${base}/nowhere.tgz` }], backoffSeconds: 60 };
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const failure = await eventually(
      async () => {
        const r = await f.api.call<{ app: { lastTaskFailure?: { state: string; message: string } } }>("GET", "/v2/apps/fetch/missing");
        return r.body.app.lastTaskFailure;
      },
      { what: "the task to fail" },
    );
    expect(failure).toMatchObject({ state: "TASK_FAILED", message: `Failed to fetch '${base}/nowhere.tgz': HTTP 404 Not Found` });
  });
});
