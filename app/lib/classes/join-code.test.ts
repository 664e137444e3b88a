import { describe, expect, it } from "vitest";
import {
  formatJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  newJoinCode,
  normalizeJoinCode,
} from "./join-code";

describe("join codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    for (const lookAlike of "0O1IL5S2Z8B") expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normalizeJoinCode(code)).toBe(code);
    }
  });

  it("use every letter of the alphabet (uniform picks)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const ch of newJoinCode()) seen.add(ch);
    expect([...seen].sort().join("")).toBe([...JOIN_CODE_ALPHABET].sort().join(""));
  });

  it("draw from the injected generator", () => {
    expect(newJoinCode(() => 0)).toBe(JOIN_CODE_ALPHABET[0]!.repeat(8));
  });

  it("accept what people type: lower case, spaces, a dash", () => {
    expect(normalizeJoinCode(" acde-fghj ")).toBe("ACDEFGHJ");
    expect(formatJoinCode("ACDEFGHJ")).toBe("ACDE-FGHJ");
    expect(normalizeJoinCode(formatJoinCode("ACDEFGHJ"))).toBe("ACDEFGHJ");
  });

  it("refuse wrong lengths and look-alike characters", () => {
    expect(normalizeJoinCode("ACDEFGH")).toBeNull();
    expect(normalizeJoinCode("ACDEFGH0")).toBeNull();
    expect(normalizeJoinCode("ACDEFGHI")).toBeNull();
  });
});
