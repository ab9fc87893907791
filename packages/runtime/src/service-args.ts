import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The arguments that start a service with Node: the V8 flags its package.json
 * asks for (`nodeFlags`: ones that only take effect at start, such as the size
 * of the young generation), then its entry point. Every launcher uses this, so
 * a service runs the same under `make up`, the tests and the benchmarks.
 */
export function serviceArgs(root: string, service: string, entry = "dist/main.js"): string[] {
  const dir = join(root, "services", service);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { nodeFlags?: string[] };
  return [...(pkg.nodeFlags ?? []), join(dir, entry)];
}
