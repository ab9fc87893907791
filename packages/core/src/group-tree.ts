import type { AppDefinition } from "./app-definition.js";
import { podOf } from "./pod-definition.js";

/** A group as Marathon answers it. */
export interface GroupNode {
  id: string;
  apps: Record<string, unknown>[];
  groups: GroupNode[];
  pods: Record<string, unknown>[];
  dependencies: string[];
  version?: string;
}

/** Groups are the folders of app ids: "/team/api/web" is in "/team/api", which is in "/team". */
export function groupTree(
  groupId: string,
  apps: readonly AppDefinition[],
  present: (a: AppDefinition) => Record<string, unknown>,
): GroupNode {
  const prefix = groupId === "/" ? "/" : `${groupId}/`;
  const node: GroupNode = { id: groupId, apps: [], groups: [], pods: [], dependencies: [] };
  const children = new Map<string, AppDefinition[]>();
  for (const a of apps) {
    if (!a.id.startsWith(prefix)) continue;
    const rest = a.id.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) {
      const pod = podOf(a);
      if (pod) node.pods.push(pod as unknown as Record<string, unknown>);
      else node.apps.push(present(a));
    } else {
      const child = `${prefix}${rest.slice(0, slash)}`;
      children.set(child, [...(children.get(child) ?? []), a]);
    }
  }
  for (const [child, list] of [...children].sort(([x], [y]) => x.localeCompare(y))) node.groups.push(groupTree(child, list, present));
  const versions = apps.filter((a) => a.id.startsWith(prefix)).map((a) => a.version);
  if (versions.length > 0) node.version = versions.sort().at(-1) ?? "";
  return node;
}
