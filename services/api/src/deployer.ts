import { randomUUID } from "node:crypto";
import { type AppliedRevisions, type BusHandles, DeploymentStore, type PublicEvent, tellOfStoredChange } from "@berth/bus";
import type { Logger } from "@berth/runtime";
import {
  type AppDefinition,
  appKey,
  carrying,
  type Deployment,
  deploymentEvent,
  newDeployment,
  newGroupDeployment,
  NotFoundError,
  planApp,
  policyViolations,
  rollbackTarget,
  secretKey,
  teamOf,
  type ValidationDetail,
  ValidationError,
} from "@berth/core";
import type { QuotaBook } from "./quota-book.js";
import type { ClusterView } from "./cluster-view.js";
import type { ServicePortBook } from "./service-port-book.js";

export interface ChangeOptions {
  force: boolean;
  dryRun: boolean;
  restart?: boolean;
  rollbackOf?: string;
  /** The version the change stamps; a group's apps share one. Default: now. */
  version?: string;
  /** Part of a group change, which publishes its own group_change_success. */
  inGroup?: boolean;
  /** The group's deployment this app's deployment is part of: clients see that one, and its events. */
  partOf?: string;
  /** The caller's own events of an applied change (api_post_event, a pod's), told after the deployment's. */
  told?: (d: Deployment, target: AppDefinition | undefined) => PublicEvent[];
}

export type ChangeResult =
  | { kind: "applied"; deployment: Deployment; target: AppDefinition | undefined; created: boolean }
  | { kind: "dry-run"; deployment: Deployment; target: AppDefinition | undefined; launch: number; kill: string[] };

/** Every change of an app is a deployment; a dry run shows the plan and changes nothing. */
export class Deployer {
  private readonly store: DeploymentStore;

  constructor(
    private readonly bus: BusHandles<"apps" | "deployments" | "js" | "locks">,
    private readonly view: ClusterView,
    private readonly now: () => Date,
    private readonly quotas: QuotaBook,
    private readonly ports: ServicePortBook,
    private readonly log: Logger,
  ) {
    this.store = new DeploymentStore(bus);
  }

  async change(
    appId: string,
    compute: (current: AppDefinition | undefined, version: string) => AppDefinition | undefined,
    opts: ChangeOptions,
  ): Promise<ChangeResult> {
    const current = await this.bus.apps.get(appKey(appId));
    const version = opts.version ?? this.now().toISOString();
    const computed = compute(current?.value, version);
    // Every decision below (policy, secrets, quota, the key it is stored under) follows appId: the target must be that app.
    if (computed && computed.id !== appId) {
      throw new ValidationError([{ path: "/id", errors: [`must be ${appId}: an app is changed only under its own id`] }]);
    }
    if (computed) {
      const violations = this.admissionErrors(computed);
      if (violations.length > 0) throw new ValidationError(violations, "The app breaks its team's task policy");
    }
    const target = computed && (await this.ports.assign(computed, current?.value, opts.dryRun));
    const deployment = newDeployment({
      id: randomUUID(),
      appId,
      previous: current?.value,
      target,
      version,
      nowMs: this.now().getTime(),
      ...(opts.restart ? { restart: true } : {}),
      ...(opts.rollbackOf ? { rollbackOf: opts.rollbackOf } : {}),
      ...(opts.partOf ? { partOf: opts.partOf } : {}),
    });
    if (opts.dryRun) {
      this.quotas.check(appId, target);
      const plan = planApp(target, this.view.tasksOf(appId), this.now().getTime());
      return { kind: "dry-run", deployment, target, launch: plan.launch, kill: plan.kill.map((k) => k.taskId) };
    }
    let written: AppliedRevisions;
    try {
      written = await this.store.apply(deployment, current, opts.force, () => this.quotas.book(appId, target));
    } catch (err) {
      // Refused (a lock, the quota): the ports claimed for it are let go, so nothing of it stays.
      await this.ports.release(appId, target, current?.value);
      throw err;
    }
    await this.ports.release(appId, current?.value, target);
    // Read-your-writes: whoever asks next (GET /v2/deployments, say) sees the deployment and the app.
    await this.view.deployments.waitFor(written.deployment);
    if (written.app > 0) await this.view.apps.waitFor(written.app);
    else await this.view.apps.waitForGone(appKey(appId));
    const events = [
      ...changeEvents(appId, current?.value, target, version, !opts.inGroup),
      ...(opts.told?.(deployment, target) ?? []).map((e): [PublicEvent, string] => [e, e.eventType]),
    ];
    // One write tells it all: the deployment's deployment_info carries the change's other events.
    // A part of a group's deployment has none of its own (the group's tells of it): its events stand alone.
    if (!opts.partOf) {
      const info = carrying(
        deploymentEvent("deployment_info", deployment, version),
        events.map(([e]) => e),
      );
      await this.tell(info, `deployment-info-${deployment.id}`);
    } else for (const [event, id] of events) await this.tell(event, `${id}-${deployment.id}`);
    return { kind: "applied", deployment, target, created: current === undefined && target !== undefined };
  }

