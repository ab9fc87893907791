import type { ContainerSpec, LocalImage } from "@berth/core";

/** What Docker says about one container. */
export interface ContainerState {
  id: string;
  name: string;
  labels: Record<string, string>;
  image: string;
  networkMode: string;
  running: boolean;
  /** Docker's status: created, running, exited, dead, ... */
  status: string;
  exitCode: number;
  oomKilled: boolean;
  pid: number;
  startedAt: string;
  finishedAt: string;
  error: string;
  /** The container's own addresses on the networks it joined; [] on the host's network or none. */
  ipAddresses: string[];
}

export interface ContainerExit {
  containerId: string;
  labels: Record<string, string>;
  exitCode: number;
  /** Seconds since the epoch, from Docker's event. */
  time: number;
}

export interface PullOptions {
  timeoutMs: number;
  auth?: { username?: string; password?: string; serveraddress?: string; auth?: string };
}

/** An error from the runtime; `retryable` says whether the same call may succeed later. */
export class RuntimeError extends Error {
  override readonly name: string = "RuntimeError";
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The agent's view of a container engine. Docker is the product; a simulated
 * runtime exists only for scale benchmarks.
 */
export interface ContainerRuntime {
  ping(): Promise<void>;
  /** The names of the networks the engine has (host, none, bridge when it has one, and any made with `docker network create`). */
  networks(): Promise<string[]>;
  /** The image as the engine has it (its local tags and registry digests), or undefined when absent. */
  inspectImage(image: string): Promise<LocalImage | undefined>;
  /**
   * Pulls the image with the given registry credentials (only a manifest check
   * when its layers are here), failing after `timeoutMs`; throws a
   * RuntimeError with the engine's or registry's message.
   */
  pullImage(image: string, opts: PullOptions): Promise<void>;
  /** Runs a command inside a running container; resolves with its exit code and output. */
  exec(containerId: string, cmd: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }>;
  /** Creates and starts a container; if one with the spec's name exists, returns it instead. */
  start(spec: ContainerSpec): Promise<ContainerState>;
  inspect(containerId: string): Promise<ContainerState | undefined>;
  /** Bytes the container has written to its own writable layer (what a disk limit counts). */
  diskUsageBytes(containerId: string): Promise<number>;
  /** Starts a container that was created but never started. */
  startExisting(containerId: string): Promise<ContainerState>;
  /** SIGTERM, then SIGKILL after `graceSeconds`. */
  stop(containerId: string, graceSeconds: number): Promise<void>;
  remove(containerId: string): Promise<void>;
  /**
   * A container's stdout and stderr: the last `tail` lines (0: all), then, with
   * `follow`, new output until the container ends or the signal aborts.
   */
  logs(
    containerId: string,
    opts: { tail: number; follow: boolean; stdout: boolean; stderr: boolean; signal: AbortSignal },
    onChunk: (stream: "stdout" | "stderr", data: Buffer) => void,
  ): Promise<void>;
  /** Containers (running or not) carrying every given label. */
  list(labels: Record<string, string>): Promise<ContainerState[]>;
  /** Follows container exits from `sinceSeconds`, reconnecting until stopped. */
  watchExits(labels: Record<string, string>, onExit: (e: ContainerExit) => void, onError: (err: unknown) => void): { stop(): void };
}
