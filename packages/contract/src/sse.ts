/** One server-sent event: its `event:` (default "message"), `id:` if any, and `data:`. */
export interface SseFrame {
  event: string;
  id?: string;
  data: string;
}

/**
 * Reads a text/event-stream as it arrives: push each chunk, get back the
 * events it completed (frames without data, and comments, are skipped); a
 * frame split across chunks waits for the rest. Used by every Berth client of
 * /v2/events: the CLI, the web UI, the tests and the benchmarks.
 */
export class SseReader {
  private buf = "";

  push(chunk: string): SseFrame[] {
    this.buf += chunk;
    const out: SseFrame[] = [];
    let end: number;
    while ((end = this.buf.indexOf("\n\n")) >= 0) {
      const frame = this.buf.slice(0, end);
      this.buf = this.buf.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of frame.split("\n")) {
        const i = line.indexOf(": ");
        if (i > 0 && !line.startsWith(":")) fields[line.slice(0, i)] = line.slice(i + 2);
      }
      if (fields.data === undefined) continue;
      out.push({ event: fields.event ?? "message", data: fields.data, ...(fields.id !== undefined ? { id: fields.id } : {}) });
    }
    return out;
  }
}
