import {
  type AgentLedger,
  type AgentRecord,
  agentStateOf,
  clusterTotal,
  type KvCache,
  type QueueEntry,
  ROLE_WEIGHTS_KEY,
} from "@berth/bus";
import { type Framework, marathonRoleOwedFirst, offerOf, roleClaims, type RoleWeights, weightOf } from "@berth/core";

export interface FairTurnViews {
  agents: KvCache<AgentRecord>;
  ledgers: KvCache<AgentLedger>;
  queue: KvCache<QueueEntry>;
  roleWeights: KvCache<RoleWeights>;
  frameworks: KvCache<Framework>;
}

/**
 * A job run's launch in the cluster's fair order: it waits while a Marathon
 * role holding a lower weighted dominant share waits for room it would fit
 * in (core's `marathonRoleOwedFirst`), for at most `yieldMs` at a time, the
 * same bounded head start the dispatcher gives frameworks; then it asks for
 * room, and if none is found waits its turn afresh. So freed room goes to the
 * lower share, and an app kept off that room by a constraint holds a job back
 * by `yieldMs` at most.
 */
export class FairTurn {
  private readonly waitingSince = new Map<string, number>();

  constructor(
    private readonly views: FairTurnViews,
    private readonly yieldMs: number,
  ) {}

  /** Why this launch waits its turn now, or undefined when it may go. */
  owedFirst(role: string, need: { cpus: number; mem: number; disk: number }, taskId: string, nowMs: number): string | undefined {
    const weights = this.views.roleWeights.get(ROLE_WEIGHTS_KEY)?.value;
    const bookings = [...this.views.ledgers.values()].flatMap((l) => l.reservations);
    const claims = roleClaims(this.views.frameworks.values(), bookings, weights);
    const claim = claims.get(role) ?? { role, weight: weightOf(weights, role), used: { cpus: 0, mem: 0, disk: 0 } };
    const free = this.views.agents
      .entriesList()
      .filter(([, { value }]) => value.registration && value.healthy)
      .map(([id, { value }]) => offerOf(agentStateOf(id, value.registration, this.views.ledgers.get(id)?.value, true)).free);
    const owed = marathonRoleOwedFirst(
      claim,
      need,
      claims,
      this.views.queue.values(),
      free,
      clusterTotal(this.views.agents.values()),
      weights,
    );
    const since = this.waitingSince.get(taskId) ?? nowMs;
    if (owed === undefined || nowMs - since >= this.yieldMs) {
      this.waitingSince.delete(taskId);
      return undefined;
    }
    this.waitingSince.set(taskId, since);
    return `waiting its turn: launches of '${owed}', which holds less of the cluster, wait for room first`;
  }

  /** The launch found no room: the next time it is owed behind another role, it waits its turn afresh. */
  noRoom(taskId: string): void {
    this.waitingSince.delete(taskId);
  }
}
