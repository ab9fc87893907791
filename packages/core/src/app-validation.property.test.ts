import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApp } from "./app-validation.js";
import { containerSpec, TASK_CAPABILITIES } from "./container-spec.js";
import { imageReferenceError } from "./docker-image.js";
import { DEFAULT_TASK_POLICY, policyViolations } from "./task-policy.js";
import { taskSpec } from "./task-spec.js";

const ctx = { version: "2026-01-01T00:00:00.000Z" };

/** Values that are sometimes right and often wrong in interesting ways. */
const nasty = fc.oneof(
  fc.constantFrom(-1, 0, 1, 0.5, 1e9, Number.NaN, Infinity, -0, "1", "", "..", "/", "\0", "a\0b", null, true, [], {}),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
);
const validParameter = fc.constantFrom(
  { key: "cap-add", value: "NET_ADMIN" },
  { key: "cap-add", value: "ALL" },
  { key: "cap-drop", value: "ALL" },
  { key: "init", value: "true" },
  { key: "tmpfs", value: "/tmp:size=1m" },
  { key: "ulimit", value: "nofile=10:20" },
  { key: "pids-limit", value: "64" },
  { key: "label", value: "a=b" },
  { key: "stop-signal", value: "SIGINT" },
);
/** Definitions the validator should accept, reaching its corners: boundaries, odd but legal strings, policy-relevant fields. */
const goodApp = fc.record(
  {
    id: fc.stringMatching(/^\/[a-z0-9]{1,8}(\/[a-z0-9][a-z0-9.-]{0,6}[a-z0-9]){0,2}$/),
    cmd: fc.constantFrom("sleep 1000", "echo 'a;b' && exit 0", "printf '%s' \"$PORT0\""),
    instances: fc.integer({ min: 0, max: 10_000 }),
    cpus: fc.double({ min: 0.001, max: 1024, noNaN: true }),
    mem: fc.double({ min: 0, max: 1e6, noNaN: true }),
    disk: fc.integer({ min: 0, max: 100 }),
    env: fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/), fc.string({ maxLength: 12 }), { maxKeys: 5 }),
    labels: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    portDefinitions: fc.array(fc.record({ port: fc.integer({ min: 0, max: 65_535 }) }), { maxLength: 3 }),
    container: fc.record({
      type: fc.constant("DOCKER"),
      docker: fc.record({
        image: fc.oneof(
          fc.constant("berth/busybox:latest"),
          fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9._-]{1,8})?(:[A-Za-z0-9_.-]{1,10})?$/),
        ),
        privileged: fc.boolean(),
        parameters: fc.array(validParameter, { maxLength: 3 }),
      }),
      volumes: fc.array(
        fc.record(
          {
            containerPath: fc.constantFrom("/data", "/"),
            hostPath: fc.constantFrom("/", "/var/run/docker.sock", "/proc", "/srv/x"),
            mode: fc.constantFrom("RO", "RW"),
          },
          { requiredKeys: ["containerPath"] },
        ),
        { maxLength: 2 },
      ),
    }),
  },
  { requiredKeys: ["id", "cmd"] },
);
/** Hostile values for any field: the list and then some. */
const hostile = fc.oneof(
  nasty,
  fc.constantFrom(
    "/a/../b",
    "//a",
    "/A",
    "/%2e%2e/x",
    `/${"x".repeat(64)}`,
    "a b",
    "x;rm -rf /",
    "Upper/Case",
    `busybox:${"t".repeat(129)}`,
    { LD_PRELOAD: "a\0b" },
    { "A=B": "x" },
    { "": "x" },
    { hostPath: "/", containerPath: "/host" },
    [{ key: "net", value: "host" }],
    1e9,
    1_000_000,
  ),
  fc.anything(),
);
const FIELDS = ["id", "cmd", "instances", "cpus", "mem", "disk", "env", "labels", "portDefinitions", "container", "constraints", "extra"];
/** A good definition with one field, or one level of the container, replaced by something hostile. */
const appLike = fc.oneof(
  goodApp,
  fc.tuple(goodApp, fc.constantFrom(...FIELDS), hostile).map(([app, field, bad]) => ({ ...app, [field]: bad })),
  fc.tuple(goodApp, fc.constantFrom("image", "privileged", "parameters", "pullConfig"), hostile).map(([app, field, bad]) => ({
    ...app,
    container: { ...(app.container ?? {}), docker: { ...(app.container?.docker ?? {}), [field]: bad } },
  })),
);

const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const ENV_ENTRY = /^[A-Za-z_][A-Za-z0-9_]*=/;

describe("app validation, with random input", () => {
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(appLike, fc.anything()), (raw) => {
        const r = parseApp(raw, ctx);
        if (!r.ok) expect(r.details.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts only what the agent can turn into a Docker container, hardened", () => {
    let accepted = 0;
    fc.assert(
      fc.property(appLike, (raw) => {
        const r = parseApp(raw, ctx);
        if (!r.ok) return;
        accepted++;
        const app = r.app;
        const spec = containerSpec(
          taskSpec(
            app,
            "team_web.1",
            app.portDefinitions.map((_, i) => 31000 + i),
          ),
          {
            agentId: "a",
            hostname: "127.0.0.1",
          },
        );
        expect(spec.name).toMatch(CONTAINER_NAME);
        if (app.container) expect(imageReferenceError(spec.image)).toBeUndefined();
        for (const e of spec.env) expect(e).toMatch(ENV_ENTRY);
        expect(JSON.stringify(spec)).not.toContain("\\u0000");
        expect(spec.memoryBytes).toBeGreaterThanOrEqual(32 * 1024 * 1024);
        expect(spec.cpuShares).toBeGreaterThanOrEqual(2);
        expect(spec.pidsLimit).toBeGreaterThan(0);
        expect(spec.securityOpt).toEqual(["no-new-privileges"]);
        expect(app.instances).toBeLessThanOrEqual(10_000);
        if (policyViolations(app, DEFAULT_TASK_POLICY).length === 0) {
          expect(spec.privileged).toBe(false);
          expect(spec.binds).toEqual([]);
          // Within the default policy a task never holds more than the starting set of capabilities.
          expect(spec.capDrop).toEqual(["ALL"]);
          for (const cap of spec.capAdd) expect(TASK_CAPABILITIES).toContain(cap);
        }
      }),
      { numRuns: 3000 },
    );
    // The generator must reach valid definitions, or the property says nothing.
    expect(accepted).toBeGreaterThan(100);
  });
});
