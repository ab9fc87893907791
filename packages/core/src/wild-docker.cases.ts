// Docker parameters, fetched files and more, as people wrote them for Marathon 0.x to 1.10
// (wild-definitions.test.ts checks each). Test data: not part of core's build.
import { expect } from "vitest";
import { busybox, type Case, param } from "./wild-apps.cases.js";

export const WILD_DOCKER: Case[] = [
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
