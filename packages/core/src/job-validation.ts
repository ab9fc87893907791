import type { AppDefinition } from "./app-definition.js";
import { parseApp } from "./app-validation.js";
import { Checker, opt } from "./checker.js";
import { parseCron } from "./cron.js";
import type { ValidationDetail } from "./errors.js";
import { JOB_DEFAULTS, jobAppId, type JobConstraint, type JobDefinition, type JobRunSpec, type JobSchedule } from "./job-definition.js";
import type { CatchUpPolicy, ConcurrencyPolicy, RestartPolicy } from "./job-ticks.js";
import { timeZoneError } from "./zoned-time.js";

/** Metronome's job id: dotted names of lower-case letters, digits and inner dashes. */
const JOB_ID = /^([a-z0-9]+(-[a-z0-9]+)*)(\.([a-z0-9]+(-[a-z0-9]+)*))*$/;
const SCHEDULE_ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const JOB_FIELDS = new Set(["id", "description", "labels", "run", "schedules"]);
const RUN_FIELDS = new Set([
  "cmd",
  "args",
  "cpus",
  "mem",
  "disk",
  "gpus",
  "docker",
  "env",
  "secrets",
  "placement",
  "restart",
  "maxLaunchDelay",
  "artifacts",
  "volumes",
  "taskKillGracePeriodSeconds",
  "user",
  "networks",
  "ucr",
]);

export type JobParseResult =
  | { readonly ok: true; readonly job: JobDefinition; readonly schedules: readonly JobSchedule[] | undefined }
  | { readonly ok: false; readonly details: readonly ValidationDetail[] };

/**
 * Reads an untrusted Metronome job into a complete one with Metronome's
 * defaults, or every reason it is wrong (paths as JSON pointers into the
 * job). What a run starts is checked as an app's task is (images, secrets,
 * volumes, parameters, limits), so a job runs nothing an app could not.
 */
export function parseJob(raw: unknown): JobParseResult {
  const c = new Checker();
  const input = c.object("/", raw);
  if (!input) return { ok: false, details: c.details };
  for (const key of Object.keys(input)) if (!JOB_FIELDS.has(key)) c.fail(`/${key}`, "is not a field of a job");
  const id = c.string("/id", input.id, { nonEmpty: true, maxLength: 200 });
  if (id !== undefined && !JOB_ID.test(id)) {
    c.fail("/id", "must be names of lower-case letters, digits and '-' (not first or last) separated by dots, the first the job's team");
  }
  const description = opt(input.description, (v) => c.string("/description", v, { maxLength: 4096 }));
  const labels = opt(input.labels, (v) => c.stringMap("/labels", v, { maxEntries: 100 })) ?? {};
  const run = readRun(c, input.run, id !== undefined && JOB_ID.test(id) ? id : "job");
  const schedules = opt(input.schedules, (v) => c.array("/schedules", v, 20))?.map((s, i) => readSchedule(c, `/schedules/${i}`, s));
  if (schedules) {
    const ids = schedules.map((s) => s?.id);
    ids.forEach((sid, i) => ids.indexOf(sid) !== i && c.fail(`/schedules/${i}/id`, `schedule '${sid}' is given twice`));
  }
  if (!c.ok || id === undefined || run === undefined) return { ok: false, details: c.details };
  const job: JobDefinition = { id, labels, run, ...(description === undefined ? {} : { description }) };
  return { ok: true, job, schedules: schedules?.filter((s): s is JobSchedule => s !== undefined) };
}

/** Reads an untrusted Metronome schedule, with Metronome's defaults (and `catchUp` LATEST). */
export function parseSchedule(
  raw: unknown,
): { readonly ok: true; readonly schedule: JobSchedule } | { readonly ok: false; readonly details: readonly ValidationDetail[] } {
  const c = new Checker();
  const schedule = readSchedule(c, "", raw);
  return schedule !== undefined && c.ok ? { ok: true, schedule } : { ok: false, details: c.details };
}

