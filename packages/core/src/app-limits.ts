/** How big an app definition may be: what parsing refuses beyond. */
export const LIMITS = {
  maxCpus: 1024,
  maxMemMiB: 16 * 1024 * 1024,
  maxDiskMiB: 1024 * 1024 * 1024,
  maxGpus: 64,
  maxInstances: 10_000,
  maxEnvEntries: 1_000,
  maxLabels: 1_000,
  maxPorts: 100,
  maxCmdLength: 64 * 1024,
  maxArgs: 1_000,
  maxGraceSeconds: 3_600,
} as const;
