/** What every page of the UI shares: the API's shapes, and the table, badge, confirmation and action helpers. */
import { ApiError } from "./api.js";
import { h } from "./dom.js";

export type View = () => Promise<HTMLElement>;

import type { ApiApp as App, ApiTask as Task } from "@berth/contract";

export type { App, Task };
export interface Deployment {
  id: string;
  status: string;
  affectedApps: string[];
  version: string;
  reason?: string;
  currentActions: { action: string; app: string }[];
  progress?: { wanted: number; healthy: number; old: number };
}

export const changed = () => window.dispatchEvent(new Event("berth:changed"));
export const teamOf = (id: string) => id.split("/")[1] ?? "";
export const appHref = (id: string) => `#/app${id.split("/").map(encodeURIComponent).join("/")}`;

export function status(a: App): string {
  if (a.deployments.length > 0) return "Deploying";
  if (a.instances === 0) return "Suspended";
  if (a.tasksRunning < a.instances) return "Waiting";
  if (a.healthChecks.length > 0 && a.tasksHealthy < a.instances) return "Unhealthy";
  return "Running";
}

export function badge(text: string): HTMLElement {
  return h("span", { class: `badge ${text.toLowerCase().replace(/^task_/, "")}` }, text.replace(/^TASK_/, ""));
}

export function table(caption: string, head: string[], rows: (Node | string | number)[][]): HTMLElement {
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
export function confirmDialog(question: string, action: string): Promise<boolean> {
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
export async function act(what: () => Promise<unknown>, note: HTMLElement, done: string): Promise<void> {
  note.textContent = "Working…";
  try {
    await what();
    note.textContent = done;
    changed();
  } catch (err) {
    note.textContent = err instanceof ApiError ? err.message : String(err);
  }
}
