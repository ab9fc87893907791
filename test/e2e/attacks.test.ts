// One team attacking another on a running cluster: each attack here once worked, and must not again.
import { appKey } from "@berth/core";
import { MisplacedValueError } from "@berth/bus";
import { DEMO_IMAGE, docker, eventually, readSniff, type Registry, sniffCommand, sniffImage, startRegistry } from "@berth/testkit";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer, connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Api } from "../support/api.js";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { openSse } from "../support/sse.js";

// The api serves HTTPS here, as it does wherever it leaves the host.
const f = useCluster("e2e-attacks", { apiTls: true });
let red: Api;
let blue: Api;

async function tokenFor(team: string): Promise<Api> {
  const r = await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: `${team} ci`, team });
  expect(r.status).toBe(201);
  return f.api.as(r.body.token);
}

/** Sends a few bytes in clear to a loopback port: what a capture must find, or it proves nothing. */
async function sendInClear(text: string): Promise<void> {
  const server = createServer((s) => s.resume());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const c = connect(port, "127.0.0.1", () => c.end(text, () => resolve()));
    c.on("error", reject);
  });
  await new Promise((r) => setTimeout(r, 200));
  server.close();
}

beforeAll(async () => {
  red = await tokenFor("red");
  blue = await tokenFor("blue");
  expect((await blue.call("PUT", "/v2/secrets/blue/db/password", { value: "blue-secret-value" })).status).toBe(204);
  await f.api.call("PUT", "/v2/teams/blue", { quota: { instances: 2 }, policy: { privileged: true } });
});

describe("planting an app in another team's group", () => {
  const planted = sleeper("/blue/planted", 1, {
    secrets: { pw: { source: "db/password" } },
    env: { PW: { secret: "pw" } },
    container: { docker: { image: "berth/busybox:latest", privileged: true } },
  });

  it("refuses a body whose id is not the path it is sent to, for a new app, a dry run and an existing app", async () => {
    for (const path of ["/v2/apps/red/moved", "/v2/apps/red/moved?dryRun=true", "/v2/apps/red/moved?partialUpdate=false"]) {
      const r = await red.call<{ message: string; details: { path: string; errors: string[] }[] }>("PUT", path, planted);
      expect(r.status, path).toBe(422);
      expect(r.body.details).toEqual([{ path: "/id", errors: [expect.stringContaining("must be /red/moved")] }]);
    }
    expect((await red.call("PATCH", "/v2/apps/red/moved", planted)).status).toBe(404);
    expect((await red.call("POST", "/v2/apps", sleeper("/red/moved"))).status).toBe(201);
    expect((await red.call("PATCH", "/v2/apps/red/moved", planted)).status).toBe(422);
    expect((await red.call("PUT", "/v2/apps/red/moved?force=true", planted)).status).toBe(422);
    // Nothing of blue's was reached: no app, no booking on its quota, no task.
    expect((await f.api.call("GET", "/v2/apps/blue/planted")).status).toBe(404);
    expect((await blue.call<{ apps: unknown[] }>("GET", "/v2/apps")).body.apps).toEqual([]);
    expect((await blue.call<{ usage: { instances: number } }>("GET", "/v2/teams/blue")).body.usage.instances).toBe(0);
    const app = await red.call<{ app: { id: string } }>("GET", "/v2/apps/red/moved");
    expect(app.body.app.id).toBe("/red/moved");
  });

  it("keeps a record stored under another app's key out of every service, even when written behind the api's back", async () => {
    await expect(f.bus.apps.put(appKey("/red/sneaky"), { ...(await storedApp("/red/moved")), id: "/blue/sneaky" })).rejects.toThrow(
      MisplacedValueError,
    );
    // Below the typed store: the raw bucket, as a process with write access could.
    const raw = { ...(await storedApp("/red/moved")), id: "/blue/sneaky", instances: 1 };
    await f.bus.buckets.apps.put(appKey("/red/sneaky"), new TextEncoder().encode(JSON.stringify(raw)));
    await new Promise((r) => setTimeout(r, 3_000));
    const all = await f.api.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(all.body.apps.map((a) => a.id)).not.toContain("/blue/sneaky");
    const tasks = await f.api.call<{ tasks: { appId: string }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.map((t) => t.appId)).not.toContain("/blue/sneaky");
    expect(await f.bus.apps.get(appKey("/red/sneaky"))).toBeUndefined();
    await f.bus.buckets.apps.delete(appKey("/red/sneaky"));
  });

  async function storedApp(id: string) {
    const got = await eventually(async () => (await f.bus.apps.get(appKey(id)))?.value, { what: `${id} stored` });
    return got;
  }
});

