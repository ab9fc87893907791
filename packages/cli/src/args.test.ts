import { describe, expect, it } from "vitest";
import { parseArgs } from "./args.js";
import { ApiError } from "./client.js";
import { table } from "./output.js";

describe("parseArgs", () => {
  it("splits words and flags, with values after valued flags", () => {
    const a = parseArgs(["logs", "t1", "-f", "--tail", "5", "--stderr", "--url=http://x", "--json"]);
    expect(a.words).toEqual(["logs", "t1"]);
    expect(Object.fromEntries(a.flags)).toEqual({ follow: true, tail: "5", stderr: true, url: "http://x", json: true });
  });
});

describe("exit codes", () => {
  it("are 2 for input Berth refused and 1 for anything else", () => {
    for (const s of [400, 409, 413, 422]) expect(new ApiError(s, "x").exitCode).toBe(2);
    for (const s of [0, 404, 500, 503]) expect(new ApiError(s, "x").exitCode).toBe(1);
  });
});

describe("table", () => {
  it("aligns columns", () => {
    expect(table(["A", "BB"], [["xyz", 1]])).toBe("A    BB\nxyz  1");
  });
});
