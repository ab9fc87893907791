import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Cluster,
  DEMO_IMAGE,
  docker,
  eventually,
  type NatsServer,
  type Registry,
  removeContainersWithLabel,
  startCluster,
  startNatsServer,
  startRegistry,
} from "@berth/testkit";
import { Api } from "../support/api.js";
import { collectEvents } from "../support/events.js";

let nats: NatsServer;
let cluster: Cluster;
let api: Api;
let registry: Registry;
let image: string;
let events: Awaited<ReturnType<typeof collectEvents>>;

beforeAll(async () => {
  registry = await startRegistry();
  image = await registry.push(DEMO_IMAGE, "team/busybox:1");
  nats = await startNatsServer();
  cluster = await startCluster({ natsUrl: nats.url, natsTls: nats.tls, name: "e2e-registry" });
  api = new Api(cluster.apiUrl, cluster.adminToken);
  events = await collectEvents(nats);
});

afterAll(async () => {
  await events?.stop();
  await cluster?.stop();
  await removeContainersWithLabel(`berth.agent=${cluster?.agentId}`);
  await docker("rmi", image).catch(() => undefined);
  await nats?.stop();
  await registry?.stop();
});

const app = (id: string, img: string, pullConfig?: Record<string, string>) => ({
  id,
  cmd: "sleep 600",
  cpus: 0.1,
  mem: 32,
  taskKillGracePeriodSeconds: 0,
  container: { docker: { image: img, ...(pullConfig ? { pullConfig } : {}) } },
});

const failureOf = (appId: string) =>
  eventually(() => events.events.find((e) => e.appId === appId && e.taskStatus === "TASK_FAILED"), {
    what: `a failure of ${appId}`,
    timeoutMs: 30_000,
  });

describe("images from a private registry", () => {
  it("pulls a pushed image with pullConfig credentials and runs it", async () => {
    await expect(docker("image", "inspect", image)).rejects.toThrow();
    const r = await api.call(
      "POST",
      "/v2/apps",
      app("/reg/ok", image, { username: registry.username, password: registry.password, serveraddress: registry.address }),
    );
    expect(r.status).toBe(201);
    await eventually(async () => (await api.running("/reg/ok")).length === 1, { what: "running from the registry", timeoutMs: 60_000 });
    expect(await docker("image", "inspect", "--format", "{{.Id}}", image)).toMatch(/^sha256:/);
  });

  it("pulls an image once for tasks that start together, as Docker's own events count", async () => {
    const many = await registry.push(DEMO_IMAGE, "team/busybox:many");
    await expect(docker("image", "inspect", many)).rejects.toThrow();
    const since = Math.floor(Date.now() / 1000) - 1;
    const auth = { username: registry.username, password: registry.password, serveraddress: registry.address };
    expect((await api.call("POST", "/v2/apps", { ...app("/reg/many", many, auth), instances: 6 })).status).toBe(201);
    await eventually(async () => (await api.running("/reg/many")).length === 6, { what: "6 running", timeoutMs: 60_000 });
    const pulls = await docker(
      "events",
      "--since",
      String(since),
      "--until",
      String(Math.ceil(Date.now() / 1000) + 1),
      "--filter",
      "type=image",
      "--filter",
      "event=pull",
      "--format",
      "{{.Actor.ID}}",
    );
    expect(pulls.split("\n").filter((l) => l.includes("team/busybox:many"))).toHaveLength(1);
    await api.call("DELETE", "/v2/apps/reg/many?force=true");
  });

  it("fails the task with the registry's reason for wrong credentials", async () => {
    const fresh = await registry.push(DEMO_IMAGE, "team/busybox:2");
    await api.call("POST", "/v2/apps", app("/reg/badauth", fresh, { username: registry.username, password: "wrong" }));
    const failed = await failureOf("/reg/badauth");
    expect(failed.message).toMatch(
      new RegExp(
        `^Failed to pull image '${fresh.replaceAll(".", "\\.")}': .*(unauthorized|authentication required|no basic auth credentials)`,
      ),
    );
    await api.call("DELETE", "/v2/apps/reg/badauth?force=true");
  });

  it("fails the task with the registry's reason for an image that does not exist", async () => {
    const missing = `${registry.address}/team/absent:1`;
    await api.call("POST", "/v2/apps", app("/reg/missing", missing, { username: registry.username, password: registry.password }));
    const failed = await failureOf("/reg/missing");
    expect(failed.message).toMatch(/manifest unknown|not found/);
    await api.call("DELETE", "/v2/apps/reg/missing?force=true");
  });

  it("refuses pullConfig that refers to a secret", async () => {
    const r = await api.call<{ details: { path: string }[] }>("POST", "/v2/apps", app("/reg/secret", image, { secret: "creds" }));
    expect(r.status).toBe(422);
    expect(r.body.details[0]?.path).toBe("/container/docker/pullConfig/secret");
  });
});
