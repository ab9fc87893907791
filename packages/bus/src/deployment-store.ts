import { type AppDefinition, appKey, ConflictError, type Deployment, type DeploymentStatus } from "@berth/core";
import type { AppLock, BusHandles } from "./bus.js";
import { isCasConflict, MisplacedValueError, type Versioned } from "./kv.js";

export const LOCKED_MESSAGE = "App is locked by one or more deployments. Override with the option '?force=true'.";

/**
 * How long a lock whose deployment is not (yet) recorded holds: the change that
 * took it is between its lock and its deployment record, or died there.
 */
export const UNRECORDED_LOCK_HOLDS_MS = 10_000;

/** The running deployment that holds an app, if one does. */
export async function lockHolder(bus: BusHandles<"deployments" | "locks">, appId: string, nowMs: number): Promise<string | undefined> {
  const lock = await bus.locks.get(appKey(appId));
  return lock && (await holds(bus, lock.value, nowMs)) ? lock.value.deploymentId : undefined;
}

/** Whether a lock holds: its deployment runs, or is not recorded yet. */
async function holds(bus: BusHandles<"deployments">, lock: AppLock, nowMs: number): Promise<boolean> {
  const d = await bus.deployments.get(lock.deploymentId);
  return d ? d.value.status === "running" : nowMs - lock.lockedAtMs < UNRECORDED_LOCK_HOLDS_MS;
}

/**
 * Writes deployments and the apps they change, in the one order that keeps a
 * change atomic: lock the app (compare-and-set, so two changes cannot both
 * win), record the deployment, then write the app at the revision it was read.
 * A lock holds while its deployment runs: an ending deployment leaves its lock
 * where it is (one write fewer at each end), and the next change takes it over
 * with compare-and-set. A forced change takes a held lock, and the deployment
 * it took it from ends as canceled.
 */
/** The revisions one applied change wrote. */
export interface AppliedRevisions {
  readonly deployment: number;
  /** 0 when the change deleted the app. */
  readonly app: number;
}

export class DeploymentStore {
  constructor(private readonly bus: BusHandles<"apps" | "deployments" | "locks">) {}

  /**
   * Applies a deployment; returns the revisions it wrote: the deployment's, and the
   * app's (0 when the app was deleted), so a reader can wait until its caches show both.
   * `book` runs once the app is locked and before anything is written (a quota
   * booking, say); what it returns is run to undo it if the change fails.
   */
  async apply(
    d: Deployment,
    current: Versioned<AppDefinition> | undefined,
    force: boolean,
    book?: () => Promise<() => Promise<void>>,
  ): Promise<AppliedRevisions> {
    const appId = d.affectedApps[0] ?? "";
    const key = appKey(appId);
    // An app is changed only under its own id: a target naming another app would run as that app's team.
    if (d.target && d.target.id !== appId) throw new MisplacedValueError(`a deployment of ${appId} may not install ${d.target.id}`);
    await this.lock(key, d.id, force, d.createdAtMs);
    let undo: (() => Promise<void>) | undefined;
    try {
      undo = await book?.();
      const deployment = await this.bus.deployments.create(d.id, d);
      if (!d.target) {
        if (current) await this.bus.apps.delete(key, current.revision);
        return { deployment, app: 0 };
      }
      const app = current ? await this.bus.apps.update(key, d.target, current.revision) : await this.bus.apps.create(key, d.target);
      return { deployment, app };
    } catch (err) {
      await undo?.().catch(() => undefined);
      await this.unlock(key, d.id);
      await this.bus.deployments.delete(d.id).catch(() => undefined);
      if (isCasConflict(err)) throw new ConflictError(`App '${appId}' changed while this change was applied; send it again`);
      throw err;
    }
  }

  /**
   * Ends a running deployment, which frees its app (its lock stays, no longer held); false when it
   * had already ended. A deletion's lock goes with it, so deleted apps leave no keys behind.
   */
  async finish(deploymentId: string, status: Exclude<DeploymentStatus, "running">, reason: string, nowMs: number): Promise<boolean> {
    const r = await this.bus.deployments.mutate(deploymentId, (cur) =>
      cur?.status === "running" ? { ...cur, status, reason, finishedAtMs: nowMs } : undefined,
    );
    const appId = r.value?.affectedApps[0];
    if (r.changed && appId && !r.value?.target && !r.value?.parts) await this.unlock(appKey(appId), deploymentId);
    return r.changed;
  }

  private async unlock(key: string, deploymentId: string): Promise<void> {
    await this.bus.locks.mutate(key, (l) => (l?.deploymentId === deploymentId ? null : undefined));
  }

  private async lock(key: string, deploymentId: string, force: boolean, nowMs: number): Promise<void> {
    const lock = { deploymentId, lockedAtMs: nowMs };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.bus.locks.create(key, lock);
        return;
      } catch (err) {
        if (!isCasConflict(err)) throw err;
      }
      const holder = await this.bus.locks.get(key);
      if (!holder) continue;
      if (await holds(this.bus, holder.value, nowMs)) {
        if (!force) throw new ConflictError(LOCKED_MESSAGE, [holder.value.deploymentId]);
        await this.bus.deployments.mutate(holder.value.deploymentId, (cur) =>
          cur?.status === "running"
            ? { ...cur, status: "canceled", reason: `superseded by deployment ${deploymentId} (force)`, finishedAtMs: nowMs }
            : undefined,
        );
      }
      try {
        await this.bus.locks.update(key, lock, holder.revision);
        return;
      } catch (err) {
        if (!isCasConflict(err)) throw err;
      }
    }
    throw new ConflictError(`App '/${key}' is being changed by others; try again`);
  }
}
