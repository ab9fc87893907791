import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { ServiceConfig } from "./env.js";
import type { Logger } from "./logger.js";

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Whether a request carries `Authorization: Bearer <token>` for this token (compared in constant time). */
export function carriesBearer(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m !== null && timingSafeEqual(digest(m[1] ?? ""), digest(token));
}

/**
 * A small HTTP endpoint for a process that is not the API: /ping, /metrics from
 * the given registry, and any extra routes.
 */
export async function serveHttp(opts: {
  host: string;
  port: number;
  registry: Registry;
  routes?: Record<string, Route>;
  /** Why the process cannot serve now (for /readyz), or undefined when it can. */
  notReady?: () => string | undefined;
  /** The bearer token /metrics requires; undefined: it answers anyone. */
  metricsToken?: string | undefined;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = opts.routes?.[path];
    void (async () => {
      try {
        if (path === "/metrics" && opts.metricsToken !== undefined && !carriesBearer(req.headers.authorization, opts.metricsToken)) {
          res
            .writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="berth-metrics"' })
            .end(JSON.stringify({ message: "Scraping /metrics needs 'Authorization: Bearer <the metrics token>'" }));
          return;
        }
        if (route) return await route(req, res);
        if (path === "/ping") {
          res.writeHead(200, { "content-type": "text/plain" }).end("pong");
        } else if (path === "/livez") {
          res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        } else if (path === "/readyz") {
          const why = opts.notReady?.();
          res.writeHead(why ? 503 : 200, { "content-type": "text/plain" }).end(why ?? "ok");
        } else if (path === "/metrics") {
          const body = await opts.registry.metrics();
          res.writeHead(200, { "content-type": opts.registry.contentType }).end(body);
        } else {
          res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: `no route ${path}` }));
        }
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(err) }));
      }
    })();
  });
  return { server, ...(await listen(server, opts.host, opts.port)) };
}

/** Starts a server listening; its port (the one asked, or the one given for 0) and how to close it and its connections. */
export async function listen(server: Server, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  return {
    port: typeof addr === "object" && addr ? addr.port : port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A control-plane service's endpoint, served once it has started: /metrics,
 * /ping, /livez, and /readyz that answers 503 while NATS is not reachable.
 */
export async function serveServiceHttp(
  name: string,
  config: ServiceConfig,
  registry: Registry,
  logger: Logger,
  natsUp: () => boolean,
): Promise<{ port: number; close(): Promise<void> }> {
  const http = await serveHttp({
    host: config.httpHost,
    port: config.httpPort,
    registry,
    notReady: () => (natsUp() ? undefined : "NATS is not reachable"),
    metricsToken: config.metricsToken,
  });
  logger.info({ httpPort: http.port }, `${name} started`);
  return http;
}
