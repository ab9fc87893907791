/**
 * The parts of the API's answers that Berth's own clients (the CLI and the web
 * UI) read: one declaration for both, next to nothing else they share. Types
 * only; the api builds these answers in services/api/src/views.ts.
 */
export interface ApiTask {
  id: string;
  appId: string;
  host: string;
  ports: number[];
  state: string;
  startedAt: string | null;
  stagedAt: string;
  version: string;
  /** Empty when the task's app has no health checks. */
  healthCheckResults: { alive: boolean; lastFailureCause: string | null }[];
}

export interface ApiApp {
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
  tasks?: ApiTask[];
  version: string;
  lastTaskFailure?: { message: string; timestamp: string };
}

/** What a framework holds: its bookings summed. */
export interface ApiUsage {
  cpus: number;
  mem: number;
  disk: number;
  tasks: number;
}

/** One role, as GET /v2/roles answers it: its weight, frameworks, what they hold and its weighted dominant share. */
export interface ApiRole {
  role: string;
  weight: number;
  frameworks: string[];
  used: { cpus: number; mem: number; disk: number };
  share: number;
}

/** One framework, as GET /v2/frameworks answers it. */
export interface ApiFramework {
  id: string;
  name: string;
  /** The team it acts for; null for one shared by every team (marathon). */
  team: string | null;
  role: string;
  /** Its role's weight in fair sharing (1 unless the admin set one). */
  weight: number;
  failoverTimeoutSeconds: number;
  state: string;
  registeredAt: string;
  updatedAt: string;
  used: ApiUsage;
  agents: (ApiUsage & { agentId: string; hostname: string })[];
}
