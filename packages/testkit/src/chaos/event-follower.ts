import { request } from "node:http";
import { SseReader } from "@berth/contract";

/** A status change as /v2/events told it. */
export interface ToldStatus {
  id: string;
  taskId: string;
  status: string;
}

/** An event id `n` or `n.k` as a pair that sorts in stream order. */
const order = (id: string): [number, number] => {
  const [n, k] = id.split(".");
  return [Number(n), Number(k ?? 0)];
};
export const comesAfter = (a: string, b: string) => {
  const [an, ak] = order(a);
  const [bn, bk] = order(b);
  return an > bn || (an === bn && ak > bk);
};

/** Reads status_update_events from `since` until `until` says stop, or the stream ends. */
function readStatuses(url: string, token: string, since: string, onStatus: (s: ToldStatus) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/v2/events?event_type=status_update_event`,
      { headers: { accept: "text/event-stream", authorization: `Bearer ${token}`, "last-event-id": since }, signal },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return resolve();
        }
        const sse = new SseReader();
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          for (const f of sse.push(chunk)) {
            if (f.event !== "status_update_event" || f.id === undefined) continue;
            const data = JSON.parse(f.data) as { taskId: string; taskStatus: string };
            onStatus({ id: f.id, taskId: data.taskId, status: data.taskStatus });
          }
        });
        res.on("close", () => resolve());
        res.on("error", () => resolve());
      },
    );
    req.on("error", () => resolve());
    req.end();
  });
}

/**
 * Follows /v2/events as an outside tool would, from the stream's start, and
 * reconnects with Last-Event-ID whenever the connection ends (the api killed,
 * paused, or NATS away). Notes an event told twice or out of order.
 */
export class EventFollower {
  readonly told: ToldStatus[] = [];
  /** Tasks told TASK_UNREACHABLE: their agent was lost, and the copy the cluster forgot may run until the agent is back. */
  readonly unreachable = new Set<string>();
  reconnects = 0;
  private readonly ac = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly violation: (what: string) => void,
  ) {}

  start(): void {
    this.loop = (async () => {
      while (!this.ac.signal.aborted) {
        const last = this.told.at(-1)?.id ?? "0";
        await readStatuses(this.url, this.token, last, (s) => this.take(s), this.ac.signal);
        if (this.ac.signal.aborted) return;
        this.reconnects++;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
  }

  private take(s: ToldStatus): void {
    const last = this.told.at(-1);
    if (last && !comesAfter(s.id, last.id)) {
      this.violation(`/v2/events told ${s.id} (${s.taskId} ${s.status}) after ${last.id}: twice or out of order`);
      return;
    }
    this.told.push(s);
    if (s.status === "TASK_UNREACHABLE") this.unreachable.add(s.taskId);
  }

  async stop(): Promise<void> {
    this.ac.abort();
    await this.loop;
  }
}

/** Every status change the stream holds up to event `lastId`, read in one go from the start. */
export async function replayStatuses(url: string, token: string, lastId: string): Promise<ToldStatus[]> {
  const out: ToldStatus[] = [];
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 60_000);
  await readStatuses(
    url,
    token,
    "0",
    (s) => {
      if (comesAfter(s.id, lastId)) return ac.abort();
      out.push(s);
      if (s.id === lastId) ac.abort();
    },
    ac.signal,
  );
  clearTimeout(timer);
  return out;
}
