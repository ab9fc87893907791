// Launches waiting for room on a full agent are served in fair order of their teams' roles, not in the
// order they came: real Docker, one agent of 4 cpus filled with tasks of half a cpu.
import { describe, expect, it } from "vitest";
import { eventually } from "@berth/testkit";
import { sleeper } from "../support/apps.js";
import { useCluster } from "../support/fixture.js";
import { fillAgent, HALF, wantMore } from "../support/full-agent.js";

const f = useCluster("e2e-fair-launches");

describe("launches waiting for room", () => {
  it("are served lowest weighted share first: a team holding nothing before a team holding half the agent, whatever came first", async () => {
    // A filler of another team and team big's app take the agent's 8 half-cpu slots.
    await fillAgent(f.api, { "/fill/x": 4, "/big/app": 4 });

    // Team big asks for 2 more, then team small for 1: all three wait, big's first.
    await wantMore(f.api, "/big/app", 6, 2);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/small/app", 1, HALF))).status).toBe(201);
    await eventually(async () => (await f.api.waiting("/small/app")) === 1, { what: "small's launch waiting" });

    // One slot frees: it goes to small (holding nothing), not to big (holding half the agent), which waited longer.
    expect(await f.api.scale("/fill/x", 3)).toBe(200);
    await eventually(async () => (await f.api.running("/small/app")).length === 1, { what: "small's task running" });
    expect((await f.api.running("/big/app")).length).toBe(4);
    expect(await f.api.waiting("/big/app")).toBe(2);

    // With weight 10 for big's role, big holding 2 cpus counts as less than small holding 0.5: the next slot is big's.
    expect((await f.api.call("PUT", "/v2/roles/big%2Fmarathon", { weight: 10 })).status).toBe(200);
    expect((await f.api.call("POST", "/v2/apps", sleeper("/small/more", 1, HALF))).status).toBe(201);
    await eventually(async () => (await f.api.waiting("/small/more")) === 1, { what: "small's second app waiting" });
    expect(await f.api.scale("/fill/x", 2)).toBe(200);
    await eventually(async () => (await f.api.running("/big/app")).length === 5, { what: "big's fifth task running" });
    expect((await f.api.running("/small/more")).length).toBe(0);
  });
});
