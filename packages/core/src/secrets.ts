import type { AppDefinition, EnvValue, SecretRef } from "./app-definition.js";

/** A secret's path in its team's store: lower-case segments ("db/password"). */
const SOURCE = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?(\/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*$/;
export const MAX_SECRET_BYTES = 64 * 1024;

export function isSecretSource(source: string): boolean {
  return source.length <= 255 && SOURCE.test(source);
}

export function isSecretRef(v: EnvValue | unknown): v is SecretRef {
  return typeof v === "object" && v !== null && typeof (v as SecretRef).secret === "string";
}

/** The key a secret is stored under: its team, then its path ("team-a/db/password"). */
export function secretKey(team: string, source: string): string {
  return `${team}/${source}`;
}

/** The store paths an app's env reads. */
export function secretSources(app: AppDefinition): string[] {
  const out = new Set<string>();
  for (const v of Object.values(app.env)) {
    const source = isSecretRef(v) ? app.secrets[v.secret]?.source : undefined;
    if (source) out.add(source);
  }
  return [...out];
}

/** A task's env: the app's plain values, and apart from them the values its secret references take from the store. */
export type ResolvedEnv = { ok: true; env: Record<string, string>; secretEnv: Record<string, string> } | { ok: false; missing: string[] };

/** The env a task runs with: each secret reference replaced by the value in the store, kept apart so it can travel sealed. */
export function resolveEnv(app: AppDefinition, valueOf: (source: string) => string | undefined): ResolvedEnv {
  const env: Record<string, string> = {};
  const secretEnv: Record<string, string> = {};
  const missing: string[] = [];
  for (const [k, v] of Object.entries(app.env)) {
    if (!isSecretRef(v)) {
      env[k] = v;
      continue;
    }
    const source = app.secrets[v.secret]?.source ?? "";
    const value = valueOf(source);
    if (value === undefined) missing.push(source);
    else secretEnv[k] = value;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, env, secretEnv };
}
