// One suite, two runtimes: what the agent relies on from its container runtime holds on Docker
// and on the simulator the scale benchmarks run, so the simulator cannot drift from the product.
// Left out on purpose: images (the simulator has every image) and commands run in a container
// (the simulator runs none); the benchmarks exercise neither.
import { afterAll, describe, expect, it } from "vitest";
import { type ContainerSpec, LABELS } from "@berth/core";
import { eventually, removeContainersWithLabel } from "@berth/testkit";
import { containerSpec } from "./container-spec.js";
import type { ContainerExit, ContainerRuntime } from "../src/runtime/container-runtime.js";
import { DockerRuntime } from "../src/runtime/docker-runtime.js";
import { SimRuntime } from "../src/runtime/sim-runtime.js";

const run = `conformance-${process.pid}`;

const spec = (name: string, over: Partial<ContainerSpec> = {}) => containerSpec(run, name, over);

afterAll(async () => {
  await removeContainersWithLabel(`${LABELS.agent}=${run}`);
});

describe.each([
  ["Docker", () => new DockerRuntime("/var/run/docker.sock")],
  ["the simulator", () => new SimRuntime()],
] as [string, () => ContainerRuntime][])("the container runtime: %s", (name, make) => {
  const runtime = make();
  const exits: ContainerExit[] = [];
  const watch = runtime.watchExits(
    { [LABELS.agent]: run },
    (e) => exits.push(e),
    () => undefined,
  );
  afterAll(() => watch.stop());
  const key = name === "Docker" ? "d" : "s";

  it("offers the host's network and none", async () => {
    expect(await runtime.networks()).toEqual(expect.arrayContaining(["host", "none"]));
  });

  it("starts a container that runs with the spec's name and labels, and starting it again returns the same one", async () => {
    const first = await runtime.start(spec(`${key}-a`));
    expect(first).toMatchObject({ running: true, status: "running", labels: { [LABELS.task]: `${key}-a` } });
    expect(first.name.replace(/^\//, "")).toBe(`berth-${run}-${key}-a`);
    const again = await runtime.start(spec(`${key}-a`));
    expect(again.id).toBe(first.id);
    expect(await runtime.inspect(first.id)).toMatchObject({ id: first.id, running: true });
  });

  it("lists containers by their labels", async () => {
    const listed = await runtime.list({ [LABELS.agent]: run, [LABELS.task]: `${key}-a` });
    expect(listed.map((c) => c.labels[LABELS.task])).toEqual([`${key}-a`]);
    expect(await runtime.list({ [LABELS.agent]: run, [LABELS.task]: "none-such" })).toEqual([]);
  });

  it("stops with SIGTERM (143), or at once with no grace (137), and tells the exit watcher with the labels", async () => {
    const [a] = await runtime.list({ [LABELS.agent]: run, [LABELS.task]: `${key}-a` });
    await runtime.stop(a!.id, 10);
    expect(await runtime.inspect(a!.id)).toMatchObject({ running: false, exitCode: 143 });
    const b = await runtime.start(spec(`${key}-b`));
    await runtime.stop(b.id, 0);
    expect(await runtime.inspect(b.id)).toMatchObject({ running: false, exitCode: 137 });
    const seen = await eventually(
      () => {
        const mine = exits.filter((e) => e.containerId === a!.id || e.containerId === b.id);
        return mine.length === 2 && mine;
      },
      { what: "both exits watched" },
    );
    expect(seen.map((e) => [e.labels[LABELS.task], e.exitCode])).toEqual([
      [`${key}-a`, 143],
      [`${key}-b`, 137],
    ]);
  });

  it("stopping a stopped container changes nothing, and a removed one is gone", async () => {
    const [b] = await runtime.list({ [LABELS.agent]: run, [LABELS.task]: `${key}-b` });
    await runtime.stop(b!.id, 0);
    expect(await runtime.inspect(b!.id)).toMatchObject({ running: false, exitCode: 137 });
    await runtime.remove(b!.id);
    expect(await runtime.inspect(b!.id)).toBeUndefined();
    expect(await runtime.list({ [LABELS.agent]: run, [LABELS.task]: `${key}-b` })).toEqual([]);
  });
});
