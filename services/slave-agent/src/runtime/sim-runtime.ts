import { randomUUID } from "node:crypto";
import type { ContainerSpec, LocalImage } from "@berth/core";
import type { ContainerExit, ContainerRuntime, ContainerState, PullOptions } from "./container-runtime.js";

/**
 * A container runtime that runs nothing: containers exist in memory, start at
 * once and run until stopped. The agent code above it is the real one. For
 * scale benchmarks only; every test of behaviour runs on Docker.
 */
export class SimRuntime implements ContainerRuntime {
  private readonly containers = new Map<string, ContainerState>();
  private readonly byName = new Map<string, string>();
  private readonly watchers = new Set<{ labels: Record<string, string>; onExit: (e: ContainerExit) => void }>();

  async ping(): Promise<void> {}

  async networks(): Promise<string[]> {
    return ["host", "none"];
  }

  async inspectImage(image: string): Promise<LocalImage | undefined> {
    return { repoTags: [image], repoDigests: [] };
  }

  async pullImage(_image: string, _opts: PullOptions): Promise<void> {}

  async diskUsageBytes(): Promise<number> {
    return 0;
  }

  /** Commands run in each container so far. */
  private readonly execs = new Map<string, number>();

  /**
   * With `flapAfter` n, a command in a container (a COMMAND health check)
   * succeeds n times, then fails and succeeds in turn, so each check changes
   * the task's health and the agent sends a status update: a steady stream of
   * updates at the rate the checks run, once the app's deployment is done.
   * With `execMaxMs`, a command takes a random time up to that long, so the
   * updates of tasks launched together come at independent moments, as from
   * hosts whose tasks started at different times, rather than all at once.
   */
  constructor(private readonly opts: { flapAfter?: number; execMaxMs?: number } = {}) {}

  async exec(containerId: string): Promise<{ exitCode: number; output: string }> {
    const n = (this.execs.get(containerId) ?? 0) + 1;
    this.execs.set(containerId, n);
    const { flapAfter, execMaxMs } = this.opts;
    if (execMaxMs) await new Promise((r) => setTimeout(r, Math.random() * execMaxMs));
    if (flapAfter === undefined || n <= flapAfter || (n - flapAfter) % 2 === 0) return { exitCode: 0, output: "" };
    return { exitCode: 1, output: "simulated failure" };
  }

  async start(spec: ContainerSpec): Promise<ContainerState> {
    const existing = this.byName.get(spec.name);
    if (existing) return { ...(this.containers.get(existing) as ContainerState) };
    const id = randomUUID().replaceAll("-", "");
    const state: ContainerState = {
      id,
      name: spec.name,
      labels: { ...spec.labels },
      image: spec.image,
      networkMode: spec.networkMode,
      running: true,
      status: "running",
      exitCode: 0,
      oomKilled: false,
      pid: 0,
      startedAt: new Date().toISOString(),
      finishedAt: "0001-01-01T00:00:00Z",
      error: "",
      ipAddresses: [],
    };
    this.containers.set(id, state);
    this.byName.set(spec.name, id);
    return { ...state };
  }

  async inspect(containerId: string): Promise<ContainerState | undefined> {
    const c = this.containers.get(containerId) ?? this.containers.get(this.byName.get(containerId) ?? "");
    return c ? { ...c } : undefined;
  }

  async startExisting(containerId: string): Promise<ContainerState> {
    const c = this.containers.get(containerId);
    if (!c) throw new Error(`no container ${containerId}`);
    return { ...c, running: true, status: "running" };
  }

  /** As Docker with a process that honours SIGTERM: exit 143, or 137 (SIGKILL) when there is no grace. */
  async stop(containerId: string, graceSeconds: number): Promise<void> {
    const c = this.containers.get(containerId);
    if (!c || !c.running) return;
    const exitCode = graceSeconds > 0 ? 143 : 137;
    Object.assign(c, { running: false, status: "exited", exitCode, finishedAt: new Date().toISOString() });
    const exit: ContainerExit = { containerId, labels: c.labels, exitCode, time: Math.floor(Date.now() / 1000) };
    for (const w of this.watchers) if (matches(c.labels, w.labels)) queueMicrotask(() => w.onExit(exit));
  }

  async remove(containerId: string): Promise<void> {
    const c = this.containers.get(containerId);
    if (!c) return;
    this.containers.delete(containerId);
    this.byName.delete(c.name);
    this.execs.delete(containerId);
  }

  async logs(): Promise<void> {}

  async list(labels: Record<string, string>): Promise<ContainerState[]> {
    return [...this.containers.values()].filter((c) => matches(c.labels, labels)).map((c) => ({ ...c }));
  }

  watchExits(labels: Record<string, string>, onExit: (e: ContainerExit) => void): { stop(): void } {
    const w = { labels, onExit };
    this.watchers.add(w);
    return { stop: () => this.watchers.delete(w) };
  }
}

function matches(have: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => have[k] === v);
}
