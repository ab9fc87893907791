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
  const label = `${field}:${op}${arg === undefined ? "" : `:${arg}`}`;
  switch (op) {
    case "UNIQUE": {
      if (value === undefined) return `constraint ${label}: agent has no ${field}`;
      return (counts(field).get(value) ?? 0) > 0 ? `constraint ${label}` : undefined;
    }
    case "CLUSTER":
    case "IS":
      return value === arg ? undefined : `constraint ${label}`;
    case "LIKE":
      return value !== undefined && new RegExp(`^(?:${arg ?? ""})$`).test(value) ? undefined : `constraint ${label}`;
    case "UNLIKE":
      return value !== undefined && new RegExp(`^(?:${arg ?? ""})$`).test(value) ? `constraint ${label}` : undefined;
    case "MAX_PER": {
      if (value === undefined) return `constraint ${label}: agent has no ${field}`;
      const max = Number(arg);
      return (counts(field).get(value) ?? 0) >= max ? `constraint ${label}` : undefined;
    }
    case "GROUP_BY": {
      if (value === undefined) return `constraint ${label}: agent has no ${field}`;
      const byValue = counts(field);
      const min = Math.min(...byValue.values());
      return (byValue.get(value) ?? 0) > min ? `constraint ${label}` : undefined;
    }
    default:
      return `constraint ${label}: unknown operator`;
  }
}
