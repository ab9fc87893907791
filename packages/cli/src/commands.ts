import { readFileSync } from "node:fs";
import { type Args, UsageError } from "./args.js";
import type { Client } from "./client.js";
import { JOB_USAGE, runJobCommand } from "./jobs.js";
import { bashCompletion, zshCompletion } from "./completion.js";
import { type Terminal, top, TOP_USAGE } from "./top.js";
import { CLI_VERSION } from "./version.js";
import { formatOf, printer, table } from "./output.js";
import { type ApiApp as App, type ApiFramework, type ApiRole, type ApiTask as Task, type ApiUsage, SseReader } from "@berth/contract";
import type { Scope } from "@berth/core";

export interface Io {
  out: (text: string) => void;
  /** Reads a file, or standard input for "-". */
  read: (file: string) => string;
  signal?: AbortSignal;
  /** The terminal, when standard input and output are one (the live `top`). */
  terminal?: Terminal;
}

export const USAGE = `berth: run containers with Berth

  berth app list | show <id> | add <file|-> | update <id> <file|-> | plan <id> <file|->
  berth app scale <id> <n> | restart <id> | remove <id>
  berth task list [<app>] | kill <task> [--scale]
  berth logs <task> [-f] [--tail N] [--stderr|--stdout]
  berth deployment list | watch <id> | rollback <id>
  berth queue | agent list | framework list | show <id> | teardown <id> | events [--type t1,t2]
  berth role list | weight <role> <n> | reset <role>
  berth token list | revoke <id>
  berth token create --name N (--team T | --admin) [--scope read|deploy|admin:<path>]...
${JOB_USAGE}
${TOP_USAGE}
  berth completion bash|zsh   a completion script: source <(berth completion bash)
  berth help | --help | -h    this text;  berth version | --version

  --url URL         Berth's API (BERTH_URL, default http://127.0.0.1:8080)
  --jobs-url U      the jobs API (BERTH_JOBS_URL, default http://127.0.0.1:9000)
  --token T         bearer token (BERTH_TOKEN)
  -o, --output F    json or yaml: the API's answer (--json is --output json); text by default
  --force           override a deployment's lock

Tables are aligned at a terminal and tab-separated when piped; NO_COLOR turns color off.
Exit codes: 0 done, 1 error, 2 Berth refused the input (the message says what to fix).`;

function need(args: Args, i: number, what: string): string {
  const v = args.words[i];
  if (v === undefined) throw new UsageError(`missing ${what}\n\n${USAGE}`);
  return v;
}

const appPath = (id: string) => `/v2/apps/${id.replace(/^\//, "")}`;
const force = (args: Args) => (args.flags.has("force") ? "?force=true" : "");

