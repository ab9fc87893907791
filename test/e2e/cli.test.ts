import { execFile } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";

const f = useCluster("e2e-cli");
const bin = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "packages/cli/dist/main.js");

/** Runs the real `berth` binary against the cluster. */
function berth(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, BERTH_URL: f.cluster.apiUrl, BERTH_TOKEN: f.cluster.adminToken } },
      (err, stdout, stderr) => res({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

const app = {
  id: "/cli/web",
  cmd: "echo started; httpd -f -p $PORT0 -h /www",
  cpus: 0.1,
  mem: 32,
  instances: 1,
  taskKillGracePeriodSeconds: 0,
  portDefinitions: [{ port: 0, name: "http" }],
  container: { docker: { image: DEMO_IMAGE } },
};

describe("the berth command", () => {
  it("adds an app from standard input, lists it, shows it, plans, scales, watches, reads logs and removes it", async () => {
    const add = await berth(["app", "add", "-"], JSON.stringify(app));
    expect(add.code).toBe(0);
    const deployment = /deployment ([0-9a-f-]{36}) started/.exec(add.stdout)?.[1];
    expect(deployment).toBeDefined();
    const watch = await berth(["deployment", "watch", deployment!]);
    expect(watch.code).toBe(0);
    expect(watch.stdout.trim().split("\n").at(-1)).toMatch(/^success/);

    const list = await berth(["app", "list"]);
    expect(list.stdout).toMatch(/^ID\s+INSTANCES\s+RUNNING/);
    expect(list.stdout).toMatch(/\/cli\/web\s+1\s+1\s/);
    const listed = JSON.parse((await berth(["app", "list", "--json"])).stdout) as { apps: { id: string }[] };
    expect(listed.apps.map((a) => a.id)).toContain("/cli/web");
    const show = await berth(["app", "show", "/cli/web"]);
    expect(show.stdout).toMatch(/^\/cli\/web: 1\/1 running/);
    expect(show.stdout).toMatch(/TASK_RUNNING/);

    const plan = await berth(["app", "plan", "/cli/web", "-"], JSON.stringify({ mem: 48 }));
    expect(plan.stdout).toContain("plan for /cli/web (nothing changed):");
    expect(plan.stdout).toContain("action: RestartApplication");

    const scale = await berth(["app", "scale", "/cli/web", "2"]);
    expect(scale.code).toBe(0);
    await eventually(async () => (await f.api.running("/cli/web")).length === 2, { what: "2 running" });
    const tasks = await berth(["task", "list", "/cli/web"]);
    expect(tasks.stdout.trim().split("\n")).toHaveLength(3);

    const [t] = await f.api.running("/cli/web");
    const logs = await eventually(
      async () => {
        const r = await berth(["logs", t!.id, "--tail", "10"]);
        return r.stdout.includes("started") && r;
      },
      { what: "logs" },
    );
    expect(logs.code).toBe(0);
    const agents = await berth(["agent", "list"]);
    expect(agents.stdout).toMatch(/active/);
    // The app's two tasks, held by marathon.
    expect(agents.stdout).toMatch(/marathon:2/);
    const frameworks = await berth(["framework", "list"]);
    expect(frameworks.stdout.split("\n")[1]).toMatch(/^marathon\s+marathon\s+\(all\)\s+\*\s+1\s+active\s+2\s/);
    // Roles' weights: the team's apps are the role cli/marathon; weighed 3, listed with it, and set back.
    expect((await berth(["role", "weight", "cli/marathon", "3"])).stdout.trim()).toBe("role cli/marathon weighs 3");
    expect((await berth(["role", "list"])).stdout.split("\n")[1]).toMatch(/^cli\/marathon\s+3\s+[\d.]+\s+0\.2\s+\d+\s+marathon$/);
    const badWeight = await berth(["role", "weight", "cli/marathon", "heavy"]);
    expect([badWeight.code, badWeight.stderr]).toEqual([2, expect.stringContaining("/weight")]);
    expect((await berth(["role", "reset", "cli/marathon"])).stdout.trim()).toBe("role cli/marathon weighs 1");
    const marathon = await berth(["framework", "show", "marathon"]);
    expect(marathon.stdout).toMatch(/holds 2 task\(s\)/);
    const builtIn = await berth(["framework", "teardown", "marathon"]);
    expect([builtIn.code, builtIn.stderr]).toEqual([2, expect.stringContaining("cannot be torn down")]);
    const unknown = await berth(["framework", "show", "nope"]);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, expect.stringContaining("Framework 'nope' does not exist")]);
    expect((await berth(["queue"])).code).toBe(0);

    await f.api.settled();
    const remove = await berth(["app", "remove", "/cli/web"]);
    expect(remove.code).toBe(0);
    await eventually(async () => (await f.api.call("GET", "/v2/apps/cli/web")).status === 404, { what: "removed" });
  });

  it("exits 2 with the fields to fix when Berth refuses the input, and 1 for other errors", async () => {
    const bad = await berth(["app", "add", "-"], JSON.stringify({ ...app, id: "/cli/bad", cpus: -1 }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: Object is not valid");
    expect(bad.stderr).toContain("/cpus: must be greater than 0");
    const notJson = await berth(["app", "add", "-"], "{nope");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/standard input is not JSON/);
    const missing = await berth(["app", "show", "/cli/none"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("error: App '/cli/none' does not exist\n");
    const usage = await berth(["app", "frobnicate"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("berth app list");
    const down = await new Promise<{ code: number; stderr: string }>((res) =>
      execFile(process.execPath, [bin, "app", "list", "--url", "http://127.0.0.1:9"], (err, _o, stderr) =>
        res({ code: Number((err as { code?: number } | null)?.code ?? 0), stderr }),
      ),
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot reach Berth at http:\/\/127\.0\.0\.1:9/);
  });

  it("makes a scoped token, lists it with its scopes, and revokes it", async () => {
    const made = await berth([
      "token",
      "create",
      "--name",
      "shop ci",
      "--team",
      "shop",
      "--scope",
      "deploy:/shop/web",
      "--scope",
      "read:/shop",
      "--json",
    ]);
    expect(made.code).toBe(0);
    const token = JSON.parse(made.stdout) as { id: string; token: string; scopes: unknown };
    expect(token.scopes).toEqual([
      { action: "deploy", path: "/shop/web" },
      { action: "read", path: "/shop" },
    ]);
    expect((await berth(["token", "list"])).stdout).toMatch(
      new RegExp(`${token.id}\\s+shop ci\\s+team\\s+shop\\s+deploy:/shop/web,read:/shop`),
    );
    const scoped = f.api.as(token.token);
    expect((await scoped.call("POST", "/v2/apps", { ...app, id: "/shop/db" })).status).toBe(403);
    expect((await berth(["token", "revoke", token.id])).stdout.trim()).toBe("revoked");
    expect((await scoped.call("GET", "/v2/apps")).status).toBe(401);
    const bad = await berth(["token", "create", "--name", "x", "--team", "shop", "--scope", "deploy:/other"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("/scopes/0");
  });
});
