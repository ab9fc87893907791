import { type AppDefinition, usesPortMappings } from "./app-definition.js";
import type { ValidationDetail } from "./errors.js";
import { parsePortRanges, type PortRange } from "./resources.js";

/**
 * Marathon's service ports: one per port definition (or, off the host's
 * network, per port mapping), the port a load balancer serves the app on.
 * `0` asks for one from the cluster's range; a service port is unique across
 * the cluster and stays with the app across updates and restarts.
 */

/** Marathon's default range (--local_port_min/max). */
export const DEFAULT_SERVICE_PORTS: PortRange = { begin: 10000, end: 20000 };

/** "10000-20000" as a range; throws with what is wrong. */
export function parsePortRange(raw: string): PortRange {
  const [range, more] = parsePortRanges(raw) ?? [];
  if (!range || more) throw new Error(`'${raw}' is not one port range such as 10000-20000`);
  return range;
}

/** The app's service ports as its definition holds them, 0 where none is assigned yet. */
export function servicePorts(app: AppDefinition): number[] {
  // A pod's endpoints are host ports only, as in Marathon: it has no service ports.
  if (app.pod) return [];
  if (usesPortMappings(app)) return (app.container?.portMappings ?? []).map((m) => m.servicePort ?? 0);
  return app.portDefinitions.map((p) => p.port);
}

/** Where each service port is written in the definition, for error details. */
function slotPath(app: AppDefinition, i: number): string {
  return usesPortMappings(app) ? `/container/portMappings/${i}/servicePort` : `/portDefinitions/${i}/port`;
}

/** The app with these service ports written where its definition keeps them. */
export function withServicePorts(app: AppDefinition, ports: readonly number[]): AppDefinition {
  if (usesPortMappings(app)) {
    const container = app.container;
    if (!container?.portMappings) return app;
    return {
      ...app,
      container: { ...container, portMappings: container.portMappings.map((m, i) => ({ ...m, servicePort: ports[i] ?? 0 })) },
    };
  }
  return { ...app, portDefinitions: app.portDefinitions.map((p, i) => ({ ...p, port: ports[i] ?? 0 })) };
}

export type ServicePortPlan = { ok: true; ports: number[] } | { ok: false; details: ValidationDetail[] };

/**
 * The service ports an app gets: a fixed one as given (unless another app
 * holds it); a 0 keeps what the app had in that place before, else the lowest
 * free port of the range. `heldBy` says which other app holds a port.
 */
export function planServicePorts(
  target: AppDefinition,
  previous: AppDefinition | undefined,
  heldBy: (port: number) => string | undefined,
  range: PortRange = DEFAULT_SERVICE_PORTS,
): ServicePortPlan {
  const asked = servicePorts(target);
  const before = previous ? servicePorts(previous) : [];
  const details: ValidationDetail[] = [];
  const chosen = new Set<number>();
  const out: number[] = [];
  asked.forEach((port, i) => {
    if (port === 0) return;
    const holder = heldBy(port);
    if (holder !== undefined)
      details.push({ path: slotPath(target, i), errors: [`service port ${port} is held by ${holder}: give 0 to get a free one`] });
    else if (chosen.has(port)) details.push({ path: slotPath(target, i), errors: [`service port ${port} is given twice`] });
    chosen.add(port);
  });
  // What the app had in each place, before any fresh pick, so a pick never takes a place's own port.
  asked.forEach((port, i) => {
    const kept = before[i];
    if (port !== 0 || kept === undefined || kept === 0 || chosen.has(kept) || heldBy(kept) !== undefined) return;
    chosen.add(kept);
    out[i] = kept;
  });
  let next = range.begin;
  for (let i = 0; i < asked.length; i++) {
    const port = asked[i] ?? 0;
    if (port !== 0) out[i] = port;
    if (out[i] !== undefined) continue;
    while (next <= range.end && (chosen.has(next) || heldBy(next) !== undefined)) next++;
    if (next > range.end) {
      details.push({ path: slotPath(target, i), errors: [`no free service port is left in ${range.begin}-${range.end}`] });
      break;
    }
    chosen.add(next);
    out[i] = next;
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, ports: out };
}
