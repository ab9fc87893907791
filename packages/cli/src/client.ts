/** Berth's HTTP API, as the CLI uses it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly details: { path: string; errors: string[] }[] = [],
  ) {
    super(message);
  }

  /** 2 when Berth refused the input (fix the request), 1 otherwise. */
  get exitCode(): number {
    return this.status === 400 || this.status === 409 || this.status === 413 || this.status === 422 ? 2 : 1;
  }
}

export class Client {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      throw new ApiError(
        0,
        `cannot reach Berth at ${this.baseUrl} (${(err as Error).cause ?? (err as Error).message}): is it running? Set BERTH_URL or --url`,
      );
    }
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (!res.ok) {
      const b = (json ?? {}) as { message?: string; details?: { path: string; errors: string[] }[]; deployments?: { id: string }[] };
      const locked = b.deployments?.length ? ` (deployments: ${b.deployments.map((d) => d.id).join(", ")}; add --force to override)` : "";
      throw new ApiError(res.status, `${b.message ?? `HTTP ${res.status}`}${locked}`, b.details ?? []);
    }
    return json as T;
  }

  /** A streaming GET (logs -f, events): calls `onChunk` with text until the server ends it. */
  async stream(path: string, onChunk: (text: string) => void, signal?: AbortSignal): Promise<void> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      ...(signal ? { signal } : {}),
    });
    if (!res.ok || !res.body) {
      const b = (await res.json().catch(() => ({}))) as { message?: string };
      throw new ApiError(res.status, b.message ?? `HTTP ${res.status}`);
    }
    const decoder = new TextDecoder();
    for await (const chunk of res.body) onChunk(decoder.decode(chunk as Uint8Array, { stream: true }));
  }
}
