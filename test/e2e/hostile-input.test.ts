import { DEMO_IMAGE } from "@berth/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { clusterState } from "../support/state.js";

const f = useCluster("e2e-hostile");

const app = (over: Record<string, unknown>) => ({ ...sleeper("/hostile/app"), ...over });
const docker = (over: Record<string, unknown>) => app({ container: { docker: { image: DEMO_IMAGE, ...over } } });
const volume = (hostPath: string) =>
  app({ container: { docker: { image: DEMO_IMAGE }, volumes: [{ hostPath, containerPath: "/host", mode: "RO" }] } });
const nested = (depth: number) => `{"id":"/hostile/deep","cmd":"true","labels":${"[".repeat(depth)}${"]".repeat(depth)}}`;

interface Case {
  name: string;
  method?: string;
  path?: string;
  body?: unknown;
  raw?: string;
  status: number;
  /** What the answer must say, so the caller knows what to fix. */
  says: RegExp;
  headers?: Record<string, string>;
}

const cases: Case[] = [
  { name: "an id with '..'", body: app({ id: "/hostile/../etc" }), status: 422, says: /'\.' or '\.\.' segments/ },
  { name: "an id with '//'", body: app({ id: "//hostile//app" }), status: 422, says: /empty segments/ },
  { name: "an id with %2e%2e", body: app({ id: "/hostile/%2e%2e/app" }), status: 422, says: /must be lower-case letters/ },
  { name: "an upper-case id", body: app({ id: "/Hostile/App" }), status: 422, says: /must be lower-case letters/ },
  { name: "an over-long id segment", body: app({ id: `/hostile/${"a".repeat(64)}` }), status: 422, says: /longer than 63/ },
  { name: "a path with %2e%2e", method: "GET", path: "/v2/apps/hostile/%2e%2e/app", status: 404, says: /does not exist/ },
  { name: "a PUT to a path with %2e%2e", method: "PUT", path: "/v2/apps/%2e%2e/x", body: app({}), status: 404, says: /does not exist/ },
  { name: "a 10 MiB body", raw: JSON.stringify(app({ labels: { big: "x".repeat(10 * 1024 * 1024) } })), status: 413, says: /too large/ },
  {
    name: "10,000 env entries",
    body: app({ env: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`V${i}`, "x"])) }),
    status: 422,
    says: /at most 1000/,
  },
  { name: "cpus -1", body: app({ cpus: -1 }), status: 422, says: /greater than 0/ },
  { name: "cpus 0", body: app({ cpus: 0 }), status: 422, says: /greater than 0/ },
  { name: "cpus NaN", raw: JSON.stringify(app({})).replace('"cpus":0.05', '"cpus":NaN'), status: 400, says: /Invalid JSON/ },
  { name: "cpus as a string", body: app({ cpus: "1" }), status: 422, says: /must be a number/ },
  { name: "cpus 1e9", body: app({ cpus: 1e9 }), status: 422, says: /at most 1024/ },
  { name: "instances -1", body: app({ instances: -1 }), status: 422, says: /at least 0/ },
  { name: "a million instances", body: app({ instances: 1_000_000 }), status: 422, says: /at most 10000/ },
  { name: "an image with a space", body: docker({ image: "busy box" }), status: 422, says: /whitespace/ },
  { name: "an image with ';'", body: docker({ image: "busybox;rm" }), status: 422, says: /not a valid reference/ },
  { name: "an upper-case image path", body: docker({ image: "Library/BusyBox" }), status: 422, says: /lower case/ },
  {
    name: "an image tag over 128 characters",
    body: docker({ image: `busybox:${"t".repeat(129)}` }),
    status: 422,
    says: /not a valid reference/,
  },
  { name: "an env name with NUL", body: app({ env: { "LD_PRELOAD\u0000": "/x.so" } }), status: 422, says: /environment variable names/ },
  { name: "an env name with '='", body: app({ env: { "LD_PRELOAD=/x.so": "1" } }), status: 422, says: /environment variable names/ },
  { name: "an env value with NUL", body: app({ env: { LD_PRELOAD: "/x.so\u0000" } }), status: 422, says: /NUL/ },
  { name: "hostPath /", body: volume("/"), status: 422, says: /mounting '\/' from the host is not allowed/ },
  {
    name: "hostPath of the Docker socket",
    body: volume("/var/run/docker.sock"),
    status: 422,
    says: /docker\.sock' from the host is not allowed/,
  },
  { name: "hostPath /proc", body: volume("/proc"), status: 422, says: /'\/proc' from the host is not allowed/ },
  { name: "hostPath with '..'", body: volume("/tmp/../etc"), status: 422, says: /without '\.', '\.\.'/ },
  { name: "a privileged container", body: docker({ privileged: true }), status: 422, says: /privileged containers are not allowed/ },
  {
    name: "a raw docker parameter outside the allowlist",
    body: docker({ parameters: [{ key: "ulimit", value: "nofile=1048576" }] }),
    status: 422,
    says: /'ulimit' is not allowed for this team/,
  },
  {
    name: "an unsupported docker parameter",
    body: docker({ parameters: [{ key: "pid", value: "host" }] }),
    status: 422,
    says: /does not support/,
  },
  {
    name: "an added capability",
    body: docker({ parameters: [{ key: "cap-add", value: "SYS_ADMIN" }] }),
    status: 422,
    says: /SYS_ADMIN is not allowed/,
  },
  { name: "deeply nested JSON", raw: nested(100_000), status: 422, says: /must be an object/ },
  {
    name: "a group nested 5,000 deep",
    method: "PUT",
    path: "/v2/groups/hostile",
    raw: `${'{"groups":['.repeat(5000)}{}${"]}".repeat(5000)}`,
    status: 422,
    says: /groups nest at most 128 deep/,
  },
  { name: "a version '%25'", method: "GET", path: "/v2/apps/hostile/present/versions/%25", status: 404, says: /has no version %$/ },
  { name: "a task under an app read as a version", method: "GET", path: "/v2/apps/hostile/present/tasks/x", status: 404, says: /No route/ },
  {
    name: "a text/plain body",
    raw: JSON.stringify(app({})),
    headers: { "content-type": "text/plain" },
    status: 415,
    says: /send application\/json/,
  },
  {
    name: "an unknown field in container",
    body: app({ container: { docker: { image: DEMO_IMAGE }, pid: "host" } }),
    status: 422,
    says: /not a field of a container/,
  },
  { name: "an unknown field in container.docker", body: docker({ ipc: "host" }), status: 422, says: /not a field of container\.docker/ },
  { name: "a legacy USER network without a name", body: docker({ network: "USER" }), status: 422, says: /USER needs a network name/ },
  {
    name: "a health check of another port",
    body: app({ healthChecks: [{ protocol: "TCP", port: 8080 }] }),
    status: 422,
    says: /probes only its own task's ports/,
  },
  { name: "a JSON array instead of an app", body: [app({})], status: 422, says: /must be an object/ },
  { name: "malformed JSON", raw: '{"id": "/hostile/app",', status: 400, says: /Invalid JSON/ },
  { name: "an unknown field", body: app({ privileged: true }), status: 422, says: /not a field of an app definition/ },
  {
    name: "a bulk update with one bad app",
    method: "PUT",
    path: "/v2/apps",
    body: [app({}), app({ id: "/hostile/b", cpus: -1 })],
    status: 422,
    says: /greater than 0/,
  },
  {
    name: "a group with a privileged app",
    method: "PUT",
    path: "/v2/groups/hostile",
    body: { apps: [docker({ privileged: true })] },
    status: 422,
    says: /privileged/,
  },
];

describe("hostile input", () => {
  beforeAll(async () => {
    expect((await f.api.call("POST", "/v2/apps", sleeper("/hostile/present", 0))).status).toBe(201);
    // Each case compares everything stored before and after it: the app's deployment must have written its last.
    await f.api.settled();
  });

  it.each(cases)("refuses $name with $status and changes nothing", async (c) => {
    const before = await clusterState(f.bus, f.cluster.agentId);
    const r = await f.api.call<{ message: string; details?: { errors: string[] }[] }>(
      c.method ?? "POST",
      c.path ?? "/v2/apps",
      c.body,
      c.raw,
      c.headers,
    );
    expect(r.status).toBe(c.status);
    const said = [r.body.message, ...(r.body.details ?? []).flatMap((d) => d.errors)].join(" | ");
    expect(said).toMatch(c.says);
    expect(await clusterState(f.bus, f.cluster.agentId)).toEqual(before);
  });

  it("still works after all of it", async () => {
    const r = await f.api.call("POST", "/v2/apps", sleeper("/hostile/ok"));
    expect(r.status).toBe(201);
  });
});
