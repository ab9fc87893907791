import type { Deployment } from "@berth/core";
import type { KvCache } from "./kv-cache.js";

/**
 * The running deployments of a deployment cache, by the apps they affect:
 * asking about one app must not scan every deployment kept. Build it before
 * the cache starts, so it sees every record.
 */
export class RunningDeployments {
  private readonly byApp = new Map<string, Map<string, Deployment>>();

  constructor(cache: KvCache<Deployment>) {
    cache.onChange((id, entry) => this.apply(id, entry?.value));
  }

  /** The running deployments that affect an app. */
  of(appId: string): Deployment[] {
    return [...(this.byApp.get(appId)?.values() ?? [])];
  }

  has(appId: string): boolean {
    return this.byApp.has(appId);
  }

  private apply(id: string, d: Deployment | undefined): void {
    for (const [appId, running] of this.byApp) if (running.delete(id) && running.size === 0) this.byApp.delete(appId);
    if (d?.status !== "running") return;
    for (const appId of d.affectedApps) {
      const running = this.byApp.get(appId) ?? new Map<string, Deployment>();
      running.set(id, d);
      this.byApp.set(appId, running);
    }
  }
}
