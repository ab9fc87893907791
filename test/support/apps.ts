import { DEMO_IMAGE } from "@berth/testkit";

/** An idle app on the demo image: what most scenarios deploy, with a zero kill grace so they end fast. */
export function sleeper(id: string, instances = 1, over: Record<string, unknown> = {}) {
  return {
    id,
    cmd: "sleep 3600",
    cpus: 0.05,
    mem: 32,
    instances,
    taskKillGracePeriodSeconds: 0,
    container: { docker: { image: DEMO_IMAGE } },
    ...over,
  };
}
