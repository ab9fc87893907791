// App definitions as people wrote them for Marathon 0.x to 1.10 (wild-definitions.test.ts checks each):
// the apps, their commands, networks and constraints. Test data: not part of core's build.
import type { ContainerSpec, TaskSpec } from "./container-spec.js";
import type { TaskNeed } from "./offer-matcher.js";

export type Runs = { runs: { spec?: Partial<ContainerSpec>; need?: Partial<TaskNeed>; env?: string[]; task?: Partial<TaskSpec> } };
export type Refused = { refused: { path: string; error: RegExp } };
export interface Case {
  what: string;
  app: Record<string, unknown>;
  expect: Runs | Refused;
}

export const busybox = { type: "DOCKER", docker: { image: "busybox:1.36" } };

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

export const param = (key: string, value: string) => ({ ...busybox, docker: { ...busybox.docker, parameters: [{ key, value }] } });

export const WILD_APPS: Case[] = [
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
];
