import { describe, expect, it } from "vitest";
import { callbackRetryDelayMs, callbackUrlRefusal } from "./callbacks.js";

describe("callback destinations", () => {
  it("allows nothing unless the operator lists it", () => {
    expect(callbackUrlRefusal("http://127.0.0.1:9000/cb", [])).toMatch(/event subscriptions are off/);
  });

  it("allows loopback with 'loopback', and listed hosts or host:port", () => {
    for (const url of ["http://127.0.0.1:9000/cb", "http://localhost/x", "http://[::1]:8080/", "http://127.8.9.10/"]) {
      expect(callbackUrlRefusal(url, ["loopback"]), url).toBeUndefined();
    }
    expect(callbackUrlRefusal("https://hooks.example.com/x", ["hooks.example.com"])).toBeUndefined();
    expect(callbackUrlRefusal("http://lb.internal:8080/", ["lb.internal:8080"])).toBeUndefined();
    expect(callbackUrlRefusal("http://lb.internal:8081/", ["lb.internal:8080"])).toMatch(/lb\.internal:8081 is not among them/);
  });

  it("refuses what would make Berth reach elsewhere", () => {
    for (const url of ["http://10.0.0.1/x", "http://169.254.169.254/latest", "http://127.0.0.1.evil.com/", "http://0.0.0.0/"]) {
      expect(callbackUrlRefusal(url, ["loopback"]), url).toMatch(/is not among them/);
    }
    expect(callbackUrlRefusal("ftp://127.0.0.1/", ["loopback"])).toMatch(/http/);
    expect(callbackUrlRefusal("http://u:p@127.0.0.1/", ["loopback"])).toMatch(/user or password/);
    expect(callbackUrlRefusal("not a url", ["loopback"])).toMatch(/not a URL/);
  });

  it("waits longer before each attempt", () => {
    expect([1, 2, 3, 4, 5].map(callbackRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });
});
