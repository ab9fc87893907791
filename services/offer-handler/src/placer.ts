import {
  type AgentLedger,
  type AgentRecord,
  type BusHandles,
  isCasConflict,
  KeyedQueue,
  type KvCache,
  type Placements,
  type Versioned,
  agentStateOf,
} from "@berth/bus";
import {
  type AgentOffer,
  type AgentState,
  homeOf,
  matchTasks,
  offerOf,
  type Preferred,
  reserve,
  type TaskNeed,
  frameworkOf,
} from "@berth/core";
import type { Logger } from "@berth/runtime";

export interface PlacerOptions {
  agentTimeoutMs: number;
  now: () => number;
  /** The offer-handler instances placing at the same time, this one among them; absent: it places alone. */
  share?: () => { self: string; members: string[] };
  /** Called when a booking loses a compare-and-set to another placer. */
  onConflict?: () => void;
}

/**
 * Places tasks on agents: builds offers from the agents and their ledgers, lets
 * the matcher choose, then books every choice with compare-and-set on the
 * agent's ledger. A lost race re-reads that ledger and tries again, so two
 * placers never book the same cpu or port.
 */
export class Placer {
  /** Where each booked task is: a repeated request for a task gets its booking back. */
  private readonly booked = new Map<string, { agentId: string; ports: number[] }>();
  /** The tasks booked on each agent, to forget them fast when its ledger changes. */
  private readonly bookedOn = new Map<string, string[]>();
  /** Placements run one at a time in this instance, so its own requests never race each other for a ledger. */
  private readonly queue = new KeyedQueue();
  /**
   * Each agent's offer as last worked out, and the registration and ledger it
   * was worked out from: most agents are unchanged between two requests.
   */
  private readonly offerCache = new Map<
    string,
    { reg: NonNullable<AgentRecord["registration"]>; ledger: AgentLedger | undefined; offer: AgentOffer }
  >();

  constructor(
    private readonly bus: BusHandles<"ledger">,
    private readonly agents: KvCache<AgentRecord>,
    private readonly ledgers: KvCache<AgentLedger>,
    private readonly opts: PlacerOptions,
    private readonly log: Logger,
  ) {
    ledgers.onChange((agentId, entry) => this.remember(agentId, entry?.value));
    agents.onChange((agentId, entry) => {
      if (!entry) this.offerCache.delete(agentId);
    });
    for (const [agentId, entry] of ledgers.entriesList()) this.remember(agentId, entry.value);
  }

  private remember(agentId: string, ledger: AgentLedger | undefined): void {
    for (const taskId of this.bookedOn.get(agentId) ?? []) this.booked.delete(taskId);
    const reservations = ledger?.reservations ?? [];
    for (const r of reservations) this.booked.set(r.taskId, { agentId, ports: r.ports });
    this.bookedOn.set(
      agentId,
      reservations.map((r) => r.taskId),
    );
  }

  /** Every schedulable agent's free resources, for metrics and for matching (which leaves them as they are). */
  offers(): AgentOffer[] {
    return this.offersNow().offers;
  }

  /** The schedulable agents' offers, and how many agents have registered their resources. */
  private offersNow(): { offers: AgentOffer[]; known: number } {
    const now = this.opts.now();
    const out: AgentOffer[] = [];
    let known = 0;
    for (const [agentId, entry] of this.agents.entriesList()) {
      const rec = entry.value;
      const reg = rec.registration;
      if (!reg?.resources) continue;
      known++;
      if (!this.schedulable(rec, now)) continue;
      const ledger = this.ledgers.get(agentId)?.value;
      const cached = this.offerCache.get(agentId);
      if (cached && cached.reg === reg && cached.ledger === ledger) {
        out.push(cached.offer);
        continue;
      }
      const offer = offerOf(this.stateOf(agentId, reg, ledger, true));
      this.offerCache.set(agentId, { reg, ledger, offer });
      out.push(offer);
    }
    return { offers: out, known };
  }

  agentStates(): AgentState[] {
    const now = this.opts.now();
    const out: AgentState[] = [];
    for (const [agentId, entry] of this.agents.entriesList()) {
      const reg = entry.value.registration;
      if (reg?.resources) out.push(this.stateOf(agentId, reg, this.ledgers.get(agentId)?.value, this.schedulable(entry.value, now)));
    }
    return out;
  }

  private schedulable(rec: AgentRecord, now: number): boolean {
    return rec.healthy && now - Number(rec.lastHeartbeatMs) < this.opts.agentTimeoutMs;
  }

