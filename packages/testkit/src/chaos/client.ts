import { httpRequest } from "../http.js";

/** An answer from the API; status 0 when none came (refused, reset, timed out). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** One caller of the API: a team's token (or the admin's) against the first api. */
export class ApiClient {
  constructor(
    readonly url: string,
    readonly token: string,
    readonly caFile?: string,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, timeoutMs = 15_000): Promise<Answer<T>> {
    try {
      const res = await httpRequest(
        `${this.url}${path}`,
        {
          method,
          headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        },
        this.caFile,
      );
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as T };
    } catch {
      return { status: 0, body: undefined as T };
    }
  }
}
