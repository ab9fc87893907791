import { describe, expect, it } from "vitest";
import { podContainerSpecs } from "./pod-containers.js";
import { podOf } from "./pod-definition.js";
import { podInstanceState, podStatus } from "./pod-status.js";
import { parsePod } from "./pod-validation.js";
import { taskNeed, taskSpec } from "./task-spec.js";
import type { TaskRecord } from "./task-state.js";
import { LABELS } from "./labels.js";
import { deploymentView, newDeployment } from "./deployment.js";

const V = "2026-12-05T00:00:00.000Z";

/** Marathon's documentation example, near enough: a web container and a sidecar sharing a volume. */
const WEB_AND_SIDECAR = {
  id: "/shop/web",
  labels: { tier: "front" },
  environment: { MODE: "prod" },
  containers: [
    {
      name: "web",
      resources: { cpus: 0.2, mem: 64 },
      image: { kind: "DOCKER", id: "busybox:latest" },
      exec: { command: { shell: "httpd -f -p $ENDPOINT_HTTP" } },
      endpoints: [{ name: "http", hostPort: 0, protocol: ["tcp"] }],
      healthCheck: { http: { endpoint: "http", path: "/" }, gracePeriodSeconds: 30 },
      volumeMounts: [{ name: "shared", mountPath: "/www" }],
    },
    {
      name: "sidecar",
      resources: { cpus: 0.1, mem: 16 },
      image: { kind: "DOCKER", id: "busybox:latest" },
      exec: { command: { argv: ["sleep", "1000"] } },
      environment: { ROLE: "side" },
      volumeMounts: [{ name: "shared", mountPath: "/data", readOnly: true }],
      healthCheck: { exec: { command: { shell: "test -d /data" } } },
    },
  ],
  volumes: [{ name: "shared" }],
  networks: [{ mode: "host" }],
  scaling: { kind: "fixed", instances: 2 },
  scheduling: {
    backoff: { backoff: 2, backoffFactor: 1.5, maxLaunchDelay: 60 },
    upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
    placement: { constraints: [{ fieldName: "hostname", operator: "UNIQUE" }] },
    killSelection: "OLDEST_FIRST",
  },
};

function parsed(raw: unknown) {
  const r = parsePod(raw, V);
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.app;
}

function refusal(raw: unknown): Record<string, readonly string[]> {
  const r = parsePod(raw, V);
  if (r.ok) throw new Error("accepted");
  return Object.fromEntries(r.details.map((d) => [d.path, d.errors]));
}

const withContainer = (patch: Record<string, unknown>, i = 0) => ({
  ...WEB_AND_SIDECAR,
  containers: WEB_AND_SIDECAR.containers.map((k, j) => (j === i ? { ...k, ...patch } : k)),
});

describe("a pod read as the app it runs as", () => {
  const app = parsed(WEB_AND_SIDECAR);

  it("sums its containers' resources (each at least 32 MiB, its memory floor) and keeps its scaling and strategies", () => {
    expect(app).toMatchObject({ id: "/shop/web", cpus: 0.30000000000000004, mem: 96, disk: 0, instances: 2 });
    expect(app.upgradeStrategy).toEqual({ minimumHealthCapacity: 0.5, maximumOverCapacity: 0 });
    expect(app).toMatchObject({ backoffSeconds: 2, backoffFactor: 1.5, maxLaunchDelaySeconds: 60, killSelection: "OLDEST_FIRST" });
    expect(app.constraints).toEqual([["hostname", "UNIQUE"]]);
    expect(app.env).toEqual({ MODE: "prod" });
  });

  it("makes each endpoint a host port (0: the agent picks) and has no service ports", () => {
    expect(app.portDefinitions).toEqual([{ port: 0, protocol: "tcp", name: "http", labels: {} }]);
    expect(app.requirePorts).toBe(false);
    expect(taskNeed(app, "t1")).toMatchObject({ portCount: 1, requiredPorts: [], cpus: app.cpus, mem: 96 });
  });

  it("turns an http check into one on the endpoint's host port, and an exec check into a command in its own container", () => {
    expect(app.healthChecks).toMatchObject([
      { protocol: "MESOS_HTTP", portIndex: 0, path: "/", gracePeriodSeconds: 30 },
      { protocol: "COMMAND", command: { value: "test -d /data" }, container: "sidecar", gracePeriodSeconds: 300 },
    ]);
  });

  it("answers the pod as given, with Marathon's defaults filled in and the version it runs at", () => {
    const pod = podOf({ ...app, version: "2026-12-06T00:00:00.000Z" });
    expect(pod).toMatchObject({
      id: "/shop/web",
      version: "2026-12-06T00:00:00.000Z",
      scaling: { kind: "fixed", instances: 2 },
      networks: [{ mode: "host" }],
      executorResources: { cpus: 0.1, mem: 32, disk: 10 },
      scheduling: { placement: { constraints: [["hostname", "UNIQUE"]], acceptedResourceRoles: ["*"] } },
    });
    expect(pod?.containers[1]).toMatchObject({ name: "sidecar", resources: { cpus: 0.1, mem: 16, disk: 0, gpus: 0 } });
  });

  it("fixes every host port when every endpoint names one", () => {
    const fixed = parsed(withContainer({ endpoints: [{ name: "http", hostPort: 31950 }] }));
    expect(fixed.requirePorts).toBe(true);
    expect(taskNeed(fixed, "t1").requiredPorts).toEqual([31950]);
  });

  it("off the host's network, binds the endpoints that name a hostPort, as port mappings", () => {
    const bridged = parsed({
      ...withContainer({ endpoints: [{ name: "http", containerPort: 80, hostPort: 0 }] }),
      networks: [{ mode: "container/bridge" }],
    });
    expect(bridged.container?.portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: "tcp", name: "http", labels: {} }]);
    expect(taskNeed(bridged, "t1")).toMatchObject({ portCount: 1, network: "bridge" });
  });
});

