import { createHash } from "node:crypto";

/**
 * The token in an Authorization header, in each form Marathon's and Mesos's
 * clients send: `Bearer <token>`; DC/OS's `token=<token>` (Prometheus's
 * marathon_sd `auth_token`, client libraries); and HTTP Basic with the token
 * as the password and any user name (open-source Marathon's
 * `--http_credentials`, a Mesos framework's principal and secret,
 * `curl -u :$TOKEN`).
 */
export function tokenIn(header: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const dcos = /^token=(\S+)\s*$/i.exec(header);
  if (dcos) return dcos[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : undefined;
}

/** Tokens are 32 random bytes; their SHA-256 is what is stored (berth_tokens) and looked up. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
