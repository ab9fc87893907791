import { ApiError, call, session, type StreamEvent } from "./api.js";
import { ago, h } from "./dom.js";

export type View = () => Promise<HTMLElement>;

interface Task {
  id: string;
  appId: string;
  host: string;
  ports: number[];
  state: string;
  startedAt: string | null;
  stagedAt: string;
  version: string;
  healthCheckResults: { alive: boolean; lastFailureCause: string | null }[];
}
interface App {
  id: string;
  instances: number;
  cpus: number;
  mem: number;
  tasksRunning: number;
  tasksHealthy: number;
  tasksStaged: number;
  tasksUnhealthy: number;
  healthChecks: unknown[];
  deployments: { id: string }[];
  tasks?: Task[];
  version: string;
  lastTaskFailure?: { message: string; timestamp: string };
}
interface Deployment {
  id: string;
  status: string;
  affectedApps: string[];
  version: string;
  reason?: string;
  currentActions: { action: string; app: string }[];
  progress?: { wanted: number; healthy: number; old: number };
}

const changed = () => window.dispatchEvent(new Event("berth:changed"));
const teamOf = (id: string) => id.split("/")[1] ?? "";
const appHref = (id: string) => `#/app${id.split("/").map(encodeURIComponent).join("/")}`;

function status(a: App): string {
  if (a.deployments.length > 0) return "Deploying";
  if (a.instances === 0) return "Suspended";
  if (a.tasksRunning < a.instances) return "Waiting";
  if (a.healthChecks.length > 0 && a.tasksHealthy < a.instances) return "Unhealthy";
  return "Running";
}

function badge(text: string): HTMLElement {
  return h("span", { class: `badge ${text.toLowerCase().replace(/^task_/, "")}` }, text.replace(/^TASK_/, ""));
}

function table(caption: string, head: string[], rows: (Node | string | number)[][]): HTMLElement {
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          head.map((c) => h("th", { scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.length === 0 ? h("tr", {}, h("td", { colspan: head.length, class: "empty" }, "Nothing here yet.")) : null,
        rows.map((r) =>
          h(
            "tr",
            {},
            r.map((c) => h("td", {}, c)),
          ),
        ),
      ),
    ),
  );
}

/** Asks before anything is destroyed; resolves true when the person confirmed. */
function confirmDialog(question: string, action: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h(
      "dialog",
      { "aria-label": question },
      h("p", {}, question),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", onclick: () => (dialog.close(), resolve(false)) }, "Cancel"),
        h("button", { type: "button", class: "danger", onclick: () => (dialog.close(), resolve(true)) }, action),
      ),
    );
    document.body.appendChild(dialog);
    dialog.addEventListener("close", () => dialog.remove());
    dialog.showModal();
  });
}

/** Runs an action, showing what went wrong in the page's status line. */
async function act(what: () => Promise<unknown>, note: HTMLElement, done: string): Promise<void> {
  note.textContent = "Working…";
  try {
    await what();
    note.textContent = done;
    changed();
  } catch (err) {
    note.textContent = err instanceof ApiError ? err.message : String(err);
  }
}

export const appsView: View = async () => {
  const { apps } = await call<{ apps: App[] }>("GET", "/v2/apps");
  const teams = [...new Set(apps.map((a) => teamOf(a.id)))].sort();
  const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const name = h("input", { id: "filter-name", type: "search", value: params.get("q") ?? "", placeholder: "web" });
  const team = h(
    "select",
    { id: "filter-team" },
    h("option", { value: "" }, "All teams"),
    teams.map((t) => h("option", { value: t }, t)),
  );
  team.value = params.get("team") ?? "";
  const body = h("div");
  const draw = () => {
    const q = name.value.trim();
    const shown = apps.filter((a) => a.id.includes(q) && (!team.value || teamOf(a.id) === team.value));
    body.replaceChildren(
      table(
        `${shown.length} of ${apps.length} apps`,
        ["App", "Status", "Running", "Healthy", "Staged", "Instances", "CPUs", "Memory"],
        shown.map((a) => [
          h("a", { href: appHref(a.id) }, a.id),
          badge(status(a)),
          a.tasksRunning,
          a.healthChecks.length > 0 ? a.tasksHealthy : "—",
          a.tasksStaged,
          a.instances,
          a.cpus,
          `${a.mem} MiB`,
        ]),
      ),
    );
  };
  const filter = () => {
    history.replaceState(null, "", `#/apps?q=${encodeURIComponent(name.value)}&team=${encodeURIComponent(team.value)}`);
    draw();
  };
  name.addEventListener("input", filter);
  team.addEventListener("change", filter);
  draw();
  return h(
    "section",
    {},
    h("h1", {}, "Apps"),
    h(
      "div",
      { class: "filters" },
      h("label", { for: "filter-name" }, "Filter by name"),
      name,
      h("label", { for: "filter-team" }, "Team"),
      team,
    ),
    body,
  );
};

async function showLogs(task: Task, stream: "stdout" | "stderr", into: HTMLElement): Promise<void> {
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
    call<Deployment[]>("GET", "/v2/deployments?status=all"),
  ]);
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

