import {
  type AgentLedger,
  type AgentRecord,
  agentStateOf,
  clusterTotal,
  type KvCache,
  type QueueEntry,
  ROLE_WEIGHTS_KEY,
} from "@berth/bus";
import {
  type Framework,
  MARATHON_FRAMEWORK_ID,
  marathonRolesFitting,
  mesosOffer,
  type MesosOffer,
  offerOf,
  type Resources,
  roleClaims,
  type RoleWeights,
  splitOffer,
  weightOf,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { Launcher } from "./launcher.js";
import type { OutstandingOffer, Session } from "./session.js";

/** The least a task can hold (what an offer must have free to be made): a framework without room for it is offered nothing. */
const SMALLEST_TASK = { cpus: 0.01, mem: 1, disk: 0 };

/** What offers are made from. */
export interface OfferViews {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  frameworks: KvCache<Framework>;
  roleWeights: KvCache<RoleWeights>;
  /** Marathon's launches waiting, by app: a team whose launches wait for room is owed a part of each split. */
  queue: KvCache<QueueEntry>;
}

/**
 * The rounds of offers: each agent's free resources split among the
 * frameworks that want them, offers made, stale ones rescinded, and lost
 * agents told of.
 */
export class OfferRounds {
  private offerCount = 0;
  /** The agents offered in the last round: one gone from them since is told to every framework (FAILURE). */
  private reachable = new Set<string>();

  constructor(
    private readonly views: OfferViews,
    private readonly launcher: Pick<Launcher, "roomFor">,
    private readonly opts: { offerTimeoutMs: number; agentTimeoutMs: number; now: () => number },
    private readonly log: Logger,
  ) {}

  /**
   * Offers each agent's free resources to the subscribed frameworks that want
   * them (not suppressed, not refusing the agent, with room under their
   * team's limits), each resource split by the roles' weighted shares of it
   * (core's splitOffer): the roles holding the least get the most, so two
   * frameworks competing for a full cluster each get their share in one round. An agent's offers stand while its free resources
   * and the frameworks wanting them stay as they were; when either changes,
   * its outstanding offers are rescinded and it is split afresh.
   */
  round(sessions: ReadonlyMap<string, Session>): void {
    const now = this.opts.now();
    const total = clusterTotal(this.views.agents.values());
    const weights = this.views.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
    // What each role holds (its frameworks' bookings summed), and its weight as the admin set it.
    const roles = roleClaims(
      this.views.frameworks.values(),
      [...this.views.ledgers.values()].flatMap((l) => l.reservations),
      weights,
    );
    const marathonWaiting = [...this.views.queue.values()];
    const open = [...sessions.values()].filter((s) => s.isOpen);
    // What is free on each agent offered to anyone, worked out once a round.
    const freeNow = new Map(
      this.views.agents.entriesList().flatMap(([id]) => {
        const free = this.freeOn(id, now);
        return free ? [[id, free] as const] : [];
      }),
    );
    this.tellLostAgents(open, freeNow);
    for (const s of open) this.rescindExpired(s, freeNow, now);
    const wanting = open.filter((s) => !s.suppressed && this.launcher.roomFor(s.framework, SMALLEST_TASK).count > 0);
    const batches = new Map<Session, MesosOffer[]>();
    for (const [agentId, { value: rec }] of this.views.agents.entriesList()) {
      const reg = rec.registration;
      const free = reg ? freeNow.get(agentId) : undefined;
      const takers = free ? wanting.filter((s) => (s.refusedUntil.get(agentId) ?? 0) <= now) : [];
      const claimOf = (frameworkId: string, role: string) => ({
        frameworkId,
        role,
        weight: weightOf(weights, role),
        used: roles.get(role)?.used ?? { cpus: 0, mem: 0, disk: 0 },
      });
      // A team whose Marathon launches wait for room, one of which fits here, is owed a part as its role:
      // that part is offered to no framework, and the launch-dispatcher's next launch takes it.
      const marathonParts = takers.length > 0 && free ? marathonRolesFitting(marathonWaiting, free) : [];
      const claims = [
        ...takers.map((s) => claimOf(s.framework.id, s.framework.role)),
        ...marathonParts.map((role) => claimOf(`${MARATHON_FRAMEWORK_ID}:${role}`, role)),
      ];
      const among = claims
        .map((c) => c.frameworkId)
        .sort()
        .join(",");
      const outstanding = open.flatMap((s) => [...s.offers].filter(([, o]) => o.agentId === agentId).map(([id, o]) => ({ s, id, o })));
      const standing = (o: OutstandingOffer) => o.among === among && JSON.stringify(o.agentFree) === JSON.stringify(free);
      const stands = outstanding.every(({ o }) => standing(o));
      if (!stands) for (const { s, id } of outstanding) this.rescind(s, id);
      if (!reg || !free || takers.length === 0) continue;
      // While the split stands, a framework that used or declined its part without changing what is free is offered it again.
      const holding = new Set(stands ? outstanding.map(({ s }) => s.framework.id) : []);
      const agentPort = Number(new URL(reg.metricsUrl || "http://127.0.0.1:5051").port) || 5051;
      for (const part of splitOffer(claims, free, total, SMALLEST_TASK)) {
        const s = sessions.get(part.frameworkId);
        // Not while its ACCEPT on this agent is carried out: that offer would say what is free before the launch's booking.
        if (!s || holding.has(part.frameworkId) || s.accepting.has(agentId)) continue;
        const offerId = `${s.framework.id}-O${++this.offerCount}`;
        s.offers.set(offerId, { agentId, free: part.resources, agentFree: free, among, madeAtMs: now });
        const offer = mesosOffer({
          offerId,
          frameworkId: s.framework.id,
          agentId,
          hostname: reg.hostname ?? "",
          agentPort,
          free: part.resources,
        });
        batches.set(s, [...(batches.get(s) ?? []), offer]);
      }
    }
    for (const [s, offers] of batches) s.send({ type: "OFFERS", offers: { offers } });
  }

  /** What is free on an agent now, or undefined when it is offered to no one (unhealthy, silent, gone). */
  private freeOn(agentId: string, now: number): Resources | undefined {
    const rec = this.views.agents.get(agentId)?.value;
    if (!rec?.registration || !rec.healthy || now - Number(rec.lastHeartbeatMs) > this.opts.agentTimeoutMs) return undefined;
    return offerOf(agentStateOf(agentId, rec.registration, this.views.ledgers.get(agentId)?.value, true)).free;
  }

  /**
   * Tells every framework of an agent that stopped answering (or left) since
   * the last round, as a Mesos master tells of a removed agent: FAILURE with
   * its agent_id. Its tasks' own updates (TASK_UNREACHABLE, TASK_LOST) follow
   * from their records.
   */
  private tellLostAgents(open: readonly Session[], freeNow: ReadonlyMap<string, Resources>): void {
    const reachable = new Set(freeNow.keys());
    for (const agentId of this.reachable) {
      if (reachable.has(agentId)) continue;
      this.log.info({ agentId }, "an agent stopped answering: telling the frameworks");
      for (const s of open) s.send({ type: "FAILURE", failure: { agent_id: { value: agentId } } });
    }
    this.reachable = reachable;
  }

  /** Takes back (RESCIND) each of a framework's offers older than the offer timeout, or of an agent no longer offered. */
  private rescindExpired(s: Session, freeNow: ReadonlyMap<string, Resources>, now: number): void {
    for (const [offerId, o] of s.offers) {
      if (now - o.madeAtMs > this.opts.offerTimeoutMs || !freeNow.has(o.agentId)) this.rescind(s, offerId);
    }
  }

  private rescind(s: Session, offerId: string): void {
    s.offers.delete(offerId);
    s.send({ type: "RESCIND", rescind: { offer_id: { value: offerId } } });
  }
}
