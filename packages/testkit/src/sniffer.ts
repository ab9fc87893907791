import { execFile } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { docker } from "./docker-cli.js";

const run = promisify(execFile);
const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), "../sniffer/sniff.c");

/** An image holding busybox and `sniff` (packages/testkit/sniffer/sniff.c): a raw-socket capture, as an attacking task would run. */
export const SNIFF_IMAGE = "berth/sniff:test";

/** Builds SNIFF_IMAGE unless present: `sniff` compiled statically with gcc, imported with busybox beside it. */
export async function sniffImage(): Promise<string> {
  if (
    await docker("image", "inspect", SNIFF_IMAGE).then(
      () => true,
      () => false,
    )
  )
    return SNIFF_IMAGE;
  const root = await mkdtemp(join(tmpdir(), "berth-sniff-"));
  try {
    await mkdir(join(root, "bin"), { recursive: true });
    await run("gcc", ["-static", "-O2", "-D_GNU_SOURCE", "-o", join(root, "bin/sniff"), SOURCE]);
    await copyFile("/bin/busybox", join(root, "bin/busybox"));
    await chmod(join(root, "bin/busybox"), 0o755);
    await symlink("busybox", join(root, "bin/sh"));
    await run("sh", ["-c", `tar -C '${root}' -c . | docker import -c 'ENV PATH=/bin' - ${SNIFF_IMAGE}`]);
    return SNIFF_IMAGE;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The `sniff` command line that looks for these words, passed base64-encoded so they never travel in clear. */
export function sniffCommand(seconds: number, needles: readonly string[]): string {
  return ["sniff", String(seconds), ...needles.map((n) => Buffer.from(n).toString("base64"))].join(" ");
}

/** What `sniff` printed: whether it could open a raw socket, how much it saw, and which needles it found. */
export function readSniff(output: string): { refused?: string; packets: number; found: boolean[] } {
  const refused = /^socket: (.*)$/m.exec(output)?.[1];
  const packets = Number(/^packets (\d+)/m.exec(output)?.[1] ?? 0);
  const found = [...output.matchAll(/^found \d+: (yes|no)$/gm)].map((m) => m[1] === "yes");
  return { ...(refused !== undefined ? { refused } : {}), packets, found };
}
