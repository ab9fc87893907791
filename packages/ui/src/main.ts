import { ApiError, call, followEvents, session, type StreamEvent } from "./api.js";
import { h } from "./dom.js";
import { appView } from "./views/app.js";
import { appsView } from "./views/apps.js";
import { agentsView, deploymentsView, eventsView, queueView } from "./views/cluster.js";
import { editorView } from "./views/editor.js";
import { jobsView, jobView } from "./views/jobs.js";
import type { View } from "./widgets.js";

/** Events seen since the page loaded, newest first (the live feed). */
export const feed: StreamEvent[] = [];
const root = document.getElementById("app") as HTMLElement;
let stream: AbortController | undefined;
let rendering = 0;

function route(): { view: View; live: boolean } {
  const [, page = "apps", ...rest] = location.hash.replace(/^#/, "").split("/");
  const id = `/${rest.map(decodeURIComponent).join("/")}`;
  switch (page) {
    case "app":
      return { view: () => appView(id), live: true };
    case "new":
      return { view: () => editorView(undefined), live: false };
    case "edit":
      return { view: () => editorView(id), live: false };
    case "deployments":
      return { view: deploymentsView, live: true };
    case "queue":
      return { view: queueView, live: true };
    case "jobs":
      return { view: jobsView, live: true };
    case "job":
      return { view: () => jobView(rest.map(decodeURIComponent).join("/")), live: true };
    case "agents":
      return { view: agentsView, live: true };
    case "events":
      return { view: () => eventsView(feed), live: true };
    default:
      return { view: appsView, live: true };
  }
}

const NAV: [string, string][] = [
  ["#/apps", "Apps"],
  ["#/deployments", "Deployments"],
  ["#/queue", "Queue"],
  ["#/jobs", "Jobs"],
  ["#/agents", "Agents"],
  ["#/events", "Events"],
];

async function render(): Promise<void> {
  if (!session.token) return signIn();
  const mine = ++rendering;
  const current = location.hash.split("/")[1] ?? "apps";
  let main: HTMLElement;
  try {
    main = await route().view();
  } catch (err) {
    main = h("p", { role: "alert", class: "error" }, err instanceof ApiError ? err.message : String(err));
  }
  if (mine !== rendering) return; // a newer render started meanwhile
  const nav = h(
    "nav",
    { "aria-label": "Main" },
    NAV.map(([href, label]) => h("a", { href, ...(href.slice(2) === current ? { "aria-current": "page" } : {}) }, label)),
    h("a", { href: "#/new", class: "button" }, "New app"),
    h("button", { type: "button", onclick: () => (session.signOut(), stream?.abort(), render()) }, "Sign out"),
  );
  const header = h("header", {}, h("a", { href: "#/apps", class: "brand" }, "Berth"), nav);
  const focused = document.activeElement?.id;
  root.replaceChildren(header, h("main", {}, main));
  if (focused) document.getElementById(focused)?.focus();
  if (!stream) startStream();
}

let pending: ReturnType<typeof setTimeout> | undefined;
/**
 * Live pages redraw from the event stream, at most twice a second, never while
 * a dialog or input is in use: the redraw waits until it is not, rather than
 * being dropped, so the page never stays behind the last event.
 */
function onEvent(e: StreamEvent): void {
  feed.unshift(e);
  feed.length = Math.min(feed.length, 200);
  if (!route().live || pending) return;
  const redrawSoon = () => {
    pending = setTimeout(() => {
      pending = undefined;
      const busy = document.activeElement instanceof HTMLInputElement || document.querySelector("dialog[open]");
      if (!busy) void render();
      else if (route().live) redrawSoon();
    }, 500);
  };
  redrawSoon();
}

function startStream(): void {
  stream = new AbortController();
  followEvents(onEvent, stream.signal);
}

function signIn(): void {
  stream?.abort();
  stream = undefined;
  const input = h("input", { id: "token", type: "password", autocomplete: "current-password", required: true });
  const message = h("p", { role: "alert", class: "error" });
  const form = h(
    "form",
    {
      class: "signin",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        session.signIn(input.value.trim());
        try {
          await call("GET", "/v2/info");
          await render();
        } catch (err) {
          session.signOut();
          message.textContent = err instanceof ApiError ? err.message : String(err);
        }
      },
    },
    h("h1", {}, "Berth"),
    h("label", { for: "token" }, "API token"),
    input,
    h("button", { type: "submit" }, "Sign in"),
    message,
    h("p", { class: "hint" }, "The local cluster's admin token is in .berth/admin-token; a team's token shows only its apps."),
  );
  root.replaceChildren(h("main", {}, form));
  input.focus();
}

window.addEventListener("hashchange", () => void render());
// A token refused mid-session (revoked, say) sends the person back to sign in; on the sign-in form itself it only says so.
window.addEventListener("berth:signed-out", () => !root.querySelector("form.signin") && signIn());
window.addEventListener("berth:changed", () => void render());
void render();
