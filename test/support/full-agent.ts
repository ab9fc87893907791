import { eventually } from "@berth/testkit";
import { expect } from "vitest";
import type { Api } from "./api.js";
import { sleeper } from "./apps.js";

/** Half a cpu: the test agent (4 cpus) holds 8 such tasks. */
export const HALF = { cpus: 0.5 };

/** Runs apps of half-cpu tasks (id → instances) until all are running: with 8 in all, the test agent is full. */
export async function fillAgent(api: Api, apps: Record<string, number>): Promise<void> {
  for (const [id, instances] of Object.entries(apps))
    expect((await api.call("POST", "/v2/apps", sleeper(id, instances, HALF))).status).toBe(201);
  await eventually(
    async () => {
      for (const [id, instances] of Object.entries(apps)) if ((await api.running(id)).length !== instances) return false;
      return true;
    },
    { what: "the agent full" },
  );
}

/** Scales an app up on a full agent and waits until its new launches wait for room. */
export async function wantMore(api: Api, appId: string, instances: number, waiting: number): Promise<void> {
  expect(await api.scale(appId, instances)).toBe(200);
  await eventually(async () => (await api.waiting(appId)) === waiting, { what: `${appId}'s ${waiting} launches waiting` });
}
