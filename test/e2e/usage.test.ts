// What tasks use, as operators see it: GET /v2/usage (team-scoped), `berth top` (once, piped, and live in a
// terminal), and the app page's charts in Chromium, all from a real task burning CPU on the real Docker.
import { execFile, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiUsageReport } from "@berth/contract";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";

// Readings every second, so rates show within seconds.
const f = useCluster("e2e-usage", { extraEnv: { BERTH_AGENT_METRICS_INTERVAL_MS: "1000" } });
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(root, "packages/cli/dist/main.js");
const artifacts = join(root, "test-results", "ui");
const MiB = 1024 * 1024;

/** Burns all the CPU it may: a quarter of a core under a CFS quota, so it is throttled most of the time. */
const burner = {
  id: "/burn/hot",
  cmd: "while :; do :; done",
  cpus: 0.25,
  mem: 32,
  instances: 1,
  taskKillGracePeriodSeconds: 0,
  container: { type: "DOCKER", docker: { image: DEMO_IMAGE, parameters: [{ key: "cpu-quota", value: "25000" }] } },
};

let burnToken = "";
let otherToken = "";

const usage = async (query: string, token = burnToken) => f.api.as(token).call<ApiUsageReport>("GET", `/v2/usage${query}`);

beforeAll(async () => {
  burnToken = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "burn", team: "burn" })).body.token;
  otherToken = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "other", team: "other" })).body.token;
  expect((await f.api.call("POST", "/v2/apps", burner)).status).toBe(201);
  await eventually(async () => ((await usage("?app=/burn/hot")).body.tasks[0]?.current?.cpus ?? 0) > 0.1, {
    what: "the burner's CPU use reported",
    timeoutMs: 60_000,
  });
});

function berth(args: string[], token = burnToken): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, BERTH_URL: f.cluster.apiUrl, BERTH_TOKEN: token } },
      (err, stdout, stderr) => res({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("GET /v2/usage", () => {
  it("tells what a task uses against what it was given", async () => {
    const { body } = await usage("?app=/burn/hot&history=true");
    const [task] = body.tasks;
    expect(body.tasks).toHaveLength(1);
    expect(task?.appId).toBe("/burn/hot");
    expect(task?.state).toBe("TASK_RUNNING");
    expect([task?.cpus, task?.mem, task?.memLimitBytes]).toEqual([0.25, 32, 32 * MiB]);
    // Held to its quarter core, and throttled for it.
    expect(task?.current?.cpus).toBeGreaterThan(0.1);
    expect(task?.current?.cpus).toBeLessThan(0.4);
    expect(task?.current?.throttled).toBeGreaterThan(0.2);
    expect(task?.current?.memBytes).toBeGreaterThan(0);
    expect(task?.peak.cpus).toBeGreaterThan(0.1);
    expect(task?.history?.length).toBeGreaterThan(0);
    expect(body.apps).toEqual([expect.objectContaining({ appId: "/burn/hot", instances: 1, tasks: 1 })]);
    expect(body.apps[0]?.history?.length).toBeGreaterThan(0);
    expect(body.stepSeconds * 240).toBe(body.windowSeconds);
  });

  it("shows a team only its own tasks", async () => {
    expect((await usage("", otherToken)).body.tasks).toEqual([]);
    expect((await usage("?app=/burn/hot", otherToken)).body.tasks).toEqual([]);
    expect((await f.api.call<ApiUsageReport>("GET", "/v2/usage?team=burn")).body.tasks.map((t) => t.appId)).toEqual(["/burn/hot"]);
    expect((await f.api.call<ApiUsageReport>("GET", "/v2/usage?team=other")).body.tasks).toEqual([]);
  });

  it("books each agent's room by team, showing a team only its own", async () => {
    type Agents = { agents: { teams: Record<string, { cpus: number; mem: number; tasks: number }> }[] };
    const held = async (token?: string) =>
      (await (token ? f.api.as(token) : f.api).call<Agents>("GET", "/v2/agents")).body.agents[0]?.teams;
    expect((await held())?.burn).toEqual({ cpus: 0.25, mem: 32, disk: 0, tasks: 1 });
    expect(Object.keys((await held(burnToken)) ?? {})).toEqual(["burn"]);
    expect(await held(otherToken)).toEqual({});
  });

  it("refuses a filter it cannot read, saying what to send", async () => {
    const r = await f.api.call<{ message: string; details: { path: string }[] }>("GET", "/v2/usage?team=Not%20a%20team");
    expect(r.status).toBe(422);
    expect(r.body.details[0]?.path).toBe("/team");
  });
});

describe("berth top", () => {
  it("prints once for scripts: JSON, YAML, and tab-separated lines when piped", async () => {
    const json = await berth(["top", "--once", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as ApiUsageReport;
    expect(report.tasks.map((t) => t.appId)).toEqual(["/burn/hot"]);
    const yaml = await berth(["top", "--once", "-o", "yaml", "--app", "/burn/hot"]);
    expect(yaml.stdout).toMatch(/^ {4}appId: \/burn\/hot$/m);
    const piped = await berth(["top"]);
    expect(piped.code).toBe(0);
    const lines = piped.stdout.trim().split("\n");
    expect(lines[1]).toBe("APP\tTASK\tCPU\tCPU%\tMEM\tMEM%\tTHROTTLED\tPEAK CPU\tAGENT");
    expect(lines[2]).toMatch(/^\/burn\/hot\t\S+\t0\.\d\d\t\d+%\t[\d.]+MiB\t\d+%\t\d+%\t/);
    expect(piped.stdout).not.toContain("\x1b[");
    expect((await berth(["top", "--sort", "size"])).code).toBe(2);
  });

  /** The real binary in a pseudo-terminal (util-linux's `script`), keys written to it as a person types them. */
  async function live(...keys: string[]): Promise<{ code: number; screen: string }> {
    const command = [process.execPath, bin, "top", "--interval", "0.5"].map((a) => `'${a}'`).join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, BERTH_URL: f.cluster.apiUrl, BERTH_TOKEN: burnToken, TERM: "xterm", NO_COLOR: "" },
    });
    let screen = "";
    child.stdout.on("data", (d: Buffer) => (screen += d.toString()));
    const exited = new Promise<number>((r) => child.on("exit", (code) => r(code ?? -1)));
    await eventually(async () => (screen.match(/\/burn\/hot/g) ?? []).length >= 2, { what: "two live frames", timeoutMs: 20_000 });
    for (const key of keys) {
      child.stdin.write(key);
      await new Promise((r) => setTimeout(r, 300));
    }
    const code = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-2), 10_000))]);
    if (code === -2) child.kill("SIGKILL");
    return { code, screen };
  }

  it("shows a live view in a terminal that q ends cleanly", async () => {
    // An arrow key, then m: neither quits (m sorts by memory).
    const { code, screen } = await live("\x1b[A", "m");
    expect(code).toBe(-2);
    expect(screen).toContain("sorted by mem");
    const quit = await live("q");
    expect(quit.code).toBe(0);
    // The alternate screen is entered and left, so the shell's screen comes back as it was.
    expect(quit.screen).toContain("\x1b[?1049h");
    expect(quit.screen).toContain("\x1b[?1049l");
    expect(quit.screen).toMatch(/\/burn\/hot\s+\S+\s+0\.\d\d/);
  });

  it("ends cleanly on Ctrl-C", async () => {
    const { code, screen } = await live("\x03");
    expect(code).toBe(0);
    expect(screen).toContain("\x1b[?25h");
  });
});

