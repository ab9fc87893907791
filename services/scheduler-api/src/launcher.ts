import { type AgentCommands, type AgentLedger, type BusHandles, type KvCache, launchFrameworkTask } from "@berth/bus";
import {
  effectiveTeam,
  type Framework,
  frameworkLaunchRefusal,
  parseApp,
  afterTaking,
  beyondOffers,
  type Quota,
  type Resources,
  type QuotaLedger,
  readTaskInfo,
  type Reservation,
  roomUnder,
  type TaskResources,
  holding,
  type TaskRecord,
  taskNeed,
  taskSpec,
  type Team,
  teamOf,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { Refusal } from "./calls.js";
import { berthTaskId, frameworkAppId } from "./frameworks.js";

/**
 * A framework's launch, carried out: its TaskInfo read and checked like an
 * app, counted against its team's quota, booked on the offer's agent through
 * the offer-handler, recorded as the framework's task and sent to the agent.
 */
export class Launcher {
  constructor(
    private readonly bus: BusHandles<"ledger" | "nc" | "tasks">,
    private readonly commands: AgentCommands,
    private readonly views: {
      tasks: KvCache<TaskRecord>;
      ledgers: KvCache<AgentLedger>;
      teams: KvCache<Team>;
      quotas: KvCache<QuotaLedger>;
      frameworks: KvCache<Framework>;
    },
    private readonly defaultQuota: Quota,
    private readonly log: Logger,
  ) {}

  /**
   * Books, records and sends one task; or says why not: TASK_ERROR for a task
   * that cannot run here as given, TASK_DROPPED for one that lost its
   * resources to a booking made since the offer.
   */
  async launch(f: Framework, ti: unknown, agentId: string, offers: { left: Resources }, now: number): Promise<Refusal | undefined> {
    const invalid = (message: string): Refusal => ({ state: "TASK_ERROR", message });
    const read = readTaskInfo(ti, frameworkAppId(f));
    if (!read.ok) return invalid(read.message);
    if (read.agentId !== agentId) return invalid(`agent_id '${read.agentId}' is not the agent of the offers ('${agentId}')`);
    const taskId = berthTaskId(f.id, read.taskId);
    if (this.views.tasks.get(taskId)) return invalid(`Task '${read.taskId}' already exists`);
    const parsed = parseApp(read.app, { version: new Date(now).toISOString() });
    if (!parsed.ok) return invalid(parsed.details.map((d) => `${d.path}: ${d.errors.join(", ")}`).join("; "));
    const app = parsed.app;
    const need = { ...taskNeed(app, taskId), frameworkId: f.id, agentId, requiredPorts: read.ports, portCount: read.ports.length };
    const beyond = beyondOffers(need, offers.left);
    if (beyond) return invalid(beyond);
    // The team's quota counts its apps and its frameworks' tasks; its task policy applies as to its apps.
    const team = effectiveTeam(f.team, this.views.teams.get(f.team)?.value, this.defaultQuota);
    const bookings = this.teamBookings(f.team);
    const overQuota = frameworkLaunchRefusal(team.quota, this.views.quotas.get(f.team)?.value, bookings, app.id, need);
    if (overQuota) return invalid(overQuota);
    const overLimit = this.roomFor(f, need, bookings).reason;
    if (overLimit) return invalid(overLimit);
    const out = await launchFrameworkTask(this.bus, this.views.ledgers, this.commands, {
      app,
      need,
      spec: (ports) => taskSpec(app, taskId, ports, team.policy),
      nowMs: now,
    });
    if (!out.launched) {
      return {
        state: "TASK_DROPPED",
        message: out.error ? out.reason : `The offer's resources were taken since it was made: ${out.reason}`,
      };
    }
    offers.left = afterTaking(offers.left, need);
    this.log.info({ frameworkId: f.id, taskId, agentId }, "launched a framework's task");
    return undefined;
  }

  /**
   * Whether one more task holding `each` fits the limit the framework's team set for it (by its
   * name, in `frameworkQuotas`), counting the bookings of the team's frameworks of that name.
   */
  roomFor(f: Framework, each: TaskResources, teamBookings?: readonly Reservation[]): { count: number; reason?: string } {
    const limit = this.views.teams.get(f.team)?.value.frameworkQuotas?.[f.name];
    if (!limit) return { count: 1 };
    const bookings = teamBookings ?? this.teamBookings(f.team);
    const named = (r: Reservation) => r.frameworkId && this.views.frameworks.get(r.frameworkId)?.value.name === f.name;
    return roomUnder(limit, holding(bookings.filter(named)), each, 1, `team '${f.team}' limits framework '${f.name}'`);
  }

  /** A team's bookings on every agent, as this process's view of the ledgers has them. */
  private teamBookings(team: string): Reservation[] {
    return [...this.views.ledgers.values()].flatMap((l) => l.reservations.filter((r) => teamOf(r.appId) === team));
  }
}
