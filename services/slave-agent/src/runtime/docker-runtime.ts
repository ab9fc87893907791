import type { ContainerSpec, LocalImage } from "@berth/core";
import { Readable, Writable } from "node:stream";
import Docker from "dockerode";
import { type ContainerExit, type ContainerRuntime, type ContainerState, type PullOptions, RuntimeError } from "./container-runtime.js";

interface DockerErr {
  statusCode?: number;
  json?: { message?: string };
  message?: string;
  code?: string;
}

function messageOf(err: unknown): string {
  const e = err as DockerErr;
  return e.json?.message ?? e.message ?? String(err);
}

function isUnreachable(err: unknown): boolean {
  const code = (err as DockerErr).code;
  return code === "ECONNREFUSED" || code === "ENOENT" || code === "EPIPE" || code === "ECONNRESET";
}

function toRuntimeError(what: string, err: unknown): RuntimeError {
  if (isUnreachable(err)) return new RuntimeError(`Docker daemon is not reachable (${what}): ${messageOf(err)}`, true, { cause: err });
  return new RuntimeError(`${what}: ${messageOf(err)}`, false, { cause: err });
}

/** The container runtime on the local Docker daemon, through dockerode. */
export class DockerRuntime implements ContainerRuntime {
  private readonly docker: Docker;

