import type { ApiJob, ApiJobRun } from "@berth/contract";
import { call } from "../api.js";
import { ago, h } from "../dom.js";
import { act, badge, table } from "../widgets.js";
import { showLogs } from "./app.js";

/** A job with everything its pages show (embed activeRuns, schedules, history). */
type Job = Required<Pick<ApiJob, "activeRuns" | "schedules" | "history">> & ApiJob;
type Run = ApiJobRun;

export const jobHref = (id: string) => `#/job/${encodeURIComponent(id)}`;

/** A time as the clock reads it in a zone, with the zone's name: when a schedule next runs where it runs. */
export function inZone(iso: string | null, zone: string): string {
  if (!iso) return "never";
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return `${local} (${zone})`;
}

const outcome = (r: Pick<Run, "tasks">) =>
  r.tasks.map((t) => `${t.status.replace(/^TASK_/, "")}${t.exitCode === undefined ? "" : ` (exit ${t.exitCode})`}`).join(", ");

export async function jobsView(): Promise<HTMLElement> {
  const jobs = await call<Job[]>("GET", "/v1/jobs?embed=activeRuns,schedules,history");
  return h(
    "section",
    {},
    h("h1", {}, "Jobs"),
    table(
      `${jobs.length} jobs`,
      ["Job", "Schedules", "Next run", "Active", "Succeeded", "Failed", "Missed"],
      jobs.map((j) => {
        const next = j.schedules.filter((s) => s.enabled && s.nextRunAt).sort((a, b) => a.nextRunAt!.localeCompare(b.nextRunAt!))[0];
        return [
          h("a", { href: jobHref(j.id) }, j.id),
          j.schedules.map((s) => `${s.cron}${s.enabled ? "" : " (off)"}`).join("; ") || "—",
          next ? inZone(next.nextRunAt, next.timeZone) : "—",
          j.activeRuns.length,
          j.history.successCount,
          j.history.failureCount,
          j.history.missedCount + j.history.skippedCount,
        ];
      }),
    ),
  );
}

export async function jobView(id: string): Promise<HTMLElement> {
  const j = await call<Job>("GET", `/v1/jobs/${encodeURIComponent(id)}?embed=activeRuns,schedules,history`);
  const note = h("p", { role: "status", class: "note" });
  const logs = h("div", { class: "logpanel", "aria-live": "polite" });
  const runNow = () => act(() => call("POST", `/v1/jobs/${encodeURIComponent(id)}/runs`), note, "Run started.");
  const ended = [
    ...j.history.successfulFinishedRuns.map((r) => ({ id: r.id, at: r.finishedAt, status: "SUCCESS", why: "" })),
    ...j.history.failedFinishedRuns.map((r) => ({ id: r.id, at: r.finishedAt, status: "FAILED", why: r.reason ?? "" })),
    ...j.history.missedRuns.map((r) => ({ id: r.id, at: r.tick ?? r.createdAt, status: r.status, why: r.reason ?? "" })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const h1 = j.history;
  return h(
    "section",
    {},
    h("h1", {}, j.id),
    j.description ? h("p", {}, j.description) : null,
    h(
      "p",
      {},
      `Runs ${j.run.cmd ?? j.run.args?.join(" ") ?? "the image's command"}${j.run.docker ? ` in ${j.run.docker.image}` : ""}, ${j.run.cpus} cpus, ${j.run.mem} MiB. `,
      `${h1.successCount} succeeded, ${h1.failureCount} failed, ${h1.missedCount} missed, ${h1.skippedCount} skipped.`,
    ),
    h("div", { class: "actions" }, h("button", { type: "button", onclick: runNow }, "Run now")),
    note,
    table(
      "Schedules",
      ["Schedule", "Cron", "Time zone", "Next run", "Concurrency"],
      j.schedules.map((s) => [s.id, s.cron, s.timeZone, s.enabled ? inZone(s.nextRunAt, s.timeZone) : "disabled", s.concurrencyPolicy]),
    ),
    table(
      "Active runs",
      ["Run", "Status", "Started", "Tasks", ""],
      j.activeRuns.map((r) => [
        r.id,
        badge(r.status),
        ago(r.createdAt),
        outcome(r),
        h(
          "span",
          {},
          r.tasks.map((t) => [
            h("button", { type: "button", class: "small", onclick: () => showLogs(t, "stdout", logs) }, "stdout"),
            h("button", { type: "button", class: "small", onclick: () => showLogs(t, "stderr", logs) }, "stderr"),
          ]),
        ),
      ]),
    ),
    logs,
    table(
      "History",
      ["Run", "Status", "Ended", "Why"],
      ended.map((r) => [r.id, badge(r.status), ago(r.at), r.why]),
    ),
  );
}
