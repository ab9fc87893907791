import { describe, expect, it } from "vitest";
import { newSealingKeys, open, seal, SealedValueError, sealingKeyPem, sealingKeysFromPem } from "./sealed.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("values sealed for one agent", () => {
  const agent = newSealingKeys();

  it("opens with the agent's key, and keeps nothing of the plaintext in clear", () => {
    const sealed = seal(agent.publicKey, text("hunter2-secret"));
    expect(Buffer.from(sealed).includes("hunter2")).toBe(false);
    expect(new TextDecoder().decode(open(agent, sealed))).toBe("hunter2-secret");
  });

  it("is different each time, so equal secrets do not show as equal", () => {
    expect(Buffer.from(seal(agent.publicKey, text("x"))).equals(Buffer.from(seal(agent.publicKey, text("x"))))).toBe(false);
  });

  it("refuses another agent's key, an altered message and a short one", () => {
    const sealed = seal(agent.publicKey, text("for agent a"));
    expect(() => open(newSealingKeys(), sealed)).toThrow(SealedValueError);
    const altered = Uint8Array.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => open(agent, altered)).toThrow(SealedValueError);
    expect(() => open(agent, sealed.subarray(0, 40))).toThrow(SealedValueError);
    expect(() => seal(new Uint8Array(5), text("x"))).toThrow(SealedValueError);
  });

  it("keeps the same keys through the agent's PEM file", () => {
    const again = sealingKeysFromPem(sealingKeyPem(agent));
    expect(Buffer.from(again.publicKey).equals(Buffer.from(agent.publicKey))).toBe(true);
    expect(new TextDecoder().decode(open(again, seal(agent.publicKey, text("same"))))).toBe("same");
  });
});
