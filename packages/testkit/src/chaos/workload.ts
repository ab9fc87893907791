import { DEMO_IMAGE } from "../docker-cli.js";
import type { Answer, ApiClient } from "./client.js";
import type { Operation } from "./plan.js";

/** What an app should be once the cluster settles: its instances and the version its env carries, or gone. */
export interface AppState {
  instances: number;
  version: number;
  deleted: boolean;
}

export type Outcome = "acknowledged" | "refused" | "unanswered";

export const APP_CPUS = 0.05;
/** Booked as 32 MiB: the least a task is given. */
export const APP_MEM = 32;

const healthCheck = { protocol: "COMMAND", command: { value: "true" }, gracePeriodSeconds: 30, intervalSeconds: 2, delaySeconds: 0 };

function definition(app: string, instances: number, healthChecked: boolean) {
  return {
    id: app,
    cmd: "sleep 3600",
    cpus: APP_CPUS,
    mem: APP_MEM,
    instances,
    labels: { CHAOS_VERSION: "0" },
    taskKillGracePeriodSeconds: 0,
    container: { docker: { image: DEMO_IMAGE } },
    ...(healthChecked ? { healthChecks: [healthCheck] } : {}),
  };
}

/**
 * Runs a team's operations and keeps, for each app, the states it may end in:
 * the last acknowledged change, and any change sent after it whose answer was
 * lost (it may or may not have happened). A refused change changes nothing.
 */
export class Workload {
  /** Each app's possible end states, the last acknowledged first. */
  readonly expected = new Map<string, AppState[]>();
  /** The most instances each app was ever asked for: what bounds its containers. */
  readonly mostInstances = new Map<string, number>();
  readonly outcomes: Record<Outcome, number> = { acknowledged: 0, refused: 0, unanswered: 0 };

  constructor(private readonly clients: readonly ApiClient[]) {}

  private current(app: string): AppState | undefined {
    return this.expected.get(app)?.[0];
  }

  /** Each app's last changes and their answers, to explain a violation about it. */
  readonly trail = new Map<string, string[]>();

  private note(app: string, answer: Answer, next: AppState): void {
    const outcome: Outcome = answer.status === 0 || answer.status >= 500 ? "unanswered" : answer.status < 300 ? "acknowledged" : "refused";
    this.outcomes[outcome]++;
    const message = (answer.body as { message?: unknown } | undefined)?.message;
    const told = `${JSON.stringify(next)} ${outcome} (${answer.status}${typeof message === "string" ? `: ${message.slice(0, 120)}` : ""})`;
    this.trail.set(app, [...(this.trail.get(app) ?? []), told].slice(-8));
    if (outcome === "refused") return;
    if (outcome === "acknowledged") this.expected.set(app, [next]);
    else this.expected.set(app, [...(this.expected.get(app) ?? []), next]);
  }

  /** Counted before the request goes: its tasks may start before its answer comes. */
  private asking(app: string, instances: number): void {
    this.mostInstances.set(app, Math.max(this.mostInstances.get(app) ?? 0, instances));
  }

  /** A change, sent again with force when a deployment holds the app (as Marathon's clients do). */
  private async change(api: ApiClient, method: string, path: string, body?: unknown): Promise<Answer> {
    const first = await api.call(method, path, body);
    if (first.status !== 409) return first;
    return api.call(method, `${path}${path.includes("?") ? "&" : "?"}force=true`, body);
  }

  async run(team: number, op: Operation): Promise<void> {
    const api = this.clients[team]!;
    const now = op.kind === "read" ? undefined : this.current(op.app);
    const live = now && !now.deleted ? now : undefined;
    switch (op.kind) {
      case "create": {
        this.asking(op.app, op.instances);
        const answer = await api.call("POST", "/v2/apps", definition(op.app, op.instances, op.healthChecked));
        // An app that exists already (a create after a lost answer) stays as it is.
        if (answer.status === 409 && live) return void this.outcomes.refused++;
        return this.note(op.app, answer, { instances: op.instances, version: 0, deleted: false });
      }
      case "scale":
        if (!live) return void (await api.call("GET", `/v2/apps${op.app}`));
        this.asking(op.app, op.instances);
        return this.note(op.app, await this.change(api, "PUT", `/v2/apps${op.app}`, { instances: op.instances }), {
          ...live,
          instances: op.instances,
        });
      case "update":
        if (!live) return void (await api.call("GET", `/v2/apps${op.app}`));
        return this.note(op.app, await this.change(api, "PUT", `/v2/apps${op.app}`, { labels: { CHAOS_VERSION: String(op.version) } }), {
          ...live,
          version: op.version,
        });
      case "restart":
        if (!live) return void (await api.call("GET", `/v2/apps${op.app}`));
        return this.note(op.app, await this.change(api, "POST", `/v2/apps${op.app}/restart`), live);
      case "delete":
        if (!live) return void (await api.call("GET", `/v2/apps${op.app}`));
        return this.note(op.app, await this.change(api, "DELETE", `/v2/apps${op.app}`), { ...live, deleted: true });
      case "kill-task": {
        const tasks = await api.call<{ tasks?: { id: string }[] }>("GET", `/v2/apps${op.app}/tasks`);
        const list = tasks.body?.tasks ?? [];
        if (!live || list.length === 0) return;
        const victim = list[op.pick % list.length]!;
        return this.note(op.app, await api.call("DELETE", `/v2/apps${op.app}/tasks/${encodeURIComponent(victim.id)}`), live);
      }
      case "read":
        await Promise.all([api.call("GET", "/v2/apps?embed=apps.tasks"), api.call("GET", "/v2/deployments"), api.call("GET", "/v2/queue")]);
    }
  }
}
