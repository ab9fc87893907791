import { call } from "../api.js";
import { h } from "../dom.js";
import { type App, appHref, badge, status, table, teamOf, type View } from "../widgets.js";

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
