import type { ApiUsage } from "@berth/contract";
import { call, type StreamEvent } from "../api.js";
import { ago, h } from "../dom.js";
import { appHref, badge, type Deployment, table, type View } from "../widgets.js";
import { deploymentRow } from "./app.js";

export const deploymentsView: View = async () => {
  const all = await call<Deployment[]>("GET", "/v2/deployments?status=all&embed=berth");
  const note = h("p", { role: "status", class: "note" });
  const recent = all.slice(-50).reverse();
  return h(
    "section",
    {},
    h("h1", {}, "Deployments"),
    note,
    table(
      `${all.filter((d) => d.status === "running").length} running`,
      ["Deployment", "Status", "Started", "Reason", ""],
      recent.map((d) => {
        const [id, ...rest] = deploymentRow(d, note);
        return [h("span", {}, id ?? "", " ", h("a", { href: appHref(d.affectedApps[0] ?? "") }, d.affectedApps.join(", "))), ...rest];
      }),
    ),
  );
};

type Queue = { queue: { app: { id: string }; count: number; delay: { timeLeftSeconds: number }; reasons: string[]; since: string }[] };

/** Launches that wait, and why: the queue page's table, and the cluster page's. */
function waitingTable(queue: Queue["queue"]): HTMLElement {
  return table(
    `${queue.length} apps waiting`,
    ["App", "Waiting", "Since", "Delay", "Why"],
    queue.map((q) => [
      h("a", { href: appHref(q.app.id) }, q.app.id),
      q.count,
      ago(q.since),
      q.delay.timeLeftSeconds > 0 ? `${q.delay.timeLeftSeconds}s backoff` : "—",
      h(
        "ul",
        {},
        q.reasons.map((r) => h("li", {}, r)),
      ),
    ]),
  );
}

export const queueView: View = async () => {
  const { queue } = await call<Queue>("GET", "/v2/queue?embed=berth");
  return h("section", {}, h("h1", {}, "Launch queue"), waitingTable(queue));
};

type PortRange = { begin: number; end: number };
const portCount = (ranges: readonly PortRange[] = []) => ranges.reduce((n, r) => n + r.end - r.begin + 1, 0);

/** The cluster: each agent's booked and free cpus, memory, disk and ports, by framework; then the launches that wait and why. */
export const agentsView: View = async () => {
  type Res = { cpus: number; mem: number; disk: number; ports?: PortRange[] };
  const [{ agents }, { queue }] = await Promise.all([
    call<{
      agents: {
        id: string;
        hostname: string;
        active: boolean;
        healthMessage: string;
        resources: Res;
        unreserved: Res;
        tasks: number;
        /** What each framework holds on the agent, and each team. */
        frameworks: Record<string, ApiUsage>;
        teams: Record<string, ApiUsage>;
        lastHeartbeatAt: string;
      }[];
    }>("GET", "/v2/agents"),
    call<Queue>("GET", "/v2/queue?embed=berth"),
  ]);
  const held = (by: Record<string, ApiUsage> | undefined) =>
    Object.entries(by ?? {})
      .map(([id, u]) => `${id}: ${u.tasks} task${u.tasks === 1 ? "" : "s"}, ${u.cpus} cpus, ${u.mem} MiB`)
      .join("; ") || "none";
  const used = (total: number, free: number, unit = "") => {
    const u = Math.round((total - free) * 100) / 100;
    return h(
      "span",
      {},
      `${u} / ${total}${unit} `,
      h("meter", { min: 0, max: total || 1, value: u, "aria-label": `${u} of ${total}${unit} used` }),
    );
  };
  return h(
    "section",
    {},
    h("h1", {}, "Agents"),
    table(
      `${agents.length} agents`,
      ["Agent", "Host", "State", "CPUs used", "Memory used", "Disk used", "Ports used", "Tasks", "By framework", "By team", "Heartbeat"],
      agents.map((a) => [
        a.id,
        a.hostname,
        badge(a.active ? "Active" : a.healthMessage ? "Unhealthy" : "Unreachable"),
        used(a.resources.cpus, a.unreserved.cpus),
        used(a.resources.mem, a.unreserved.mem, " MiB"),
        used(a.resources.disk, a.unreserved.disk, " MiB"),
        used(portCount(a.resources.ports), portCount(a.unreserved.ports)),
        a.tasks,
        held(a.frameworks),
        held(a.teams),
        ago(a.lastHeartbeatAt),
      ]),
    ),
    h("h2", {}, "Waiting launches"),
    waitingTable(queue),
  );
};

export async function eventsView(feed: readonly StreamEvent[]): Promise<HTMLElement> {
  return h(
    "section",
    {},
    h("h1", {}, "Events"),
    h("p", { class: "hint" }, "Live from /v2/events since this page opened; newest first."),
    table(
      `${feed.length} events`,
      ["#", "Type", "When", "About"],
      feed.map((e) => [
        e.id,
        e.type,
        ago(String(e.data.timestamp ?? "")),
        String(e.data.appId ?? e.data.groupId ?? (e.data.plan as { id?: string } | undefined)?.id ?? "") +
          (e.data.taskStatus ? ` ${String(e.data.taskStatus)}` : ""),
      ]),
    ),
  );
}

/** Create or edit an app as JSON; what Berth refuses is listed by field, and a click selects the field. */