function readSchedule(c: Checker, at: string, raw: unknown): JobSchedule | undefined {
  const input = c.object(at || "/", raw);
  if (!input) return undefined;
  const known = ["id", "cron", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "enabled", "catchUp", "nextRunAt"];
  for (const key of Object.keys(input)) if (!known.includes(key)) c.fail(`${at}/${key}`, "is not a field of a schedule");
  const id = c.string(`${at}/id`, input.id, { nonEmpty: true, maxLength: 63 });
  if (id !== undefined && !SCHEDULE_ID.test(id)) c.fail(`${at}/id`, "must be lower-case letters, digits and '-', not first or last");
  const cron = c.string(`${at}/cron`, input.cron, { nonEmpty: true, maxLength: 200 });
  const parsed = cron === undefined ? undefined : parseCron(cron);
  if (parsed && !parsed.ok) c.fail(`${at}/cron`, parsed.error);
  const timeZone = opt(input.timeZone, (v) => c.string(`${at}/timeZone`, v, { nonEmpty: true, maxLength: 64 })) ?? JOB_DEFAULTS.timeZone;
  const zoneError = timeZoneError(timeZone);
  if (zoneError) c.fail(`${at}/timeZone`, zoneError);
  const schedule: JobSchedule = {
    id: id ?? "",
    cron: cron ?? "",
    timeZone,
    startingDeadlineSeconds:
      opt(input.startingDeadlineSeconds, (v) => c.number(`${at}/startingDeadlineSeconds`, v, { min: 1, max: 31_536_000, integer: true })) ??
      JOB_DEFAULTS.startingDeadlineSeconds,
    concurrencyPolicy:
      opt(input.concurrencyPolicy, (v) => c.enumOf<ConcurrencyPolicy>(`${at}/concurrencyPolicy`, v, ["ALLOW", "FORBID", "REPLACE"])) ??
      JOB_DEFAULTS.concurrencyPolicy,
    enabled: opt(input.enabled, (v) => c.boolean(`${at}/enabled`, v)) ?? true,
    catchUp: opt(input.catchUp, (v) => c.enumOf<CatchUpPolicy>(`${at}/catchUp`, v, ["LATEST", "ALL"])) ?? JOB_DEFAULTS.catchUp,
  };
  return id === undefined || cron === undefined ? undefined : schedule;
}

function readRun(c: Checker, raw: unknown, jobId: string): JobRunSpec | undefined {
  const run = c.object("/run", raw);
  if (!run) return undefined;
  for (const key of Object.keys(run)) if (!RUN_FIELDS.has(key)) c.fail(`/run/${key}`, "is not a field of a job's run");
  if (run.ucr !== undefined && run.ucr !== null) c.fail("/run/ucr", "Berth runs Docker containers: give run.docker instead");
  const networks = opt(run.networks, (v) => c.array("/run/networks", v, 1));
  if (networks?.some((n) => (n as { mode?: unknown } | null)?.mode !== "host")) {
    c.fail("/run/networks", 'a job runs on the host\'s network: give [{"mode": "host"}] or leave it out');
  }
  if (run.gpus !== undefined && run.gpus !== null && run.gpus !== 0) c.fail("/run/gpus", "no agent offers GPUs: give 0 or leave it out");
  if (run.cmd === undefined && run.args === undefined && (run.docker as { image?: unknown } | undefined)?.image === undefined) {
    c.fail("/run", "give cmd, args or docker.image: a run needs something to start");
    return undefined;
  }
  if (run.cmd !== undefined && run.args !== undefined) c.fail("/run/args", "give either cmd or args, not both");
  const constraints = opt(run.placement, (v) => readPlacement(c, v)) ?? [];
  const restart = opt(run.restart, (v) => readRestart(c, v)) ?? { policy: JOB_DEFAULTS.restart };
  const maxLaunchDelay =
    opt(run.maxLaunchDelay, (v) => c.number("/run/maxLaunchDelay", v, { min: 1, max: 86_400, integer: true })) ??
    JOB_DEFAULTS.maxLaunchDelay;
  if (Array.isArray(run.volumes) && run.volumes.length > 0 && run.docker === undefined)
    c.fail("/run/volumes", "volumes need run.docker: they are bound into its container");
  const checked = parseApp(asApp(run, jobId, constraints), { version: "1970-01-01T00:00:00.000Z" });
  if (!checked.ok) {
    for (const d of checked.details) for (const e of d.errors) c.fail(jobPath(d.path), e);
    return undefined;
  }
  return fromApp(checked.app, run, constraints, restart, maxLaunchDelay);
}

function readPlacement(c: Checker, raw: unknown): JobConstraint[] | undefined {
  const placement = c.object("/run/placement", raw);
  if (!placement) return undefined;
  for (const key of Object.keys(placement)) if (key !== "constraints") c.fail(`/run/placement/${key}`, "is not a field of placement");
  const list = opt(placement.constraints, (v) => c.array("/run/placement/constraints", v, 50)) ?? [];
  return list.flatMap((item, i) => {
    const path = `/run/placement/constraints/${i}`;
    const obj = c.object(path, item);
    if (!obj) return [];
    const attribute = c.string(`${path}/attribute`, obj.attribute, { nonEmpty: true, maxLength: 255 });
    const operator = c.enumOf<JobConstraint["operator"]>(`${path}/operator`, obj.operator, ["IS", "EQ", "LIKE", "UNLIKE"]);
    const value = opt(obj.value, (v) => c.string(`${path}/value`, v, { maxLength: 1024 }));
    if (attribute === undefined || operator === undefined) return [];
    return [value === undefined ? { attribute, operator } : { attribute, operator, value }];
  });
}

