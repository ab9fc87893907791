import type { AppDefinition } from "./app-definition.js";
import { heldMemMiB } from "./container-spec.js";
import { roundResource } from "./resources.js";
import type { Quota, Usage } from "./team.js";

/**
 * A team's limits per framework (`Team.frameworkQuotas`): what the team's
 * tasks of one framework may hold at once. Marathon's launches over the limit
 * wait in the queue with the reason; a framework's are refused, and it is not
 * offered more while it is at its limit.
 */

export interface TaskResources {
  cpus: number;
  mem: number;
  disk: number;
}

/** What one task of an app holds, as quotas count it (memory as it is held: at least the floor). */
export function taskResources(app: Pick<AppDefinition, "cpus" | "mem" | "disk">): TaskResources {
  return { cpus: app.cpus, mem: heldMemMiB(app.mem), disk: app.disk };
}

/** What live tasks hold, summed, given what each holds. */
export function holding(tasks: Iterable<TaskResources>): Usage {
  const u: Usage = { cpus: 0, mem: 0, disk: 0, instances: 0 };
  for (const each of tasks) {
    u.cpus = roundResource(u.cpus + each.cpus);
    u.mem = roundResource(u.mem + each.mem);
    u.disk = roundResource(u.disk + each.disk);
    u.instances += 1;
  }
  return u;
}

/**
 * How many of `wanted` more tasks, each holding `each`, fit under a
 * framework's limit given what its tasks hold; and, when not all, why (`who`
 * names the limit, as "team 'shop' limits framework 'marathon'").
 */
export function roomUnder(
  limit: Quota | undefined,
  held: Usage,
  each: TaskResources,
  wanted: number,
  who: string,
): { count: number; reason?: string } {
  let count = wanted;
  let tightest: string | undefined;
  const fit = (resource: keyof Quota, per: number) => {
    const max = limit?.[resource];
    if (max === undefined) return;
    const free = Math.max(0, roundResource(max - held[resource]));
    const n = per > 0 ? Math.floor(roundResource(free / per)) : Infinity;
    if (n < count) {
      count = n;
      tightest = `${who}: ${resource} to ${max}, and ${held[resource]} is in use`;
    }
  };
  fit("instances", 1);
  fit("cpus", each.cpus);
  fit("mem", each.mem);
  fit("disk", each.disk);
  return tightest === undefined ? { count } : { count, reason: tightest };
}