describe("a pod refused, each reason at its path in the pod", () => {
  it("refuses what Marathon refuses and what Berth does not offer, naming the field", () => {
    expect(refusal({ ...WEB_AND_SIDECAR, containers: [] })).toEqual({ "/containers": ["a pod needs at least one container"] });
    expect(refusal({ ...WEB_AND_SIDECAR, nonsense: 1 })).toEqual({ "/nonsense": ["is not a field of a pod"] });
    expect(Object.keys(refusal(withContainer({ image: undefined })))).toEqual(["/containers/0/image"]);
    expect(Object.keys(refusal(withContainer({ image: { kind: "APPC", id: "x" } })))).toEqual(["/containers/0/image/kind"]);
    expect(Object.keys(refusal(withContainer({ name: "sidecar" })))).toEqual(["/containers/1/name"]);
    expect(Object.keys(refusal(withContainer({ volumeMounts: [{ name: "nope", mountPath: "/x" }] })))).toEqual([
      "/containers/0/volumeMounts/0/name",
    ]);
    expect(Object.keys(refusal({ ...WEB_AND_SIDECAR, volumes: [{ name: "shared", persistent: { size: 10 } }] }))).toEqual([
      "/volumes/0/persistent",
    ]);
    expect(Object.keys(refusal(withContainer({ environment: { TOKEN: { secret: "s" } } }, 1)))).toEqual([
      "/containers/1/environment/TOKEN",
    ]);
    expect(Object.keys(refusal(withContainer({ healthCheck: { tcp: { endpoint: "nope" } } })))).toEqual([
      "/containers/0/healthCheck/tcp/endpoint",
    ]);
  });

  it("refuses host ports partly fixed: they are all fixed or all picked", () => {
    const mixed = withContainer({
      endpoints: [
        { name: "http", hostPort: 31950 },
        { name: "b", hostPort: 0 },
      ],
    });
    expect(Object.keys(refusal(mixed))).toEqual(["/containers/0/endpoints/0"]);
  });

  it("reports what the app's own rules find at the pod's paths", () => {
    expect(Object.keys(refusal({ ...WEB_AND_SIDECAR, id: "Bad Id" }))).toEqual(["/id"]);
    expect(Object.keys(refusal({ ...WEB_AND_SIDECAR, scaling: { kind: "fixed", instances: -1 } }))).toEqual(["/scaling/instances"]);
    expect(Object.keys(refusal({ ...WEB_AND_SIDECAR, environment: { X: { secret: "undeclared" } } }))).toEqual(["/environment/X"]);
    const constraint = { ...WEB_AND_SIDECAR, scheduling: { placement: { constraints: [["hostname", "NOPE"]] } } };
    expect(Object.keys(refusal(constraint))[0]).toMatch(/^\/scheduling\/placement\/constraints\/0/);
  });
});

