import { describe, expect, it } from "vitest";
import { BerthError, errorFromData, errorToData, NotFoundError, QuotaExceededError, UnavailableError } from "./errors.js";

describe("errors across the bus", () => {
  it("crosses as data and comes back as the same kind of error: code, message, retryability and HTTP status", () => {
    for (const err of [new NotFoundError("Task 'x' does not exist"), new QuotaExceededError("over"), new UnavailableError("no agent")]) {
      const back = errorFromData(errorToData(err));
      expect(back).toBeInstanceOf(BerthError);
      expect({ code: back.code, message: back.message, retryable: back.retryable, status: back.httpStatus }).toEqual({
        code: err.code,
        message: err.message,
        retryable: err.retryable,
        status: err.httpStatus,
      });
    }
  });

  it("gives any other error as internal and retryable, and reads what a peer left out as internal", () => {
    expect(errorToData(new TypeError("boom"))).toEqual({ code: "BERTH_ERR_INTERNAL", message: "boom", retryable: true });
    expect(errorToData("text")).toEqual({ code: "BERTH_ERR_INTERNAL", message: "text", retryable: true });
    const unknown = errorFromData({ code: "", message: "?", retryable: null });
    expect({ code: unknown.code, status: unknown.httpStatus, retryable: unknown.retryable }).toEqual({
      code: "BERTH_ERR_INTERNAL",
      status: 500,
      retryable: false,
    });
  });
});