function readJson(io: Io, file: string): unknown {
  const text = io.read(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file === "-" ? "standard input" : file} is not JSON: ${(err as Error).message}`);
  }
}

/** Runs one command: `client` speaks to the API, `jobs` to the jobs API. */
export async function run(args: Args, client: Client, io: Io, jobs: Client = client): Promise<void> {
  // Streams (watch, runs --follow, events) print one JSON line per change with --json or --output yaml.
  const json = formatOf(args) !== "text";
  const print = printer(args, io.out);
  const changed = (r: { deploymentId?: string | undefined; version?: string | undefined }) =>
    print(
      r,
      () =>
        `deployment ${r.deploymentId ?? "?"} started (version ${r.version ?? "?"}); follow it with: berth deployment watch ${r.deploymentId ?? ""}`,
    );
  const [group, verb] = args.words;
  if (args.flags.has("version") || group === "version") return io.out(`berth ${CLI_VERSION}`);
  if (args.flags.has("help") || group === "help" || group === undefined) return io.out(USAGE);
  if (group === "completion") {
    if (verb === "bash") return io.out(bashCompletion());
    if (verb === "zsh") return io.out(zshCompletion());
    throw new UsageError(`completion needs a shell: bash or zsh`);
  }
  if (group === "top") return top(args, client, { out: io.out, ...(io.terminal ? { terminal: io.terminal } : {}) });
  if (group === "job")
    return runJobCommand(args, jobs, { out: io.out, readJson: (file) => readJson(io, file), ...(io.signal ? { signal: io.signal } : {}) });

  if (group === "app") {
    switch (verb) {
      case "list": {
        const r = await client.request<{ apps: App[] }>("GET", "/v2/apps");
        return print(r, () =>
          table(
            ["ID", "INSTANCES", "RUNNING", "HEALTHY", "STAGED", "CPUS", "MEM", "DEPLOYING"],
            r.apps.map((a) => [
              a.id,
              a.instances,
              a.tasksRunning,
              a.tasksHealthy,
              a.tasksStaged,
              a.cpus,
              a.mem,
              a.deployments.length ? "yes" : "",
            ]),
          ),
        );
      }
      case "show": {
        const r = await client.request<{ app: App & { tasks: Task[] } }>("GET", appPath(need(args, 2, "app id")));
        return print(r, () => {
          const a = r.app;
          return `${a.id}: ${a.tasksRunning}/${a.instances} running, ${a.tasksHealthy} healthy, ${a.cpus} cpus, ${a.mem} MiB${a.deployments.length ? `, deploying (${a.deployments.map((d) => d.id).join(", ")})` : ""}\n\n${taskTable(a.tasks)}`;
        });
      }
      case "add":
        return changed(
          await client
            .request("POST", `/v2/apps${force(args)}`, readJson(io, need(args, 2, "file (or - for standard input)")))
            .then((a) => {
              const app = a as { id: string; deployments: { id: string }[]; version: string };
              return { deploymentId: app.deployments[0]?.id, version: app.version };
            }),
        );
      case "update":
        return changed(
          await client.request("PUT", `${appPath(need(args, 2, "app id"))}${force(args)}`, readJson(io, need(args, 3, "file (or -)"))),
        );
      case "plan": {
        const id = need(args, 2, "app id");
        const r = await client.request<{ steps: { actions: { action: string }[] }[]; launch: number; kill: string[] }>(
          "PUT",
          `${appPath(id)}?dryRun=true`,
          readJson(io, need(args, 3, "file (or -)")),
        );
        return print(r, () =>
          [
            `plan for ${id} (nothing changed):`,
            `  action: ${r.steps.flatMap((s) => s.actions.map((a) => a.action)).join(", ")}`,
            `  start now: ${r.launch} task(s)`,
            `  stop now: ${r.kill.length ? r.kill.join(", ") : "none"}`,
          ].join("\n"),
        );
      }
      case "scale": {
        const n = Number(need(args, 3, "instance count"));
        if (!Number.isInteger(n) || n < 0) throw new UsageError(`instances must be a whole number, got '${args.words[3]}'`);
        return changed(await client.request("PUT", `${appPath(need(args, 2, "app id"))}${force(args)}`, { instances: n }));
      }
      case "restart":
        return changed(await client.request("POST", `${appPath(need(args, 2, "app id"))}/restart${force(args)}`));
      case "remove":
        return changed(await client.request("DELETE", `${appPath(need(args, 2, "app id"))}${force(args)}`));
    }
  }
  if (group === "task") {
    if (verb === "list") {
      const app = args.words[2];
      const r = await client.request<{ tasks: Task[] }>("GET", app ? `${appPath(app)}/tasks` : "/v2/tasks");
      return print(r, () => taskTable(r.tasks));
    }
    if (verb === "kill") {
      const taskId = need(args, 2, "task id");
      const scale = args.flags.has("scale") ? "?scale=true" : "";
      const r = await client.request<{ tasks?: Task[]; deploymentId?: string }>("POST", `/v2/tasks/delete${scale}`, { ids: [taskId] });
      return print(r, () =>
        r.deploymentId ? `killed ${taskId}; scaled down by deployment ${r.deploymentId}` : `killed ${taskId}; it will be replaced`,
      );
    }
  }
  if (group === "logs") {
    const taskId = need(args, 1, "task id");
    const stream = args.flags.has("stderr") ? "stderr" : args.flags.has("stdout") ? "stdout" : "both";
    const tail = String(args.flags.get("tail") ?? "100");
    const path = `/v2/tasks/${encodeURIComponent(taskId)}/logs?tail=${encodeURIComponent(tail)}&stream=${stream}${args.flags.has("follow") ? "&follow=true" : ""}`;
    return client.stream(path, io.out, io.signal);
  }
  if (group === "deployment") {
    if (verb === "list") {
      const r = await client.request<
        {
          id: string;
          affectedApps: string[];
          currentActions: { action: string }[];
          progress?: { healthyInstances: number; wantedInstances: number };
        }[]
      >("GET", "/v2/deployments?embed=berth");
      return print(r, () =>
        table(
          ["ID", "APPS", "ACTION", "PROGRESS"],
          r.map((d) => [
            d.id,
            d.affectedApps.join(","),
            d.currentActions.map((a) => a.action).join(","),
            d.progress ? `${d.progress.healthyInstances}/${d.progress.wantedInstances}` : "",
          ]),
        ),
      );
    }
    if (verb === "watch") return watch(client, need(args, 2, "deployment id"), io, json);
    if (verb === "rollback") {
      const id = need(args, 2, "deployment id");
      const r = await client.request<{ deploymentId?: string } | undefined>("DELETE", `/v2/deployments/${id}${force(args)}`);
      return print(r ?? {}, () =>
        r?.deploymentId ? `rolling back: deployment ${r.deploymentId}` : `deployment ${id} stopped; the app is left as it is`,
      );
    }
  }
  if (group === "queue") {
    const r = await client.request<{
      queue: { app: { id: string }; count: number; delay: { timeLeftSeconds: number }; reasons: string[] }[];
    }>("GET", "/v2/queue?embed=berth");
    return print(r, () =>
      table(
        ["APP", "WAITING", "DELAY", "WHY"],
        r.queue.map((q) => [q.app.id, q.count, `${q.delay.timeLeftSeconds}s`, q.reasons.join("; ")]),
      ),
    );
  }
  if (group === "agent" && verb === "list") {
    const r = await client.request<{
      agents: {
        id: string;
        hostname: string;
        active: boolean;
        healthMessage: string;
        resources: { cpus: number; mem: number };
        unreserved: { cpus: number; mem: number };
        tasks: number;
        frameworks: Record<string, ApiUsage>;
      }[];
    }>("GET", "/v2/agents");
    return print(r, () =>
      table(
        ["ID", "HOST", "STATE", "CPUS FREE", "MEM FREE", "TASKS BY FRAMEWORK"],
        r.agents.map((a) => [
          a.id,
          a.hostname,
          a.active ? "active" : `unavailable: ${a.healthMessage || "silent"}`,
          `${a.unreserved.cpus}/${a.resources.cpus}`,
          `${a.unreserved.mem}/${a.resources.mem}`,
          Object.entries(a.frameworks)
            .map(([id, u]) => `${id}:${u.tasks}`)
            .join(" ") || "0",
        ]),
      ),
    );
  }
  if (group === "framework" && verb === "list") {
    const r = await client.request<{ frameworks: ApiFramework[] }>("GET", "/v2/frameworks");
    return print(r, () =>
      table(
        ["ID", "NAME", "TEAM", "ROLE", "WEIGHT", "STATE", "TASKS", "CPUS", "MEM"],
        r.frameworks.map((f) => [f.id, f.name, f.team ?? "(all)", f.role, f.weight, f.state, f.used.tasks, f.used.cpus, f.used.mem]),
      ),
    );
  }
  if (group === "role" && verb === "list") {
    const r = await client.request<{ roles: ApiRole[] }>("GET", "/v2/roles");
    return print(r, () =>
      table(
        ["ROLE", "WEIGHT", "SHARE", "CPUS", "MEM", "FRAMEWORKS"],
        r.roles.map((x) => [x.role, x.weight, x.share, x.used.cpus, x.used.mem, x.frameworks.join(",") || "-"]),
      ),
    );
  }
  if (group === "role" && (verb === "weight" || verb === "reset")) {
    const role = encodeURIComponent(need(args, 2, "a role"));
    const r =
      verb === "weight"
        ? await client.request<{ role: string; weight: number }>("PUT", `/v2/roles/${role}`, { weight: Number(need(args, 3, "a weight")) })
        : await client.request<{ role: string; weight: number }>("DELETE", `/v2/roles/${role}`);
    return print(r, () => `role ${r.role} weighs ${r.weight}`);
  }
  if (group === "framework" && verb === "teardown") {
    const id = need(args, 2, "a framework id");
    const r = await client.request<{ message: string }>("DELETE", `/v2/frameworks/${encodeURIComponent(id)}`);
    return print(r, () => r.message);
  }
  if (group === "framework" && verb === "show") {
    const f = await client.request<ApiFramework>("GET", `/v2/frameworks/${encodeURIComponent(need(args, 2, "a framework id"))}`);
    return print(f, () =>
      [
        `${f.id} (${f.name}), ${f.state}, team ${f.team ?? "(all)"}, role ${f.role}, failover timeout ${f.failoverTimeoutSeconds}s`,
        `holds ${f.used.tasks} task(s): ${f.used.cpus} cpus, ${f.used.mem} MiB mem, ${f.used.disk} MiB disk`,
        table(
          ["AGENT", "HOST", "TASKS", "CPUS", "MEM"],
          f.agents.map((a) => [a.agentId, a.hostname, a.tasks, a.cpus, a.mem]),
        ),
      ].join("\n"),
    );
  }
  if (group === "token") {
    switch (verb) {
      case "list": {
        const r = await client.request<{ tokens: { id: string; name: string; role: string; team?: string; scopes?: Scope[] }[] }>(
          "GET",
          "/v2/tokens",
        );
        return print(r, () =>
          table(
            ["ID", "NAME", "ROLE", "TEAM", "SCOPES"],
            r.tokens.map((t) => [
              t.id,
              t.name,
              t.role,
              t.team ?? "",
              (t.scopes ?? []).map((s) => `${s.action}:${s.path}`).join(",") || "all",
            ]),
          ),
        );
      }
      case "create": {
        const name = args.flags.get("name");
        const team = args.flags.get("team");
        if (typeof name !== "string" || (typeof team !== "string" && !args.flags.has("admin"))) {
          throw new UsageError(`token create needs --name and --team T or --admin\n\n${USAGE}`);
        }
        const scope = args.flags.get("scope");
        const body = {
          name,
          ...(typeof team === "string" ? { team } : { role: "admin" }),
          ...(typeof scope === "string" ? { scopes: scope.split(",").filter(Boolean) } : {}),
        };
        const r = await client.request<{ id: string; token: string }>("POST", "/v2/tokens", body);
        return print(r, () => `token ${r.id} (shown once, keep it now):\n${r.token}`);
      }
      case "revoke":
        await client.request("DELETE", `/v2/tokens/${need(args, 2, "token id")}`);
        return io.out(json ? "{}" : "revoked");
    }
    throw new UsageError(USAGE);
  }
  if (group === "events") {
    const types = String(args.flags.get("type") ?? "")
      .split(",")
      .filter(Boolean);
    const query = types.map((t) => `event_type=${encodeURIComponent(t)}`).join("&");
    const sse = new SseReader();
    return client.stream(
      `/v2/events${query ? `?${query}` : ""}`,
      (chunk) => {
        for (const f of sse.push(chunk)) io.out(json ? f.data : `${f.event} ${f.data}`);
      },
      io.signal,
    );
  }
  throw new UsageError(`unknown command '${args.words.join(" ")}'\n\n${USAGE}`);
}

function taskTable(tasks: Task[]): string {
  return table(
    ["TASK", "STATE", "HOST", "PORTS", "HEALTH", "STARTED"],
    tasks.map((t) => [
      t.id,
      t.state,
      t.host,
      t.ports.join(","),
      t.healthCheckResults?.length ? (t.healthCheckResults.every((h) => h.alive) ? "healthy" : "unhealthy") : "",
      t.startedAt ?? "",
    ]),
  );
}

/** Draws a deployment's progress until it ends; fails (exit 1) when it fails. */
async function watch(client: Client, id: string, io: Io, json: boolean): Promise<void> {
  let last = "";
  for (;;) {
    const d = await client.request<{
      status: string;
      reason?: string;
      progress?: { healthyInstances: number; wantedInstances: number; oldTasks: number };
    }>("GET", `/v2/deployments/${id}`);
    const p = d.progress;
    const line = json
      ? JSON.stringify(d)
      : `${d.status}${p ? `  [${"#".repeat(p.healthyInstances)}${".".repeat(Math.max(0, p.wantedInstances - p.healthyInstances))}] ${p.healthyInstances}/${p.wantedInstances} new, ${p.oldTasks} old` : ""}${d.reason ? `: ${d.reason}` : ""}`;
    if (line !== last) io.out(line);
    last = line;
    if (d.status === "success") return;
    if (d.status !== "running") throw new Error(`deployment ${id} ${d.status}${d.reason ? `: ${d.reason}` : ""}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function readInput(file: string): string {
  return readFileSync(file === "-" ? 0 : file, "utf8");
}
