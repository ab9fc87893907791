// Strangers' tools are the judge: a real Marathon client library, and the other tools that speak Marathon's API.
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_IMAGE, eventually, startPrometheus } from "@berth/testkit";
import { describe, expect, it } from "vitest";
import { useCluster } from "../support/fixture.js";

const f = useCluster("compat-marathon", { extraEnv: { BERTH_CALLBACK_ALLOW: "loopback" } });
const here = dirname(fileURLToPath(import.meta.url));

/** Runs a program and answers its exit code and output (never rejects). */
function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("Debian's python3-marathon, unchanged", () => {
  it("runs a Marathon user's whole day against Berth, signed in with HTTP Basic", async () => {
    // Debian's packages install for Debian's Python, not the python3 first on the PATH.
    const r = await run(
      "/usr/bin/python3",
      [join(here, "marathon_client.py"), f.cluster.apiUrl, f.cluster.adminToken, DEMO_IMAGE],
      600_000,
    );
    const steps = new Map(
      r.stdout
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown> & { step: string })
        .map((s) => [s.step, s] as const),
    );
    expect(steps.get("failed"), r.stdout + r.stderr).toBeUndefined();
    expect(r.code).toBe(0);
    expect(steps.get("ping")).toMatchObject({ answer: "pong" });
    expect(steps.get("info")).toMatchObject({ name: "berth" });
    expect(steps.get("leader")?.leader).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(steps.get("create")).toMatchObject({ id: "/compat/web", instances: 1 });
    expect(steps.get("get")?.tasks).toHaveLength(1);
    expect(steps.get("list")).toMatchObject({ ids: ["/compat/web"], tasks: 1 });
    expect(steps.get("scale")).toMatchObject({ running: 2 });
    expect(steps.get("rollback")).toMatchObject({ changed_cmd: "sleep 601", cmd: "sleep 600", instances: 1 });
    expect(steps.get("restart")).toMatchObject({ replaced: true });
    expect(steps.get("kill-task")?.killed).toMatch(/^compat_web\./);
    expect(steps.get("group")).toMatchObject({ id: "/compat/grp", apps: ["/compat/grp/a"], instances: 1 });
    expect(steps.get("deployment-cancel")).toMatchObject({ affected: ["/compat/web"], cmd: "sleep 600" });
    expect(steps.get("events")).toMatchObject({ event_type: "status_update_event" });
    expect(steps.get("event-subscription")).toMatchObject({ listed: true, unlisted: true });
    expect(steps.get("event-subscription")?.received).toEqual(expect.arrayContaining(["api_post_event", "status_update_event"]));
    expect(Number(steps.get("metrics")?.counters)).toBeGreaterThan(0);
    expect(steps.get("delete")).toMatchObject({ apps: [] });
  });
});

describe("Prometheus's marathon_sd, unchanged", () => {
  it("discovers every running task's port with auth_token, as against Marathon", async () => {
    const app = {
      id: "/compat/sd",
      cmd: "httpd -f -p $PORT0 -h /www",
      cpus: 0.05,
      mem: 32,
      instances: 2,
      portDefinitions: [{ port: 0, name: "http" }],
      container: { docker: { image: DEMO_IMAGE } },
    };
    expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
    const tasks = await eventually(
      async () => {
        const r = await f.api.running("/compat/sd");
        return r.length === 2 && r;
      },
      { what: "two tasks running" },
    );
    const prometheus = await startPrometheus(`
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: marathon
    marathon_sd_configs:
      - servers: ["${f.cluster.apiUrl}"]
        auth_token: "${f.cluster.adminToken}"
        refresh_interval: 1s
`);
    try {
      const targets = await eventually(
        async () => {
          const t = (await prometheus.targets()).filter((x) => x.discoveredLabels.__meta_marathon_app === "/compat/sd");
          return t.length === 2 && t;
        },
        { what: "marathon_sd's targets", timeoutMs: 60_000 },
      );
      expect(targets.map((t) => t.discoveredLabels.__address__).sort()).toEqual(tasks.map((t) => `127.0.0.1:${t.ports[0]}`).sort());
      expect(targets.map((t) => t.discoveredLabels.__meta_marathon_task).sort()).toEqual(tasks.map((t) => t.id).sort());
    } finally {
      await prometheus.stop();
      await f.api.call("DELETE", "/v2/apps/compat/sd?force=true");
    }
  });
});

describe("curl, as Marathon's users call it", () => {
  it("signs in with -u and with DC/OS's token=, and answers a bodyless DELETE with a JSON content type", async () => {
    const token = f.cluster.adminToken;
    const basic = await run("curl", ["-s", "-u", `:${token}`, `${f.cluster.apiUrl}/v2/apps`], 30_000);
    expect(JSON.parse(basic.stdout)).toEqual({ apps: [] });
    const dcos = await run("curl", ["-s", "-H", `Authorization: token=${token}`, `${f.cluster.apiUrl}/v2/info`], 30_000);
    expect(JSON.parse(dcos.stdout)).toMatchObject({ name: "berth" });
    const wrong = await run("curl", ["-s", "-i", "-u", "ci:wrong", `${f.cluster.apiUrl}/v2/apps`], 30_000);
    expect(wrong.stdout).toMatch(/^HTTP\/1\.1 401/);
    expect(wrong.stdout).toMatch(/^www-authenticate: Basic realm="berth"/im);
    const bodyless = await run(
      "curl",
      [
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-X",
        "DELETE",
        "-H",
        "Content-Type: application/json",
        "-u",
        `:${token}`,
        `${f.cluster.apiUrl}/v2/apps/nothing/here`,
      ],
      30_000,
    );
    expect(bodyless.stdout).toBe("404");
    const slash = await run("curl", ["-s", "-u", `:${token}`, `${f.cluster.apiUrl}/v2/apps/`], 30_000);
    expect(JSON.parse(slash.stdout)).toEqual({ apps: [] });
  });
});
