import {
  type AgentCommands,
  type AgentLedger,
  type BusHandles,
  isCasConflict,
  type KvCache,
  launchFrameworkTask,
  type StoredSecret,
} from "@berth/bus";
import {
  effectiveTeam,
  type Framework,
  frameworkLaunchRefusal,
  type JobDefinition,
  jobTaskApp,
  type Quota,
  type QuotaLedger,
  resolveEnv,
  secretKey,
  taskNeed,
  type TaskRecord,
  taskSpec,
  type Team,
  teamOf,
  teamOfJob,
} from "@berth/core";
import type { Logger } from "@berth/runtime";
import type { FairTurn } from "./fair-turn.js";

/** Why a run's task did not launch this time: it is tried again at the next step. */
export type LaunchOutcome =
  | { readonly launched: true }
  /** `forRoom`: it waits for room (none was found, or its fair turn has not come), as against a quota or a secret. */
  | { readonly launched: false; readonly reason: string; readonly forRoom?: boolean };

/**
 * A job run's task, launched as a framework's is: checked as an app's task,
 * counted against its team's quota, booked on an agent through the
 * offer-handler, recorded under the team's job framework and sent, with its
 * secrets sealed to the agent. Launching a task id that has a record already
 * does nothing, so a launch repeated after a crash starts one task.
 */
export class RunLauncher {
  constructor(
    private readonly bus: BusHandles<"ledger" | "nc" | "tasks" | "frameworks">,
    private readonly commands: AgentCommands,
    private readonly views: {
      ledgers: KvCache<AgentLedger>;
      teams: KvCache<Team>;
      quotas: KvCache<QuotaLedger>;
      secrets: KvCache<StoredSecret>;
      frameworks: KvCache<Framework>;
    },
    private readonly defaultQuota: Quota,
    private readonly turn: FairTurn,
    private readonly log: Logger,
  ) {}

  /**
   * Whether a team's job runs want room: its framework is not suppressed
   * while some wait for room, so the dispatcher's fair rounds count it among
   * the frameworks owed freed room (the scheduler-api offers only to
   * subscribed frameworks, so nothing is offered to it).
   */
  async wantRoom(team: string, want: boolean): Promise<void> {
    const f = this.views.frameworks.get(jobFrameworkId(team))?.value;
    if (!f || Boolean(f.suppressed) !== want) return;
    const r = await this.bus.frameworks.mutate(f.id, (cur) =>
      cur && Boolean(cur.suppressed) === want ? { ...cur, suppressed: !want } : undefined,
    );
    if (r.changed) await this.views.frameworks.waitFor(r.revision);
  }

  /** The framework a team's job runs belong to, made on first use. */
  async frameworkOf(team: string, nowMs: number): Promise<Framework> {
    const id = jobFrameworkId(team);
    const known = this.views.frameworks.get(id)?.value;
    if (known) return known;
    const r = await this.bus.frameworks.mutate(id, (cur) =>
      cur
        ? undefined
        : {
            id,
            name: "metronome",
            team,
            role: `${team}/metronome`,
            failoverTimeoutSeconds: 0,
            state: "active",
            suppressed: true,
            builtIn: true,
            registeredAtMs: nowMs,
            updatedAtMs: nowMs,
          },
    );
    return r.value!;
  }

  async launch(job: JobDefinition, taskId: string, nowMs: number): Promise<LaunchOutcome> {
    if (await this.bus.tasks.get(taskId)) return { launched: true };
    const team = teamOfJob(job.id);
    const framework = await this.frameworkOf(team, nowMs);
    const app = jobTaskApp(job, new Date(nowMs).toISOString());
    const need = { ...taskNeed(app, taskId), frameworkId: framework.id };
    const settings = effectiveTeam(team, this.views.teams.get(team)?.value, this.defaultQuota);
    const bookings = [...this.views.ledgers.values()].flatMap((l) => l.reservations.filter((r) => teamOf(r.appId) === team));
    const overQuota = frameworkLaunchRefusal(settings.quota, this.views.quotas.get(team)?.value, bookings, app.id, need);
    if (overQuota) return { launched: false, reason: overQuota };
    const notYet = this.turn.owedFirst(framework.role, need, taskId, nowMs);
    // Still waiting for room: its turn comes when the role holding less has been served.
    if (notYet) return { launched: false, reason: notYet, forRoom: true };
    const secretOf = (source: string) => this.views.secrets.get(secretKey(team, source))?.value.value;
    const env = resolveEnv(app, secretOf);
    if (!env.ok) return { launched: false, reason: `the secret(s) ${env.missing.join(", ")} are not in ${team}'s store` };
    let out;
    try {
      out = await launchFrameworkTask(this.bus, this.views.ledgers, this.commands, {
        app,
        need,
        spec: (ports) => taskSpec(app, taskId, ports, settings.policy, secretOf),
        nowMs,
      });
    } catch (err) {
      if (isCasConflict(err)) return { launched: true };
      throw err;
    }
    if (!out.launched) {
      if (!out.error) this.turn.noRoom(taskId);
      return { launched: false, reason: out.reason || "no agent has room", forRoom: !out.error };
    }
    this.log.info({ jobId: job.id, taskId, agentId: out.record.agentId }, "launched a job run's task");
    return { launched: true };
  }

  /** Sends a recorded task's launch again, to the agent it was booked on, with the ports it was given. */
  async resend(job: JobDefinition, task: TaskRecord, nowMs: number): Promise<void> {
    const team = teamOfJob(job.id);
    const app = jobTaskApp(job, task.version);
    const settings = effectiveTeam(team, this.views.teams.get(team)?.value, this.defaultQuota);
    const secretOf = (source: string) => this.views.secrets.get(secretKey(team, source))?.value.value;
    this.log.warn({ jobId: job.id, taskId: task.taskId }, "no word from the agent about a job run's launch; sending it again");
    await this.commands.launch(task, taskSpec(app, task.taskId, task.ports, settings.policy, secretOf), nowMs, true);
  }
}

/** The framework of a team's job runs: one per team, so its tasks count in the team's quota and role. */
export function jobFrameworkId(team: string): string {
  return `${JOB_FRAMEWORK_PREFIX}${team}`;
}

export const JOB_FRAMEWORK_PREFIX = "metronome-";
