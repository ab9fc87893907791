import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs the docker CLI, as a person checking on Berth would. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

export async function dockerInspect<T = Record<string, unknown>>(id: string): Promise<T> {
  const out = JSON.parse(await docker("inspect", id)) as T[];
  const first = out[0];
  if (!first) throw new Error(`docker inspect ${id}: nothing`);
  return first;
}

/** Ids of containers carrying a label (running or not). */
export async function containersWithLabel(label: string, all = true): Promise<string[]> {
  const out = await docker("ps", ...(all ? ["-a"] : []), "-q", "--no-trunc", "--filter", `label=${label}`);
  return out ? out.split("\n") : [];
}

export async function removeContainersWithLabel(label: string): Promise<void> {
  const ids = await containersWithLabel(label);
  if (ids.length > 0) await docker("rm", "-f", ...ids);
}

/** The demo image: busybox from Debian's busybox-static, imported by scripts/demo-image.sh. */
export const DEMO_IMAGE = "berth/busybox:latest";
