import { describe, expect, it } from "vitest";
import { natsUnavailable } from "./js-errors.js";

const named = (name: string, message: string, extra: Record<string, unknown> = {}, cause?: unknown) =>
  Object.assign(new Error(message, { cause }), { name, ...extra });

describe("natsUnavailable", () => {
  it("says a full store refused the write, also when the refusal is the cause of another error", () => {
    const full = named("JetStreamApiError", "insufficient resources", { code: 10023 });
    expect(natsUnavailable(full)).toMatch(/^NATS JetStream has no room left .*send it again$/);
    expect(natsUnavailable(new Error("publish failed", { cause: full }))).toBe(natsUnavailable(full));
  });

  it("says the store's disk refused the write, with the server's own words", () => {
    const enospc = named(
      "JetStreamApiError",
      "write /var/lib/nats/jetstream/$G/streams/KV_berth_apps/msgs/1.blk: no space left on device",
      {
        code: 10077,
      },
    );
    expect(natsUnavailable(enospc)).toBe(
      "NATS JetStream could not write Berth's state to its store (write /var/lib/nats/jetstream/$G/streams/KV_berth_apps/msgs/1.blk: no space left on device), so the change was not stored: free space on the disk under its store, then send it again",
    );
  });

  it("says a change may not be stored when NATS did not answer", () => {
    for (const name of ["TimeoutError", "NoResponders", "ClosedConnectionError", "DrainingConnectionError", "ConnectionError"])
      expect(natsUnavailable(named(name, "no answer"))).toMatch(
        /^NATS did not answer in time \(no answer\): the change may not have been stored/,
      );
    expect(natsUnavailable(named("RequestError", "request failed", {}, named("NoResponders", "no responders")))).toMatch(/no responders/);
  });

  it("leaves every other error alone", () => {
    expect(natsUnavailable(named("JetStreamApiError", "wrong last sequence", { code: 10071 }))).toBeUndefined();
    expect(natsUnavailable(new Error("boom"))).toBeUndefined();
    expect(natsUnavailable("not an error")).toBeUndefined();
    expect(natsUnavailable(undefined)).toBeUndefined();
  });
});
