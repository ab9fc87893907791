/** Labels Berth puts on every container it runs; the agent finds its containers by them. */
export const LABELS = {
  managed: "berth.managed",
  agent: "berth.agent",
  app: "berth.app",
  task: "berth.task",
  version: "berth.version",
  team: "berth.team",
  /** What the agent needs to take a container back after a restart. */
  ports: "berth.ports",
  healthChecks: "berth.health-checks",
  readinessChecks: "berth.readiness-checks",
  killGrace: "berth.kill-grace-seconds",
  /** The task's disk limit in MiB (0: none), enforced by the agent measuring the container's writable layer. */
  disk: "berth.disk-mib",
  /** On every container of a pod instance but the first: the pod container it runs. */
  member: "berth.member",
} as const;