function deploymentRow(d: Deployment, note: HTMLElement): (Node | string)[] {
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

export const deploymentsView: View = async () => {
  const all = await call<Deployment[]>("GET", "/v2/deployments?status=all");
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

export const queueView: View = async () => {
  const { queue } = await call<{
    queue: { app: { id: string }; count: number; delay: { timeLeftSeconds: number }; reasons: string[]; since: string }[];
  }>("GET", "/v2/queue");
  return h(
    "section",
    {},
    h("h1", {}, "Launch queue"),
    table(
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
    ),
  );
};

export const agentsView: View = async () => {
  type Res = { cpus: number; mem: number; disk: number };
  const { agents } = await call<{
    agents: {
      id: string;
      hostname: string;
      active: boolean;
      healthMessage: string;
      resources: Res;
      unreserved: Res;
      tasks: number;
      lastHeartbeatAt: string;
    }[];
  }>("GET", "/v2/agents");
  const used = (total: number, free: number, unit = "") => {
    const u = Math.round((total - free) * 100) / 100;
    return h(
      "span",
      {},
      `${u} / ${total}${unit} `,
      h("meter", { min: 0, max: total || 1, value: u, "aria-label": `${u} of ${total} used` }),
    );
  };
  return h(
    "section",
    {},
    h("h1", {}, "Agents"),
    table(
      `${agents.length} agents`,
      ["Agent", "Host", "State", "CPUs used", "Memory used", "Tasks", "Heartbeat"],
      agents.map((a) => [
        a.id,
        a.hostname,
        badge(a.active ? "Active" : a.healthMessage ? "Unhealthy" : "Unreachable"),
        used(a.resources.cpus, a.unreserved.cpus),
        used(a.resources.mem, a.unreserved.mem, " MiB"),
        a.tasks,
        ago(a.lastHeartbeatAt),
      ]),
    ),
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
export async function editorView(id: string | undefined): Promise<HTMLElement> {
  const initial = id
    ? (() => call<{ app: Record<string, unknown> }>("GET", `/v2/apps${id}`).then(({ app }) => strip(app)))()
    : Promise.resolve(TEMPLATE);
  const text = h("textarea", { id: "definition", spellcheck: false, rows: 24, "aria-describedby": "problems" });
  text.value = JSON.stringify(await initial, null, 2);
  const problems = h("ul", { id: "problems", class: "problems", "aria-live": "polite" });
  const note = h("p", { role: "status", class: "note" });
  const show = (err: unknown) => {
    const details = err instanceof ApiError ? (err.body.details ?? []) : [];
    note.textContent = err instanceof ApiError ? err.message : String(err);
    problems.replaceChildren(
      ...details.map((d) =>
        h(
          "li",
          {},
          h("button", { type: "button", class: "link", onclick: () => selectField(text, d.path) }, d.path),
          ": ",
          d.errors.join("; "),
        ),
      ),
    );
  };
  const send = async (dryRun: boolean) => {
    let body: unknown;
    try {
      body = JSON.parse(text.value);
    } catch (err) {
      return show(new ApiError(400, { message: `Not JSON: ${(err as Error).message}` }));
    }
    try {
      const q = dryRun ? "?dryRun=true" : "?force=true";
      const r = id ? await call("PUT", `/v2/apps${id}${q}`, body) : await call("POST", `/v2/apps${q}`, body);
      problems.replaceChildren();
      if (dryRun)
        note.textContent = `Valid. Would start ${String(r.launch ?? 0)} and stop ${((r.kill as unknown[]) ?? []).length} task(s).`;
      else location.hash = appHref(id ?? String((body as { id?: string }).id ?? ""));
    } catch (err) {
      show(err);
    }
  };
  return h(
    "section",
    {},
    h("h1", {}, id ? `Edit ${id}` : "New app"),
    h(
      "div",
      { class: "editor" },
      h("div", {}, h("label", { for: "definition" }, "App definition (Marathon JSON)"), text),
      h("div", {}, h("h2", {}, "Problems"), problems),
    ),
    h(
      "div",
      { class: "toolbar" },
      h("button", { type: "button", onclick: () => send(true) }, "Check"),
      h("button", { type: "button", class: "primary", onclick: () => send(false) }, id ? "Save" : "Create"),
      h("a", { class: "button", href: id ? appHref(id) : "#/apps" }, "Cancel"),
    ),
    note,
  );
}

const TEMPLATE = {
  id: "/team/web",
  cmd: "httpd -f -p $PORT0 -h /www",
  cpus: 0.1,
  mem: 32,
  instances: 1,
  portDefinitions: [{ port: 0, name: "http" }],
  container: { type: "DOCKER", docker: { image: "berth/busybox:latest" } },
};

function strip(app: Record<string, unknown>): Record<string, unknown> {
  const out = { ...app };
  for (const k of [
    "version",
    "versionInfo",
    "tasks",
    "tasksStaged",
    "tasksRunning",
    "tasksHealthy",
    "tasksUnhealthy",
    "deployments",
    "lastTaskFailure",
  ])
    delete out[k];
  return out;
}

/** Selects the first line that names the field at this JSON pointer ("/container/docker/image" → "image"). */
function selectField(text: HTMLTextAreaElement, pointer: string): void {
  const key = pointer
    .split("/")
    .filter((s) => s && !/^\d+$/.test(s))
    .pop();
  const at = key ? text.value.indexOf(`"${key}"`) : 0;
  text.focus();
  if (at >= 0) text.setSelectionRange(at, text.value.indexOf("\n", at) >>> 0 || text.value.length);
}
