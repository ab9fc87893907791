import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface NatsServer {
  url: string;
  port: number;
  storeDir: string;
  stop(): Promise<void>;
  /** Stops and starts the server on the same port and store. */
  restart(): Promise<void>;
}

async function waitForPortsFile(dir: string, pid: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = await readdir(dir).catch(() => [] as string[]);
    const f = files.find((n) => n.endsWith(`_${pid}.ports`));
    if (f) {
      const ports = JSON.parse(await readFile(join(dir, f), "utf8")) as { nats: string[] };
      const url = ports.nats[0] ?? "";
      return Number(new URL(url).port);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("nats-server did not start (is it installed? run `make deps`)");
}

function launch(args: string[]): ChildProcess {
  return spawn("nats-server", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** A real nats-server with JetStream on a free loopback port and its own store. */
export async function startNatsServer(): Promise<NatsServer> {
  const dir = await mkdtemp(join(tmpdir(), "berth-nats-"));
  const storeDir = join(dir, "store");
  let proc = launch(["-a", "127.0.0.1", "-p", "-1", "-js", "-sd", storeDir, "--ports_file_dir", dir]);
  const port = await waitForPortsFile(dir, proc.pid ?? 0, 10_000);
  const stopProc = async (p: ChildProcess) => {
    if (p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once("exit", () => resolve());
      p.kill("SIGTERM");
    });
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async stop() {
      await stopProc(proc);
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await stopProc(proc);
      proc = launch(["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir, "--ports_file_dir", dir]);
      await waitForPortsFile(dir, proc.pid ?? 0, 10_000);
    },
  };
}
