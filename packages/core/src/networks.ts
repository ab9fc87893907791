import type { AppDefinition } from "./app-definition.js";
import type { AgentOffer } from "./ledger.js";

/** The agent attribute that lists the Docker networks its daemon offers, comma-separated ("bridge,host,none"). */
export const NETWORKS_ATTRIBUTE = "berth.networks";
/** The agent attribute naming the image its command tasks (apps without a container) run in; absent: it runs none. */
export const COMMAND_IMAGE_ATTRIBUTE = "berth.command-image";

/** Why an agent cannot run a command task, or undefined when it can. */
export function commandRefusal(offer: AgentOffer): string | undefined {
  return offer.attributes[COMMAND_IMAGE_ATTRIBUTE] ? undefined : "no image for command tasks";
}

/**
 * The Docker network a task of this app joins: "host", "bridge" for
 * Marathon's container/bridge, or the named network of container mode.
 */
export function dockerNetwork(app: AppDefinition): string {
  const n = app.networks[0];
  if (!n || n.mode === "host") return "host";
  if (n.mode === "container/bridge") return "bridge";
  return n.name ?? "host";
}

/** The networks an agent offers: what it advertises, or only the host's when it says nothing. */
export function offeredNetworks(attributes: Readonly<Record<string, string>>): string[] {
  const listed = attributes[NETWORKS_ATTRIBUTE];
  return listed === undefined ? ["host"] : listed.split(",").filter((n) => n !== "");
}

/**
 * Why an agent cannot give a task its network, or undefined when it can. Never
 * the host's instead. Every Docker daemon has the host's network: placement
 * asks this of many agents per task, so that case costs nothing.
 */
export function networkRefusal(network: string, offer: AgentOffer): string | undefined {
  if (network === "host") return undefined;
  return offeredNetworks(offer.attributes).includes(network) ? undefined : `network '${network}' not offered`;
}