describe("a host-path grant used to reach the host's root", () => {
  it("refuses at launch a mount whose path a task turned into a link to /, and names why", async () => {
    const granted = mkdtempSync(join(tmpdir(), "berth-grant-"));
    try {
      await f.api.call("PUT", "/v2/teams/red", { policy: { hostPaths: [granted] } });
      // One task plants the link through its read-write mount of the granted directory...
      const planter = sleeper("/red/planter", 1, {
        cmd: "ln -s / /data/esc && sleep 3600",
        container: { docker: { image: "berth/busybox:latest" }, volumes: [{ hostPath: granted, containerPath: "/data", mode: "RW" }] },
      });
      expect((await red.call("POST", "/v2/apps", planter)).status).toBe(201);
      await eventually(() => existsSync(join(granted, "esc")), { what: "the planted link" });
      // ...and a second mounts the link, which passes the prefix check, to read the host's root.
      const reader = sleeper("/red/reader", 1, {
        cmd: "ls /host/etc && sleep 3600",
        container: {
          docker: { image: "berth/busybox:latest" },
          volumes: [{ hostPath: join(granted, "esc"), containerPath: "/host", mode: "RO" }],
        },
      });
      expect((await red.call("POST", "/v2/apps", reader)).status).toBe(201);
      const failure = await eventually(
        async () => {
          const r = await red.call<{ app: { lastTaskFailure?: { message: string } } }>("GET", "/v2/apps/red/reader");
          return r.body.app.lastTaskFailure?.message;
        },
        { what: "the reader's launch refused" },
      );
      expect(failure).toMatch(/^Refused to mount a host path: the host path '.*\/esc' leads through a symbolic link/);
      expect(await red.running("/red/reader")).toEqual([]);
    } finally {
      await red.call("DELETE", "/v2/apps/red/reader?force=true");
      await red.call("DELETE", "/v2/apps/red/planter?force=true");
      rmSync(granted, { recursive: true, force: true });
    }
  });
});

describe("a private image another team pulled", () => {
  let registry: Registry;
  let image: string;
  beforeAll(async () => {
    registry = await startRegistry();
    image = await registry.push(DEMO_IMAGE, "blue/private:1");
  });
  afterAll(async () => {
    await docker("rmi", "-f", image).catch(() => undefined);
    await registry?.stop();
  });

  it("runs for the team with the registry's password, and not for a team without it, by name or by id", async () => {
    const pullConfig = { username: registry.username, password: registry.password, serveraddress: registry.address };
    const owned = sleeper("/blue/private", 1, { container: { docker: { image, pullConfig } } });
    expect((await blue.call("POST", "/v2/apps", owned)).status).toBe(201);
    await eventually(async () => (await blue.running("/blue/private")).length === 1, { what: "blue's private image running" });
    const id = await docker("image", "inspect", "--format", "{{.Id}}", image);
    const failureOf = async (appId: string) =>
      eventually(
        async () =>
          (await red.call<{ app: { lastTaskFailure?: { message: string } } }>("GET", `/v2/apps${appId}`)).body.app.lastTaskFailure?.message,
        { what: `${appId}'s launch refused` },
      );
    try {
      expect((await red.call("POST", "/v2/apps", sleeper("/red/thief", 1, { container: { docker: { image } } }))).status).toBe(201);
      expect(await failureOf("/red/thief")).toMatch(/^Failed to pull image .*(unauthorized|authentication required|no basic auth)/);
      const byId = sleeper("/red/thief-by-id", 1, { container: { docker: { image: id } } });
      expect((await red.call("POST", "/v2/apps", byId)).status).toBe(201);
      expect(await failureOf("/red/thief-by-id")).toMatch(/^Refused image 'sha256:[0-9a-f]{64}': .* may need credentials/);
      expect(await red.running("/red/thief")).toEqual([]);
      expect(await red.running("/red/thief-by-id")).toEqual([]);
      // With the password, a second app (of any team) runs it from the cache after its own check.
      const paid = sleeper("/red/paid", 1, { container: { docker: { image, pullConfig } } });
      expect((await red.call("POST", "/v2/apps", paid)).status).toBe(201);
      await eventually(async () => (await red.running("/red/paid")).length === 1, { what: "red's paid-for launch running" });
    } finally {
      for (const appId of ["/red/thief", "/red/thief-by-id", "/red/paid"]) await red.call("DELETE", `/v2/apps${appId}?force=true`);
      await blue.call("DELETE", "/v2/apps/blue/private?force=true");
    }
  });
});

