/** Labels Berth puts on every container it runs; the agent finds its containers by them. */
export const LABELS = {
  managed: "berth.managed",
  agent: "berth.agent",
  app: "berth.app",
  task: "berth.task",
  version: "berth.version",
  team: "berth.team",
} as const;
