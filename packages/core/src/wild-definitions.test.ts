// App definitions as people wrote them for Marathon 0.x to 1.10: each runs (and with what Docker spec),
// or is refused at submission naming the field. Nothing is dropped without a word.
import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { containerSpec, type ContainerSpec, type TaskSpec } from "./container-spec.js";
import { taskNeed, taskSpec } from "./task-spec.js";
import type { TaskNeed } from "./offer-matcher.js";

type Runs = { runs: { spec?: Partial<ContainerSpec>; need?: Partial<TaskNeed>; env?: string[]; task?: Partial<TaskSpec> } };
type Refused = { refused: { path: string; error: RegExp } };
interface Case {
  what: string;
  app: Record<string, unknown>;
  expect: Runs | Refused;
}

const busybox = { type: "DOCKER", docker: { image: "busybox:1.36" } };
const ports = [31000, 31001, 31002];

/** A Marathon 1.10 export of a running app, as `GET /v2/apps/{id}` answers it. */
const exported = {
  id: "/shop/web",
  backoffFactor: 1.15,
  backoffSeconds: 1,
  cmd: "httpd -f -p $PORT0",
  container: {
    type: "DOCKER",
    docker: { forcePullImage: false, image: "busybox:1.36", parameters: [], privileged: false },
    volumes: [],
    portMappings: [],
  },
  cpus: 0.1,
  disk: 0,
  executor: "",
  instances: 2,
  labels: {},
  maxLaunchDelaySeconds: 300,
  mem: 32,
  gpus: 0,
  networks: [{ mode: "host" }],
  portDefinitions: [{ port: 10000, name: "http", protocol: "tcp" }],
  requirePorts: false,
  upgradeStrategy: { maximumOverCapacity: 1, minimumHealthCapacity: 1 },
  version: "2020-05-04T10:00:00.000Z",
  versionInfo: { lastScalingAt: "2020-05-04T10:00:00.000Z", lastConfigChangeAt: "2020-05-04T10:00:00.000Z" },
  killSelection: "YOUNGEST_FIRST",
  unreachableStrategy: { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 },
  tasksStaged: 0,
  tasksRunning: 2,
  tasksHealthy: 0,
  tasksUnhealthy: 0,
  deployments: [],
  fetch: [],
  uris: [],
  storeUrls: [],
  ipAddress: null,
  residency: null,
  tty: false,
  role: "*",
  acceptedResourceRoles: ["*"],
  constraints: [],
  dependencies: [],
  healthChecks: [],
  readinessChecks: [],
  secrets: {},
  env: {},
  user: null,
  args: null,
  ports: null,
};

const param = (key: string, value: string) => ({ ...busybox, docker: { ...busybox.docker, parameters: [{ key, value }] } });