  private stateOf(
    agentId: string,
    reg: NonNullable<AgentRecord["registration"]>,
    ledger: AgentLedger | undefined,
    schedulable: boolean,
  ): AgentState {
    return agentStateOf(agentId, reg, ledger, schedulable);
  }

  /**
   * The agents this instance should use first: its share by rendezvous hashing
   * over the live instances. Instances choosing the same agent race for its
   * ledger and one has to retry, so each keeps to its own share while it can.
   */
  private ownShare(): Preferred | undefined {
    const share = this.opts.share?.();
    if (!share || share.members.length < 2) return undefined;
    const home = new Map<string, boolean>();
    return (agentId) => {
      let mine = home.get(agentId);
      if (mine === undefined) home.set(agentId, (mine = homeOf(agentId, share.members) === share.self));
      return mine;
    };
  }

  place(req: { tasks: TaskNeed[] }): Promise<Placements> {
    return this.queue.run("placement", () => this.placeNow(req));
  }

  private async placeNow(req: { tasks: TaskNeed[] }): Promise<Placements> {
    const needs = req.tasks;
    const reply: Placements = { placements: [], unplaced: [] };
    let pending: TaskNeed[] = [];
    for (const need of needs) {
      const existing = this.booked.get(need.taskId);
      const hostname = existing && this.agents.get(existing.agentId)?.value.registration?.hostname;
      if (existing && hostname !== undefined) {
        reply.placements.push({ taskId: need.taskId, agentId: existing.agentId, hostname: hostname ?? "", ports: existing.ports });
      } else pending.push(need);
    }
    for (let attempt = 0; attempt < 10 && pending.length > 0; attempt++) {
      // The ledgers as matched: a booking is valid only if the ledger is still at this revision.
      const snapshot = new Map(this.ledgers.entriesList());
      const { offers, known } = this.offersNow();
      const down = known - offers.length;
      const unschedulable = down > 0 ? [`agent unhealthy or unreachable: ${down} of ${known} agent${known === 1 ? "" : "s"}`] : [];
      const results = matchTasks(pending, offers, this.ownShare());
      const byAgent = new Map<string, { need: TaskNeed; hostname: string; ports: number[] }[]>();
      const retry: TaskNeed[] = [];
      for (const need of pending) {
        const r = results.get(need.taskId);
        if (!r || !r.ok) {
          reply.unplaced.push({ taskId: need.taskId, reasons: [...(r && !r.ok ? r.reasons : ["not matched"]), ...unschedulable] });
          continue;
        }
        const list = byAgent.get(r.agentId) ?? [];
        list.push({ need, hostname: r.hostname, ports: r.ports });
        byAgent.set(r.agentId, list);
      }
      // Each agent's ledger is its own key: book them all at once.
      const outcomes = await Promise.all(
        [...byAgent].map(async ([agentId, list]) => ({ agentId, list, ok: await this.book(agentId, list, snapshot.get(agentId)) })),
      );
      for (const { agentId, list, ok } of outcomes) {
        if (ok) {
          for (const p of list) reply.placements.push({ taskId: p.need.taskId, agentId, hostname: p.hostname, ports: p.ports });
        } else {
          retry.push(...list.map((p) => p.need));
        }
      }
      pending = retry;
    }
    for (const need of pending) reply.unplaced.push({ taskId: need.taskId, reasons: ["agents were too busy to book; try again"] });
    return reply;
  }

  /** Books a batch on one agent's ledger; false when the ledger changed since it was read (the cache is then refreshed). */
  private async book(
    agentId: string,
    list: { need: TaskNeed; ports: number[] }[],
    cached: Versioned<AgentLedger> | undefined,
  ): Promise<boolean> {
    if (!cached) return false;
    let reservations = cached.value.reservations;
    const t = this.opts.now();
    for (const { need, ports } of list) {
      reservations = reserve(reservations, {
        taskId: need.taskId,
        appId: need.appId,
        cpus: need.cpus,
        mem: need.mem,
        disk: need.disk,
        ports,
        reservedAtMs: t,
        frameworkId: frameworkOf(need),
      });
    }
    try {
      const revision = await this.bus.ledger.update(agentId, { agentId, reservations }, cached.revision);
      await this.ledgers.waitFor(revision);
      return true;
    } catch (err) {
      if (!isCasConflict(err)) throw err;
      this.log.debug({ agentId }, "ledger changed while booking; retrying");
      this.opts.onConflict?.();
      const fresh = await this.bus.ledger.get(agentId);
      if (fresh) await this.ledgers.waitFor(fresh.revision);
      return false;
    }
  }
}
