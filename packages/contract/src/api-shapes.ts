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
  /** It wants no offers (Mesos's SUPPRESS; a team's job framework while none of its runs waits for room). */
  suppressed: boolean;
  /** The Mesos capabilities Berth honours that it declared: "PARTITION_AWARE", "TASK_KILLING_STATE". */
  capabilities: string[];
  registeredAt: string;
  updatedAt: string;
  used: ApiUsage;
  agents: (ApiUsage & { agentId: string; hostname: string })[];
}

/** A point of use, as GET /v2/usage answers it: cores of CPU, the share of time throttled, bytes of memory (working set). */
export interface ApiUsagePoint {
  timestamp: string;
  cpus: number;
  throttled: number;
  memBytes: number;
}

/** One task's use: now (null when its agent has not reported it lately), its peak over the window, and with history=true one point a step. */
export interface ApiTaskUsage {
  taskId: string;
  appId: string;
  agentId: string;
  state: string | null;
  /** Its booking: cpus, and mem in MiB; null once the booking is gone. */
  cpus: number | null;
  mem: number | null;
  memLimitBytes: number;
  current: ApiUsagePoint | null;
  peak: { cpus: number; memBytes: number };
  history?: ApiUsagePoint[];
}

/** GET /v2/usage. */
export interface ApiUsageReport {
  timestamp: string;
  stepSeconds: number;
  windowSeconds: number;
  tasks: ApiTaskUsage[];
  apps: {
    appId: string;
    instances: number | null;
    tasks: number;
    current: { cpus: number; memBytes: number };
    peak: { cpus: number; memBytes: number };
    history?: ApiUsagePoint[];
  }[];
}
