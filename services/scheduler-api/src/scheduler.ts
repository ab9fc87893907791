import type { ServerResponse } from "node:http";
import {
  type AgentLedger,
  type AgentRecord,
  type BusHandles,
  type KvCache,
  AgentCommands,
  agentStateOf,
  clusterTotal,
  ROLE_WEIGHTS_KEY,
} from "@berth/bus";
import {
  fairOrder,
  type Framework,
  frameworkOf,
  isMarathonTask,
  isTerminal,
  mesosOffer,
  offerOf,
  type Quota,
  type QuotaLedger,
  type Resources,
  roleClaims,
  type RoleWeights,
  type TaskRecord,
  type Team,
  weightOf,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import { berthTaskId, FrameworkRegistry, newFrameworkId } from "./frameworks.js";
import { CallError, failoverOf, idOf, type Json, list, lost, obj, refuseSeconds, roleOf, update } from "./calls.js";
import { Launcher } from "./launcher.js";
import { Session } from "./session.js";
import { FrameworkUpdates } from "./updates.js";

/** The least a task can hold (what an offer must have free to be made): a framework without room for it is offered nothing. */
const SMALLEST_TASK = { cpus: 0.01, mem: 1, disk: 0 };

/** The read models the scheduler decides on. */
export interface SchedulerViews {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  tasks: KvCache<TaskRecord>;
  frameworks: KvCache<Framework>;
  roleWeights: KvCache<RoleWeights>;
  teams: KvCache<Team>;
  quotas: KvCache<QuotaLedger>;
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
  private offerCount = 0;
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
    this.registry = new FrameworkRegistry(bus, commands, views.tasks, log);
    this.launcher = new Launcher(bus, commands, views, opts.defaultQuota, log);
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
        failoverTimeoutSeconds: failoverOf(info, known.failoverTimeoutSeconds),
        state: "active",
        updatedAtMs: now,
      };
    } else {
      framework = {
        id: newFrameworkId(),
        name,
        team,
        role: roleOf(info, team),
        failoverTimeoutSeconds: failoverOf(info, 0),
        state: "active",
        registeredAtMs: now,
        updatedAtMs: now,
      };
    }
    await this.registry.put(framework);
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
    this.offerTo(session);
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
          const agentId = session.use(id);
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
          // As Mesos: a task it does not know is reported lost.
          if (!task)
            session.send(
              update({
                task_id: { value: taskId },
                state: "TASK_LOST",
                message: "Attempted to kill an unknown task",
                source: "SOURCE_MASTER",
                reason: "REASON_RECONCILIATION",
                timestamp: now / 1000,
              }),
            );
          return;
        }
        await this.registry.kill(task, "killed by its framework", now);
        return;
      }
      case "RECONCILE":
        return this.updates.reconcile(session, obj(call.reconcile), now);
      case "SUPPRESS":
        session.suppressed = true;
        return;
      case "REVIVE":
        session.suppressed = false;
        session.refusedUntil.clear();
        this.offerTo(session);
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

  /**
   * Makes offers to every subscribed framework that wants them, in dominant
   * resource fairness order of their roles: the framework whose role holds
   * the smallest (weighted) dominant share of the cluster hears first, and so
   * is first to book what several were offered.
   */
  offerAll(): void {
    const total = clusterTotal(this.views.agents.values());
    // What each role holds (its frameworks' bookings summed), and its weight as the admin set it.
    const weights = this.views.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
    const roles = roleClaims(
      this.views.frameworks.values(),
      [...this.views.ledgers.values()].flatMap((l) => l.reservations),
      weights,
    );
    const claims = [...this.sessions.values()].map((session) => ({
      role: session.framework.role,
      weight: weightOf(weights, session.framework.role),
      used: roles.get(session.framework.role)?.used ?? { cpus: 0, mem: 0, disk: 0 },
      session,
    }));
    for (const { session } of fairOrder(claims, total)) this.offerTo(session);
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
    const gone = [...this.views.frameworks.values()].filter((f) => !this.sessions.has(f.id));
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
      if (f.state === "active" && !this.sessions.has(f.id)) await this.registry.setState(f.id, "inactive", this.opts.now());
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

  /** What is free on an agent now, or undefined when it is offered to no one (unhealthy, silent, gone). */
  private freeOn(agentId: string, now: number): Resources | undefined {
    const rec = this.views.agents.get(agentId)?.value;
    if (!rec?.registration || !rec.healthy || now - Number(rec.lastHeartbeatMs) > this.opts.agentTimeoutMs) return undefined;
    return offerOf(agentStateOf(agentId, rec.registration, this.views.ledgers.get(agentId)?.value, true)).free;
  }

  /**
   * Takes back (RESCIND) each outstanding offer that no longer says what is
   * free on its agent (another framework or Marathon booked there, the agent
   * went away) or that is older than the offer timeout; the agent is then
   * offered afresh.
   */
  private rescindStale(s: Session, now: number): void {
    for (const [offerId, o] of s.offers) {
      const free = this.freeOn(o.agentId, now);
      if (free && now - o.madeAtMs <= this.opts.offerTimeoutMs && JSON.stringify(free) === JSON.stringify(o.free)) continue;
      s.offers.delete(offerId);
      s.send({ type: "RESCIND", rescind: { offer_id: { value: offerId } } });
    }
  }

  private offerTo(s: Session): void {
    if (!s.isOpen) return;
    const now = this.opts.now();
    this.rescindStale(s, now);
    if (s.suppressed) return;
    // A framework at the limit its team set for it is offered nothing until its tasks give room back.
    if (this.launcher.roomFor(s.framework, SMALLEST_TASK).count === 0) return;
    const offers = [];
    for (const [agentId, { value: rec }] of this.views.agents.entriesList()) {
      const reg = rec.registration;
      const free = reg && s.mayOffer(agentId, now) ? this.freeOn(agentId, now) : undefined;
      if (!reg || !free || free.cpus < SMALLEST_TASK.cpus || free.mem < SMALLEST_TASK.mem) continue;
      const offerId = `${s.framework.id}-O${++this.offerCount}`;
      s.offers.set(offerId, { agentId, free, madeAtMs: now });
      const agentPort = Number(new URL(reg.metricsUrl || "http://127.0.0.1:5051").port) || 5051;
      offers.push(mesosOffer({ offerId, frameworkId: s.framework.id, agentId, hostname: reg.hostname ?? "", agentPort, free }));
    }
    if (offers.length > 0) s.send({ type: "OFFERS", offers: { offers } });
  }

  private async accept(s: Session, accept: Json, now: number): Promise<void> {
    const offerIds = list(accept.offer_ids).map(idOf);
    const agentIds = new Set(offerIds.map((id) => s.use(id)));
    const valid = offerIds.length > 0 && !agentIds.has(undefined) && agentIds.size === 1;
    const agentId = [...agentIds][0];
    const taskInfos = list(accept.operations)
      .map(obj)
      .flatMap((op) => (op.type === "LAUNCH" ? list(obj(op.launch).task_infos) : []));
    for (const ti of taskInfos) {
      const taskId = idOf(obj(ti).task_id);
      if (!valid || !agentId) {
        s.send(
          update(lost(taskId, "TASK_DROPPED", "Task launched with invalid offers: each offer must be outstanding and on one agent", now)),
        );
        continue;
      }
      const refused = await this.launcher.launch(s.framework, ti, agentId, now);
      if (refused) s.send(update(lost(taskId, refused.state, refused.message, now, agentId)));
    }
    if (agentId) s.refuse(agentId, refuseSeconds(accept.filters), now);
  }
}
