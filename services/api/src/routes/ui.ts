import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

/** Where the built UI is: packages/ui/dist, unless BERTH_UI_DIR says otherwise. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL("../../../../packages/ui/dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
};

/**
 * The web UI at /ui/ (and / sends people there). The files need no token; the
 * API calls the page makes do. Unknown paths under /ui/ get the page itself.
 */
export async function uiRoutes(app: FastifyInstance, opts: { dir: string }): Promise<void> {
  const root = resolve(opts.dir);
  app.get("/", async (_req, reply) => reply.redirect("/ui/"));
  app.get("/ui", async (_req, reply) => reply.redirect("/ui/"));
  app.get<{ Params: { "*": string } }>("/ui/*", async (req, reply) => {
    const wanted = resolve(root, `.${sep}${req.params["*"] || "index.html"}`);
    const file = wanted === root || !wanted.startsWith(root + sep) ? join(root, "index.html") : wanted;
    const body = await readFile(file).catch(() => (extname(file) === "" ? readFile(join(root, "index.html")) : undefined));
    if (body === undefined) {
      const built = await readFile(join(root, "index.html")).catch(() => undefined);
      if (!built)
        return reply.status(503).send({ message: "The web UI is not built: run `make build` (or pnpm --filter @berth/ui build)" });
      return reply.status(404).send({ message: `No file ${req.url}` });
    }
    const type = TYPES[extname(file)] ?? (extname(file) === "" ? TYPES[".html"] : "application/octet-stream");
    const cache = file.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
    return reply
      .type(type ?? "application/octet-stream")
      .header("cache-control", cache)
      .send(body);
  });
}
