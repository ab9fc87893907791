import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { SseReader } from "@berth/contract";

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
  caFile?: string,
): Promise<{ events: SseEvent[]; status: number; close(): void; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const request = url.startsWith("https:") ? httpsRequest : httpRequest;
    const tls = caFile ? { ca: readFileSync(caFile) } : {};
    const req = request(url, { ...tls, headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, ...headers } }, (res) => {
      const sse = new SseReader();
      let onClosed: () => void = () => undefined;
      const closed = new Promise<void>((r) => (onClosed = r));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        for (const f of sse.push(chunk)) {
          events.push({ id: Number(f.id), event: f.event, data: JSON.parse(f.data) as Record<string, unknown> });
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
