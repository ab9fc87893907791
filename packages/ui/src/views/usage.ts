import type { ApiUsagePoint, ApiUsageReport } from "@berth/contract";
import { call } from "../api.js";
import { chart } from "../chart.js";
import { h } from "../dom.js";

const MiB = 1024 * 1024;
const cores = (v: number) => `${v.toFixed(2)} cpus`;
const mib = (v: number) => `${(v / MiB).toFixed(1)} MiB`;
const percent = (v: number) => `${Math.round(v * 100)}%`;

type Points = ApiUsagePoint[] | undefined;
const of = (points: Points, pick: (p: ApiUsagePoint) => number) =>
  (points ?? []).map((p) => ({ atMs: Date.parse(p.timestamp), value: pick(p) }));

/** An app's use over the last hour, its tasks' and its total, drawn from GET /v2/usage. */
function usageCharts(report: ApiUsageReport, app: { cpus: number; mem: number; instances: number }): HTMLElement[] {
  const nowMs = Date.parse(report.timestamp);
  const windowMs = report.windowSeconds * 1000;
  const common = { windowMs, nowMs };
  const total = report.apps[0];
  const live = report.tasks.filter((t) => t.current !== null);
  // A task is never restarted in place: a failed or killed one is replaced by a new task, so the tasks that
  // stopped reporting within the hour are the app's restarts.
  const ended = report.tasks.length - live.length;
  const out: HTMLElement[] = [
    h("h3", {}, `All tasks (${live.length} running; ${ended} replaced or stopped in the last hour)`),
    chart({
      label: "CPU of all tasks",
      points: of(total?.history, (p) => p.cpus),
      limit: app.cpus * app.instances,
      format: cores,
      ...common,
    }),
    chart({
      label: "Memory of all tasks",
      points: of(total?.history, (p) => p.memBytes),
      limit: app.mem * app.instances * MiB,
      format: mib,
      ...common,
    }),
  ];
  for (const t of live) {
    const throttled = t.current?.throttled ?? 0;
    out.push(
      h("h3", {}, t.taskId, h("span", { class: "hint" }, ` on ${t.agentId}, throttled ${percent(throttled)} of the time now`)),
      chart({ label: `CPU of ${t.taskId}`, points: of(t.history, (p) => p.cpus), limit: t.cpus, format: cores, ...common }),
      chart({
        label: `Memory of ${t.taskId}`,
        points: of(t.history, (p) => p.memBytes),
        limit: t.memLimitBytes || (t.mem === null ? null : t.mem * MiB),
        format: mib,
        ...common,
      }),
      chart({ label: `Throttled time of ${t.taskId}`, points: of(t.history, (p) => p.throttled), limit: null, format: percent, ...common }),
    );
  }
  return out;
}

/**
 * The app page's usage section: drawn at once, then redrawn every `everyMs` while it
 * is on the page (its timer ends when a new render replaces it).
 */
export async function usageSection(
  id: string,
  app: { cpus: number; mem: number; instances: number },
  everyMs = 5_000,
): Promise<HTMLElement> {
  const path = `/v2/usage?app=${encodeURIComponent(id)}&history=true`;
  const section = h("section", { class: "usage", "aria-label": "Resource use over the last hour" });
  const fill = (report: ApiUsageReport) =>
    section.replaceChildren(
      h("h2", {}, `Resource use, last hour (a point every ${report.stepSeconds} s)`),
      ...(report.tasks.length === 0 ? [h("p", { class: "hint" }, "No task has reported its use yet.")] : usageCharts(report, app)),
    );
  fill(await call<ApiUsageReport>("GET", path));
  const timer = setInterval(() => {
    if (!section.isConnected) return clearInterval(timer);
    // A chart keeps its focus across a redraw, so a keyboard user is not thrown off.
    const focused = document.activeElement?.getAttribute("aria-label");
    call<ApiUsageReport>("GET", path)
      .then((r) => {
        fill(r);
        if (focused)
          (section.querySelector(`figure[aria-label^="${CSS.escape(focused.split(":")[0] ?? "")}"]`) as HTMLElement | null)?.focus();
      })
      .catch(() => undefined);
  }, everyMs);
  return section;
}
