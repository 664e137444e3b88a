import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

const changed = (words: { text: string; changed: boolean }[]) =>
  words.filter((w) => w.changed).map((w) => w.text);

describe("wordDiff", () => {
  it("marks only the substituted number on both sides", () => {
    const d = wordDiff(
      "The congress had 245 delegates from the provinces.",
      "The congress had 490 delegates from the provinces.",
    );
    expect(changed(d.statement)).toEqual(["245"]);
    expect(changed(d.original)).toEqual(["490"]);
  });

  it("ignores case and punctuation, and marks a replaced name of several words", () => {
    const d = wordDiff(
      "In 1921, Leon Trotsky led the attack.",
      "in 1921 Mikhail Tukhachevsky led the attack",
    );
    expect(changed(d.statement)).toEqual(["Leon", "Trotsky"]);
    expect(changed(d.original)).toEqual(["Mikhail", "Tukhachevsky"]);
  });

  it("marks nothing when the texts agree", () => {
    const d = wordDiff("A b c.", "a b c");
    expect(changed(d.statement)).toEqual([]);
    expect(changed(d.original)).toEqual([]);
  });
});
