import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hostPathRefusal } from "./host-paths.js";

const root = mkdtempSync(join(tmpdir(), "berth-host-paths-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("host paths the agent binds", () => {
  mkdirSync(join(root, "team/data"), { recursive: true });
  writeFileSync(join(root, "team/file"), "x");
  symlinkSync("/", join(root, "team/esc"));
  symlinkSync(join(root, "team"), join(root, "alias"));

  it("binds a real directory or file", async () => {
    expect(await hostPathRefusal(join(root, "team/data"))).toBeUndefined();
    expect(await hostPathRefusal(join(root, "team/file"))).toBeUndefined();
  });

  it("refuses a link planted to the host's root, a link earlier in the path, and a path that does not exist", async () => {
    expect(await hostPathRefusal(join(root, "team/esc"))).toMatch(/leads through a symbolic link/);
    expect(await hostPathRefusal(join(root, "team/esc/etc"))).toMatch(/leads through a symbolic link/);
    expect(await hostPathRefusal(join(root, "alias/data"))).toMatch(/leads through a symbolic link/);
    expect(await hostPathRefusal(join(root, "team/missing"))).toMatch(/does not exist on this agent/);
  });
});
