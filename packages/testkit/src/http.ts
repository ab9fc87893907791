import { readFileSync } from "node:fs";
import { request as httpRequestRaw } from "node:http";
import { request as httpsRequestRaw } from "node:https";

/**
 * fetch() for the tests, also over HTTPS with a CA of the tests' own (Node's
 * fetch trusts only the system's CAs, or NODE_EXTRA_CA_CERTS read at start).
 * Without `caFile` it is fetch itself.
 */
export async function httpRequest(url: string, init: RequestInit = {}, caFile?: string): Promise<Response> {
  if (!caFile) return fetch(url, init);
  const u = new URL(url);
  const body = typeof init.body === "string" ? init.body : undefined;
  return new Promise((resolve, reject) => {
    const send = u.protocol === "https:" ? httpsRequestRaw : httpRequestRaw;
    const req = send(
      {
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: init.method ?? "GET",
        headers: init.headers as Record<string, string>,
        ca: readFileSync(caFile),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
          const status = res.statusCode ?? 0;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers }));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
