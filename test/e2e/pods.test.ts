// Marathon's pods on the real Docker daemon: two containers of one instance share the network (one
// reaches the other on localhost) and a sandbox volume, are started, health-checked, replaced and
// removed together, and /v2/pods answers in Marathon's shapes.
import { afterAll, describe, expect, it } from "vitest";
import { agentPorts, DEMO_IMAGE, docker, dockerInspect, eventually } from "@berth/testkit";
import { useCluster } from "../support/fixture.js";
import { sleeper } from "../support/apps.js";

const f = useCluster("e2e-pods");

interface InstanceStatus {
  id: string;
  status: string;
  message?: string;
  containers: {
    name: string;
    status: string;
    containerId: string;
    endpoints: { name: string; allocatedHostPort?: number; healthy?: boolean }[];
  }[];
}
interface PodStatus {
  id: string;
  status: string;
  spec: { version: string; scaling: { instances: number } };
  instances: InstanceStatus[];
  terminationHistory: { instanceID: string; message: string }[];
}

/** The web container serves the shared volume; the sidecar writes a page into it, then fetches it back over localhost. */
const POD = {
  id: "/pods/web",
  labels: { owner: "shop" },
  environment: { GREETING: "hello from the sidecar" },
  containers: [
    {
      name: "web",
      resources: { cpus: 0.05, mem: 32 },
      image: { kind: "DOCKER", id: DEMO_IMAGE },
      exec: { command: { shell: "exec httpd -f -p $ENDPOINT_WEB -h /www" } },
      endpoints: [{ name: "web", hostPort: 0, protocol: ["tcp"] }],
      healthCheck: { http: { endpoint: "web", path: "/index.html" }, gracePeriodSeconds: 30, intervalSeconds: 1, delaySeconds: 0 },
      volumeMounts: [{ name: "site", mountPath: "/www" }],
      lifecycle: { killGracePeriodSeconds: 0 },
    },
    {
      name: "sidecar",
      resources: { cpus: 0.05, mem: 48 },
      image: { kind: "DOCKER", id: DEMO_IMAGE },
      exec: {
        command: {
          shell:
            'echo "$GREETING" > /data/index.html; ' +
            "while true; do wget -q -O /data/fetched.txt http://127.0.0.1:$ENDPOINT_WEB/index.html && echo fetched; sleep 1; done",
        },
      },
      environment: { ROLE: "sidecar" },
      healthCheck: { exec: { command: { shell: "test -s /data/fetched.txt" } }, intervalSeconds: 1, delaySeconds: 0 },
      volumeMounts: [{ name: "site", mountPath: "/data" }],
    },
  ],
  volumes: [{ name: "site" }],
  networks: [{ mode: "host" }],
  scaling: { kind: "fixed", instances: 1 },
};

const status = async (id = "/pods/web") => (await f.api.call<PodStatus>("GET", `/v2/pods${id}::status`)).body;
const stableWith = (n: number, except: readonly string[] = []) =>
  eventually(
    async () => {
      const s = await status();
      const fresh = s.instances.filter((i) => !except.includes(i.id));
      return s.status === "STABLE" && fresh.length === n && fresh.every((i) => i.status === "STABLE") && s;
    },
    { what: `${n} stable instance(s) of /pods/web`, timeoutMs: 60_000 },
  );
const page = async (port: number, path: string) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return r.ok ? (await r.text()).trim() : undefined;
};

afterAll(async () => {
  await f.api?.call("DELETE", "/v2/pods/pods/web?force=true");
});

