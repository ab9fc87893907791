import { describe, expect, it } from "vitest";
import { SseReader } from "./sse.js";

describe("SseReader", () => {
  it("returns whole events, keeps a frame split across chunks for the next, and skips comments and data-less frames", () => {
    const r = new SseReader();
    expect(r.push(": keep-alive\n\nevent: status_update_event\nid: 7\nda")).toEqual([]);
    expect(r.push('ta: {"a":1}\n\nevent: x\n\n')).toEqual([{ event: "status_update_event", id: "7", data: '{"a":1}' }]);
    expect(r.push('data: {"b":2}\n\n')).toEqual([{ event: "message", data: '{"b":2}' }]);
  });
});
