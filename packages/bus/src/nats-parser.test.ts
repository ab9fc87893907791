// nats-core's protocol parser, as patched in patches/@nats-io__nats-core@3.4.0.patch: a message's
// control line split across two socket reads is copied in one write, not a new buffer a byte.
// Whatever the split, every message comes out whole.
import { Kind, Parser, type ParserEvent } from "@nats-io/nats-core/internal";
import { describe, expect, it } from "vitest";

const enc = new TextEncoder();
const dec = new TextDecoder();

const headers = "NATS/1.0\r\nNats-Msg-Id: status-1\r\n\r\n";
const payload = "hello, berth";
/** A plain message with a JetStream reply subject, a message with headers, and a ping between them. */
const wire = enc.encode(
  `MSG berth.v1.evt.agent.a1.status 7 $JS.ACK._.AHASH.BERTH_STATUS.status-aggregator.1.2.3.1733490000000000000.0.x9 ${payload.length}\r\n${payload}\r\n` +
    "PING\r\n" +
    `HMSG $KV.berth_tasks.t-1 9 ${headers.length} ${headers.length + payload.length}\r\n${headers}${payload}\r\n`,
);

interface Seen {
  kind: string;
  subject?: string;
  reply?: string;
  data?: string;
  hdr?: number;
}

function parse(chunks: Uint8Array[]): Seen[] {
  const seen: Seen[] = [];
  const parser = new Parser({
    push(e: ParserEvent) {
      if (e.kind !== Kind.MSG) return seen.push({ kind: String(e.kind) });
      const m = e.msg!;
      seen.push({
        kind: "msg",
        subject: dec.decode(m.subject),
        reply: m.reply ? dec.decode(m.reply) : "",
        data: dec.decode(e.data),
        hdr: m.hdr,
      });
    },
  });
  for (const c of chunks) parser.parse(c);
  return seen;
}

describe("nats-core's parser, patched", () => {
  const whole = parse([wire]);

  it("reads the messages of one read", () => {
    expect(whole.filter((s) => s.kind === "msg").map((s) => s.subject)).toEqual(["berth.v1.evt.agent.a1.status", "$KV.berth_tasks.t-1"]);
    expect(whole[0]).toMatchObject({ reply: expect.stringMatching(/^\$JS\.ACK\._\.AHASH\.BERTH_STATUS\./), data: payload });
    expect(whole.at(-1)).toMatchObject({ hdr: headers.length, data: headers + payload });
    expect(whole).toHaveLength(3);
  });

  it("reads the same messages whatever byte a read ends at", () => {
    for (let cut = 1; cut < wire.length; cut++) {
      expect(parse([wire.subarray(0, cut), wire.subarray(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it("reads them from reads of a few bytes each", () => {
    for (const size of [1, 2, 3, 7, 16]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < wire.length; i += size) chunks.push(wire.slice(i, i + size));
      expect(parse(chunks), `reads of ${size}`).toEqual(whole);
    }
  });
});