describe("a two-container pod on Docker", () => {
  let first: InstanceStatus;

  it("is created with Marathon's answer, and runs both containers as one instance", async () => {
    const created = await f.api.call<{ id: string; version: string; containers: unknown[] }>("POST", "/v2/pods", POD);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v2/pods/pods/web");
    expect(created.headers.get("marathon-deployment-id")).toBeTruthy();
    expect(created.body).toMatchObject({ id: "/pods/web", containers: [{ name: "web" }, { name: "sidecar" }] });

    const s = await stableWith(1);
    [first] = s.instances as [InstanceStatus];
    expect(first.containers.map((k) => [k.name, k.status, k.containerId])).toEqual([
      ["web", "TASK_RUNNING", `${first.id}.web`],
      ["sidecar", "TASK_RUNNING", `${first.id}.sidecar`],
    ]);
    expect(first.containers[0]?.endpoints[0]).toMatchObject({ name: "web", healthy: true });
    expect(f.events.some((e) => e.eventType === "pod_created_event" && e.uri === "/v2/pods")).toBe(true);
  });

  it("shares the network: the sidecar fetched the web container's page over localhost, through the shared volume", async () => {
    const port = first.containers[0]?.endpoints[0]?.allocatedHostPort ?? 0;
    expect(port).toBeGreaterThanOrEqual(agentPorts().begin);
    expect(port).toBeLessThanOrEqual(agentPorts().end);
    expect(await page(port, "/index.html")).toBe("hello from the sidecar");
    expect(await eventually(() => page(port, "/fetched.txt"), { what: "the sidecar's fetch" })).toBe("hello from the sidecar");
  });

  it("runs each container with its own image, command, env and memory, the second beside the first", async () => {
    const web = await dockerInspect<{ Config: { Env: string[] }; HostConfig: { NetworkMode: string; Memory: number } }>(
      `berth-${first.id}`,
    );
    const side = await dockerInspect<{
      Config: { Env: string[]; Labels: Record<string, string> };
      HostConfig: { NetworkMode: string; Memory: number };
    }>(`berth-${first.id}.sidecar`);
    expect(web.HostConfig).toMatchObject({ NetworkMode: "host", Memory: 32 * 1024 * 1024 });
    expect(side.HostConfig).toMatchObject({ NetworkMode: "host", Memory: 48 * 1024 * 1024 });
    expect(side.Config.Env).toEqual(
      expect.arrayContaining(["ROLE=sidecar", "GREETING=hello from the sidecar", "MESOS_SANDBOX=/mnt/mesos/sandbox"]),
    );
    expect(web.Config.Env).not.toContain("ROLE=sidecar");
    expect(side.Config.Labels["berth.member"]).toBe("sidecar");
  });

  it("is a pod, not an app: /v2/apps and /v2/tasks leave it out, /v2/pods and its group show it", async () => {
    const apps = await f.api.call<{ apps: { id: string }[] }>("GET", "/v2/apps");
    expect(apps.body.apps.map((a) => a.id)).not.toContain("/pods/web");
    expect((await f.api.call("GET", "/v2/apps/pods/web")).status).toBe(404);
    const tasks = await f.api.call<{ tasks: { appId: string }[] }>("GET", "/v2/tasks");
    expect(tasks.body.tasks.map((t) => t.appId)).not.toContain("/pods/web");
    const pods = await f.api.call<{ id: string }[]>("GET", "/v2/pods");
    expect(pods.body.map((p) => p.id)).toEqual(["/pods/web"]);
    const group = await f.api.call<{ pods: { id: string }[]; apps: unknown[] }>("GET", "/v2/groups/pods");
    expect(group.body.pods.map((p) => p.id)).toEqual(["/pods/web"]);
    const asApp = await f.api.call<{ message: string }>("PUT", "/v2/apps/pods/web", { cmd: "sleep 1" });
    expect(asApp.status).toBe(409);
    expect(asApp.body.message).toContain("is a pod");
  });

  it("ends the instance when one container dies, stops the other, names it, and replaces the instance", async () => {
    await docker("kill", `berth-${first.id}.sidecar`);
    const s = await stableWith(1, [first.id]);
    expect(s.terminationHistory).toEqual(
      expect.arrayContaining([
        {
          instanceID: first.id,
          terminatedAt: expect.any(String),
          message: "Container 'sidecar' of the pod exited with code 137",
        },
      ]),
    );
    await eventually(
      async () =>
        !(await dockerInspect<{ State: { Running: boolean } }>(`berth-${first.id}`).then(
          (c) => c.State.Running,
          () => false,
        )),
      {
        what: "the web container of the ended instance to stop",
      },
    );
    [first] = s.instances.filter((i) => i.id !== first.id) as [InstanceStatus];
  });

  it("kills one instance by id with ::instances, answering its status, and replaces it", async () => {
    const killed = await f.api.call<InstanceStatus>("DELETE", `/v2/pods/pods/web::instances/${first.id}`);
    expect(killed.status).toBe(200);
    expect(killed.body).toMatchObject({ id: first.id, status: "TERMINAL" });
    const s = await stableWith(1, [first.id]);
    expect(s.instances[0]?.id).not.toBe(first.id);
    const unknown = await f.api.call<{ message: string }>("DELETE", "/v2/pods/pods/web::instances/nope");
    expect(unknown.status).toBe(404);
  });

  it("scales with PUT, keeps every version, and is removed with all its containers", async () => {
    const put = await f.api.call<{ scaling: { instances: number }; version: string }>("PUT", "/v2/pods/pods/web", {
      ...POD,
      scaling: { kind: "fixed", instances: 2 },
    });
    expect(put.status).toBe(200);
    expect(put.body.scaling.instances).toBe(2);
    const s = await stableWith(2);
    expect(s.spec.scaling.instances).toBe(2);
    const versions = await f.api.call<string[]>("GET", "/v2/pods/pods/web::versions");
    expect(versions.body.length).toBeGreaterThanOrEqual(2);
    expect(versions.body[0]).toBe(put.body.version);
    const old = await f.api.call<{ scaling: { instances: number } }>("GET", `/v2/pods/pods/web::versions/${versions.body.at(-1)}`);
    expect(old.body.scaling.instances).toBe(1);

    const ids = s.instances.map((i) => i.id);
    const del = await f.api.call("DELETE", "/v2/pods/pods/web");
    expect(del.status).toBe(202);
    expect(del.headers.get("marathon-deployment-id")).toBeTruthy();
    await eventually(async () => (await f.api.call("GET", "/v2/pods/pods/web")).status === 404, { what: "the pod to go" });
    await eventually(
      async () => {
        const left = await docker("ps", "-a", "--filter", "label=berth.app=/pods/web", "--filter", "status=running", "-q");
        return left.trim() === "";
      },
      { what: `the containers of ${ids.join(", ")} to stop`, timeoutMs: 30_000 },
    );
    expect(f.events.some((e) => e.eventType === "pod_deleted_event")).toBe(true);
  });
});