  constructor(socketPath: string) {
    this.docker = new Docker({ socketPath });
  }

  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (err) {
      throw toRuntimeError("ping", err);
    }
  }

  async networks(): Promise<string[]> {
    try {
      return (await this.docker.listNetworks()).map((n) => n.Name);
    } catch (err) {
      throw toRuntimeError("list networks", err);
    }
  }

  async inspectImage(image: string): Promise<LocalImage | undefined> {
    try {
      const i = await this.docker.getImage(image).inspect();
      return { repoTags: i.RepoTags ?? [], repoDigests: i.RepoDigests ?? [] };
    } catch (err) {
      if ((err as DockerErr).statusCode === 404) return undefined;
      throw toRuntimeError(`inspect image ${image}`, err);
    }
  }

  async pullImage(image: string, opts: PullOptions): Promise<void> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = await this.docker.pull(image, opts.auth ? { authconfig: opts.auth } : {});
    } catch (err) {
      throw toRuntimeError(`pull ${image}`, err);
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(new RuntimeError(`pull ${image}: no result within its pull timeout of ${Math.round(opts.timeoutMs / 1000)}s`, true));
      }, opts.timeoutMs);
      this.docker.modem.followProgress(stream, (err: unknown, output: { error?: string }[]) => {
        clearTimeout(timer);
        const failed = err ? messageOf(err) : output.find((o) => o.error)?.error;
        if (failed) reject(new RuntimeError(`pull ${image}: ${failed}`, false));
        else resolve();
      });
    });
  }

  async logs(
    containerId: string,
    opts: { tail: number; follow: boolean; stdout: boolean; stderr: boolean; signal: AbortSignal },
    onChunk: (stream: "stdout" | "stderr", data: Buffer) => void,
  ): Promise<void> {
    const container = this.docker.getContainer(containerId);
    const base = { stdout: opts.stdout, stderr: opts.stderr, ...(opts.tail > 0 ? { tail: opts.tail } : {}) };
    let stream: NodeJS.ReadableStream;
    try {
      stream = opts.follow
        ? ((await container.logs({ ...base, follow: true })) as NodeJS.ReadableStream)
        : Readable.from([(await container.logs({ ...base, follow: false })) as Buffer]);
    } catch (err) {
      throw toRuntimeError(`logs of ${containerId}`, err);
    }
    const sink = (name: "stdout" | "stderr") =>
      new Writable({
        write(chunk: Buffer, _enc, done) {
          onChunk(name, chunk);
          done();
        },
      });
    await new Promise<void>((resolve) => {
      const stop = () => {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        resolve();
      };
      opts.signal.addEventListener("abort", stop, { once: true });
      stream.on("end", () => resolve());
      stream.on("close", () => resolve());
      stream.on("error", () => resolve());
      this.docker.modem.demuxStream(stream, sink("stdout"), sink("stderr"));
    });
  }

  async exec(containerId: string, cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    const container = this.docker.getContainer(containerId);
    let exec: Docker.Exec;
    try {
      exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    } catch (err) {
      throw toRuntimeError(`exec in ${containerId}`, err);
    }
    const stream = await exec.start({ hijack: true, stdin: false });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stream.destroy();
        reject(new RuntimeError(`command did not finish within ${timeoutMs} ms`, false));
      }, timeoutMs);
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          if (output.length < 4096) output += chunk.toString("utf8");
          done();
        },
      });
      this.docker.modem.demuxStream(stream, sink, sink);
      stream.on("end", () => {
        clearTimeout(timer);
        resolve();
      });
      stream.on("error", (err: Error) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? -1, output };
  }

  async start(spec: ContainerSpec): Promise<ContainerState> {
    let container: Docker.Container;
    try {
      container = await this.docker.createContainer({
        name: spec.name,
        Image: spec.image,
        ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
        ...(spec.cmd ? { Cmd: spec.cmd } : {}),
        Env: spec.env,
        Labels: spec.labels,
        ...(spec.user ? { User: spec.user } : {}),
        StopTimeout: spec.stopTimeoutSeconds,
        ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
        ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
        ...(spec.hostname ? { Hostname: spec.hostname } : {}),
        HostConfig: {
          NetworkMode: spec.networkMode,
          CpuShares: spec.cpuShares,
          Memory: spec.memoryBytes,
          MemorySwap: spec.memorySwapBytes,
          ...(spec.memoryReservationBytes !== undefined ? { MemoryReservation: spec.memoryReservationBytes } : {}),
          ...(spec.cpuQuota !== undefined ? { CpuQuota: spec.cpuQuota, CpuPeriod: 100_000 } : {}),
          ...(spec.logConfig ? { LogConfig: { Type: spec.logConfig.type, Config: spec.logConfig.config } } : {}),
          ExtraHosts: spec.extraHosts,
          Dns: spec.dns,
          DnsSearch: spec.dnsSearch,
          Privileged: spec.privileged,
          Binds: spec.binds,
          PortBindings: spec.portBindings,
          SecurityOpt: spec.securityOpt,
          PidsLimit: spec.pidsLimit,
          CapAdd: spec.capAdd,
          CapDrop: spec.capDrop,
          Tmpfs: spec.tmpfs,
          Ulimits: spec.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })),
          ...(spec.init !== undefined ? { Init: spec.init } : {}),
          ...(spec.readonlyRootfs !== undefined ? { ReadonlyRootfs: spec.readonlyRootfs } : {}),
          ...(spec.shmSizeBytes !== undefined ? { ShmSize: spec.shmSizeBytes } : {}),
        },
      });
    } catch (err) {
      if ((err as DockerErr).statusCode === 409) {
        const existing = await this.inspect(spec.name);
        if (existing) return existing;
      }
      throw toRuntimeError("create container", err);
    }
    try {
      await container.start();
    } catch (err) {
      const failed = toRuntimeError("start container", err);
      await container.remove({ force: true }).catch(() => undefined);
      throw failed;
    }
    const state = await this.inspect(container.id);
    if (!state) throw new RuntimeError(`container ${container.id} vanished after start`, true);
    return state;
  }

  async startExisting(containerId: string): Promise<ContainerState> {
    try {
      await this.docker.getContainer(containerId).start();
    } catch (err) {
      if ((err as DockerErr).statusCode !== 304) throw toRuntimeError(`start ${containerId}`, err);
    }
    const state = await this.inspect(containerId);
    if (!state) throw new RuntimeError(`container ${containerId} vanished`, false);
    return state;
  }

  async inspect(containerId: string): Promise<ContainerState | undefined> {
    try {
      const i = await this.docker.getContainer(containerId).inspect();
      return {
        id: i.Id,
        name: i.Name.replace(/^\//, ""),
        labels: i.Config.Labels ?? {},
        image: i.Config.Image,
        networkMode: i.HostConfig.NetworkMode ?? "",
        running: i.State.Running,
        status: i.State.Status,
        exitCode: i.State.ExitCode,
        oomKilled: i.State.OOMKilled,
        pid: i.State.Pid,
        startedAt: i.State.StartedAt,
        finishedAt: i.State.FinishedAt,
        error: i.State.Error,
        ipAddresses: Object.values(i.NetworkSettings?.Networks ?? {})
          .flatMap((n) => [n.IPAddress, n.GlobalIPv6Address])
          .filter((a): a is string => typeof a === "string" && a !== ""),
      };
    } catch (err) {
      if ((err as DockerErr).statusCode === 404) return undefined;
      throw toRuntimeError(`inspect ${containerId}`, err);
    }
  }

  async diskUsageBytes(containerId: string): Promise<number> {
    try {
      // Docker's `size=true` query: it walks the writable layer and answers SizeRw.
      const i = (await this.docker.getContainer(containerId).inspect({ size: true } as Docker.ContainerInspectOptions)) as {
        SizeRw?: number;
      };
      return i.SizeRw ?? 0;
    } catch (err) {
      throw toRuntimeError(`measure the disk of ${containerId}`, err);
    }
  }

  async stop(containerId: string, graceSeconds: number): Promise<void> {
    try {
      await this.docker.getContainer(containerId).stop({ t: graceSeconds });
    } catch (err) {
      const status = (err as DockerErr).statusCode;
      if (status === 304 || status === 404) return; // already stopped, or gone
      throw toRuntimeError(`stop ${containerId}`, err);
    }
  }

  async remove(containerId: string): Promise<void> {
    try {
      await this.docker.getContainer(containerId).remove({ force: true });
    } catch (err) {
      const status = (err as DockerErr).statusCode;
      if (status === 404 || status === 409) return; // gone, or removal already in progress
      throw toRuntimeError(`remove ${containerId}`, err);
    }
  }

  async list(labels: Record<string, string>): Promise<ContainerState[]> {
    let summaries: Docker.ContainerInfo[];
    try {
      summaries = await this.docker.listContainers({
        all: true,
        filters: { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) },
      });
    } catch (err) {
      throw toRuntimeError("list containers", err);
    }
    const out: ContainerState[] = [];
    for (const s of summaries) {
      const state = await this.inspect(s.Id);
      if (state) out.push(state);
    }
    return out;
  }

  watchExits(labels: Record<string, string>, onExit: (e: ContainerExit) => void, onError: (err: unknown) => void): { stop(): void } {
    let stopped = false;
    let since = Math.floor(Date.now() / 1000);
    let current: NodeJS.ReadableStream | undefined;
    const follow = async (): Promise<void> => {
      while (!stopped) {
        try {
          const stream = (await this.docker.getEvents({
            since,
            filters: {
              type: ["container"],
              event: ["die"],
              label: Object.entries(labels).map(([k, v]) => `${k}=${v}`),
            },
          })) as NodeJS.ReadableStream;
          current = stream;
          await new Promise<void>((resolve) => {
            let buf = "";
            stream.on("data", (chunk: Buffer) => {
              buf += chunk.toString();
              let nl: number;
              while ((nl = buf.indexOf("\n")) >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                if (!line) continue;
                const ev = JSON.parse(line) as { id: string; time: number; Actor?: { Attributes?: Record<string, string> } };
                since = Math.max(since, ev.time);
                const attrs = ev.Actor?.Attributes ?? {};
                onExit({ containerId: ev.id, labels: attrs, exitCode: Number(attrs.exitCode ?? -1), time: ev.time });
              }
            });
            stream.on("end", () => resolve());
            stream.on("close", () => resolve());
            stream.on("error", (err) => {
              onError(err);
              resolve();
            });
          });
        } catch (err) {
          onError(toRuntimeError("follow events", err));
        }
        if (!stopped) await new Promise((r) => setTimeout(r, 1_000));
      }
    };
    void follow();
    return {
      stop: () => {
        stopped = true;
        (current as unknown as { destroy?: () => void } | undefined)?.destroy?.();
      },
    };
  }
}
