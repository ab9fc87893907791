import type { ChildProcess } from "node:child_process";
import type { Cluster } from "../cluster.js";
import { docker } from "../docker-cli.js";

/** The running containers Berth made on the agents named: container id, task id, app and agent of each. */
export async function runningContainers(agentIds: readonly string[]): Promise<{ id: string; task: string; app: string; agent: string }[]> {
  const out = await docker(
    "ps",
    "--filter",
    "label=berth.agent",
    "--format",
    '{{.ID}}\t{{.Label "berth.task"}}\t{{.Label "berth.app"}}\t{{.Label "berth.agent"}}',
  );
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [id = "", task = "", app = "", agent = ""] = line.split("\t");
      return { id, task, app, agent };
    })
    .filter((c) => agentIds.includes(c.agent));
}

/**
 * Looks at Docker twice a second while the campaign runs: never two running
 * containers for one task, never more containers of an app than its upgrade
 * strategy allows (twice the most instances it was asked for: Marathon's
 * default maximumOverCapacity of 1). A task told TASK_UNREACHABLE is left out
 * of the count: its agent was lost, the cluster replaced it (Marathon's
 * unreachableStrategy 0/0), and its copy runs until the returning agent
 * stops it, as under Marathon and Mesos; that the copy does go is checked
 * once the cluster settles.
 */
export function watchContainers(
  agentIds: readonly string[],
  mostInstances: ReadonlyMap<string, number>,
  /** What the API says of an app's tasks, told with a violation about them. */
  tasksOf: (app: string) => Promise<string>,
  unreachable: ReadonlySet<string>,
  /** The states /v2/events has told of a task so far, told with a violation about it. */
  toldOf: (task: string) => string[],
  violation: (what: string) => void,
): () => void {
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      const running = await runningContainers(agentIds);
      const byTask = new Map<string, number>();
      const byApp = new Map<string, string[]>();
      for (const c of running) {
        byTask.set(c.task, (byTask.get(c.task) ?? 0) + 1);
        if (!unreachable.has(c.task)) byApp.set(c.app, [...(byApp.get(c.app) ?? []), c.task]);
      }
      for (const [task, n] of byTask) if (n > 1) violation(`${n} running containers for task ${task}`);
      for (const [app, tasks] of byApp) {
        const allowed = 2 * (mostInstances.get(app) ?? 0);
        if (tasks.length > allowed) {
          const api = await tasksOf(app);
          const told = tasks.map((t) => `${t}: ${toldOf(t).join(" ") || "nothing"}`).join("; ");
          violation(
            `${tasks.length} running containers of ${app}, more than its upgrade strategy allows (${allowed}): ${tasks.join(" ")}; the API lists ${api}; /v2/events told ${told}`,
          );
        }
      }
    } catch {
      // the Docker daemon busy: the next look
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void look(), 500);
  return () => clearInterval(timer);
}

/**
 * Notes every exit of a cluster process the nemesis did not cause (a crash of
 * Berth's own), and starts the process again so the campaign goes on.
 */
export function watchExits(cluster: Cluster, killed: WeakSet<ChildProcess>, violation: (what: string) => void): () => void {
  const seen = new WeakSet<ChildProcess>();
  let stopped = false;
  const attach = () => {
    for (const p of cluster.processes) {
      if (seen.has(p.proc)) continue;
      seen.add(p.proc);
      const { proc, name } = p;
      proc.once("exit", (code, sig) => {
        if (stopped || killed.has(proc)) return;
        violation(`${name} exited by itself (code ${code}, signal ${sig}); see its log`);
        void cluster.restart(name);
      });
    }
  };
  attach();
  const timer = setInterval(attach, 200);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
