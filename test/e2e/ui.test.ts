import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { containersWithLabel, DEMO_IMAGE, eventually } from "@berth/testkit";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("e2e-ui", { jobScheduler: true });
const artifacts = join(import.meta.dirname, "..", "..", "test-results", "ui");
let browser: Browser;
let page: Page;
let teamToken = "";

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  teamToken = (await f.api.call<{ token: string }>("POST", "/v2/tokens", { name: "ui", team: "shop" })).body.token;
  // Another team's app, which the shop team must not see.
  expect((await f.api.call("POST", "/v2/apps", sleeper("/billing/worker"))).status).toBe(201);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
});

const app = {
  id: "/shop/web",
  cmd: "echo hello-from-berth; exec httpd -f -p $PORT0 -h /www",
  cpus: 0.1,
  mem: 32,
  instances: 1,
  taskKillGracePeriodSeconds: 0,
  portDefinitions: [{ port: 0, name: "http" }],
  container: { type: "DOCKER", docker: { image: DEMO_IMAGE } },
};

describe("the web UI in Chromium", () => {
  it("asks for a token, and shows a team only its own apps", async () => {
    await page.goto(`${f.cluster.apiUrl}/`);
    await expect.poll(() => page.url()).toMatch(/\/ui\/$/);
    await page.getByLabel("API token").fill("berth_wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "not valid" }).waitFor();
    await page.getByLabel("API token").fill(teamToken);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Apps" }).waitFor();
    expect(await page.getByRole("link", { name: "/billing/worker" }).count()).toBe(0);
  });

  it("creates an app from JSON, showing what is wrong next to the field first", async () => {
    await page.getByRole("link", { name: "New app" }).click();
    const editor = page.getByLabel("App definition (Marathon JSON)");
    await editor.fill(JSON.stringify({ ...app, cpus: -1 }, null, 2));
    await page.getByRole("button", { name: "Create" }).click();
    const problem = page.locator("#problems li").filter({ hasText: "/cpus" });
    await problem.waitFor();
    expect(await problem.textContent()).toContain("must be greater than 0");
    await editor.fill(JSON.stringify(app, null, 2));
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { name: /\/shop\/web/ }).waitFor();
  });

  it("sees the task turn running without a reload, then scales it", async () => {
    const running = page.getByRole("row").filter({ hasText: /\bRUNNING\b/ });
    await running.first().waitFor({ timeout: 30_000 });
    await page.getByLabel("Instances").fill("2");
    await page.getByRole("button", { name: "Scale" }).click();
    await expect.poll(() => running.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await f.api.running("/shop/web")).length).toBe(2);
    const port = (await f.api.running("/shop/web"))[0]?.ports[0];
    expect(await page.getByRole("link", { name: String(port) }).getAttribute("href")).toBe(`http://127.0.0.1:${port}/`);
  });

  it("reads a task's stdout", async () => {
    await page.getByRole("button", { name: "stdout" }).first().click();
    const logs = page.getByLabel(/^stdout of shop_web\./);
    await expect.poll(() => logs.textContent()).toContain("hello-from-berth");
    await page.screenshot({ path: join(artifacts, "app-page.png"), fullPage: true });
  });

  it("fits a phone's screen, with the tables scrolling inside the page", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("heading", { name: /\/shop\/web/ }).waitFor();
    const overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow as number).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifacts, "app-page-phone.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("destroys the app only after confirmation", async () => {
    await page.getByRole("button", { name: "Destroy" }).click();
    const dialog = page.getByRole("dialog", { name: /Destroy \/shop\/web/ });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await f.api.call("GET", "/v2/apps/shop/web")).status).toBe(200);
    await page.getByRole("button", { name: "Destroy" }).click();
    await dialog.getByRole("button", { name: "Destroy" }).click();
    await page.getByRole("heading", { name: "Apps" }).waitFor();
    expect((await f.api.call("GET", "/v2/apps/shop/web")).status).toBe(404);
    await eventually(async () => (await containersWithLabel("berth.app=/shop/web", false)).length === 0, { what: "containers gone" });
  });

  it("shows agents with used and free resources, and the live event feed", async () => {
    await page.getByRole("link", { name: "Agents" }).click();
    await page.getByRole("cell", { name: f.cluster.agentId }).waitFor();
    // Booked against what it has: cpus, memory, disk and ports.
    expect(await page.getByRole("meter").count()).toBe(4);
    await page.getByRole("meter", { name: /^\d+ of 500 used$/ }).waitFor();
    // Which framework holds what there, of what the team may see: the one task running is another team's.
    await page.getByRole("columnheader", { name: "By framework" }).waitFor();
    expect(await page.getByRole("row").nth(1).getByRole("cell").nth(8).textContent()).toBe("none");
    await page.getByRole("columnheader", { name: "By team" }).waitFor();
    expect(await page.getByRole("row").nth(1).getByRole("cell").nth(9).textContent()).toBe("none");
    // And the launches that wait, with why, on the same page.
    await page.getByRole("heading", { name: "Waiting launches" }).waitFor();
    await page.getByRole("table", { name: /apps waiting$/ }).waitFor();
    await page.getByRole("link", { name: "Events" }).click();
    await page.getByRole("cell", { name: "status_update_event" }).first().waitFor();
    const feed = await page.locator("table").textContent();
    expect(feed).toContain("/shop/web");
    expect(feed).not.toContain("/billing");
  });

  it("lists the team's jobs with when each next runs in its own zone, runs one now and shows how it ended", async () => {
    const job = (id: string, zone: string) => ({
      id,
      run: { cmd: "echo report done", cpus: 0.1, mem: 32, docker: { image: DEMO_IMAGE } },
      schedules: [{ id: "nightly", cron: "0 3 * * *", timeZone: zone }],
    });
    expect((await f.api.call("POST", "/v1/jobs", job("shop.report", "America/New_York"))).status).toBe(201);
    expect((await f.api.call("POST", "/v1/jobs", job("billing.secret", "UTC"))).status).toBe(201);
    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByRole("link", { name: "shop.report" }).waitFor();
    expect(await page.getByRole("link", { name: "billing.secret" }).count()).toBe(0);
    // Three in the morning where the job runs, said in that zone.
    await page.getByRole("cell", { name: /03:00 \(America\/New_York\)$/ }).waitFor();
    await page.getByRole("link", { name: "shop.report" }).click();
    await page.getByRole("heading", { name: "shop.report" }).waitFor();
    await page.getByRole("button", { name: "Run now" }).click();
    // The page follows the run's events: it ends in the history without a reload.
    await page.getByText("1 succeeded, 0 failed").waitFor({ timeout: 30_000 });
    await page.getByRole("table", { name: "History" }).getByText("SUCCESS").waitFor();
    await page.screenshot({ path: join(artifacts, "job-page.png"), fullPage: true });
  });
});
