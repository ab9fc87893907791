import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { type Bus, jsonCodec, KvCache } from "@berth/bus";
import { ForbiddenError, type Principal, principalOf, type TokenRecord, UnauthorizedError, accessRefusal } from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Paths any caller may use: liveness and readiness, and the web UI's files (its API calls carry a token). */
const OPEN_PATHS = new Set(["/ping", "/livez", "/readyz", "/", "/ui"]);
const isOpen = (path: string) => OPEN_PATHS.has(path) || path.startsWith("/ui/");

/** Tokens are 32 random bytes; their SHA-256 is what is stored and looked up. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newToken(): string {
  return `berth_${randomBytes(32).toString("base64url")}`;
}

/**
 * Who a request acts for, from its bearer token: the operator's bootstrap admin
 * token (from the api's environment, kept only as a hash) or a token in the
 * berth_tokens bucket. Revoking a token takes effect as soon as the bucket's
 * watch delivers the delete.
 */
export class Authenticator {
  readonly tokens: KvCache<TokenRecord>;
  private readonly adminHash: Buffer | undefined;

  constructor(bus: Bus, adminToken: string | undefined) {
    this.tokens = new KvCache(bus.buckets.tokens, jsonCodec<TokenRecord>("TokenRecord"));
    this.adminHash = adminToken ? Buffer.from(hashToken(adminToken), "hex") : undefined;
  }

  start(): Promise<void> {
    return this.tokens.start();
  }

  stop(): void {
    this.tokens.stop();
  }

  authenticate(header: string | undefined): Principal {
    if (!header) throw new UnauthorizedError("Authentication required: send 'Authorization: Bearer <token>'");
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthorizedError("The Authorization header must be 'Bearer <token>'");
    const hash = hashToken(m[1] ?? "");
    if (this.adminHash && timingSafeEqual(this.adminHash, Buffer.from(hash, "hex"))) return { role: "admin", name: "bootstrap" };
    const rec = this.tokens.get(hash)?.value;
    if (!rec) throw new UnauthorizedError("The token is not valid: it is mistyped or was revoked");
    return principalOf(rec);
  }

  /** Requires a valid token on every request except the open paths. */
  register(app: FastifyInstance): void {
    app.decorateRequest("principal", null as never);
    app.addHook("onRequest", async (req, reply) => {
      const path = req.url.split("?")[0] ?? "";
      if (isOpen(path)) return;
      try {
        req.principal = this.authenticate(req.headers.authorization);
      } catch (err) {
        void reply.header("WWW-Authenticate", 'Bearer realm="berth"');
        throw err;
      }
    });
  }
}

/** Throws 403 unless the request's principal may reach this app. */
export function requireAccess(req: FastifyRequest, appId: string): void {
  const why = accessRefusal(req.principal, appId);
  if (why) throw new ForbiddenError(why);
}

export function requireAdmin(req: FastifyRequest, what: string): void {
  if (req.principal.role !== "admin") throw new ForbiddenError(`${what} needs an admin token`);
}
