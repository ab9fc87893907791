import { type BusHandles, isCasConflict } from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  DEFAULT_SERVICE_PORTS,
  planServicePorts,
  type PortRange,
  servicePorts,
  ValidationError,
  withServicePorts,
} from "@berth/core";
import type { ClusterView } from "./cluster-view.js";

/** A claim this young is held even when no stored app has the port yet: its app may be on its way into the store. */
const CLAIM_GRACE_MS = 60_000;

/**
 * Service ports, unique across the cluster. The pick is made from the stored
 * apps; each port is then claimed in berth_service_ports with compare-and-set,
 * so two api instances (or two requests) never hand out the same one. A claim
 * whose app never got stored (a crash, a refused change) is taken over once it
 * is older than a minute. Within one api instance, a port is reserved the
 * moment it is picked, so requests at once pick different ones; only other
 * instances' picks can collide, and lose a round to the compare-and-set.
 */
export class ServicePortBook {
  /** Ports this instance picked lately, for which app: in-flight changes that the stored apps do not show yet. */
  private readonly reserved = new Map<number, { appId: string; atMs: number }>();

  constructor(
    private readonly bus: BusHandles<"apps" | "servicePorts">,
    private readonly view: ClusterView,
    private readonly nowMs: () => number,
    private readonly range: PortRange = DEFAULT_SERVICE_PORTS,
  ) {}

  /** The target with its service ports assigned (and, unless a dry run, claimed); a ValidationError names a port held elsewhere. */
  async assign(target: AppDefinition, previous: AppDefinition | undefined, dryRun: boolean): Promise<AppDefinition> {
    if (servicePorts(target).length === 0) return target;
    const held = this.heldByOthers(target.id);
    for (let attempt = 0; ; attempt++) {
      const plan = planServicePorts(target, previous, (p) => held.get(p), this.range);
      if (!plan.ok) throw new ValidationError(plan.details);
      if (dryRun) return withServicePorts(target, plan.ports);
      // Reserved before the first await: a request this instance serves meanwhile picks others.
      for (const port of plan.ports) this.reserved.set(port, { appId: target.id, atMs: this.nowMs() });
      const lost = await this.claimAll(target.id, plan.ports);
      if (lost.length === 0) return withServicePorts(target, plan.ports);
      // Claimed meanwhile by another instance's change: plan again without them (a fixed one is then refused).
      for (const [port, holder] of lost) {
        held.set(port, holder);
        if (this.reserved.get(port)?.appId === target.id) this.reserved.delete(port);
      }
      if (attempt > 20) throw new Error("service ports are being claimed faster than they can be assigned; try again");
    }
  }

  /** Lets go of the ports an app held and no longer does (all of them when it is gone). */
  async release(appId: string, before: AppDefinition | undefined, after: AppDefinition | undefined): Promise<void> {
    const kept = new Set(after ? servicePorts(after) : []);
    for (const port of before ? servicePorts(before) : []) {
      if (port === 0 || kept.has(port)) continue;
      if (this.reserved.get(port)?.appId === appId) this.reserved.delete(port);
      const cur = await this.bus.servicePorts.get(String(port));
      if (cur?.value.appId === appId) await this.bus.servicePorts.delete(String(port), cur.revision).catch(() => undefined);
    }
  }

  /** Every service port the stored apps hold, and this instance reserved lately, but this app's own. */
  private heldByOthers(appId: string): Map<number, string> {
    const held = new Map<number, string>();
    for (const [, { value: app }] of this.view.apps.entriesList()) {
      if (app.id === appId) continue;
      for (const p of servicePorts(app)) if (p !== 0) held.set(p, app.id);
    }
    const now = this.nowMs();
    for (const [port, r] of this.reserved) {
      if (now - r.atMs > CLAIM_GRACE_MS) this.reserved.delete(port);
      else if (r.appId !== appId && !held.has(port)) held.set(port, r.appId);
    }
    return held;
  }

  /** Claims each port for the app; answers those another app holds. */
  private async claimAll(appId: string, ports: readonly number[]): Promise<[number, string][]> {
    const lost: [number, string][] = [];
    for (const port of ports) {
      const holder = await this.claim(appId, port);
      if (holder !== undefined) lost.push([port, holder]);
    }
    return lost;
  }

  /** Claims one port; answers the app that holds it instead, or undefined when the claim is the app's. */
  private async claim(appId: string, port: number): Promise<string | undefined> {
    const key = String(port);
    const mine = { appId, claimedAtMs: this.nowMs() };
    for (let attempt = 0; attempt < 3; attempt++) {
      const cur = await this.bus.servicePorts.get(key);
      if (!cur) {
        if (await wonUnlessRaced(this.bus.servicePorts.create(key, mine))) return undefined;
        continue;
      }
      if (cur.value.appId === appId) return undefined;
      if (await this.holds(cur.value.appId, port, cur.value.claimedAtMs)) return cur.value.appId;
      if (await wonUnlessRaced(this.bus.servicePorts.update(key, mine, cur.revision))) return undefined;
    }
    return (await this.bus.servicePorts.get(key))?.value.appId ?? "another app";
  }

  private async holds(appId: string, port: number, claimedAtMs: number): Promise<boolean> {
    if (this.nowMs() - claimedAtMs < CLAIM_GRACE_MS) return true;
    const stored = await this.bus.apps.get(appKey(appId));
    return stored !== undefined && servicePorts(stored.value).includes(port);
  }
}

/** Whether a compare-and-set write won: false when another write came first; any other failure (NATS without room or answer) is thrown. */
async function wonUnlessRaced(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isCasConflict(err)) return false;
    throw err;
  }
}