const CASES: Case[] = [
  // --- what people re-POST from a running Marathon
  {
    what: "a Marathon 1.10 export, every default and read-only field included",
    app: exported,
    expect: { runs: { spec: { networkMode: "host", image: "busybox:1.36" }, need: { portCount: 1, network: "host" } } },
  },
  {
    what: "an export with null where Marathon prints null",
    app: { ...exported, ipAddress: null, residency: null, taskKillGracePeriodSeconds: null, lastTaskFailure: null },
    expect: { runs: { need: { portCount: 1 } } },
  },
  {
    what: "Marathon 0.x style: ports instead of portDefinitions, uris empty",
    app: { id: "/legacy", cmd: "sleep 1000", ports: [0, 0], uris: [], container: busybox },
    expect: { runs: { need: { portCount: 2 }, env: ["PORT0=31000", "PORT1=31001", "PORTS=31000,31001"] } },
  },
  {
    what: "no ports at all: one port, as Marathon gives ($PORT0, $PORT)",
    app: { id: "/plain", cmd: "httpd -f -p $PORT0", container: busybox },
    expect: { runs: { need: { portCount: 1 }, env: ["PORT0=31000", "PORT=31000"] } },
  },
  {
    what: "ports: [] means no ports",
    app: { id: "/noports", cmd: "sleep 1000", ports: [], container: busybox },
    expect: { runs: { need: { portCount: 0 } } },
  },
  {
    what: "portDefinitions: [] means no ports",
    app: { id: "/noports2", cmd: "sleep 1000", portDefinitions: [], container: busybox },
    expect: { runs: { need: { portCount: 0 } } },
  },
  {
    what: "requirePorts with fixed ports",
    app: { id: "/fixed", cmd: "sleep 1", portDefinitions: [{ port: 8080 }], requirePorts: true, container: busybox },
    expect: { runs: { need: { requiredPorts: [8080] } } },
  },
  {
    what: "both ports and portDefinitions",
    app: { id: "/both", cmd: "sleep 1", ports: [0], portDefinitions: [{ port: 0 }], container: busybox },
    expect: { refused: { path: "/ports", error: /either 'ports' or 'portDefinitions'/ } },
  },
  // --- Marathon's command executor: no container
  {
    what: "a cmd-only app (Marathon's command executor)",
    app: { id: "/cmd", cmd: "python3 -m http.server $PORT0", cpus: 0.1, mem: 32 },
    expect: { runs: { need: { command: true, portCount: 1 }, spec: { image: "" } } },
  },
  {
    what: "an args-only app without a container",
    app: { id: "/argv", args: ["sleep", "100"] },
    expect: { runs: { need: { command: true }, spec: { cmd: ["sleep", "100"] } } },
  },
  {
    what: "a container app is no command task",
    app: { id: "/dock", cmd: "sleep 1", container: busybox },
    expect: { runs: { need: { command: false } } },
  },
  // --- networks, old and new
  {
    what: "legacy docker.network HOST",
    app: { id: "/h", cmd: "sleep 1", container: { type: "DOCKER", docker: { image: "busybox:1.36", network: "HOST" } } },
    expect: { runs: { spec: { networkMode: "host" }, need: { network: "host", portCount: 1 } } },
  },
  {
    what: "legacy docker.network BRIDGE with docker.portMappings (Marathon 1.4)",
    app: {
      id: "/nginx",
      container: {
        type: "DOCKER",
        docker: {
          image: "nginx:1.25",
          network: "BRIDGE",
          portMappings: [{ containerPort: 80, hostPort: 0, servicePort: 10001, protocol: "tcp" }],
        },
      },
    },
    expect: {
      runs: {
        spec: { networkMode: "bridge", portBindings: { "80/tcp": [{ hostPort: "31000" }] } },
        need: { network: "bridge", portCount: 1 },
      },
    },
  },
  {
    what: "legacy BRIDGE, hostPort left out: the agent picks one, as Marathon",
    app: {
      id: "/b",
      container: { type: "DOCKER", docker: { image: "nginx:1.25", network: "BRIDGE", portMappings: [{ containerPort: 8080 }] } },
    },
    expect: { runs: { spec: { portBindings: { "8080/tcp": [{ hostPort: "31000" }] } }, need: { portCount: 1 } } },
  },
  {
    what: "legacy NONE: Docker's network none",
    app: { id: "/n", cmd: "sleep 1", container: { type: "DOCKER", docker: { image: "busybox:1.36", network: "NONE" } } },
    expect: { runs: { spec: { networkMode: "none", portBindings: {} }, need: { network: "none", portCount: 0 } } },
  },
  {
    what: "legacy USER without a network name",
    app: { id: "/u", cmd: "sleep 1", container: { type: "DOCKER", docker: { image: "busybox:1.36", network: "USER" } } },
    expect: { refused: { path: "/container/docker/network", error: /USER needs a network name/ } },
  },
  {
    what: "container/bridge with portMappings, udp and tcp",
    app: {
      id: "/dns",
      networks: [{ mode: "container/bridge" }],
      container: {
        ...busybox,
        portMappings: [{ containerPort: 53, hostPort: 0, protocol: "udp,tcp", name: "dns", labels: { VIP_0: "/dns:53" } }],
      },
      cmd: "sleep 1",
    },
    expect: {
      runs: {
        spec: { networkMode: "bridge", portBindings: { "53/udp": [{ hostPort: "31000" }], "53/tcp": [{ hostPort: "31000" }] } },
        env: ["PORT_DNS=31000"],
      },
    },
  },
  {
    what: "container/bridge with a fixed hostPort",
    app: {
      id: "/f",
      networks: [{ mode: "container/bridge" }],
      container: { ...busybox, portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      cmd: "sleep 1",
    },
    expect: { runs: { need: { requiredPorts: [8080] }, spec: { portBindings: { "80/tcp": [{ hostPort: "8080" }] } } } },
  },
  {
    what: "container/bridge mixing fixed and picked host ports",
    app: {
      id: "/mix",
      networks: [{ mode: "container/bridge" }],
      container: {
        ...busybox,
        portMappings: [
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 81, hostPort: 0 },
        ],
      },
      cmd: "sleep 1",
    },
    expect: { refused: { path: "/container/portMappings", error: /not a mix/ } },
  },
  {
    what: "container mode on a named network",
    app: { id: "/c", networks: [{ mode: "container", name: "backend" }], container: busybox, cmd: "sleep 1" },
    expect: { runs: { spec: { networkMode: "backend" }, need: { network: "backend", portCount: 0 } } },
  },
  {
    what: "container mode without a name",
    app: { id: "/c2", networks: [{ mode: "container" }], container: busybox, cmd: "sleep 1" },
    expect: { refused: { path: "/networks/0/name", error: /needs the name/ } },
  },
  {
    what: "two networks",
    app: {
      id: "/c3",
      networks: [
        { mode: "container", name: "a" },
        { mode: "container", name: "b" },
      ],
      container: busybox,
      cmd: "sleep 1",
    },
    expect: { refused: { path: "/networks", error: /one network/ } },
  },
  {
    what: "networks and the legacy field together",
    app: {
      id: "/c4",
      networks: [{ mode: "host" }],
      container: { type: "DOCKER", docker: { image: "busybox:1.36", network: "BRIDGE" } },
      cmd: "sleep 1",
    },
    expect: { refused: { path: "/container/docker/network", error: /not both/ } },
  },
  {
    what: "portMappings on the host's network",
    app: { id: "/pm", container: { ...busybox, portMappings: [{ containerPort: 80, hostPort: 0 }] }, cmd: "sleep 1" },
    expect: { refused: { path: "/container/portMappings", error: /use portDefinitions/ } },
  },
  {
    what: "portDefinitions on the bridge",
    app: { id: "/pd", networks: [{ mode: "container/bridge" }], portDefinitions: [{ port: 0 }], container: busybox, cmd: "sleep 1" },
    expect: { refused: { path: "/portDefinitions", error: /portMappings, not portDefinitions/ } },
  },
  // --- constraints in every form
  {
    what: "constraints as Marathon's strings",
    app: {
      id: "/k",
      cmd: "sleep 1",
      container: busybox,
      constraints: ["hostname:UNIQUE", "rack:GROUP_BY:3", "zone:LIKE:us-(east|west):1"],
    },
    expect: {
      runs: {
        need: {
          constraints: [
            ["hostname", "UNIQUE"],
            ["rack", "GROUP_BY", "3"],
            ["zone", "LIKE", "us-(east|west):1"],
          ],
        },
      },
    },
  },
  {
    what: "constraints as arrays",
    app: { id: "/k2", cmd: "sleep 1", container: busybox, constraints: [["hostname", "MAX_PER", "2"]] },
    expect: { runs: { need: { constraints: [["hostname", "MAX_PER", "2"]] } } },
  },
  {
    what: "a constraint with an unknown operator",
    app: { id: "/k3", cmd: "sleep 1", container: busybox, constraints: ["hostname:SPREAD"] },
    expect: { refused: { path: "/constraints/0", error: /operator must be one of/ } },
  },
  // --- docker parameters
  {
    what: "log-driver and log-opt (json-file with rotation)",
    app: {
      id: "/l",
      cmd: "sleep 1",
      container: {
        ...busybox,
        docker: {
          ...busybox.docker,
          parameters: [
            { key: "log-driver", value: "json-file" },
            { key: "log-opt", value: "max-size=10m" },
            { key: "log-opt", value: "max-file=3" },
          ],
        },
      },
    },
    expect: { runs: { spec: { logConfig: { type: "json-file", config: { "max-size": "10m", "max-file": "3" } } } } },
  },
  {
    what: "log-driver syslog (would send output off the host)",
    app: { id: "/l2", cmd: "sleep 1", container: param("log-driver", "syslog") },
    expect: { refused: { path: "/container/docker/parameters/0", error: /off the host/ } },
  },
  {
    what: "add-host",
    app: { id: "/ah", cmd: "sleep 1", container: param("add-host", "db.local:127.0.0.2") },
    expect: { runs: { spec: { extraHosts: ["db.local:127.0.0.2"] } } },
  },
  {
    what: "hostname",
    app: { id: "/hn", cmd: "sleep 1", container: param("hostname", "web-1") },
    expect: { runs: { spec: { hostname: "web-1" } } },
  },
  {
    what: "user as a parameter",
    app: { id: "/us", cmd: "sleep 1", container: param("user", "nobody") },
    expect: { runs: { spec: { user: "nobody" } } },
  },
  {
    what: "user as a parameter and a different app user",
    app: { id: "/us2", cmd: "sleep 1", user: "root", container: param("user", "nobody") },
    expect: { refused: { path: "/container/docker/parameters/0/value", error: /give the user once/ } },
  },
  {
    what: "dns",
    app: { id: "/d", cmd: "sleep 1", container: param("dns", "127.0.0.53") },
    expect: { runs: { spec: { dns: ["127.0.0.53"] } } },
  },
  {
    what: "dns-search",
    app: { id: "/ds", cmd: "sleep 1", container: param("dns-search", "svc.local") },
    expect: { runs: { spec: { dnsSearch: ["svc.local"] } } },
  },
  {
    what: "env as a parameter",
    app: { id: "/e", cmd: "sleep 1", container: param("env", "MODE=fast") },
    expect: { runs: { env: ["MODE=fast"] } },
  },
  {
    what: "env as a parameter and in env",
    app: { id: "/e2", cmd: "sleep 1", env: { MODE: "slow" }, container: param("env", "MODE=fast") },
    expect: { refused: { path: "/container/docker/parameters/0/value", error: /MODE is also in the app's env/ } },
  },
  {
    what: "label",
    app: { id: "/lb", cmd: "sleep 1", container: param("label", "team=shop") },
    expect: { runs: { spec: { labels: expect.objectContaining({ team: "shop" }) } } },
  },
  {
    what: "workdir",
    app: { id: "/w", cmd: "sleep 1", container: param("workdir", "/srv") },
    expect: { runs: { spec: { workingDir: "/srv" } } },
  },
  { what: "init", app: { id: "/i", cmd: "sleep 1", container: param("init", "true") }, expect: { runs: { spec: { init: true } } } },
  {
    what: "read-only",
    app: { id: "/ro", cmd: "sleep 1", container: param("read-only", "true") },
    expect: { runs: { spec: { readonlyRootfs: true } } },
  },
  {
    what: "tmpfs",
    app: { id: "/t", cmd: "sleep 1", container: param("tmpfs", "/run:size=16m") },
    expect: { runs: { spec: { tmpfs: { "/run": "size=16m" } } } },
  },
  {
    what: "shm-size",
    app: { id: "/s", cmd: "sleep 1", container: param("shm-size", "64m") },
    expect: { runs: { spec: { shmSizeBytes: 64 * 1024 * 1024 } } },
  },
  {
    what: "ulimit (outside the default policy, but a valid definition)",
    app: { id: "/ul", cmd: "sleep 1", container: param("ulimit", "nofile=1024:2048") },
    expect: { runs: { spec: { ulimits: [{ name: "nofile", soft: 1024, hard: 2048 }] } } },
  },
  {
    what: "stop-signal",
    app: { id: "/ss", cmd: "sleep 1", container: param("stop-signal", "SIGINT") },
    expect: { runs: { spec: { stopSignal: "SIGINT" } } },
  },
  {
    what: "memory-swap above mem",
    app: { id: "/ms", cmd: "sleep 1", mem: 64, container: param("memory-swap", "128m") },
    expect: { runs: { spec: { memoryBytes: 64 * 1024 * 1024, memorySwapBytes: 128 * 1024 * 1024 } } },
  },
  {
    what: "memory-swap below mem",
    app: { id: "/ms2", cmd: "sleep 1", mem: 64, container: param("memory-swap", "32m") },
    expect: { refused: { path: "/container/docker/parameters/0/value", error: /at least the app's mem/ } },
  },
  {
    what: "memory-swap -1 (unlimited)",
    app: { id: "/ms3", cmd: "sleep 1", container: param("memory-swap", "-1") },
    expect: { refused: { path: "/container/docker/parameters/0", error: /unlimited swap/ } },
  },
  {
    what: "memory-reservation",
    app: { id: "/mr", cmd: "sleep 1", mem: 64, container: param("memory-reservation", "48m") },
    expect: { runs: { spec: { memoryReservationBytes: 48 * 1024 * 1024 } } },
  },
  {
    what: "cpu-quota",
    app: { id: "/cq", cmd: "sleep 1", container: param("cpu-quota", "50000") },
    expect: { runs: { spec: { cpuQuota: 50000 } } },
  },
  {
    what: "cap-drop",
    app: { id: "/cd", cmd: "sleep 1", container: param("cap-drop", "CHOWN") },
    expect: { runs: { spec: { capDrop: ["ALL"] } } },
  },
  {
    what: "a docker parameter Berth does not offer (net)",
    app: { id: "/net", cmd: "sleep 1", container: param("net", "host") },
    expect: { refused: { path: "/container/docker/parameters/0", error: /does not support the docker parameter 'net'/ } },
  },
  {
    what: "a docker parameter Berth does not offer (volumes-from)",
    app: { id: "/vf", cmd: "sleep 1", container: param("volumes-from", "other") },
    expect: { refused: { path: "/container/docker/parameters/0", error: /'volumes-from'/ } },
  },
  // --- fetched files
  {
    what: "fetch with an archive, an executable and a cached file",
    app: {
      id: "/fe",
      cmd: "./run.sh",
      fetch: [
        { uri: "http://127.0.0.1:8000/app.tgz" },
        { uri: "https://example.org/run.sh", executable: true, extract: false, destPath: "run.sh" },
        { uri: "http://127.0.0.1:8000/big.bin", cache: true },
      ],
    },
    expect: {
      runs: {
        task: {
          fetch: [
            { uri: "http://127.0.0.1:8000/app.tgz", extract: true, executable: false, cache: false, destPath: "" },
            { uri: "https://example.org/run.sh", extract: false, executable: true, cache: false, destPath: "run.sh" },
            { uri: "http://127.0.0.1:8000/big.bin", extract: true, executable: false, cache: true, destPath: "" },
          ],
        },
      },
    },
  },
  {
    what: "uris (Marathon 0.x): each fetched and extracted",
    app: { id: "/ur", cmd: "sleep 1", container: busybox, uris: ["http://127.0.0.1:8000/app.tgz"] },
    expect: {
      runs: { task: { fetch: [{ uri: "http://127.0.0.1:8000/app.tgz", extract: true, executable: false, cache: false, destPath: "" }] } },
    },
  },
  {
    what: "a file:// URI (it would read the agent's own files)",
    app: { id: "/ff", cmd: "sleep 1", fetch: [{ uri: "file:///etc/shadow" }] },
    expect: { refused: { path: "/fetch/0/uri", error: /http:\/\/ and https:\/\/ URIs only/ } },
  },
  {
    what: "a destPath out of the sandbox",
    app: { id: "/fd", cmd: "sleep 1", fetch: [{ uri: "http://h/x", destPath: "../../etc/x" }] },
    expect: { refused: { path: "/fetch/0/destPath", error: /inside the sandbox/ } },
  },
  {
    what: "fetch and uris both",
    app: { id: "/fu", cmd: "sleep 1", fetch: [{ uri: "http://h/x" }], uris: ["http://h/y"] },
    expect: { refused: { path: "/uris", error: /not both/ } },
  },
  // --- fields Berth cannot honour yet: refused, naming the field
  {
    what: "acceptedResourceRoles for public agents",
    app: { id: "/pub", cmd: "sleep 1", container: busybox, acceptedResourceRoles: ["slave_public"] },
    expect: { refused: { path: "/acceptedResourceRoles", error: /no roles yet/ } },
  },
  {
    what: "a role",
    app: { id: "/ro2", cmd: "sleep 1", container: busybox, role: "web" },
    expect: { refused: { path: "/role", error: /no roles yet/ } },
  },
  { what: "GPUs", app: { id: "/g", cmd: "sleep 1", container: busybox, gpus: 1 }, expect: { refused: { path: "/gpus", error: /GPUs/ } } },
  {
    what: "a MESOS container (UCR)",
    app: { id: "/ucr", cmd: "sleep 1", container: { type: "MESOS", docker: { image: "busybox:1.36" } } },
    expect: { refused: { path: "/container/type", error: /only DOCKER/ } },
  },
  {
    what: "IP-per-task (Marathon 1.1's ipAddress)",
    app: { id: "/ip", cmd: "sleep 1", container: busybox, ipAddress: { networkName: "dcos" } },
    expect: { refused: { path: "/ipAddress", error: /IP-per-task/ } },
  },
  {
    what: "a field Marathon does not know",
    app: { id: "/x", cmd: "sleep 1", container: busybox, replicas: 3 },
    expect: { refused: { path: "/replicas", error: /not a field/ } },
  },
];

const agent = { agentId: "agent-1", hostname: "127.0.0.1" };

describe("app definitions as found in the wild", () => {
  it("has at least 40 of them", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)("$what", ({ app, expect: outcome }) => {
    const r = parseApp(app, { version: "2026-01-01T00:00:00.000Z" });
    if ("refused" in outcome) {
      expect(r.ok, "refused").toBe(false);
      const details = r.ok ? [] : r.details;
      expect(details).toContainEqual({
        path: outcome.refused.path,
        errors: expect.arrayContaining([expect.stringMatching(outcome.refused.error)]),
      });
      return;
    }
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.details)}`);
    const need = taskNeed(r.app, "t1");
    // The host ports a placement gives: the required ones, else the first free.
    const given = need.requiredPorts.length > 0 ? [...need.requiredPorts] : ports.slice(0, need.portCount);
    const task = taskSpec(r.app, "t1", given);
    const spec = containerSpec(task, agent);
    if (outcome.runs.task) expect(task).toMatchObject(outcome.runs.task);
    if (outcome.runs.need) expect(need).toMatchObject(outcome.runs.need);
    if (outcome.runs.spec) expect(spec).toMatchObject(outcome.runs.spec);
    if (outcome.runs.env) expect(spec.env).toEqual(expect.arrayContaining(outcome.runs.env));
  });
});
