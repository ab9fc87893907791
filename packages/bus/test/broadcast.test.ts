import { describe, expect, it } from "vitest";
import { channels, hear, tell } from "@berth/bus";
import { eventually } from "@berth/testkit";
import { useBuses } from "./buses.js";

const buses = useBuses("agent", "offer-handler");

const beat = (agentId: string, runningTasks: number) => ({ agentId, sentAtMs: Date.now(), healthy: true, healthMessage: "", runningTasks });

describe("a broadcast channel", () => {
  it("is heard with the subject each message came on, and a message that cannot be read is skipped, not the end of hearing", async () => {
    const heard: string[] = [];
    const unreadable: string[] = [];
    const hearing = hear(
      buses["offer-handler"].nc,
      channels.agentHeartbeat,
      (b, subject) => heard.push(`${subject} ${b.agentId} ${b.runningTasks}`),
      (_err, subject) => unreadable.push(subject),
    );
    try {
      await buses["offer-handler"].nc.flush();
      const nc = buses.agent.nc;
      tell(nc, channels.agentHeartbeat, "a1", beat("a1", 1));
      nc.publish(channels.agentHeartbeat.to("a1"), new Uint8Array([0xff, 0xff, 0xff]));
      tell(nc, channels.agentHeartbeat, "a1", beat("a1", 2));
      await eventually(() => heard.length === 2, { what: "both heartbeats heard" });
      const subject = channels.agentHeartbeat.to("a1");
      expect(heard).toEqual([`${subject} a1 1`, `${subject} a1 2`]);
      expect(unreadable).toEqual([subject]);
    } finally {
      hearing.stop();
    }
  });
});