describe("the app page's charts", () => {
  it("draws each task's CPU and memory over the last hour, with words for each chart", async () => {
    mkdirSync(artifacts, { recursive: true });
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      page.setDefaultTimeout(15_000);
      await page.goto(`${f.cluster.apiUrl}/ui/`);
      await page.getByLabel("API token").fill(burnToken);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.goto(`${f.cluster.apiUrl}/ui/#/app/burn/hot`);
      const cpu = page.getByRole("img", { name: /^CPU of all tasks: now 0\.\d\d cpus, peak 0\.\d\d cpus, of 0\.25 cpus given$/ });
      await cpu.waitFor();
      const [task] = (await usage("?app=/burn/hot")).body.tasks;
      await page
        .getByRole("img", { name: new RegExp(`^Memory of ${task?.taskId}: now [\\d.]+ MiB, peak [\\d.]+ MiB, of 32\\.0 MiB given$`) })
        .waitFor();
      await page.getByRole("img", { name: new RegExp(`^Throttled time of ${task?.taskId}: now \\d+%`) }).waitFor();
      // Each chart is reachable by keyboard and says the same in words under it.
      const active = () => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");
      let tabs = 0;
      while (!(await active()).startsWith("CPU of all tasks") && tabs++ < 40) await page.keyboard.press("Tab");
      expect(await active()).toMatch(/^CPU of all tasks: now/);
      expect(await page.locator("figure.chart").first().locator("figcaption").textContent()).toMatch(/^CPU of all tasks: now/);
      // Live: the line grows without a reload.
      const points = () => page.locator("svg.chart polyline").first().getAttribute("points");
      const before = await points();
      await eventually(async () => (await points()) !== before, { what: "the chart redrawn", timeoutMs: 20_000 });
      await page.screenshot({ path: join(artifacts, "app-usage-charts.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
