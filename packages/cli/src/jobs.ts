import type { ApiJob, ApiJobRun } from "@berth/contract";
import { type Args, UsageError } from "./args.js";
import type { Client } from "./client.js";
import { formatOf, printer, table } from "./output.js";

/** `berth job …`: Metronome's jobs API on the job-scheduler (BERTH_JOBS_URL). */
export const JOB_USAGE = `  berth job list | show <id> | add <file|-> | remove <id> [--force]
  berth job run <id> | stop <id> <run> | runs <id> [--follow] | history <id>`;

type RunView = ApiJobRun;
type JobView = ApiJob;

export interface JobIo {
  out: (text: string) => void;
  readJson: (file: string) => unknown;
  signal?: AbortSignal;
}

const path = (id: string) => `/v1/jobs/${encodeURIComponent(id)}`;

function need(args: Args, i: number, what: string): string {
  const v = args.words[i];
  if (v === undefined) throw new UsageError(`missing ${what}\n\n${JOB_USAGE}`);
  return v;
}

/** A run in one line: id, status, its tasks' states and exit codes, and why, if it says. */
function runLine(r: RunView): string {
  const tasks = r.tasks.map((t) => `${t.status}${t.exitCode === undefined ? "" : `(${t.exitCode})`}`).join(",");
  return [r.id, r.status, tasks, r.reason ?? ""].filter(Boolean).join("  ");
}

export async function runJobCommand(args: Args, client: Client, io: JobIo): Promise<void> {
  // Streams (watch, runs --follow, events) print one JSON line per change with --json or --output yaml.
  const json = formatOf(args) !== "text";
  const print = printer(args, io.out);
  const verb = args.words[1];
  switch (verb) {
    case "list": {
      const jobs = await client.request<JobView[]>("GET", "/v1/jobs?embed=activeRuns,schedules,historySummary");
      return print(jobs, () =>
        table(
          ["ID", "SCHEDULES", "NEXT RUN", "ACTIVE", "SUCCESS", "FAILED", "MISSED"],
          jobs.map((j) => [
            j.id,
            (j.schedules ?? []).map((s) => `${s.cron} (${s.timeZone})${s.enabled ? "" : " off"}`).join("; "),
            (j.schedules ?? [])
              .map((s) => s.nextRunAt)
              .filter(Boolean)
              .sort()[0] ?? "",
            j.activeRuns?.length ?? 0,
            j.historySummary?.successCount ?? 0,
            j.historySummary?.failureCount ?? 0,
            (j.historySummary?.missedCount ?? 0) + (j.historySummary?.skippedCount ?? 0),
          ]),
        ),
      );
    }
    case "show": {
      const j = await client.request<JobView>("GET", `${path(need(args, 2, "job id"))}?embed=activeRuns,schedules,historySummary`);
      return print(j, () => {
        const h = j.historySummary;
        const lines = [
          `${j.id}${j.description ? `: ${j.description}` : ""}`,
          `runs ${j.run.cmd ?? j.run.args?.join(" ") ?? "(the image's command)"}${j.run.docker ? ` in ${j.run.docker.image}` : ""}, ${j.run.cpus} cpus, ${j.run.mem} MiB`,
          h
            ? `history: ${h.successCount} succeeded, ${h.failureCount} failed, ${h.missedCount} missed, ${h.skippedCount} skipped; last success ${h.lastSuccessAt ?? "never"}, last failure ${h.lastFailureAt ?? "never"}`
            : "",
        ];
        if (j.schedules?.length) {
          lines.push(
            "",
            table(
              ["SCHEDULE", "CRON", "ZONE", "POLICY", "NEXT RUN"],
              j.schedules.map((s) => [s.id, s.cron, s.timeZone, s.concurrencyPolicy, s.enabled ? (s.nextRunAt ?? "never") : "disabled"]),
            ),
          );
        }
        lines.push("", j.activeRuns?.length ? j.activeRuns.map(runLine).join("\n") : "no active runs");
        return lines.join("\n");
      });
    }
    case "add": {
      const file = need(args, 2, "a job file (or - for standard input)");
      const j = await client.request<JobView>("POST", "/v1/jobs", io.readJson(file));
      return print(j, () => `job ${j.id} added`);
    }
    case "remove": {
      const id = need(args, 2, "job id");
      const j = await client.request("DELETE", `${path(id)}${args.flags.has("force") ? "?stopCurrentJobRuns=true" : ""}`);
      return print(j, () => `job ${id} removed`);
    }
    case "run": {
      const r = await client.request<RunView>("POST", `${path(need(args, 2, "job id"))}/runs`);
      return print(r, () => `run ${r.id} started; follow it with: berth job runs ${args.words[2]} --follow`);
    }
    case "stop": {
      const id = need(args, 2, "job id");
      const r = await client.request<RunView>("POST", `${path(id)}/runs/${encodeURIComponent(need(args, 3, "run id"))}/actions/stop`);
      return print(r, () => `run ${r.id} stopping`);
    }
    case "history": {
      const j = await client.request<JobView>("GET", `${path(need(args, 2, "job id"))}?embed=history`);
      const h = j.history!;
      const ended = [
        ...h.successfulFinishedRuns.map((r) => ({ ...r, status: "SUCCESS", reason: "" })),
        ...h.failedFinishedRuns.map((r) => ({ ...r, status: "FAILED" })),
        ...h.missedRuns.map((r) => ({ id: r.id, finishedAt: r.tick ?? r.createdAt, status: r.status, reason: r.reason })),
      ].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
      return print(h, () =>
        [
          `${h.successCount} succeeded, ${h.failureCount} failed, ${h.missedCount} missed, ${h.skippedCount} skipped`,
          table(
            ["RUN", "STATUS", "ENDED", "WHY"],
            ended.map((r) => [r.id, r.status, r.finishedAt, r.reason ?? ""]),
          ),
        ].join("\n"),
      );
    }
    case "runs":
      return followRuns(client, need(args, 2, "job id"), args.flags.has("follow"), json, io);
  }
  throw new UsageError(JOB_USAGE);
}

/** The job's active runs; with `follow`, each change of a run as it happens (and how it ended), until interrupted. */
async function followRuns(client: Client, id: string, follow: boolean, json: boolean, io: JobIo): Promise<void> {
  const seen = new Map<string, string>();
  for (;;) {
    const runs = await client.request<RunView[]>("GET", `${path(id)}/runs`);
    if (!follow) return io.out(json ? JSON.stringify(runs, null, 2) : runs.length ? runs.map(runLine).join("\n") : "no active runs");
    for (const r of runs) announce(r);
    // A run that left the active list has ended: say how.
    for (const runId of [...seen.keys()]) {
      if (runs.some((r) => r.id === runId)) continue;
      announce(await client.request<RunView>("GET", `${path(id)}/runs/${runId}`));
      seen.delete(runId);
    }
    if (io.signal?.aborted) return;
    await new Promise((r) => setTimeout(r, 500));
  }

  function announce(r: RunView): void {
    const line = json ? JSON.stringify(r) : runLine(r);
    if (seen.get(r.id) === line) return;
    seen.set(r.id, line);
    io.out(line);
  }
}
