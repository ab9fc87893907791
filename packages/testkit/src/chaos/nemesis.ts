import { type ChildProcess, execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Cluster } from "../cluster.js";
import { docker } from "../docker-cli.js";
import type { SmallDisk } from "../small-disk.js";
import type { Fault } from "./plan.js";
import { runningContainers } from "./watchers.js";

/** What the nemesis does to NATS: one server, or one server of a cluster. */
export interface NatsTarget {
  /** The running servers' process ids. */
  pids(): number[];
  /** SIGKILLs server `pick` (modulo how many there are) and starts it again on the same store. */
  kill(pick: number): Promise<void>;
  /** Fills JetStream's store up to its limit (with a stream of its own); answers what frees it. Absent: no store-full faults. */
  fillStore?(): Promise<() => Promise<void>>;
}

/** The script that starts the Docker daemon with Berth's flags (as `make deps` does), from this package's place in the repository. */
const START_DOCKER = fileURLToPath(new URL("../../../../scripts/start-docker.sh", import.meta.url));

const dockerAnswers = () =>
  docker("info", "--format", "{{.ServerVersion}}").then(
    () => true,
    () => false,
  );

const signal = (pid: number, sig: NodeJS.Signals) => {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
};

/**
 * Carries out faults one after another (two at "one moment" follow each
 * other at once). Every process it kills is noted first, so an exit it did
 * not cause stands out; a pause ends on its own timer, or at `calm()`.
 */
export class Nemesis {
  /** Processes this nemesis ended: their exits are expected. */
  readonly killed = new WeakSet<ChildProcess>();
  readonly done: Record<string, number> = {};
  private readonly paused = new Map<number, NodeJS.Timeout>();
  /** What is full now (the agent's disk, JetStream's store), and how it is freed. */
  private readonly full = new Map<string, { timer: NodeJS.Timeout; free: () => Promise<void> }>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly cluster: Cluster,
    private readonly nats: NatsTarget,
    private readonly log: (line: string) => void,
    /** The first agent's work dir, on a disk of its own; absent: no agent-disk-full faults. */
    private readonly agentDisk?: SmallDisk,
  ) {}

  /** Queues a fault; resolves once it (and those before it) were carried out. */
  inflict(fault: Fault): Promise<void> {
    this.queue = this.queue.then(() =>
      this.carryOut(fault).catch((err: unknown) => this.log(`nemesis: ${fault.kind} did not happen: ${String(err)}`)),
    );
    return this.queue;
  }

  private async carryOut(fault: Fault): Promise<void> {
    const name = "process" in fault ? `${fault.kind} ${fault.process}` : fault.kind;
    this.done[name] = (this.done[name] ?? 0) + 1;
    this.log(`nemesis: ${JSON.stringify(fault)}`);
    switch (fault.kind) {
      case "kill": {
        const p = this.cluster.processes.find((x) => x.name === fault.process);
        if (!p) throw new Error(`no process ${fault.process}`);
        this.killed.add(p.proc);
        this.resume(p.proc.pid ?? 0);
        return this.cluster.restart(fault.process, "SIGKILL");
      }
      case "pause": {
        const p = this.cluster.processes.find((x) => x.name === fault.process);
        return this.pause(p?.proc.pid ?? 0, fault.ms);
      }
      case "nats-kill":
        for (const pid of this.nats.pids()) this.resume(pid);
        return this.nats.kill(fault.pick);
      case "nats-pause": {
        const pids = this.nats.pids();
        return this.pause(pids[fault.pick % pids.length] ?? 0, fault.ms);
      }
      case "docker-kill":
      case "docker-rm": {
        const ids = (await runningContainers(this.cluster.agentIds)).map((c) => c.id);
        if (ids.length === 0) return;
        const id = ids[fault.pick % ids.length]!;
        await (fault.kind === "docker-kill" ? docker("kill", id) : docker("rm", "-f", id)).catch(() => undefined);
        return;
      }
      case "docker-restart":
        return this.restartDocker(fault.ms);
      case "agent-disk-full": {
        const disk = this.agentDisk;
        if (!disk) throw new Error("the agent's work dir is not on a disk of its own");
        if (this.full.has(fault.kind)) return;
        disk.fill();
        return this.holdFull(fault.kind, fault.ms, async () => disk.free());
      }
      case "store-full": {
        if (!this.nats.fillStore) throw new Error("this NATS cannot be filled");
        if (this.full.has(fault.kind)) return;
        return this.holdFull(fault.kind, fault.ms, await this.nats.fillStore());
      }
    }
  }

  /** Frees what was filled `ms` from now, or at `calm()`. */
  private holdFull(what: string, ms: number, free: () => Promise<void>): void {
    this.full.set(what, { timer: setTimeout(() => void this.free(what), ms), free });
  }

  private async free(what: string): Promise<void> {
    const f = this.full.get(what);
    if (!f) return;
    clearTimeout(f.timer);
    this.full.delete(what);
    await f.free().catch((err: unknown) => this.log(`nemesis: ${what} could not be freed: ${String(err)}`));
  }

  /** Stops the daemon that serves the socket (by the pid it wrote, not every dockerd here), and starts it again `ms` after it is down. */
  private async restartDocker(ms: number): Promise<void> {
    signal(Number((await readFile("/var/run/docker.pid", "utf8")).trim()), "SIGTERM");
    for (let i = 0; i < 120 && (await dockerAnswers()); i++) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, ms));
    await promisify(execFile)("bash", [START_DOCKER]);
  }

  private pause(pid: number, ms: number): void {
    if (!pid || this.paused.has(pid)) return;
    signal(pid, "SIGSTOP");
    this.paused.set(
      pid,
      setTimeout(() => this.resume(pid), ms),
    );
  }

  private resume(pid: number): void {
    const timer = this.paused.get(pid);
    if (!timer) return;
    clearTimeout(timer);
    this.paused.delete(pid);
    signal(pid, "SIGCONT");
  }

  /** Ends every pause, frees what is full, and waits for the faults under way. */
  async calm(): Promise<void> {
    await this.queue;
    for (const pid of [...this.paused.keys()]) this.resume(pid);
    for (const what of [...this.full.keys()]) await this.free(what);
  }
}
