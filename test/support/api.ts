import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { eventually } from "@berth/testkit";

/** A small client for the API under test: what a Marathon client would send and see. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class Api {
  /** `token` is sent as a bearer token on every call; undefined sends none. `caFile`: trust for an https URL. */
  constructor(
    readonly url: string,
    readonly token: string | undefined,
    readonly caFile?: string,
  ) {}

  /** The same API as another caller. */
  as(token: string | undefined): Api {
    return new Api(this.url, token, this.caFile);
  }

  /** Sends the path exactly as given (no dot-segment normalising, unlike fetch), as a hostile client could. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const payload = raw ?? (body !== undefined ? JSON.stringify(body) : undefined);
    return new Promise((resolve, reject) => {
      const base = new URL(this.url);
      const https = base.protocol === "https:";
      const req = (https ? httpsRequest : httpRequest)(
        {
          ...(https && this.caFile ? { ca: readFileSync(this.caFile) } : {}),
          host: base.hostname,
          port: base.port,
          path,
          method,
          headers: {
            ...(payload !== undefined ? { "content-type": "application/json" } : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
            resolve({ status: res.statusCode ?? 0, headers, body: parsed as T });
          });
        },
      );
      // A server that refuses a large body answers and closes while the body is still being sent: the
      // write then fails (EPIPE, ECONNRESET) though the answer arrives. Wait for it before calling it an error.
      req.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code !== "EPIPE" && err.code !== "ECONNRESET") return reject(err);
        setTimeout(() => reject(err), 2_000);
      });
      req.end(payload);
    });
  }

  async tasks(appId: string): Promise<Task[]> {
    const r = await this.call<{ tasks: Task[] }>("GET", `/v2/apps${appId}/tasks`);
    return r.status === 200 ? r.body.tasks : [];
  }

  async running(appId: string): Promise<Task[]> {
    return (await this.tasks(appId)).filter((t) => t.state === "TASK_RUNNING");
  }

  /** How many of the app's launches wait, as /v2/queue says (0 when none). */
  async waiting(appId: string): Promise<number> {
    const r = await this.call<{ queue: { app: { id: string }; count: number }[] }>("GET", "/v2/queue");
    return r.body.queue.find((q) => q.app.id === appId)?.count ?? 0;
  }

  /** Scales an app; answers the status. */
  async scale(appId: string, instances: number): Promise<number> {
    return (await this.call("PUT", `/v2/apps${appId}`, { instances })).status;
  }

  /** Waits until no deployment runs (each one's last write done). */
  async settled(): Promise<void> {
    await eventually(async () => (await this.call<unknown[]>("GET", "/v2/deployments")).body.length === 0, { what: "deployments done" });
  }

  /** Waits until the app has exactly `count` running tasks, and answers them. */
  async waitRunning(appId: string, count: number): Promise<Task[]> {
    return eventually(
      async () => {
        const r = await this.running(appId);
        return r.length === count && r;
      },
      { what: `${count} running task(s) of ${appId}` },
    );
  }
}

export interface Task {
  id: string;
  appId: string;
  host: string;
  ports: number[];
  servicePorts: number[];
  slaveId: string;
  state: string;
  startedAt: string | null;
  stagedAt: string;
  version: string;
  message?: string;
}