  /** Tells of a change already stored: JetStream unable to store the event now does not fail the change (tellOfStoredChange). */
  async tell(event: PublicEvent, msgId: string): Promise<void> {
    await tellOfStoredChange(this.bus.js, event, msgId, (err) =>
      this.log.warn(
        { err: String(err), event: event.eventType, msgId },
        "the event of a stored change is not stored yet; offering it again",
      ),
    );
  }

  /** Why an app may not run as its team: its task policy, and secrets missing from the team's store. */
  admissionErrors(app: AppDefinition): ValidationDetail[] {
    const team = teamOf(app.id);
    const missing = Object.entries(app.secrets)
      .filter(([, s]) => !this.view.secrets.get(secretKey(team, s.source)))
      .map(([name, s]) => ({
        path: `/secrets/${name}/source`,
        errors: [`team '${team}' has no secret '${s.source}': store it first with PUT /v2/secrets/${team}/${s.source}`],
      }));
    return [...policyViolations(app, this.view.team(team).policy), ...missing];
  }

  /** Records a group change's one deployment over its apps' (already applied) and tells of it. */
  async startGroup(id: string, version: string, parts: readonly Deployment[], rollbackOf?: string): Promise<Deployment> {
    const group = newGroupDeployment({ id, version, nowMs: this.now().getTime(), parts, ...(rollbackOf ? { rollbackOf } : {}) });
    await this.view.deployments.waitFor(await this.bus.deployments.create(group.id, group));
    await this.tell(deploymentEvent("deployment_info", group, version), `deployment-info-${group.id}`);
    return group;
  }

  /** Stops a running deployment: by default rolls the app back to what it was; with force, only forgets the deployment. */
  async cancel(deploymentId: string, force: boolean, partOf?: string): Promise<Deployment | undefined> {
    const found = await this.bus.deployments.get(deploymentId);
    if (!found || found.value.status !== "running") throw new NotFoundError(`DeploymentPlan ${deploymentId} does not exist`);
    const d = found.value;
    const nowMs = this.now().getTime();
    if (d.parts) return this.cancelGroup(d, force);
    if (force) {
      await this.store.finish(deploymentId, "canceled", "canceled with force: the app is left as it is", nowMs);
      return undefined;
    }
    const r = await this.change(d.affectedApps[0] ?? "", (_cur, version) => rollbackTarget(d, version), {
      force: true,
      dryRun: false,
      rollbackOf: deploymentId,
      ...(partOf ? { partOf } : {}),
    });
    await this.bus.deployments.mutate(deploymentId, (cur) =>
      cur ? { ...cur, reason: `canceled: rolled back by deployment ${r.deployment.id}` } : undefined,
    );
    return r.deployment;
  }

  /** A group's deployment: each part still running is canceled (rolled back, as one deployment of the group's own). */
  private async cancelGroup(group: Deployment, force: boolean): Promise<Deployment | undefined> {
    const rollbackId = randomUUID();
    const rollbacks: Deployment[] = [];
    for (const id of group.parts ?? []) {
      const part = (await this.bus.deployments.get(id))?.value;
      if (part?.status !== "running") continue;
      const r = await this.cancel(id, force, rollbackId);
      if (r) rollbacks.push(r);
    }
    const reason = force ? "canceled with force: the apps are left as they are" : `canceled: rolled back by deployment ${rollbackId}`;
    await this.store.finish(group.id, "canceled", reason, this.now().getTime());
    if (rollbacks.length === 0) return undefined;
    return this.startGroup(rollbackId, this.now().toISOString(), rollbacks, group.id);
  }
}

/**
 * The events Marathon publishes for an app's change, beside the deployment's:
 * app_terminated_event when it goes (however it goes: its own DELETE, a group
 * change, a rollback of its creation), add_health_check_event and
 * remove_health_check_event for each health check that comes or goes, and
 * group_change_success for its group (a group change publishes one of its own).
 */
export function changeEvents(
  appId: string,
  previous: AppDefinition | undefined,
  target: AppDefinition | undefined,
  version: string,
  groupEvent: boolean,
): [PublicEvent, string][] {
  const out: [PublicEvent, string][] = [];
  const timestamp = version;
  if (previous && !target) out.push([{ eventType: "app_terminated_event", timestamp, appId }, "app-terminated"]);
  const key = (h: unknown) => JSON.stringify(h);
  const before = new Set((previous?.healthChecks ?? []).map(key));
  const after = new Set((target?.healthChecks ?? []).map(key));
  (target?.healthChecks ?? []).forEach((h, i) => {
    if (!before.has(key(h)))
      out.push([{ eventType: "add_health_check_event", timestamp, appId, healthCheck: h, version }, `health-check-added-${i}`]);
  });
  (previous?.healthChecks ?? []).forEach((h, i) => {
    if (!after.has(key(h)))
      out.push([{ eventType: "remove_health_check_event", timestamp, appId, healthCheck: h }, `health-check-removed-${i}`]);
  });
  if (groupEvent) {
    const groupId = appId.slice(0, appId.lastIndexOf("/")) || "/";
    out.push([{ eventType: "group_change_success", timestamp, groupId, version }, "group-change"]);
  }
  return out;
}