describe("a pod instance on Docker", () => {
  const app = parsed(WEB_AND_SIDECAR);
  const spec = taskSpec(app, "shop_web.i1", [31007]);

  it("tells the agent every container: image, command, resources and mounts", () => {
    expect(spec.members.map((m) => [m.name, m.image, m.cmd, m.args, m.cpus, m.mem])).toEqual([
      ["web", "busybox:latest", "httpd -f -p $ENDPOINT_HTTP", [], 0.2, 64],
      ["sidecar", "busybox:latest", "", ["sleep", "1000"], 0.1, 16],
    ]);
    expect(spec.members[1]?.mounts).toEqual([{ containerPath: "/data", hostPath: "", sandboxDir: "volumes/shared", readOnly: true }]);
  });

  it("runs the first container as the task's own, and the rest beside it, sharing the sandbox volume and the pod's env", () => {
    const [web, sidecar] = podContainerSpecs(spec, { agentId: "a1", hostname: "h1", sandbox: "/sb/t1" });
    expect(web?.name).toBe("berth-shop_web.i1");
    expect(web?.labels[LABELS.member]).toBeUndefined();
    expect(web?.binds).toEqual(["/sb/t1:/mnt/mesos/sandbox:rw", "/sb/t1/volumes/shared:/www:rw"]);
    expect(web?.env).toEqual(expect.arrayContaining(["ENDPOINT_HTTP=31007", "PORT0=31007", "MODE=prod"]));
    expect(web?.memoryBytes).toBe(64 * 1024 * 1024);
    expect(sidecar).toMatchObject({ name: "berth-shop_web.i1.sidecar", networkMode: "host", cmd: ["sleep", "1000"] });
    expect(sidecar?.labels[LABELS.member]).toBe("sidecar");
    expect(sidecar?.binds).toEqual(["/sb/t1:/mnt/mesos/sandbox:rw", "/sb/t1/volumes/shared:/data:ro"]);
    expect(sidecar?.env).toEqual(expect.arrayContaining(["ROLE=side", "ENDPOINT_HTTP=31007", "MODE=prod"]));
    expect(sidecar?.memoryBytes).toBe(32 * 1024 * 1024);
  });

  it("off the host's network, the others join the first's network namespace and publish nothing themselves", () => {
    const onNet = parsed({
      ...withContainer({ endpoints: [{ name: "http", containerPort: 80, hostPort: 0 }] }),
      networks: [{ mode: "container", name: "backend" }],
    });
    const [first, second] = podContainerSpecs(taskSpec(onNet, "shop_web.i2", []), { agentId: "a1", hostname: "h1" });
    expect(first?.networkMode).toBe("backend");
    expect(second).toMatchObject({ networkMode: "container:berth-shop_web.i2", portBindings: {} });
  });
});

describe("a pod's deployment", () => {
  it("names the pod as Marathon does: in affectedPods, and as the pod of each action", () => {
    const app = parsed(WEB_AND_SIDECAR);
    const d = newDeployment({ id: "d1", appId: app.id, previous: undefined, target: app, version: V, nowMs: 0 });
    const view = deploymentView(d, undefined, false) as { affectedApps: string[]; affectedPods: string[]; steps: { actions: unknown[] }[] };
    expect(view.affectedApps).toEqual([]);
    expect(view.affectedPods).toEqual(["/shop/web"]);
    expect(view.steps.flatMap((s) => s.actions)).toEqual([{ action: "StartPod", pod: "/shop/web" }]);
  });
});

describe("pod status", () => {
  const app = parsed(WEB_AND_SIDECAR);
  const task = (over: Partial<TaskRecord>): TaskRecord => ({
    taskId: "shop_web.i1",
    appId: "/shop/web",
    agentId: "a1",
    hostname: "h1",
    ports: [31007],
    state: "TASK_RUNNING",
    message: "",
    version: V,
    configVersion: V,
    stagedAtMs: 1000,
    startedAtMs: 2000,
    updatedAtMs: 3000,
    lastSequence: 1,
    containerId: "c1",
    goal: "RUNNING",
    exitCode: 0,
    hasExitCode: false,
    endedAtMs: 0,
    killGracePeriodSeconds: 10,
    health: { state: "HEALTHY", ready: false, consecutiveFailures: 0 } as TaskRecord["health"],
    servicePorts: [],
    ...over,
  });

  it("maps task states to Marathon's instance states", () => {
    expect(podInstanceState(task({}), app)).toBe("STABLE");
    expect(podInstanceState(task({ health: { ...task({}).health, state: "HEALTH_UNKNOWN" } }), app)).toBe("DEGRADED");
    expect(podInstanceState(task({ state: "TASK_STAGING" }), app)).toBe("STAGING");
    expect(podInstanceState(task({ goal: "KILL" }), app)).toBe("TERMINAL");
  });

  it("is STABLE once the wanted number of instances is, with each container's endpoint and its allocated host port", () => {
    const one = podStatus(app, [task({})], 5000, undefined, { count: 1, reasons: ["insufficient cpus on 1 of 1 agent"] });
    expect(one).toMatchObject({ status: "DEGRADED", message: "1 instance(s) wait in the launch queue: insufficient cpus on 1 of 1 agent" });
    const two = podStatus(app, [task({}), task({ taskId: "shop_web.i2", ports: [31008] })], 5000);
    expect(two.status).toBe("STABLE");
    expect(two.instances[1]?.containers[0]).toMatchObject({
      name: "web",
      containerId: "shop_web.i2.web",
      endpoints: [{ name: "http", allocatedHostPort: 31008, healthy: true }],
    });
    expect(two.instances[0]?.specReference).toBe(`/v2/pods/shop/web::versions/${V}`);
  });

  it("lists ended instances in the termination history, not among the instances", () => {
    const s = podStatus(
      app,
      [task({ state: "TASK_FAILED", message: "Container 'web' of the pod exited with code 1", endedAtMs: 4000 })],
      5000,
    );
    expect(s.instances).toEqual([]);
    expect(s.terminationHistory).toEqual([
      {
        instanceID: "shop_web.i1",
        startedAt: new Date(2000).toISOString(),
        terminatedAt: new Date(4000).toISOString(),
        message: "Container 'web' of the pod exited with code 1",
      },
    ]);
  });
});
