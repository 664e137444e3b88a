import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERRATA, REPLACEMENT_CHARACTER, applyErrata } from "./errata";
import { parseDigest } from "./parse-digest";

const source = readFileSync(
  path.join(process.cwd(), "content", "source", "000_c35c5bcf756e66cf.txt"),
  "utf8",
);

describe("errata", () => {
  it("covers the eight U+FFFD of the digest, each entry exactly once", () => {
    expect(source.split(REPLACEMENT_CHARACTER)).toHaveLength(9);
    const { text, applied } = applyErrata(source);
    expect(text.includes(REPLACEMENT_CHARACTER)).toBe(false);
    expect(ERRATA).toHaveLength(8);
    for (const entry of ERRATA) expect(applied[entry.id], entry.id).toBe(1);
    expect(text).toContain("(Montréal: Black Rose Books");
    expect(text).toContain("Battleship Potëmkin, dir.");
    expect(text).toContain("dubbed 'petty-bourgeois and");
  });

  it("records the right source line for every entry", () => {
    const lines = source.split("\n");
    for (const entry of ERRATA) {
      const line = lines[entry.line - 1] ?? "";
      expect(line, entry.id).toContain(entry.before + REPLACEMENT_CHARACTER + entry.after);
    }
  });

  it("fails loudly on a U+FFFD the table does not cover", () => {
    const tampered = source.replace(
      "Kronstadt Commune of March 1921",
      "Kronstadt Commune of M\uFFFDrch 1921",
    );
    expect(() => parseDigest(tampered)).toThrow(/Unrepaired U\+FFFD on line 1052/);
  });

  it("is documented entry by entry in content/ERRATA.md", () => {
    const doc = readFileSync(path.join(process.cwd(), "content", "ERRATA.md"), "utf8");
    for (const entry of ERRATA) {
      expect(doc, entry.id).toContain(`\`${entry.id}\``);
      expect(doc, entry.id).toMatch(new RegExp(`\\|\\s*${entry.line}\\s*\\|`));
    }
  });
});
