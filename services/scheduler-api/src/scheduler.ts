import type { ServerResponse } from "node:http";
import { type AgentLedger, type AgentRecord, type BusHandles, type KvCache, AgentCommands, type QueueEntry } from "@berth/bus";
import {
  type Framework,
  frameworkOf,
  isMarathonTask,
  honouredCapabilities,
  isTerminal,
  offeredTogether,
  type Quota,
  type QuotaLedger,
  type RoleWeights,
  type TaskRecord,
  type Team,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import { berthTaskId, FrameworkRegistry, newFrameworkId } from "./frameworks.js";
import { CallError, failoverOf, idOf, type Json, list, masterStatus, obj, refuseSeconds, roleOf, unknownTaskStatus } from "./calls.js";
import { Launcher } from "./launcher.js";
import { OfferRounds } from "./offers.js";
import { Session } from "./session.js";
import { FrameworkUpdates } from "./updates.js";

/** The read models the scheduler decides on. */
export interface SchedulerViews {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  tasks: KvCache<TaskRecord>;
  frameworks: KvCache<Framework>;
  roleWeights: KvCache<RoleWeights>;
  teams: KvCache<Team>;
  quotas: KvCache<QuotaLedger>;
  /** Marathon's launches waiting, by app: a team whose launches wait for room is owed a part of each split. */
  queue: KvCache<QueueEntry>;
}

export interface SchedulerOptions {
  /** A task still TASK_STAGING this long after it was launched is killed. */
  launchTimeoutMs: number;
  /** An offer not used within this long is rescinded and made afresh. */
  offerTimeoutMs: number;
  /** The quota of a team whose configuration names none (BERTH_DEFAULT_QUOTA, as the api reads it). */
  defaultQuota: Quota;
  heartbeatSeconds: number;
  agentTimeoutMs: number;
  /** An update not acknowledged is sent again after this long, then twice as long each time (10 s by default). */
  updateRetryMs?: number;
  now: () => number;
}

/**
 * Mesos's scheduler API over Berth: frameworks subscribe, get offers of each
 * agent's free resources, and launch, kill, reconcile and acknowledge their
 * tasks. A launch is booked on the agent's ledger through the offer-handler
 * (so offers made to several frameworks at once never overbook an agent),
 * recorded as the framework's task and sent to the agent like any other; its
 * status updates come back from the task records.
 */
export class SchedulerApi {
  private readonly sessions = new Map<string, Session>();
  private readonly updates: FrameworkUpdates;
  private readonly offers: OfferRounds;
  readonly registry: FrameworkRegistry;
  private readonly launcher: Launcher;

  constructor(
    private readonly bus: BusHandles<"frameworks" | "ledger" | "tasks" | "js" | "nc">,
    private readonly views: SchedulerViews,
    private readonly opts: SchedulerOptions,
    private readonly log: Logger,
  ) {
    // A framework's task carries no values from the secret store: nothing is sealed to its agent.
    const commands = new AgentCommands(bus, () => undefined);
    this.registry = new FrameworkRegistry(bus, commands, views.tasks, views.frameworks, log);
    this.launcher = new Launcher(bus, commands, views, opts.defaultQuota, log);
    this.offers = new OfferRounds(views, this.launcher, opts, log);
    this.updates = new FrameworkUpdates(bus, views.tasks, (id) => this.sessions.get(id), this.registry, opts);
    views.tasks.onChange((key, entry) => {
      if (entry) this.updates.tell(entry.value);
      else this.updates.forget(key);
    });
  }

  /** SUBSCRIBE: registers the framework (or takes it back, with its id), and answers with its event stream. */
  async subscribe(call: Json, team: string, res: ServerResponse): Promise<void> {
    const info = obj(obj(call.subscribe).framework_info);
    const name = typeof info.name === "string" ? info.name : "";
    if (!name) throw new CallError(400, "Failed to validate scheduler::Call: Expecting 'framework_info.name' to be present");
    if (typeof info.user !== "string")
      throw new CallError(400, "Failed to validate scheduler::Call: Expecting 'framework_info.user' to be present");
    const requestedId = idOf(info.id) || idOf(call.framework_id);
    const now = this.opts.now();
    let framework: Framework;
    if (requestedId) {
      const known = await this.registry.get(requestedId);
      if (!known) throw new CallError(403, `Framework '${requestedId}' is not known: subscribe without an id to register`);
      if (known.team !== team) throw new CallError(403, `Framework '${requestedId}' is not known: subscribe without an id to register`);
      if (known.state === "completed") throw new CallError(403, `Framework '${requestedId}' has been removed`);
      framework = {
        ...known,
        name,
        capabilities: honouredCapabilities(info),
        failoverTimeoutSeconds: failoverOf(info, known.failoverTimeoutSeconds),
        state: "active",
        suppressed: false,
        updatedAtMs: now,
      };
    } else {
      framework = {
        id: newFrameworkId(),
        name,
        team,
        role: roleOf(info, team),
        capabilities: honouredCapabilities(info),
        failoverTimeoutSeconds: failoverOf(info, 0),
        state: "active",
        registeredAtMs: now,
        updatedAtMs: now,
      };
    }
    await this.registry.put(framework, now);
    // A second subscriber with the same id takes over: the first is told, as Mesos tells it.
    this.sessions.get(framework.id)?.end("Framework failed over");
    const session = new Session(framework, res, this.opts.heartbeatSeconds, (s) => void this.disconnected(s));
    this.sessions.set(framework.id, session);
    this.log.info({ frameworkId: framework.id, name, team, resubscribed: Boolean(requestedId) }, "framework subscribed");
    session.send({
      type: "SUBSCRIBED",
      subscribed: { framework_id: { value: framework.id }, heartbeat_interval_seconds: this.opts.heartbeatSeconds },
    });
    // What it has not acknowledged (told while it was away, or lost with its last stream), at once.
    this.updates.subscribed(session, now);
    this.offerAll();
  }

  /** Every call but SUBSCRIBE: on the framework's open stream, named by its Mesos-Stream-Id. */
  async call(call: Json, streamId: string | undefined, team: string): Promise<void> {
    const frameworkId = idOf(call.framework_id);
    if (!frameworkId) throw new CallError(400, "Failed to validate scheduler::Call: Expecting 'framework_id' to be present");
    const session = this.sessions.get(frameworkId);
    if (!session || session.framework.team !== team) throw new CallError(403, `Framework '${frameworkId}' is not subscribed`);
    if (!streamId) throw new CallError(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    if (streamId !== session.streamId)
      throw new CallError(
        400,
        `The stream ID '${streamId}' included in this request didn't match the stream ID currently associated with framework ID '${frameworkId}'`,
      );
    const now = this.opts.now();
    switch (call.type) {
      case "ACCEPT":
        return this.accept(session, obj(call.accept), now);
      case "DECLINE": {
        const decline = obj(call.decline);
        for (const id of list(decline.offer_ids).map(idOf)) {
          const agentId = session.use(id)?.agentId;
          if (agentId) session.refuse(agentId, refuseSeconds(decline.filters), now);
        }
        return;
      }
      case "ACKNOWLEDGE":
        return this.updates.acknowledge(session, obj(call.acknowledge));
      case "KILL": {
        const taskId = idOf(obj(call.kill).task_id);
        const task = this.views.tasks.get(berthTaskId(frameworkId, taskId))?.value;
        if (!task || isTerminal(task.state)) {
          // As Mesos: a task it does not know is reconciled (TASK_UNKNOWN, told TASK_LOST to a framework not partition-aware).
          if (!task) session.sendUpdate(unknownTaskStatus(taskId, "Attempted to kill an unknown task", now));
          return;
        }
        await this.registry.kill(task, "killed by its framework", now);
        return;
      }
      case "RECONCILE":
        return this.updates.reconcile(session, obj(call.reconcile), now);
      case "SUPPRESS":
        session.suppressed = true;
        await this.registry.setSuppressed(frameworkId, true);
        return;
      case "REVIVE":
        session.suppressed = false;
        session.refusedUntil.clear();
        await this.registry.setSuppressed(frameworkId, false);
        this.offerAll();
        return;
      case "TEARDOWN":
        await this.registry.tearDown(frameworkId, "torn down by its framework", now);
        this.sessions.delete(frameworkId);
        session.end();
        return;
      default:
        throw new CallError(400, `Failed to validate scheduler::Call: call type '${String(call.type)}' is not supported`);
    }
  }

  /** A round of offers to the subscribed frameworks (see OfferRounds). */
  offerAll(): void {
    this.offers.round(this.sessions);
  }

  /**
   * Once a second: ends frameworks gone longer than their failover timeout;
   * carries out teardowns asked of the api (a completed framework's stream is
   * ended and its tasks still running are killed); and kills a framework's
   * task that never left TASK_STAGING within the launch timeout (its launch
   * never reached its agent, say this service died between recording and
   * sending it), as Marathon's task_launch_timeout does, so its booking is
   * not held for ever and its framework hears how it ended.
   */
  async sweep(): Promise<void> {
    const now = this.opts.now();
    // A framework completed long enough ago is followed no more.
    await this.registry.followTasks(now);
    this.updates.retry(now);
    // One pass over the tasks: every framework's live ones, by framework.
    const live = new Map<string, TaskRecord[]>();
    for (const t of this.views.tasks.values()) {
      if (isMarathonTask(t) || isTerminal(t.state)) continue;
      live.set(frameworkOf(t), [...(live.get(frameworkOf(t)) ?? []), t]);
      if (t.state === "TASK_STAGING" && t.goal !== "KILL" && now - t.stagedAtMs > this.opts.launchTimeoutMs) {
        this.log.warn({ taskId: t.taskId }, "a framework's task did not start within the launch timeout: killing it");
        await this.registry.kill(t, "not started within the launch timeout", now);
      }
    }
    const gone = [...this.views.frameworks.values()].filter((f) => !f.builtIn && !this.sessions.has(f.id));
    await this.registry.endFailedOver(gone, now);
    for (const f of this.views.frameworks.values()) {
      if (f.state !== "completed") continue;
      const session = this.sessions.get(f.id);
      if (session) {
        this.sessions.delete(f.id);
        session.end("Framework has been removed");
      }
      for (const t of live.get(f.id) ?? []) if (t.goal !== "KILL") await this.registry.kill(t, "its framework was torn down", now);
    }
  }

  /** At start: a framework left active by an earlier run of this service has no stream now; its failover time runs from here. */
  async markOrphansInactive(): Promise<void> {
    for (const f of this.views.frameworks.values()) {
      if (f.state === "active" && !f.builtIn && !this.sessions.has(f.id)) await this.registry.setState(f.id, "inactive", this.opts.now());
    }
  }

  stop(): void {
    for (const s of this.sessions.values()) s.end();
    this.sessions.clear();
  }

  private async disconnected(s: Session): Promise<void> {
    if (this.sessions.get(s.framework.id) !== s) return;
    this.sessions.delete(s.framework.id);
    this.log.info({ frameworkId: s.framework.id }, "framework disconnected; its tasks live on for its failover timeout");
    await this.registry
      .setState(s.framework.id, "inactive", this.opts.now())
      .catch((err: unknown) => this.log.warn({ err: String(err) }, "cannot mark a framework inactive"));
    if (s.framework.failoverTimeoutSeconds === 0) await this.sweep().catch(() => undefined);
  }

  private async accept(s: Session, accept: Json, now: number): Promise<void> {
    const offerIds = list(accept.offer_ids).map(idOf);
    const used = offerIds.map((id) => s.use(id));
    const agentIds = new Set(used.map((o) => o?.agentId));
    const valid = offerIds.length > 0 && !agentIds.has(undefined) && agentIds.size === 1;
    const agentId = [...agentIds][0];
    // What the offers give, which the launches may use up and no more.
    const offers = { left: offeredTogether(used.flatMap((o) => (o ? [o.free] : []))) };
    const taskInfos = list(accept.operations)
      .map(obj)
      .flatMap((op) => (op.type === "LAUNCH" ? list(obj(op.launch).task_infos) : []));
    if (agentId) s.accepting.add(agentId);
    try {
      for (const ti of taskInfos) {
        const taskId = idOf(obj(ti).task_id);
        if (!valid || !agentId) {
          s.sendUpdate(
            masterStatus(taskId, "TASK_DROPPED", "Task launched with invalid offers: each offer must be outstanding and on one agent", now),
          );
          continue;
        }
        // Each launch returns once its booking is in this process's view of the ledgers.
        const refused = await this.launcher.launch(s.framework, ti, agentId, offers, now);
        if (refused) s.sendUpdate(masterStatus(taskId, refused.state, refused.message, now, agentId));
      }
    } finally {
      if (agentId) s.accepting.delete(agentId);
    }
    if (agentId) s.refuse(agentId, refuseSeconds(accept.filters), now);
  }
}
