import { request } from "node:http";

export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** A reading SSE client: collects frames until closed. */
export function openSse(
  url: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ events: SseEvent[]; status: number; close(): void; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = request(url, { headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, ...headers } }, (res) => {
      let buf = "";
      let onClosed: () => void = () => undefined;
      const closed = new Promise<void>((r) => (onClosed = r));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf("\n\n")) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of frame.split("\n")) {
            if (line.startsWith(":")) continue;
            const i = line.indexOf(": ");
            if (i > 0) fields[line.slice(0, i)] = line.slice(i + 2);
          }
          if (fields.data !== undefined)
            events.push({
              id: Number(fields.id),
              event: fields.event ?? "message",
              data: JSON.parse(fields.data) as Record<string, unknown>,
            });
        }
      });
      res.on("close", () => onClosed());
      resolve({ events, status: res.statusCode ?? 0, close: () => req.destroy(), closed });
    });
    req.on("error", (err) => {
      if ((err as NodeJS.ErrnoException).code !== "ECONNRESET") reject(err);
    });
    req.end();
  });
}