describe("what other teams should not learn", () => {
  it("gives a team no agent's metrics address nor other teams' task counts, and refuses it the metrics", async () => {
    expect((await blue.call("POST", "/v2/apps", sleeper("/blue/counted", 1))).status).toBe(201);
    await eventually(async () => (await blue.running("/blue/counted")).length === 1, { what: "blue's task running" });
    try {
      const seen = await red.call<{ agents: Record<string, unknown>[] }>("GET", "/v2/agents");
      expect(seen.body.agents[0]).not.toHaveProperty("metricsUrl");
      const redTasks = (await red.call<{ tasks: unknown[] }>("GET", "/v2/tasks")).body.tasks.length;
      expect(seen.body.agents[0]?.tasks).toBe(redTasks);
      const all = await f.api.call<{ agents: Record<string, unknown>[] }>("GET", "/v2/agents");
      expect(all.body.agents[0]?.tasks).toBe((await f.api.call<{ tasks: unknown[] }>("GET", "/v2/tasks")).body.tasks.length);
      expect(all.body.agents[0]?.tasks).toBeGreaterThan(redTasks);
      expect(all.body.agents[0]?.metricsUrl).toBe(f.cluster.agentMetricsUrl);
      // The agent's series name every team's apps and images: a scrape needs the metrics token.
      const bare = await fetch(f.cluster.agentMetricsUrl);
      expect(bare.status).toBe(401);
      expect(await bare.text()).not.toContain("/blue/counted");
      const withRedToken = await fetch(f.cluster.agentMetricsUrl, { headers: { authorization: `Bearer ${red.token}` } });
      expect(withRedToken.status).toBe(401);
      const scrape = { headers: { authorization: `Bearer ${f.cluster.metricsToken}` } };
      await eventually(async () => (await (await fetch(f.cluster.agentMetricsUrl, scrape)).text()).includes("/blue/counted"), {
        what: "the scrape with the metrics token to show blue's task",
      });
      expect((await red.call("GET", "/metrics")).status).toBe(403);
      expect((await f.api.as(f.cluster.metricsToken).call("GET", "/metrics")).status).toBe(200);
      expect((await f.api.as(f.cluster.metricsToken).call("GET", "/metrics/prometheus")).status).toBe(200);
      expect((await red.call("GET", "/metrics/prometheus")).status).toBe(403);
      expect((await f.api.as(f.cluster.metricsToken).call("GET", "/v2/apps")).status).toBe(401);
    } finally {
      await blue.call("DELETE", "/v2/apps/blue/counted?force=true");
    }
  });
});

