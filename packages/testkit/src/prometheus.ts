import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { eventually } from "./wait.js";

export interface Prometheus {
  url: string;
  query<T = unknown>(promql: string): Promise<T[]>;
  targets(): Promise<{ labels: Record<string, string>; discoveredLabels: Record<string, string>; health: string; scrapeUrl: string }[]>;
  stop(): Promise<void>;
}

/** Debian's real Prometheus, with the given configuration, on a free loopback port. */
export async function startPrometheus(configYaml: string): Promise<Prometheus> {
  const dir = await mkdtemp(join(tmpdir(), "berth-prom-"));
  const port = await freePort();
  await writeFile(join(dir, "prometheus.yml"), configYaml);
  const proc: ChildProcess = spawn(
    "prometheus",
    [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  // Prometheus logs to stderr: kept beside its data, for a failing test to be read.
  proc.stderr?.pipe(createWriteStream(join(dir, "prometheus.log")));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${url}/-/ready`)).ok, { what: "prometheus ready", timeoutMs: 30_000 });
  return {
    url,
    async query<T>(promql: string) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as { data: { result: T[] } };
      return body.data.result;
    },
    async targets() {
      const res = await fetch(`${url}/api/v1/targets?state=active`);
      const body = (await res.json()) as { data: { activeTargets: Awaited<ReturnType<Prometheus["targets"]>> } };
      return body.data.activeTargets;
    },
    async stop() {
      if (proc.exitCode === null) {
        await new Promise<void>((r) => {
          proc.once("exit", () => r());
          proc.kill("SIGTERM");
        });
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
