import { randomBytes, timingSafeEqual } from "node:crypto";
import { type BusHandles, KvCache, cacheOf } from "@berth/bus";
import {
  accessRefusal,
  type Action,
  ForbiddenError,
  mayAdminister,
  type Principal,
  principalOf,
  type TokenRecord,
  UnauthorizedError,
} from "@berth/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { carriesBearer, hashToken, tokenIn } from "@berth/runtime";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal;
    /** The SHA-256 of the token the request came with ("" on the open paths). */
    credential: string;
  }
}

/** Paths any caller may use: liveness and readiness, and the web UI's files (its API calls carry a token). */
const OPEN_PATHS = new Set(["/ping", "/livez", "/readyz", "/", "/ui", "/v2/openapi.json"]);
const isOpen = (path: string) => OPEN_PATHS.has(path) || path.startsWith("/ui/");

/** Where the metrics token is accepted: the api's metrics, as Marathon's JSON and as Prometheus text. */
const METRICS_PATHS = new Set(["/metrics", "/metrics/prometheus"]);

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
  /** What to end when a token is revoked: the streams opened with it, by token hash. */
  private readonly onRevoke = new Map<string, Set<() => void>>();

  /** `metricsToken` may scrape /metrics and do nothing else. */
  constructor(
    bus: BusHandles<"buckets">,
    adminToken: string | undefined,
    private readonly metricsToken?: string,
  ) {
    this.tokens = cacheOf(bus.buckets, "tokens");
    this.adminHash = adminToken ? Buffer.from(hashToken(adminToken), "hex") : undefined;
    this.tokens.onChange((hash, entry) => {
      if (entry) return;
      for (const end of this.onRevoke.get(hash) ?? []) end();
      this.onRevoke.delete(hash);
    });
  }

  /**
   * A signal that aborts when the token this request came with is revoked: a
   * stream (events, a followed log) ends then, not when it would have ended.
   * `release` forgets it, once the stream has ended on its own.
   */
  revocation(req: FastifyRequest): { signal: AbortSignal; release(): void } {
    const ac = new AbortController();
    const hash = req.credential;
    const end = () => ac.abort(new UnauthorizedError("The token was revoked"));
    const set = this.onRevoke.get(hash) ?? new Set();
    set.add(end);
    this.onRevoke.set(hash, set);
    return {
      signal: ac.signal,
      release: () => {
        set.delete(end);
        if (set.size === 0 && this.onRevoke.get(hash) === set) this.onRevoke.delete(hash);
      },
    };
  }

  start(): Promise<void> {
    return this.tokens.start();
  }

  stop(): void {
    this.tokens.stop();
  }

  /** Who the Authorization header speaks for, and the hash of its token. */
  authenticate(header: string | undefined): { principal: Principal; hash: string } {
    if (!header) throw new UnauthorizedError("Authentication required: send 'Authorization: Bearer <token>'");
    const token = tokenIn(header);
    if (token === undefined) {
      throw new UnauthorizedError(
        "The Authorization header must be 'Bearer <token>', 'token=<token>', or Basic with the token as the password",
      );
    }
    const hash = hashToken(token);
    if (this.adminHash && timingSafeEqual(this.adminHash, Buffer.from(hash, "hex"))) {
      return { principal: { role: "admin", name: "bootstrap" }, hash };
    }
    const rec = this.tokens.get(hash)?.value;
    if (!rec) throw new UnauthorizedError("The token is not valid: it is mistyped or was revoked");
    return { principal: principalOf(rec), hash };
  }

  /** Requires a valid token on every request except the open paths. */
  register(app: FastifyInstance): void {
    app.decorateRequest("principal", null as never);
    app.decorateRequest("credential", "");
    app.addHook("onRequest", async (req, reply) => {
      const path = req.url.split("?")[0] ?? "";
      if (isOpen(path)) return;
      // The scrape token reaches the metrics alone (Marathon's JSON and Prometheus text), with no principal: nothing else would take it.
      if (METRICS_PATHS.has(path) && this.metricsToken && carriesBearer(req.headers.authorization, this.metricsToken)) return;
      try {
        const { principal, hash } = this.authenticate(req.headers.authorization);
        req.principal = principal;
        req.credential = hash;
      } catch (err) {
        // A client that signed in with Basic is challenged for Basic; any other for Bearer (a browser's fetch
        // answered with a Basic challenge would pop up a password dialog over the UI).
        const basic = /^Basic\s/i.test(req.headers.authorization ?? "");
        void reply.header("WWW-Authenticate", basic ? 'Basic realm="berth"' : 'Bearer realm="berth"');
        throw err;
      }
    });
  }
}

/** Throws 403 unless the request's principal may do this (reading by default) to this app or group. */
export function requireAccess(req: FastifyRequest, appId: string, action: Action = "read"): void {
  const why = accessRefusal(req.principal, appId, action);
  if (why) throw new ForbiddenError(why);
}

/** Throws 403 unless the request comes from an admin token whose scopes, if any, allow this on the whole cluster. */
export function requireAdmin(req: FastifyRequest, what: string, action: Action = "admin"): void {
  if (!mayAdminister(req.principal, action)) throw new ForbiddenError(`${what} needs an admin token (with ${action} on /)`);
}
