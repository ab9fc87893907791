import { type AppDefinition, appKey, ConflictError, type Deployment, type DeploymentStatus } from "@berth/core";
import type { AppLock, BusHandles } from "./bus.js";
import { isCasConflict, MisplacedValueError, type Versioned } from "./kv.js";

export const LOCKED_MESSAGE = "App is locked by one or more deployments. Override with the option '?force=true'.";

/**
 * How long a lock whose deployment is not (yet) recorded holds: the change that
 * took it is between its lock and its deployment record, or died there.
 */
export const UNRECORDED_LOCK_HOLDS_MS = 10_000;

/**
 * The running deployment that holds an app, if one does: the one that wrote
 * its current version (the app's `versionInfo.deploymentId`), or a deletion's (or an earlier
 * build's) lock in `berth_app_locks`.
 */
export async function lockHolder(
  bus: BusHandles<"apps" | "deployments" | "locks">,
  appId: string,
  nowMs: number,
): Promise<string | undefined> {
  const app = await bus.apps.get(appKey(appId));
  return (await appHolder(bus, app?.value)) ?? (await keyHolder(bus, appKey(appId), nowMs));
}

/** The deployment that wrote the app's version, while it runs. It was recorded before the app was written. */
async function appHolder(bus: BusHandles<"deployments">, app: AppDefinition | undefined): Promise<string | undefined> {
  const id = app?.versionInfo.deploymentId;
  if (!id) return undefined;
  return (await bus.deployments.get(id))?.value.status === "running" ? id : undefined;
}

/** The deployment whose lock in `berth_app_locks` holds the app. */
async function keyHolder(bus: BusHandles<"deployments" | "locks">, key: string, nowMs: number): Promise<string | undefined> {
  const lock = await bus.locks.get(key);
  return lock && (await holds(bus, lock.value, nowMs)) ? lock.value.deploymentId : undefined;
}

/** Whether a lock holds: its deployment runs, or is not recorded yet. */
async function holds(bus: BusHandles<"deployments">, lock: AppLock, nowMs: number): Promise<boolean> {
  const d = await bus.deployments.get(lock.deploymentId);
  return d ? d.value.status === "running" : nowMs - lock.lockedAtMs < UNRECORDED_LOCK_HOLDS_MS;
}

/** The revisions one applied change wrote. */
export interface AppliedRevisions {
  readonly deployment: number;
  /** 0 when the change deleted the app. */
  readonly app: number;
}

/**
 * Writes deployments and the apps they change, so that two changes of one app
 * cannot both win and a change that fails leaves nothing behind:
 * - a change that installs an app checks that no running deployment holds it,
 *   records its deployment, then writes the app, naming the deployment in its
 *   `versionInfo.deploymentId`, with compare-and-set at the revision it read: of two changes,
 *   one wins the app, and the other gives its deployment back. The app's
 *   record is its lock, so taking it costs no write, and ending the
 *   deployment frees the app without one.
 * - a deletion, which leaves no record to name it, takes the app's key in
 *   `berth_app_locks` (compare-and-set), records its deployment, then deletes
 *   the app; its lock goes when the deletion ends.
 * A forced change ends the deployment that holds the app as canceled.
 */
export class DeploymentStore {
  constructor(private readonly bus: BusHandles<"apps" | "deployments" | "locks">) {}

  /**
   * Applies a deployment; returns the revisions it wrote: the deployment's, and the
   * app's (0 when the app was deleted), so a reader can wait until its caches show both.
   * `book` runs once no running deployment holds the app, before anything is written (a quota
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
    await this.take(await appHolder(this.bus, current?.value), d.id, force, d.createdAtMs);
    if (!d.target) await this.lock(key, d.id, force, d.createdAtMs);
    else await this.take(await keyHolder(this.bus, key, d.createdAtMs), d.id, force, d.createdAtMs);
    let undo: (() => Promise<void>) | undefined;
    try {
      undo = await book?.();
      const deployment = await this.bus.deployments.create(d.id, d);
      if (!d.target) {
        if (current) await this.bus.apps.delete(key, current.revision);
        return { deployment, app: 0 };
      }
      const target = { ...d.target, versionInfo: { ...d.target.versionInfo, deploymentId: d.id } };
      const app = current ? await this.bus.apps.update(key, target, current.revision) : await this.bus.apps.create(key, target);
      return { deployment, app };
    } catch (err) {
      await undo?.().catch(() => undefined);
      if (!d.target) await this.unlock(key, d.id);
      await this.bus.deployments.delete(d.id).catch(() => undefined);
      if (!isCasConflict(err)) throw err;
      // Another change won the app: the running deployment it names is why, else the app changed since it was read.
      const winner = await lockHolder(this.bus, appId, Date.now());
      if (winner && winner !== d.id) throw new ConflictError(LOCKED_MESSAGE, [winner]);
      throw new ConflictError(`App '${appId}' changed while this change was applied; send it again`);
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

  /** Refuses the change while `holder` runs, or, forced, ends `holder` as canceled. */
  private async take(holder: string | undefined, deploymentId: string, force: boolean, nowMs: number): Promise<void> {
    if (!holder || holder === deploymentId) return;
    if (!force) throw new ConflictError(LOCKED_MESSAGE, [holder]);
    await this.bus.deployments.mutate(holder, (cur) =>
      cur?.status === "running"
        ? { ...cur, status: "canceled", reason: `superseded by deployment ${deploymentId} (force)`, finishedAtMs: nowMs }
        : undefined,
    );
  }

  /** Takes the app's key in `berth_app_locks` for a deletion. */
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
      if (await holds(this.bus, holder.value, nowMs)) await this.take(holder.value.deploymentId, deploymentId, force, nowMs);
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
