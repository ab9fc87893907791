import { ApiError, call } from "../api.js";
import { h } from "../dom.js";
import { appHref } from "../widgets.js";

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
