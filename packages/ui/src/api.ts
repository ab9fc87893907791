import { SseReader } from "@berth/contract";
/** The UI's client for Berth's HTTP API: the signed-in token on every call, Marathon's error shapes read back. */
const TOKEN_KEY = "berth-token";

export interface ErrorBody {
  message: string;
  details?: { path: string; errors: string[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

export async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${session.token ?? ""}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as unknown) : {};
  if (res.status === 401) {
    session.signOut();
    window.dispatchEvent(new Event("berth:signed-out"));
  }
  if (!res.ok) throw new ApiError(res.status, parsed as ErrorBody);
  return parsed as T;
}

export interface StreamEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Follows /v2/events (server-sent events over fetch, so the token goes in a
 * header), resuming after the last id when the connection drops.
 */
export function followEvents(onEvent: (e: StreamEvent) => void, signal: AbortSignal): void {
  let lastId: number | undefined;
  const run = async (): Promise<void> => {
    while (!signal.aborted) {
      try {
        const res = await fetch(`/v2/events${lastId !== undefined ? `?since=${lastId}` : ""}`, {
          headers: { authorization: `Bearer ${session.token ?? ""}`, accept: "text/event-stream" },
          signal,
        });
        if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        const sse = new SseReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const f of sse.push(value)) {
            lastId = Number(f.id);
            onEvent({ id: lastId, type: f.event, data: JSON.parse(f.data) as Record<string, unknown> });
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void run();
}
