import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docker } from "./docker-cli.js";
import { freePort } from "./free-port.js";
import { eventually } from "./wait.js";

export interface Registry {
  /** host:port, as image names use it. */
  address: string;
  username: string;
  password: string;
  /** Pushes a local image under the given repository:tag, then removes the local copy of that name. */
  push(localImage: string, repoTag: string): Promise<string>;
  stop(): Promise<void>;
}

/** Debian's docker-registry (Distribution) on a free loopback port, with htpasswd authentication. */
export async function startRegistry(): Promise<Registry> {
  const dir = await mkdtemp(join(tmpdir(), "berth-registry-"));
  const port = await freePort();
  const username = "berth";
  const password = `pw-${process.pid}`;
  const htpasswd = execFileSync("htpasswd", ["-Bbn", username, password]).toString();
  await writeFile(join(dir, "htpasswd"), htpasswd);
  await writeFile(
    join(dir, "config.yml"),
    [
      "version: 0.1",
      "log: { level: warn }",
      "storage: { filesystem: { rootdirectory: " + JSON.stringify(join(dir, "data")) + " } }",
      `http: { addr: 127.0.0.1:${port} }`,
      "auth: { htpasswd: { realm: berth-test, path: " + JSON.stringify(join(dir, "htpasswd")) + " } }",
      "",
    ].join("\n"),
  );
  const proc: ChildProcess = spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: "ignore" });
  const address = `127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`http://${address}/v2/`)).status === 401, { what: "registry up", timeoutMs: 20_000 });
  return {
    address,
    username,
    password,
    async push(localImage, repoTag) {
      const ref = `${address}/${repoTag}`;
      await docker("tag", localImage, ref);
      // Logged in with a client configuration of its own: test files side by side each log in to their own registry.
      const config = ["--config", join(dir, "client")];
      execFileSync("docker", [...config, "login", address, "-u", username, "--password-stdin"], { input: password });
      await docker(...config, "push", ref);
      await docker("rmi", ref);
      return ref;
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
