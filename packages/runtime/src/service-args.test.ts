import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serviceArgs } from "./service-args.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SERVICES = readdirSync(join(ROOT, "services"));

describe("serviceArgs", () => {
  it("puts a service's V8 flags from its package.json before its entry point", () => {
    const args = serviceArgs(ROOT, "status-aggregator");
    expect(args.at(-1)).toBe(join(ROOT, "services/status-aggregator/dist/main.js"));
    expect(args.slice(0, -1)).toContain("--max-semi-space-size=32");
    expect(serviceArgs(ROOT, "slave-agent", "dist/sim-host.js")).toEqual([join(ROOT, "services/slave-agent/dist/sim-host.js")]);
  });

  it.each(SERVICES)("the systemd unit of %s starts it with the same flags", (service) => {
    const unit = readFileSync(join(ROOT, "deploy/systemd", `berth-${service}.service`), "utf8");
    const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1];
    const flags = serviceArgs(ROOT, service).slice(0, -1);
    expect(exec).toBe(["/usr/bin/node", ...flags, `/opt/berth/services/${service}/dist/main.js`].join(" "));
  });
});
