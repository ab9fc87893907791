import { type BusHandles, DeploymentStore, publishEvent } from "@berth/bus";
import {
  type AppDefinition,
  appKey,
  carrying,
  type Deployment,
  deploymentEvent,
  deploymentVerdict,
  groupOutcome,
  newDeployment,
  rollbackTarget,
  type TaskRecord,
} from "@berth/core";
import type { Logger } from "@berth/runtime";

/**
 * Follows running deployments to their end: asks core's `deploymentVerdict`
 * whether each is done, ends it (success, or failed at its deadline and
 * rolled back), tells of it in Marathon's events, and ends a group's
 * deployment once its parts have.
 */
export class DeploymentTracker {
  private readonly store: DeploymentStore;

  constructor(
    private readonly bus: BusHandles<"apps" | "backoff" | "deployments" | "js" | "locks">,
    private readonly opts: { newId: () => string; onDeploymentEnded?: (outcome: "success" | "failed") => void },
    private readonly log: Logger,
  ) {
    this.store = new DeploymentStore(bus);
  }

  /** Ends the app's deployment once it is complete, or fails it at its deadline and rolls the app back. */
  async track(
    appId: string,
    app: AppDefinition | undefined,
    deployments: readonly Deployment[],
    tasks: readonly TaskRecord[],
    now: number,
  ): Promise<void> {
    for (const d of deployments) {
      if (d.parts) {
        await this.trackGroup(d, now);
        continue;
      }
      const at = new Date(now).toISOString();
      const lastFailure = now >= d.deadlineAtMs ? (await this.bus.backoff.get(appKey(appId)))?.value.lastTaskFailure : undefined;
      const verdict = deploymentVerdict(d, app, tasks, now, lastFailure);
      if (verdict.kind === "running") continue;
      if (verdict.kind === "superseded") {
        if (await this.store.finish(d.id, "canceled", verdict.reason, now)) this.log.warn({ deploymentId: d.id, appId }, verdict.reason);
        if (d.partOf) await this.trackGroupById(d.partOf, now);
        continue;
      }
      const reason = verdict.kind === "failed" ? verdict.reason : "";
      const status = verdict.kind === "success" ? "success" : "failed";
      if (!(await this.store.finish(d.id, status, reason, now))) continue;
      await this.ended({ ...d, status, reason, finishedAtMs: now }, at);
      if (verdict.kind === "success") this.log.info({ deploymentId: d.id, appId }, "deployment succeeded");
      else this.log.warn({ deploymentId: d.id, appId, reason }, "deployment failed");
      if (verdict.kind === "failed" && verdict.rollBack) await this.rollBack(d, now);
      if (d.partOf) await this.trackGroupById(d.partOf, now);
    }
  }

  /**
   * Tells of a deployment that ended: its step and its end, as Marathon's
   * events. An app's deployment that is part of a group's is told of by that one.
   */
  private async ended(d: Deployment, at: string): Promise<void> {
    if (d.partOf) return;
    const success = d.status === "success";
    const step = success ? "deployment_step_success" : "deployment_step_failure";
    const end = success ? "deployment_success" : "deployment_failed";
    // One write: the step's end carries the deployment's.
    await publishEvent(
      this.bus.js,
      carrying(deploymentEvent(step, d, at), [deploymentEvent(end, d, at)]),
      `${step.replaceAll("_", "-")}-${d.id}`,
    );
    this.opts.onDeploymentEnded?.(success ? "success" : "failed");
  }

  private async trackGroupById(id: string, now: number): Promise<void> {
    const group = (await this.bus.deployments.get(id))?.value;
    if (group?.status === "running" && group.parts) await this.trackGroup(group, now);
  }

  /** Ends a group's deployment once all its parts have ended: failed if any failed, canceled if any was. */
  private async trackGroup(group: Deployment, now: number): Promise<void> {
    const parts = await Promise.all((group.parts ?? []).map(async (id) => (await this.bus.deployments.get(id))?.value));
    const outcome = groupOutcome(parts);
    if (!outcome) return;
    if (!(await this.store.finish(group.id, outcome.status, outcome.reason, now))) return;
    // A part canceled (a forced change took its app) ends the group as canceled, as a cancel of its own does.
    if (outcome.status === "canceled") return;
    await this.ended({ ...group, ...outcome, finishedAtMs: now }, new Date(now).toISOString());
    this.log.info({ deploymentId: group.id, status: outcome.status }, "group deployment ended");
  }

  /** Brings back the app as it was before a failed deployment, as a deployment of its own. */
  private async rollBack(failed: Deployment, now: number): Promise<void> {
    const appId = failed.affectedApps[0] ?? "";
    const current = await this.bus.apps.get(appKey(appId));
    const version = new Date(now).toISOString();
    const target = rollbackTarget(failed, version);
    const d = newDeployment({ id: this.opts.newId(), appId, previous: current?.value, target, version, nowMs: now, rollbackOf: failed.id });
    try {
      await this.store.apply(d, current, false);
    } catch (err) {
      this.log.warn({ err: String(err), appId, deploymentId: failed.id }, "could not roll back: the app changed meanwhile");
      return;
    }
    await publishEvent(this.bus.js, deploymentEvent("deployment_info", d, version), `deployment-info-${d.id}`);
    this.log.info({ appId, failed: failed.id, rollback: d.id }, "rolling back after a failed deployment");
  }
}
