import { call, session } from "../api.js";
import { ago, h } from "../dom.js";
import { usageSection } from "./usage.js";
import { act, type App, badge, confirmDialog, type Deployment, status, table, type Task } from "../widgets.js";

/** A task's last 200 lines of stdout or stderr, shown in `into`. */
export async function showLogs(task: Pick<Task, "id">, stream: "stdout" | "stderr", into: HTMLElement): Promise<void> {
  const res = await fetch(`/v2/tasks/${encodeURIComponent(task.id)}/logs?stream=${stream}&tail=200`, {
    headers: { authorization: `Bearer ${session.token ?? ""}` },
  });
  const text = await res.text();
  into.replaceChildren(
    h("h3", {}, `${stream} of ${task.id}`),
    h("pre", { class: "logs", tabindex: 0, "aria-label": `${stream} of ${task.id}` }, res.ok ? text || "(empty)" : text),
  );
}

export async function appView(id: string): Promise<HTMLElement> {
  const [{ app }, versions, deployments] = await Promise.all([
    call<{ app: App }>("GET", `/v2/apps${id}?embed=app.tasks`),
    call<{ versions: string[] }>("GET", `/v2/apps${id}/versions`),
    call<Deployment[]>("GET", "/v2/deployments?status=all&embed=berth"),
  ]);
  const usage = await usageSection(id, app);
  const note = h("p", { role: "status", class: "note" });
  const logs = h("div", { class: "logpanel", "aria-live": "polite" });
  const scaleTo = h("input", { id: "scale-to", type: "number", min: 0, value: app.instances, class: "narrow" });
  const scale = (n: number, what: string) =>
    act(() => call("PUT", `/v2/apps${id}?force=true`, { instances: n }), note, `${what}: deployment started.`);
  const tasks = app.tasks ?? [];
  const mine = deployments
    .filter((d) => d.affectedApps.includes(id))
    .slice(-10)
    .reverse();
  return h(
    "section",
    {},
    h("h1", {}, app.id, " ", badge(status(app))),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "scale-to" }, "Instances"),
      scaleTo,
      h("button", { type: "button", onclick: () => scale(Number(scaleTo.value), `Scaled to ${scaleTo.value}`) }, "Scale"),
      h(
        "button",
        { type: "button", onclick: () => act(() => call("POST", `/v2/apps${id}/restart?force=true`), note, "Restart started.") },
        "Restart",
      ),
      h("button", { type: "button", onclick: () => scale(0, "Suspended") }, "Suspend"),
      h("a", { class: "button", href: `#/edit${id}` }, "Edit"),
      h(
        "button",
        {
          type: "button",
          class: "danger",
          onclick: async () => {
            if (!(await confirmDialog(`Destroy ${id} and stop all its tasks?`, "Destroy"))) return;
            await act(() => call("DELETE", `/v2/apps${id}?force=true`), note, "Destroyed.");
            location.hash = "#/apps";
          },
        },
        "Destroy",
      ),
    ),
    note,
    app.lastTaskFailure
      ? h("p", { class: "error" }, `Last failure ${ago(app.lastTaskFailure.timestamp)}: ${app.lastTaskFailure.message}`)
      : null,
    table(
      `${tasks.length} tasks`,
      ["Task", "Host", "Ports", "State", "Health", "Started", "Logs"],
      tasks.map((t) => [
        t.id,
        t.host,
        h(
          "span",
          {},
          t.ports.map((p) => h("a", { href: `http://${t.host}:${p}/`, target: "_blank", rel: "noopener" }, String(p), " ")),
        ),
        badge(t.state),
        app.healthChecks.length === 0
          ? "—"
          : t.healthCheckResults[0]?.alive
            ? "healthy"
            : (t.healthCheckResults[0]?.lastFailureCause ?? "unknown"),
        ago(t.startedAt),
        h(
          "span",
          {},
          h("button", { type: "button", class: "small", onclick: () => showLogs(t, "stdout", logs) }, "stdout"),
          h("button", { type: "button", class: "small", onclick: () => showLogs(t, "stderr", logs) }, "stderr"),
        ),
      ]),
    ),
    logs,
    usage,
    table(
      "Deployments",
      ["Deployment", "Status", "Started", "Reason", ""],
      mine.map((d) => deploymentRow(d, note)),
    ),
    h("h2", {}, "Versions"),
    h(
      "ol",
      { class: "versions" },
      versions.versions.slice(0, 20).map((v) => h("li", {}, v, v === app.version ? " (current)" : "")),
    ),
  );
}

export function deploymentRow(d: Deployment, note: HTMLElement): (Node | string)[] {
  const p = d.progress;
  return [
    h("span", { title: d.id }, d.id.slice(0, 8)),
    h(
      "span",
      {},
      badge(d.status),
      p && d.status === "running"
        ? h("progress", { max: Math.max(p.wanted, 1), value: p.healthy, "aria-label": `${p.healthy} of ${p.wanted} ready` })
        : null,
    ),
    ago(d.version),
    d.reason ?? "",
    d.status === "running"
      ? h(
          "button",
          {
            type: "button",
            class: "danger small",
            onclick: async () => {
              if (!(await confirmDialog(`Roll back deployment ${d.id.slice(0, 8)}?`, "Roll back"))) return;
              await act(() => call("DELETE", `/v2/deployments/${d.id}`), note, "Rolling back.");
            },
          },
          "Roll back",
        )
      : "",
  ];
}
