import type { AgentOffer } from "./ledger.js";

/** The value a constraint's field has on an agent: hostname, @region/@zone, or an attribute. */
export function fieldValue(offer: AgentOffer, field: string): string | undefined {
  if (field === "hostname" || field === "@hostname") return offer.hostname;
  if (field === "@region") return offer.attributes.region;
  if (field === "@zone") return offer.attributes.zone;
  return offer.attributes[field];
}

/** How many tasks of an app run where the field has each value, over all agents. */
export function countsByValue(offers: readonly AgentOffer[], appId: string, field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of offers) {
    const v = fieldValue(o, field);
    if (v === undefined) continue;
    counts.set(v, (counts.get(v) ?? 0) + (o.appTaskCounts.get(appId) ?? 0));
  }
  return counts;
}

/**
 * Why a Marathon constraint refuses an agent for a task of `appId`, or undefined when it allows it.
 * `all` is every offer in the cluster, for the constraints that count tasks elsewhere.
 */
export function constraintRefusal(
  constraint: readonly string[],
  appId: string,
  offer: AgentOffer,
  all: readonly AgentOffer[],
  /** The counts by value of a field, when the caller keeps them (they depend only on the app and the offers). */
  counts: (field: string) => Map<string, number> = (field) => countsByValue(all, appId, field),
): string | undefined {
  const [field = "", op = "", arg] = constraint;
  const value = fieldValue(offer, field);
  // Matching asks this of every agent for every task: the message is built only for a refusal.
  const outcome = judge(op, arg, value, () => counts(field));
  if (outcome === "allowed") return undefined;
  const label = `constraint ${field}:${op}${arg === undefined ? "" : `:${arg}`}`;
  if (outcome === "no-value") return `${label}: agent has no ${field}`;
  if (outcome === "unknown") return `${label}: unknown operator`;
  return label;
}

function judge(
  op: string,
  arg: string | undefined,
  value: string | undefined,
  counts: () => Map<string, number>,
): "allowed" | "refused" | "no-value" | "unknown" {
  const refusedIf = (refused: boolean) => (refused ? "refused" : "allowed");
  switch (op) {
    case "CLUSTER":
    case "IS":
      return refusedIf(value !== arg);
    case "LIKE":
      return refusedIf(value === undefined || !new RegExp(`^(?:${arg ?? ""})$`).test(value));
    case "UNLIKE":
      return refusedIf(value !== undefined && new RegExp(`^(?:${arg ?? ""})$`).test(value));
    case "UNIQUE":
      return value === undefined ? "no-value" : refusedIf((counts().get(value) ?? 0) > 0);
    case "MAX_PER":
      return value === undefined ? "no-value" : refusedIf((counts().get(value) ?? 0) >= Number(arg));
    case "GROUP_BY": {
      if (value === undefined) return "no-value";
      const byValue = counts();
      return refusedIf((byValue.get(value) ?? 0) > Math.min(...byValue.values()));
    }
    default:
      return "unknown";
  }
}
