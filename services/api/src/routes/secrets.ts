import type { BusHandles } from "@berth/bus";
import {
  ForbiddenError,
  isSecretSource,
  mayAccess,
  isTeamId,
  MAX_SECRET_BYTES,
  NotFoundError,
  secretKey,
  ValidationError,
} from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ClusterView } from "../cluster-view.js";

/**
 * Each team's secret store: values go in and are never answered; apps name
 * them in `secrets` and the launch-dispatcher puts them in their tasks' env.
 */
export async function secretRoutes(
  app: FastifyInstance,
  opts: { bus: BusHandles<"secrets">; view: ClusterView; now: () => number },
): Promise<void> {
  const { bus, view } = opts;
  const place = (req: FastifyRequest, team: string, source?: string) => {
    if (!isTeamId(team)) throw new NotFoundError(`Team '${team}' does not exist: team ids are lower-case letters, digits and '-'`);
    if (req.principal.role === "team" && req.principal.team !== team) {
      throw new ForbiddenError(`the token of team '${req.principal.team}' may not reach the secrets of team '${team}'`);
    }
    // A team's secret store is its own to administer: a read or deploy scope does not reach it.
    if (!mayAccess(req.principal, `/${team}`, "admin")) {
      throw new ForbiddenError(`the token '${req.principal.name}' may not reach team '${team}''s secrets: that needs admin on /${team}`);
    }
    if (source !== undefined && !isSecretSource(source)) {
      throw new ValidationError([{ path: "/source", errors: ["a secret's path is lower-case segments such as 'db/password'"] }]);
    }
  };
  const split = (path: string) => {
    const [team = "", ...rest] = path.replace(/\/+$/, "").split("/");
    return { team, source: rest.join("/") };
  };

  app.get<{ Params: { team: string } }>("/v2/secrets/:team", async (req) => {
    place(req, req.params.team);
    const prefix = `${req.params.team}/`;
    return {
      secrets: view.secrets
        .entriesList()
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, { value }]) => ({ source: key.slice(prefix.length), updatedAt: new Date(value.updatedAtMs).toISOString() }))
        .sort((a, b) => a.source.localeCompare(b.source)),
    };
  });

  app.put<{ Params: { "*": string }; Body: unknown }>("/v2/secrets/*", async (req, reply) => {
    const { team, source } = split(req.params["*"]);
    place(req, team, source);
    const value = (req.body as { value?: unknown } | null)?.value;
    if (typeof value !== "string" || Buffer.byteLength(value) > MAX_SECRET_BYTES || value.includes("\0")) {
      throw new ValidationError([
        { path: "/value", errors: [`send {"value": "<secret>"}: a string of at most ${MAX_SECRET_BYTES} bytes, without NUL`] },
      ]);
    }
    const revision = await bus.secrets.put(secretKey(team, source), { value, updatedAtMs: opts.now() });
    await view.secrets.waitFor(revision);
    return reply.status(204).send();
  });

  app.delete<{ Params: { "*": string } }>("/v2/secrets/*", async (req, reply) => {
    const { team, source } = split(req.params["*"]);
    place(req, team, source);
    if (!view.secrets.get(secretKey(team, source))) throw new NotFoundError(`Team '${team}' has no secret '${source}'`);
    await bus.secrets.delete(secretKey(team, source));
    return reply.status(204).send();
  });
}
