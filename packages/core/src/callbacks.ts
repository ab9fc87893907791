/**
 * Where Marathon's HTTP event subscriptions (`/v2/eventSubscriptions`) may
 * send events. A callback URL makes Berth send requests for someone, so the
 * operator lists the destinations allowed (BERTH_CALLBACK_ALLOW): host names,
 * `host:port`, or `loopback` for 127.0.0.0/8, ::1 and localhost. Nothing is
 * allowed by default.
 */
export function callbackUrlRefusal(raw: string, allow: readonly string[]): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([/?#].*)?$/i.exec(raw);
  if (!m) return `'${raw}' is not a URL: give http://host:port/path`;
  const scheme = (m[1] ?? "").toLowerCase();
  const authority = m[2] ?? "";
  if (scheme !== "http" && scheme !== "https") return "a callback URL is http:// or https://";
  if (authority.includes("@")) return "a callback URL may not carry a user or password";
  const hp = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(authority);
  if (!hp) return `'${raw}' is not a URL: give http://host:port/path`;
  const host = (hp[1] ?? "").replace(/^\[|\]$/g, "").toLowerCase();
  const port = hp[2] ?? (scheme === "https" ? "443" : "80");
  const loopback = host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  const allowed = allow.some((a) => {
    const entry = a.trim().toLowerCase();
    if (entry === "loopback") return loopback;
    return entry === host || entry === `${host}:${port}`;
  });
  if (allowed) return undefined;
  return allow.length === 0
    ? "event subscriptions are off: the operator allows no callback destinations (BERTH_CALLBACK_ALLOW)"
    : `callbacks may go only to ${allow.join(", ")} (BERTH_CALLBACK_ALLOW): ${host}:${port} is not among them`;
}

/** How long to wait before delivery attempt `attempt` (1-based) of an event to a callback: 1, 2, 4, 8, 16 s. */
export function callbackRetryDelayMs(attempt: number): number {
  return 1000 * 2 ** Math.max(0, attempt - 1);
}

/** Attempts at delivering one event to one callback before it is given up. */
export const CALLBACK_ATTEMPTS = 6;
