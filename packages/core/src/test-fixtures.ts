import type { AppDefinition } from "./app-definition.js";
import { parseApp } from "./app-validation.js";
import type { AgentOffer, Reservation } from "./ledger.js";
import type { TaskNeed } from "./offer-matcher.js";
import { stagedTask, type TaskRecord } from "./task-state.js";

/** Builders for the unit tests of this package. */
export function offer(agentId: string, over: Partial<AgentOffer["free"]> = {}, attributes: Record<string, string> = {}): AgentOffer {
  return {
    agentId,
    hostname: `${agentId}.local`,
    attributes,
    free: { cpus: 4, mem: 4096, disk: 1000, ports: [{ begin: 31000, end: 31009 }], ...over },
    appTaskCounts: new Map(),
  };
}

export function need(over: Partial<TaskNeed> = {}): TaskNeed {
  return { taskId: "t1", appId: "/web", cpus: 1, mem: 128, disk: 0, portCount: 1, requiredPorts: [], constraints: [], ...over };
}

export function task(over: Partial<TaskRecord> = {}): TaskRecord {
  return {
    ...stagedTask({
      taskId: "web.1",
      appId: "/web",
      agentId: "a1",
      hostname: "a1.local",
      ports: [31000],
      version: "v1",
      configVersion: "v1",
      killGracePeriodSeconds: 3,
      nowMs: 1000,
    }),
    ...over,
  };
}

/** A valid app definition with `over` merged in; throws with the details when it is not valid. */
export function appOf(over: Record<string, unknown> = {}): AppDefinition {
  const r = parseApp(
    { id: "/team/web", cmd: "httpd -f -p $PORT0", container: { docker: { image: "berth/busybox:test" } }, ...over },
    { version: "2026-01-01T00:00:00.000Z" },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.details));
  return r.app;
}

/** A booking on an agent's ledger for one task of `/a/web`; `frameworkId` absent is marathon's. */
export const booking = (taskId: string, cpus: number, mem: number, frameworkId?: string): Reservation => ({
  taskId,
  appId: "/a/web",
  cpus,
  mem,
  disk: 0,
  ports: [],
  reservedAtMs: 0,
  ...(frameworkId === undefined ? {} : { frameworkId }),
});