describe("a task that fills the host's disk", () => {
  /** Runs the app as red and expects it killed at its 1 MiB limit with its 20 MiB written, as its failure says. */
  const killedAtLimit = async (app: Record<string, unknown> & { id: string }) => {
    expect((await red.call("POST", "/v2/apps", app)).status).toBe(201);
    try {
      const failure = await eventually(
        async () =>
          (await red.call<{ app: { lastTaskFailure?: { message: string; state: string } } }>("GET", `/v2/apps${app.id}`)).body.app
            .lastTaskFailure,
        { what: `${app.id} killed at its limit` },
      );
      expect(failure).toMatchObject({
        state: "TASK_FAILED",
        message: expect.stringMatching(/^Disk usage \d+\.\d MiB exceeds the task's disk limit of 1 MiB$/),
      });
      // Whatever it had written when the agent looked: past the limit, and no more than the 20 MiB it writes.
      const usedMiB = Number(/^Disk usage ([\d.]+) MiB/.exec(failure.message)?.[1]);
      expect(usedMiB).toBeGreaterThan(1);
      expect(usedMiB).toBeLessThanOrEqual(21);
    } finally {
      await red.call("DELETE", `/v2/apps${app.id}?force=true`);
    }
  };

  it("is killed once it writes past its disk limit, with its usage and limit as the failure", async () => {
    await killedAtLimit(sleeper("/red/filler", 1, { disk: 1, cmd: "dd if=/dev/zero of=/big bs=1M count=20 2>/dev/null; sleep 3600" }));
  });

  it("counts what a task writes into its sandbox too", async () => {
    const cmd = "dd if=/dev/zero of=big bs=1M count=20 2>/dev/null; sleep 3600";
    await killedAtLimit({ id: "/red/sandfill", cmd, cpus: 0.05, mem: 32, disk: 1, taskKillGracePeriodSeconds: 0 });
  });
});

describe("a revoked token's open streams", () => {
  it("end within a second: the event stream and a followed log", async () => {
    const made = await f.api.call<{ token: string; id: string }>("POST", "/v2/tokens", { name: "green ci", team: "green" });
    const green = f.api.as(made.body.token);
    expect(
      (await green.call("POST", "/v2/apps", sleeper("/green/talker", 1, { cmd: "while true; do echo hi; sleep 0.2; done" }))).status,
    ).toBe(201);
    const [task] = await eventually(
      async () => {
        const r = await green.running("/green/talker");
        return r.length === 1 && r;
      },
      { what: "green's task running" },
    );
    const events = await openSse(`${f.cluster.apiUrl}/v2/events`, made.body.token, {}, f.cluster.apiCa);
    expect(events.status).toBe(200);
    const log = await followLog(`/v2/tasks/${task!.id}/logs?follow=true`, made.body.token);
    await eventually(() => log.received().includes("hi"), { what: "the followed log to flow" });
    const revokedAt = Date.now();
    expect((await f.api.call("DELETE", `/v2/tokens/${made.body.id}`)).status).toBe(204);
    await Promise.all([events.closed, log.closed]);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expect((await green.call("GET", "/v2/apps")).status).toBe(401);
    await f.api.call("DELETE", "/v2/apps/green/talker?force=true");
  });
});

/** Follows a response as it comes (a log with follow=true); `closed` settles when the server ends it. */
async function followLog(path: string, token: string): Promise<{ received(): string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = "";
    const req = httpsRequest(
      `${f.cluster.apiUrl}${path}`,
      { headers: { authorization: `Bearer ${token}` }, ca: readFileSync(f.cluster.apiCa ?? "") },
      (res) => {
        const closed = new Promise<void>((r) => res.on("close", () => r()));
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        resolve({ received: () => text, closed });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Runs `sniff` as a task of the given team and answers what it printed once it ended. */
async function sniffAs(api: Api, id: string, seconds: number, needles: string[], parameters: { key: string; value: string }[] = []) {
  const image = await sniffImage();
  const app = sleeper(id, 1, { cmd: sniffCommand(seconds, needles), container: { docker: { image, parameters } } });
  const created = await api.call("POST", "/v2/apps", app);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const [task] = await eventually(
    async () => {
      const t = await api.tasks(id);
      return t.length > 0 && t;
    },
    { what: `${id}'s task` },
  );
  const output = await eventually(
    async () => {
      const logs = await docker("logs", `berth-${task!.id}`).catch(() => "");
      return /^(socket:|found \d+)/m.test(logs) && /^(socket:.*|found \d+: \w+)$/m.test(logs.trim().split("\n").at(-1) ?? "") && logs;
    },
    { what: `${id}'s capture to end`, timeoutMs: (seconds + 30) * 1000 },
  );
  await api.call("DELETE", `/v2/apps${id}?force=true`);
  return readSniff(output);
}

describe("sniffing the control plane from a task", () => {
  it("gives a task no raw socket unless its team's policy grants NET_RAW", async () => {
    const r = await sniffAs(red, "/red/sniff", 1, ["anything"]);
    expect(r.refused).toBe("Operation not permitted");
  });

  it("lets a task granted NET_RAW capture the host's loopback, and find no token or secret in it", async () => {
    await f.api.call("PUT", "/v2/teams/spy", { policy: { capabilities: ["NET_RAW"] } });
    const spy = await tokenFor("spy");
    const secret = `fresh-${Date.now()}-blue-value`;
    const control = `control-${Date.now()}-in-clear`;
    const needles = [control, f.cluster.adminToken, blue.token!, secret];
    const capture = sniffAs(spy, "/spy/sniff", 15, needles, [{ key: "cap-add", value: "NET_RAW" }]);
    // And a reader of every agent command (as a process with access to the command streams could be).
    const commands: Uint8Array[] = [];
    const tap = f.bus.nc.subscribe("berth.v1.cmd.>", { callback: (_err, m) => void commands.push(m.data) });
    // Once the capture runs: the admin and blue use the api, blue stores a secret and launches a task that gets it over NATS.
    await eventually(async () => (await spy.running("/spy/sniff")).length === 1, { what: "the capture running" });
    await new Promise((r) => setTimeout(r, 1_000));
    await sendInClear(control);
    expect((await f.api.call("GET", "/v2/apps")).status).toBe(200);
    expect((await blue.call("PUT", "/v2/secrets/blue/fresh", { value: secret })).status).toBe(204);
    const app = sleeper("/blue/reader", 1, { secrets: { s: { source: "fresh" } }, env: { S: { secret: "s" } } });
    expect((await blue.call("POST", "/v2/apps", app)).status).toBe(201);
    const [task] = await eventually(
      async () => {
        const r = await blue.running("/blue/reader");
        return r.length === 1 && r;
      },
      { what: "blue's task running with its secret" },
    );
    expect((await docker("inspect", "--format", "{{json .Config.Env}}", `berth-${task!.id}`)).includes(`S=${secret}`)).toBe(true);
    tap.unsubscribe();
    const launches = commands.map((c) => Buffer.from(c)).filter((c) => c.includes("/blue/reader"));
    expect(launches.length).toBeGreaterThan(0);
    expect(launches.some((c) => c.includes(secret))).toBe(false);
    const r = await capture;
    expect(r.refused).toBeUndefined();
    expect(r.packets).toBeGreaterThan(0);
    expect(r.found, "control, admin token, blue's token, blue's secret").toEqual([true, false, false, false]);
    await blue.call("DELETE", "/v2/apps/blue/reader?force=true");
  });
});
