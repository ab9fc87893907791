/** A small client for the API under test: what a Marathon client would send and see. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class Api {
  constructor(readonly url: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, raw?: string): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {},
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  async tasks(appId: string): Promise<Task[]> {
    const r = await this.call<{ tasks: Task[] }>("GET", `/v2/apps${appId}/tasks`);
    return r.status === 200 ? r.body.tasks : [];
  }

  async running(appId: string): Promise<Task[]> {
    return (await this.tasks(appId)).filter((t) => t.state === "TASK_RUNNING");
  }
}

export interface Task {
  id: string;
  appId: string;
  host: string;
  ports: number[];
  slaveId: string;
  state: string;
  startedAt: string | null;
  stagedAt: string;
  version: string;
  message?: string;
}
