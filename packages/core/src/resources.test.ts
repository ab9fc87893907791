import { describe, expect, it } from "vitest";
import { countPorts, parsePortRanges, roundResource, subtractPorts, takePorts } from "./resources.js";

describe("port ranges", () => {
  const r = [
    { begin: 100, end: 104 },
    { begin: 200, end: 200 },
  ];
  it("counts", () => expect(countPorts(r)).toBe(6));
  it("subtracts ports inside, at the edges and outside", () => {
    expect(subtractPorts(r, [100, 102, 104, 200, 999])).toEqual([
      { begin: 101, end: 101 },
      { begin: 103, end: 103 },
    ]);
    expect(subtractPorts(r, [])).toEqual(r);
  });
  it("takes the lowest free ports across ranges", () => {
    expect(takePorts(r, 6)).toEqual([100, 101, 102, 103, 104, 200]);
    expect(takePorts(r, 7)).toBeUndefined();
    expect(takePorts([], 0)).toEqual([]);
  });
  it("parses ranges and rejects nonsense", () => {
    expect(parsePortRanges("31000-32000, 8080")).toEqual([
      { begin: 31000, end: 32000 },
      { begin: 8080, end: 8080 },
    ]);
    expect(parsePortRanges("5-1")).toBeUndefined();
    expect(parsePortRanges("0-10")).toBeUndefined();
    expect(parsePortRanges("a")).toBeUndefined();
    expect(parsePortRanges("1-70000")).toBeUndefined();
  });
  it("rounds float noise", () => expect(roundResource(0.1 + 0.2)).toBe(0.3));
});