function readRestart(c: Checker, raw: unknown): JobRunSpec["restart"] | undefined {
  const restart = c.object("/run/restart", raw);
  if (!restart) return undefined;
  const policy = c.enumOf<RestartPolicy>("/run/restart/policy", restart.policy, ["NEVER", "ON_FAILURE"]);
  const deadline = opt(restart.activeDeadlineSeconds, (v) =>
    c.number("/run/restart/activeDeadlineSeconds", v, { min: 1, max: 31_536_000, integer: true }),
  );
  if (policy === undefined) return undefined;
  return deadline === undefined ? { policy } : { policy, activeDeadlineSeconds: deadline };
}

/** The run as the app definition its task is checked (and later started) as. */
function asApp(run: Record<string, unknown>, jobId: string, constraints: readonly JobConstraint[]): Record<string, unknown> {
  const docker = run.docker as Record<string, unknown> | undefined;
  const app: Record<string, unknown> = {
    id: jobAppId(jobId),
    instances: 1,
    constraints: constraints.map((k) => [
      k.attribute,
      k.operator === "EQ" ? "IS" : k.operator,
      ...(k.value === undefined ? [] : [k.value]),
    ]),
  };
  for (const key of ["cmd", "args", "cpus", "mem", "disk", "env", "secrets", "user", "taskKillGracePeriodSeconds"]) {
    if (run[key] !== undefined && run[key] !== null) app[key] = run[key];
  }
  app.cpus ??= JOB_DEFAULTS.cpus;
  app.mem ??= JOB_DEFAULTS.mem;
  app.disk ??= JOB_DEFAULTS.disk;
  if (Array.isArray(run.artifacts) && run.artifacts.length > 0) app.fetch = run.artifacts;
  if (docker !== undefined)
    app.container = { type: "DOCKER", docker, ...(Array.isArray(run.volumes) && run.volumes.length > 0 ? { volumes: run.volumes } : {}) };
  return app;
}

const APP_TO_JOB: readonly (readonly [RegExp, string])[] = [
  [/^\/container\/docker(?=\/|$)/, "/run/docker"],
  [/^\/container\/volumes(?=\/|$)/, "/run/volumes"],
  [/^\/container(?=\/|$)/, "/run/docker"],
  [/^\/constraints(?=\/|$)/, "/run/placement/constraints"],
  [/^\/fetch(?=\/|$)/, "/run/artifacts"],
  [/^\/id$/, "/id"],
];

function jobPath(appPath: string): string {
  for (const [from, to] of APP_TO_JOB) if (from.test(appPath)) return appPath.replace(from, to);
  return appPath === "/" ? "/run" : `/run${appPath}`;
}

function fromApp(
  app: AppDefinition,
  run: Record<string, unknown>,
  constraints: readonly JobConstraint[],
  restart: JobRunSpec["restart"],
  maxLaunchDelay: number,
): JobRunSpec {
  const docker = app.container?.docker;
  return {
    ...(app.cmd === undefined ? {} : { cmd: app.cmd }),
    ...(app.args === undefined ? {} : { args: app.args }),
    cpus: app.cpus,
    mem: app.mem,
    disk: app.disk,
    gpus: 0,
    ...(docker === undefined
      ? {}
      : {
          docker: {
            image: docker.image,
            forcePullImage: docker.forcePullImage,
            privileged: docker.privileged,
            parameters: docker.parameters,
          },
        }),
    env: app.env,
    secrets: app.secrets,
    placement: { constraints },
    restart,
    maxLaunchDelay,
    artifacts: (app.fetch ?? []).map((f) => ({ uri: f.uri, executable: f.executable, extract: f.extract, cache: f.cache })),
    volumes: app.container?.volumes ?? [],
    ...(run.taskKillGracePeriodSeconds === undefined ? {} : { taskKillGracePeriodSeconds: app.taskKillGracePeriodSeconds }),
    ...(app.user === undefined ? {} : { user: app.user }),
  };
}

/** The app definition a job's run starts its task as (checked when the job was, so it parses). */
export function jobTaskApp(job: JobDefinition, version: string): AppDefinition {
  const run = job.run as unknown as Record<string, unknown>;
  const parsed = parseApp(
    asApp(
      { ...run, gpus: undefined, placement: undefined, restart: undefined, maxLaunchDelay: undefined },
      job.id,
      job.run.placement.constraints,
    ),
    {
      version,
    },
  );
  if (!parsed.ok) throw new Error(`job ${job.id} no longer reads as a task: ${JSON.stringify(parsed.details)}`);
  return parsed.app;
}
