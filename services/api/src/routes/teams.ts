import type { BusHandles } from "@berth/bus";
import {
  ForbiddenError,
  hasLimits,
  isTeamId,
  mayAccess,
  NotFoundError,
  parseScopes,
  parseTeam,
  teamOf,
  type Team,
  type TokenRecord,
  type ValidationDetail,
  ValidationError,
} from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { hashToken } from "@berth/runtime";
import { type Authenticator, newToken, requireAccess, requireAdmin } from "../auth.js";
import type { ClusterView } from "../cluster-view.js";
import type { QuotaBook } from "../quota-book.js";

export interface TeamRoutesOptions {
  bus: BusHandles<"buckets" | "teams" | "tokens">;
  view: ClusterView;
  auth: Authenticator;
  quotas: QuotaBook;
  now: () => number;
}

/**
 * Teams (quota and task policy, with what is in use) and API tokens. Only an
 * admin changes them; a team reads its own.
 */
export async function teamRoutes(app: FastifyInstance, opts: TeamRoutesOptions): Promise<void> {
  const { bus, view, auth, quotas } = opts;
  const present = (team: Team) => ({ ...team, usage: quotas.usage(team), configured: view.teams.get(team.id) !== undefined });
  const visibleTeam = (req: FastifyRequest, id: string): Team => {
    if (!isTeamId(id)) throw new NotFoundError(`Team '${id}' does not exist: team ids are lower-case letters, digits and '-'`);
    if (req.principal.role === "team" && req.principal.team !== id) {
      throw new ForbiddenError(`the token of team '${req.principal.team}' may not read team '${id}'`);
    }
    requireAccess(req, `/${id}`);
    return view.team(id);
  };

  app.get("/v2/teams", async (req) => {
    if (req.principal.role === "team") {
      return { teams: mayAccess(req.principal, `/${req.principal.team}`) ? [present(view.team(req.principal.team))] : [] };
    }
    // Configured teams and every team that has apps.
    const ids = new Set([...view.teams.entriesList().map(([id]) => id), ...[...view.apps.values()].map((a) => teamOf(a.id))]);
    return {
      teams: [...ids]
        .filter((id) => mayAccess(req.principal, `/${id}`))
        .sort()
        .map((id) => present(view.team(id))),
    };
  });

  app.get<{ Params: { team: string } }>("/v2/teams/:team", async (req) => present(visibleTeam(req, req.params.team)));

  app.put<{ Params: { team: string }; Body: unknown }>("/v2/teams/:team", async (req) => {
    requireAdmin(req, "Configuring a team");
    const r = parseTeam(req.params.team, req.body);
    if (!r.ok) throw new ValidationError(r.details);
    const hadLimits = hasLimits(view.team(r.team.id).quota);
    const revision = await bus.teams.put(r.team.id, r.team);
    await view.teams.waitFor(revision);
    // A team without limits booked nothing: its ledger is made from its apps before the new limits count.
    if (!hadLimits && hasLimits(view.team(r.team.id).quota)) await quotas.reconcileTeam(r.team.id, false);
    return present(r.team);
  });

  app.delete<{ Params: { team: string } }>("/v2/teams/:team", async (req, reply) => {
    requireAdmin(req, "Removing a team's configuration");
    if (!view.teams.get(req.params.team)) throw new NotFoundError(`Team '${req.params.team}' has no configuration`);
    await bus.teams.delete(req.params.team);
    return reply.status(204).send();
  });

  app.get("/v2/tokens", async (req) => {
    requireAdmin(req, "Listing tokens");
    return { tokens: [...auth.tokens.values()].sort((a, b) => a.createdAtMs - b.createdAtMs) };
  });

  /** Makes a token; the answer is the only time the token itself is shown. */
  app.post<{ Body: unknown }>("/v2/tokens", async (req, reply) => {
    requireAdmin(req, "Making tokens");
    const body = (req.body ?? {}) as { name?: unknown; team?: unknown; role?: unknown; scopes?: unknown };
    const details: ValidationDetail[] = [];
    if (typeof body.name !== "string" || !/^[\w .@-]{1,100}$/.test(body.name)) {
      details.push({ path: "/name", errors: ["give a name of up to 100 letters, digits, spaces and '_.@-' to tell the token by"] });
    }
    const role = body.role ?? (body.team === undefined ? undefined : "team");
    if (role !== "admin" && role !== "team") details.push({ path: "/role", errors: ["give role 'admin', or a team"] });
    if (role === "team" && (typeof body.team !== "string" || !isTeamId(body.team))) {
      details.push({ path: "/team", errors: ["a team id is lower-case letters, digits and '-', at most 63 characters"] });
    }
    if (role === "admin" && body.team !== undefined) details.push({ path: "/team", errors: ["an admin token belongs to no team"] });
    const scopes = body.scopes === undefined ? undefined : parseScopes(body.scopes, role === "team" ? (body.team as string) : undefined);
    if (scopes && !scopes.ok) details.push(...scopes.details);
    if (details.length > 0) throw new ValidationError(details);
    const token = newToken();
    const hash = hashToken(token);
    const rec: TokenRecord = {
      id: hash.slice(0, 12),
      name: body.name as string,
      role: role as "admin" | "team",
      ...(role === "team" ? { team: body.team as string } : {}),
      ...(scopes?.ok ? { scopes: scopes.scopes } : {}),
      createdAtMs: opts.now(),
    };
    const revision = await bus.tokens.create(hash, rec);
    await auth.tokens.waitFor(revision);
    return reply.status(201).send({ ...rec, token });
  });

  app.delete<{ Params: { id: string } }>("/v2/tokens/:id", async (req, reply) => {
    requireAdmin(req, "Revoking tokens");
    const found = auth.tokens.entriesList().find(([, v]) => v.value.id === req.params.id);
    if (!found) throw new NotFoundError(`Token '${req.params.id}' does not exist`);
    await bus.tokens.delete(found[0]);
    await auth.tokens.waitFor((await bus.buckets.tokens.status()).streamInfo.state.last_seq);
    return reply.status(204).send();
  });
}