describe("a pod on a network no agent offers", () => {
  it("waits in /v2/queue as a pod, with the reason, and never runs on the host's network instead", async () => {
    const bridged = {
      ...POD,
      id: "/pods/bridged",
      containers: [{ ...POD.containers[0], endpoints: [{ name: "web", containerPort: 80, hostPort: 0 }] }],
      networks: [{ mode: "container/bridge" }],
    };
    expect((await f.api.call("POST", "/v2/pods", bridged)).status).toBe(201);
    type Queue = { queue: { pod?: { id: string }; app?: unknown; reasons?: string[] }[] };
    const item = await eventually(
      async () => {
        const q = (await f.api.call<Queue>("GET", "/v2/queue?embed=berth")).body.queue.find((i) => i.pod?.id === "/pods/bridged");
        return q?.reasons?.includes("network 'bridge' not offered on 1 of 1 agent") && q;
      },
      { what: "the pod waiting for a bridge" },
    );
    expect(item.app).toBeUndefined();
    const s = await status("/pods/bridged");
    expect(s).toMatchObject({
      status: "DEGRADED",
      instances: [],
      message: "1 instance(s) wait in the launch queue: network 'bridge' not offered on 1 of 1 agent",
    });
    // Its deployment never ends (nothing can be placed): removing it overrides that, with force.
    expect((await f.api.call("DELETE", "/v2/pods/pods/bridged")).status).toBe(409);
    expect((await f.api.call("DELETE", "/v2/pods/pods/bridged?force=true")).status).toBe(202);
  });
});

describe("pods refused", () => {
  it("answers 422 naming the field, and 409 for an id an app holds, changing nothing", async () => {
    const bad = await f.api.call<{ details: { path: string }[] }>("POST", "/v2/pods", {
      ...POD,
      id: "/pods/bad",
      containers: [{ ...POD.containers[0], image: { kind: "APPC", id: "x" } }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((d) => d.path)).toEqual(["/containers/0/image/kind"]);
    expect((await f.api.call("GET", "/v2/pods/pods/bad")).status).toBe(404);

    expect((await f.api.call("POST", "/v2/apps", sleeper("/pods/app"))).status).toBe(201);
    const taken = await f.api.call<{ message: string }>("POST", "/v2/pods", { ...POD, id: "/pods/app" });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe("An app with id [/pods/app] already exists.");
    await f.api.call("DELETE", "/v2/apps/pods/app?force=true");
  });
});
