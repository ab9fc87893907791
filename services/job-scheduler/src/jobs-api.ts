import { type KvCache, isCasConflict, type TypedKv } from "@berth/bus";
import {
  type Action,
  EMPTY_HISTORY,
  isRunActive,
  type JobHistory,
  jobAppId,
  type JobRecord,
  type JobRun,
  jobRunKey,
  type JobSchedule,
  type JobTickCursor,
  mayAccess,
  nextTick,
  parseCron,
  parseJob,
  parseSchedule,
  type Principal,
  runIdNow,
  type ValidationDetail,
} from "@berth/core";
import { EMBEDS, type Embed, jobView, runView, scheduleView } from "./views.js";

/** An answer that is not a success: Metronome's shape, `{"message", "details"?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: readonly ValidationDetail[],
  ) {
    super(message);
  }
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface JobsApiStores {
  jobs: TypedKv<JobRecord>;
  runs: TypedKv<JobRun>;
  history: TypedKv<JobHistory>;
  ticks: TypedKv<JobTickCursor>;
}

export interface JobsApiViews {
  jobs: KvCache<JobRecord>;
  runs: KvCache<JobRun>;
  history: KvCache<JobHistory>;
}

/**
 * Metronome's /v1 jobs API on the job scheduler's stores: every write is a
 * compare-and-set, and an answer is given once this process's read models
 * show the write, so a read after it sees it.
 */
export class JobsApi {
  constructor(
    private readonly stores: JobsApiStores,
    private readonly views: JobsApiViews,
    private readonly now: () => number,
  ) {}

