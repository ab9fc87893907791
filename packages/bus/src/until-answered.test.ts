import { describe, expect, it } from "vitest";
import { errors } from "@nats-io/transport-node";
import { isUnanswered, untilAnswered } from "./until-answered.js";

describe("untilAnswered", () => {
  it("asks again while NATS leaves the request unanswered", async () => {
    let asked = 0;
    const answer = await untilAnswered(Date.now() + 10_000, async () => {
      if (++asked < 3) throw new errors.TimeoutError();
      return "answered";
    });
    expect([answer, asked]).toEqual(["answered", 3]);
  });

  it("throws any other error at once", async () => {
    let asked = 0;
    const failed = untilAnswered(Date.now() + 10_000, async () => {
      asked++;
      throw new Error("consumer not found");
    });
    await expect(failed).rejects.toThrow("consumer not found");
    expect(asked).toBe(1);
  });

  it("gives up once its deadline is past", async () => {
    await expect(
      untilAnswered(Date.now() + 250, async () => {
        throw new errors.NoRespondersError("$JS.API.INFO");
      }),
    ).rejects.toBeInstanceOf(errors.NoRespondersError);
  });

  it("asks again on what its caller says to, telling it each retry", async () => {
    const heard: string[] = [];
    let asked = 0;
    const answer = await untilAnswered(
      Date.now() + 10_000,
      async () => {
        if (++asked < 3) throw new Error("stream not found");
        return "opened";
      },
      { retryIf: () => true, onRetry: (err, attempt) => void heard.push(`${attempt}: ${String(err)}`), stepMs: 1 },
    );
    expect(answer).toBe("opened");
    expect(heard).toEqual(["1: Error: stream not found", "2: Error: stream not found"]);
  });

  it("tells an unanswered request from a refusal", () => {
    expect(isUnanswered(new errors.TimeoutError())).toBe(true);
    expect(isUnanswered(new Error("JetStream system temporarily unavailable"))).toBe(true);
    expect(isUnanswered(new errors.PermissionViolationError("no", "publish", "x"))).toBe(false);
    expect(isUnanswered(new Error("stream not found"))).toBe(false);
  });
});
