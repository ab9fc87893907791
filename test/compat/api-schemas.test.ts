// Every answer holds to the shapes /v2/openapi.json declares: Marathon's fields and no others, Berth's only when asked.
import { Ajv } from "ajv";
import { DEMO_IMAGE, eventually } from "@berth/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";

const f = useCluster("compat-schemas");
type Doc = {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> };
};
let marathon: Ajv;
let withBerth: Ajv;

/** The description with Berth's own fields taken out of every schema: what a Marathon client must get. */
function marathonOnly(doc: Doc): Doc {
  const copy = structuredClone(doc);
  for (const schema of Object.values(copy.components.schemas)) {
    for (const [name, p] of Object.entries(schema.properties ?? {}))
      if (p.description?.startsWith("Berth's own")) delete schema.properties![name];
  }
  return copy;
}

const pointer = (path: string, method: string, status: number) =>
  `api#/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}/responses/${status}/content/application~1json/schema`;

/** Holds an answer to its path's declared schema; answers the validator's complaints. */
function check(ajv: Ajv, path: string, body: unknown, method = "get", status = 200): string[] {
  const validate = ajv.getSchema(pointer(path, method, status));
  if (!validate) return [`no schema for ${method.toUpperCase()} ${path} ${status}`];
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

beforeAll(async () => {
  const open = await fetch(`${f.cluster.apiUrl}/v2/openapi.json`);
  expect(open.status).toBe(200);
  const doc = (await open.json()) as Doc;
  marathon = new Ajv({ strict: false, allErrors: true });
  marathon.addSchema(marathonOnly(doc), "api");
  withBerth = new Ajv({ strict: false, allErrors: true });
  withBerth.addSchema(doc, "api");
  const app = sleeper("/shapes/web", 2, {
    env: { A: "b" },
    labels: { tier: "web" },
    portDefinitions: [{ port: 0, name: "http" }],
    healthChecks: [{ protocol: "COMMAND", command: { value: "true" }, gracePeriodSeconds: 5, intervalSeconds: 2 }],
  });
  expect((await f.api.call("POST", "/v2/apps", app)).status).toBe(201);
  expect((await f.api.call("POST", "/v2/apps", sleeper("/shapes/never", 1, { cpus: 1000 }))).status).toBe(201);
  await eventually(async () => (await f.api.running("/shapes/web")).length === 2, { what: "two tasks running" });
});

describe("answers, held to /v2/openapi.json", () => {
  it("publishes every path with its answer", async () => {
    const doc = (await (await fetch(`${f.cluster.apiUrl}/v2/openapi.json`)).json()) as Doc & { openapi: string };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/v2/apps",
      "/v2/apps/{appId}",
      "/v2/apps/{appId}/tasks/{taskId}",
      "/v2/groups/{groupId}",
      "/v2/eventSubscriptions",
      "/v2/leader",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it("gives a Marathon client exactly Marathon's fields", async () => {
    const [task] = await f.api.running("/shapes/web");
    const answers: [string, string][] = [
      ["/v2/apps", "/v2/apps?embed=apps.tasks&embed=apps.lastTaskFailure"],
      ["/v2/apps/{appId}", "/v2/apps/shapes/web"],
      ["/v2/apps/{appId}/tasks", "/v2/apps/shapes/web/tasks"],
      ["/v2/apps/{appId}/versions", "/v2/apps/shapes/web/versions"],
      ["/v2/tasks", "/v2/tasks"],
      ["/v2/deployments", "/v2/deployments"],
      ["/v2/groups", "/v2/groups"],
      ["/v2/groups/{groupId}", "/v2/groups/shapes"],
      ["/v2/groups/{groupId}/versions", "/v2/groups/shapes/versions"],
      ["/v2/queue", "/v2/queue"],
      ["/v2/info", "/v2/info"],
      ["/v2/leader", "/v2/leader"],
      ["/v2/eventSubscriptions", "/v2/eventSubscriptions"],
    ];
    const wrong: string[] = [];
    for (const [path, url] of answers) {
      const r = await f.api.call("GET", url);
      expect(r.status, url).toBe(200);
      wrong.push(...check(marathon, path, r.body).map((e) => `${url}: ${e}`));
    }
    // A deployment in flight, and a task's kill.
    expect((await f.api.call<unknown[]>("GET", "/v2/deployments")).body.length).toBeGreaterThan(0);
    const killed = await f.api.call("DELETE", `/v2/apps/shapes/web/tasks/${task!.id}`);
    wrong.push(...check(marathon, "/v2/apps/{appId}/tasks/{taskId}", killed.body, "delete").map((e) => `kill: ${e}`));
    const changed = await f.api.call("PUT", "/v2/apps/shapes/web?force=true", { labels: { tier: "front" } });
    wrong.push(...check(marathon, "/v2/apps/{appId}", changed.body, "put").map((e) => `PUT: ${e}`));
    const refused = await f.api.call("POST", "/v2/apps", { id: "/shapes/bad", cpus: -1 });
    expect(refused.status).toBe(422);
    expect(marathon.getSchema("api#/components/schemas/Error")!(refused.body)).toBe(true);
    expect(refused.body).toMatchObject({
      message: "Object is not valid",
      details: [
        { path: "/cpus", errors: ["must be greater than 0"] },
        { path: "/", errors: ["AppDefinition must contain one of 'cmd', 'args' or 'container'"] },
      ],
    });
    expect(wrong).toEqual([]);
  });

  it("answers pods in Marathon's shapes", async () => {
    const pod = {
      id: "/shapes/pod",
      containers: [
        {
          name: "main",
          resources: { cpus: 0.05, mem: 32 },
          image: { kind: "DOCKER", id: DEMO_IMAGE },
          exec: { command: { shell: "sleep 3600" } },
        },
        {
          name: "side",
          resources: { cpus: 0.05, mem: 32 },
          image: { kind: "DOCKER", id: DEMO_IMAGE },
          exec: { command: { argv: ["sleep", "3600"] } },
        },
      ],
      scaling: { kind: "fixed", instances: 1 },
    };
    const created = await f.api.call("POST", "/v2/pods", pod);
    expect(created.status).toBe(201);
    const wrong = check(marathon, "/v2/pods", created.body, "post", 201).map((e) => `POST: ${e}`);
    await eventually(async () => (await f.api.call<{ status: string }>("GET", "/v2/pods/shapes/pod::status")).body.status === "STABLE", {
      what: "the pod to run",
    });
    const [version] = (await f.api.call<string[]>("GET", "/v2/pods/shapes/pod::versions")).body;
    const answers: [string, string][] = [
      ["/v2/pods", "/v2/pods"],
      ["/v2/pods/{podId}", "/v2/pods/shapes/pod"],
      ["/v2/pods/{podId}::status", "/v2/pods/shapes/pod::status"],
      ["/v2/pods/::status", "/v2/pods/::status"],
      ["/v2/pods/{podId}::versions", "/v2/pods/shapes/pod::versions"],
      ["/v2/pods/{podId}::versions/{version}", `/v2/pods/shapes/pod::versions/${version}`],
      ["/v2/groups/{groupId}", "/v2/groups/shapes"],
    ];
    for (const [path, url] of answers) {
      const r = await f.api.call("GET", url);
      expect(r.status, url).toBe(200);
      wrong.push(...check(marathon, path, r.body).map((e) => `${url}: ${e}`));
    }
    expect(wrong).toEqual([]);
    expect((await f.api.call("DELETE", "/v2/pods/shapes/pod")).status).toBe(202);
  });

  it("gives Berth's own fields only to a request that asks, and they are declared too", async () => {
    const plain = await f.api.call<{ queue: Record<string, unknown>[] }>("GET", "/v2/queue");
    expect(plain.body.queue.find((q) => (q.app as { id: string }).id === "/shapes/never")).not.toHaveProperty("reasons");
    const asked = await f.api.call<{ queue: Record<string, unknown>[] }>("GET", "/v2/queue?embed=berth");
    expect(asked.body.queue.find((q) => (q.app as { id: string }).id === "/shapes/never")).toHaveProperty("reasons");
    expect(check(withBerth, "/v2/queue", asked.body)).toEqual([]);
    const app = await f.api.call<{ app: Record<string, unknown> }>("GET", "/v2/apps/shapes/web?embed=berth");
    expect(app.body.app).toHaveProperty("progressDeadlineSeconds");
    expect(check(withBerth, "/v2/apps/{appId}", app.body)).toEqual([]);
    expect(check(marathon, "/v2/apps/{appId}", app.body).join()).toMatch(/additional/);
  });
});