  async handle(method: string, path: string, query: URLSearchParams, body: unknown, who: Principal): Promise<Answer> {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== "v1") throw new ApiError(404, `No such endpoint: ${path}`);
    if (parts[1] === "queue" && parts.length === 2 && method === "GET") return this.queue(who);
    if (parts[1] !== "jobs") throw new ApiError(404, `No such endpoint: ${path}`);
    const [, , jobId, sub, subId, action, verb] = parts;
    if (jobId === undefined) {
      if (method === "GET") return ok(this.list(who, embedsOf(query)));
      if (method === "POST") return this.create(body, who);
      throw notAllowed(method);
    }
    if (sub === undefined) {
      if (method === "GET") return ok(this.view(this.job(jobId, who, "read"), embedsOf(query)));
      if (method === "PUT") return this.replace(jobId, body, who);
      if (method === "DELETE") return this.remove(jobId, query.get("stopCurrentJobRuns") === "true", who);
      throw notAllowed(method);
    }
    if (sub === "schedules") return this.schedules(method, jobId, subId, body, who);
    if (sub === "runs") {
      if (subId === undefined && method === "GET") return ok(this.activeRuns(this.job(jobId, who, "read").job.id).map(runView));
      if (subId === undefined && method === "POST") return this.startRun(jobId, who);
      if (subId !== undefined && action === undefined && method === "GET") return ok(runView(this.run(jobId, subId, who)));
      if (subId !== undefined && action === "actions" && verb === "stop" && method === "POST") return this.stopRun(jobId, subId, who);
    }
    throw new ApiError(404, `No such endpoint: ${method} ${path}`);
  }

  private list(who: Principal, embeds: ReadonlySet<Embed>): unknown[] {
    return [...this.views.jobs.values()]
      .filter((r) => mayAccess(who, jobAppId(r.job.id), "read"))
      .sort((a, b) => a.job.id.localeCompare(b.job.id))
      .map((r) => this.view(r, embeds));
  }

  private view(rec: JobRecord, embeds: ReadonlySet<Embed>): Record<string, unknown> {
    return jobView(rec, embeds, {
      activeRuns: () => this.activeRuns(rec.job.id),
      history: () => this.views.history.get(rec.job.id)?.value ?? EMPTY_HISTORY,
      nextRunAt: (s) => nextRunAt(s, this.now()),
    });
  }

  private async create(body: unknown, who: Principal): Promise<Answer> {
    const parsed = parseJob(body);
    if (!parsed.ok) throw new ApiError(422, "Object is not valid", parsed.details);
    const job = parsed.job;
    this.mayChange(who, job.id);
    const now = this.now();
    const schedules = parsed.schedules ?? [];
    // Each schedule's cursor first: a schedule's first tick is its next one, never one from before it existed.
    for (const s of schedules) await this.stores.ticks.put(jobRunKey(job.id, s.id), { afterMs: now });
    let revision: number;
    try {
      revision = await this.stores.jobs.create(job.id, { job, schedules, createdAtMs: now, updatedAtMs: now });
    } catch (err) {
      if (isCasConflict(err)) throw new ApiError(409, `Job with id '${job.id}' already exists`);
      throw err;
    }
    await this.views.jobs.waitFor(revision);
    const rec = this.views.jobs.get(job.id)!.value;
    return { status: 201, body: { ...this.view(rec, new Set()), ...(parsed.schedules ? { schedules: rec.schedules } : {}) } };
  }

  private async replace(jobId: string, body: unknown, who: Principal): Promise<Answer> {
    const existing = this.job(jobId, who, "deploy");
    const input = body !== null && typeof body === "object" && !Array.isArray(body) ? { id: jobId, ...(body as object) } : body;
    const parsed = parseJob(input);
    if (!parsed.ok) throw new ApiError(422, "Object is not valid", parsed.details);
    if (parsed.job.id !== existing.job.id) {
      throw new ApiError(422, "Object is not valid", [{ path: "/id", errors: [`must be '${jobId}', the job this PUT is addressed to`] }]);
    }
    const r = await this.stores.jobs.mutate(jobId, (cur) => (cur ? { ...cur, job: parsed.job, updatedAtMs: this.now() } : undefined));
    if (!r.value) throw notFound(jobId);
    await this.views.jobs.waitFor(r.revision);
    return ok(parsed.job);
  }

  private async remove(jobId: string, stopRuns: boolean, who: Principal): Promise<Answer> {
    const rec = this.job(jobId, who, "deploy");
    const active = this.activeRuns(jobId);
    if (active.length > 0 && !stopRuns) {
      throw new ApiError(409, `There are active job runs (${active.map((r) => r.id).join(", ")}). Override with stopCurrentJobRuns=true`);
    }
    // The runs are stopped by the scheduler once their job is gone; the history and cursors go with the job.
    await this.stores.jobs.delete(jobId);
    await this.stores.history.delete(jobId).catch(() => undefined);
    for (const s of rec.schedules) await this.stores.ticks.delete(jobRunKey(jobId, s.id)).catch(() => undefined);
    return ok(rec.job);
  }

  private async schedules(method: string, jobId: string, scheduleId: string | undefined, body: unknown, who: Principal): Promise<Answer> {
    const rec = this.job(jobId, who, method === "GET" ? "read" : "deploy");
    const now = this.now();
    if (scheduleId === undefined) {
      if (method === "GET") return ok(rec.schedules.map((s) => scheduleView(s, nextRunAt(s, now))));
      if (method !== "POST") throw notAllowed(method);
      const s = readSchedule(body);
      if (rec.schedules.some((x) => x.id === s.id)) throw new ApiError(409, `Schedule '${s.id}' of job '${jobId}' already exists`);
      await this.stores.ticks.put(jobRunKey(jobId, s.id), { afterMs: now });
      await this.changeSchedules(jobId, (list) => (list.some((x) => x.id === s.id) ? undefined : [...list, s]));
      return { status: 201, body: scheduleView(s, nextRunAt(s, now)) };
    }
    const current = rec.schedules.find((s) => s.id === scheduleId);
    if (!current) throw new ApiError(404, `Schedule '${scheduleId}' of job '${jobId}' does not exist`);
    if (method === "GET") return ok(scheduleView(current, nextRunAt(current, now)));
    if (method === "DELETE") {
      await this.changeSchedules(jobId, (list) => list.filter((s) => s.id !== scheduleId));
      await this.stores.ticks.delete(jobRunKey(jobId, scheduleId)).catch(() => undefined);
      return ok(scheduleView(current, undefined));
    }
    if (method !== "PUT") throw notAllowed(method);
    const s = readSchedule(
      body !== null && typeof body === "object" && !Array.isArray(body) ? { id: scheduleId, ...(body as object) } : body,
    );
    if (s.id !== scheduleId) throw new ApiError(422, "Object is not valid", [{ path: "/id", errors: [`must be '${scheduleId}'`] }]);
    // A schedule whose times change starts counting its ticks from now: old ticks of the new times were never due.
    if (s.cron !== current.cron || s.timeZone !== current.timeZone) await this.stores.ticks.put(jobRunKey(jobId, s.id), { afterMs: now });
    await this.changeSchedules(jobId, (list) => list.map((x) => (x.id === scheduleId ? s : x)));
    return ok(scheduleView(s, nextRunAt(s, now)));
  }

  private async changeSchedules(
    jobId: string,
    change: (list: readonly JobSchedule[]) => readonly JobSchedule[] | undefined,
  ): Promise<void> {
    const r = await this.stores.jobs.mutate(jobId, (cur) => {
      const next = cur && change(cur.schedules);
      return cur && next ? { ...cur, schedules: next, updatedAtMs: this.now() } : undefined;
    });
    if (!r.value) throw notFound(jobId);
    await this.views.jobs.waitFor(r.revision);
  }

  private async startRun(jobId: string, who: Principal): Promise<Answer> {
    const rec = this.job(jobId, who, "deploy");
    const now = this.now();
    const run: JobRun = { id: runIdNow(now, Math.random), jobId: rec.job.id, status: "INITIAL", createdAtMs: now, attempts: [] };
    const revision = await this.stores.runs.create(jobRunKey(jobId, run.id), run);
    await this.views.runs.waitFor(revision);
    return { status: 201, body: runView(run) };
  }

  private async stopRun(jobId: string, runId: string, who: Principal): Promise<Answer> {
    this.job(jobId, who, "deploy");
    const why = `stopped by ${who.name}`;
    const r = await this.stores.runs.mutate(jobRunKey(jobId, runId), (cur) =>
      cur && isRunActive(cur) && cur.stopRequested === undefined ? { ...cur, stopRequested: why } : undefined,
    );
    if (!r.value || !isRunActive(r.value)) throw new ApiError(404, `Run '${runId}' of job '${jobId}' is not active`);
    if (r.changed) await this.views.runs.waitFor(r.revision);
    return ok(runView(r.value));
  }

  private queue(who: Principal): Answer {
    const waiting = new Map<string, { runId: string; reason?: string }[]>();
    for (const run of this.views.runs.values()) {
      if (!isRunActive(run) || run.status === "ACTIVE" || !mayAccess(who, jobAppId(run.jobId), "read")) continue;
      const attempt = run.attempts.at(-1);
      if (attempt?.state !== undefined && attempt.state !== "TASK_STAGING") continue;
      waiting.set(run.jobId, [...(waiting.get(run.jobId) ?? []), { runId: run.id, ...(run.waiting ? { reason: run.waiting } : {}) }]);
    }
    return ok([...waiting].map(([jobId, runs]) => ({ jobId, runs })));
  }

  private activeRuns(jobId: string): JobRun[] {
    return [...this.views.runs.values()].filter((r) => r.jobId === jobId && isRunActive(r)).sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  private run(jobId: string, runId: string, who: Principal): JobRun {
    this.job(jobId, who, "read");
    const run =
      this.views.runs.get(jobRunKey(jobId, runId))?.value ?? this.views.history.get(jobId)?.value.runs.find((r) => r.id === runId);
    if (!run) throw new ApiError(404, `Run '${runId}' of job '${jobId}' does not exist`);
    return run;
  }

  /** The job, if this principal may do `action` to it; 404 for one it may not even see, as for one that does not exist. */
  private job(jobId: string, who: Principal, action: Action): JobRecord {
    const rec = this.views.jobs.get(jobId)?.value;
    if (!rec || !mayAccess(who, jobAppId(jobId), "read")) throw notFound(jobId);
    if (action !== "read") this.mayChange(who, jobId, action);
    return rec;
  }

  private mayChange(who: Principal, jobId: string, action: Action = "deploy"): void {
    if (mayAccess(who, jobAppId(jobId), action)) return;
    const team = jobId.split(".")[0];
    throw new ApiError(
      403,
      who.role === "team" && who.team !== team
        ? `The token of team '${who.team}' may not change job '${jobId}': a team's jobs have ids starting with '${who.team}.'`
        : `This token may not ${action} job '${jobId}'`,
    );
  }
}

function readSchedule(body: unknown): JobSchedule {
  const parsed = parseSchedule(body);
  if (!parsed.ok) throw new ApiError(422, "Object is not valid", parsed.details);
  return parsed.schedule;
}

function nextRunAt(s: JobSchedule, nowMs: number): number | undefined {
  const cron = parseCron(s.cron);
  return s.enabled && cron.ok ? nextTick(cron.schedule, s.timeZone, nowMs) : undefined;
}

function embedsOf(query: URLSearchParams): ReadonlySet<Embed> {
  const asked = query.getAll("embed").flatMap((e) => e.split(","));
  const unknown = asked.filter((e) => !(EMBEDS as readonly string[]).includes(e));
  if (unknown.length > 0) throw new ApiError(400, `Unknown embed ${unknown.join(", ")}: give any of ${EMBEDS.join(", ")}`);
  return new Set(asked as Embed[]);
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const notFound = (jobId: string) => new ApiError(404, `Job '${jobId}' does not exist`);
const notAllowed = (method: string) => new ApiError(405, `${method} is not allowed here`);
