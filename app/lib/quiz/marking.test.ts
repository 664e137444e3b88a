import { describe, expect, it } from "vitest";
import { damerauLevenshtein, markTyped, normaliseAnswer, typoBudget } from "./marking";
import { numberToWords, parseNumber } from "./numbers";

const ok = (answer: string, response: string, accepted: string[] = []) =>
  markTyped(answer, accepted, response).correct;

describe("normaliseAnswer", () => {
  it("ignores case, punctuation, diacritics, a leading article and a possessive", () => {
    expect(normaliseAnswer("The Provisional Government")).toBe("provisional government");
    expect(normaliseAnswer("  Montréal! ")).toBe("montreal");
    expect(normaliseAnswer("Lenin's")).toBe("lenin");
    expect(normaliseAnswer("Brest-Litovsk")).toBe("brest litovsk");
    expect(normaliseAnswer("an Anarchist")).toBe("anarchist");
  });
});

describe("damerauLevenshtein", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(damerauLevenshtein("lenin", "lenin")).toBe(0);
    expect(damerauLevenshtein("lenin", "lneni")).toBe(2);
    expect(damerauLevenshtein("trotsky", "trostky")).toBe(1);
    expect(damerauLevenshtein("", "abc")).toBe(3);
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
  });
});

describe("typoBudget", () => {
  it("scales with length: 0 up to 4, 1 for 5–8, 2 above", () => {
    expect(typoBudget(3)).toBe(0);
    expect(typoBudget(4)).toBe(0);
    expect(typoBudget(5)).toBe(1);
    expect(typoBudget(8)).toBe(1);
    expect(typoBudget(9)).toBe(2);
  });
});

describe("markTyped", () => {
  it("accepts case, punctuation and article differences", () => {
    expect(ok("Provisional Government", "the provisional government")).toBe(true);
    expect(ok("Left-SR's", "left srs")).toBe(true);
    expect(ok("CheKa", "cheka")).toBe(true);
    expect(ok("Golos Truda", "golos-truda.")).toBe(true);
  });
  it("accepts diacritics either way", () => {
    expect(ok("Potëmkin", "Potemkin")).toBe(true);
    expect(ok("Potemkin", "Potëmkin")).toBe(true);
  });
  it("tolerates small typos scaled to length", () => {
    expect(ok("Trotsky", "Trotksy")).toBe(true); // 7 letters, 1 swap
    expect(ok("Kerensky", "Kerenski")).toBe(true); // 8 letters, 1 edit
    expect(ok("Kerensky", "Kerenskii")).toBe(false); // 2 edits on 8 letters
    expect(ok("Petropavlovsk resolution", "Petropavlosk resolutoin")).toBe(true); // long: 2 edits
    expect(ok("Reds", "Reda")).toBe(false); // short answers must be exact
    expect(ok("GPU", "GPV")).toBe(false);
  });
  it("compares numbers by value, never with typo tolerance", () => {
    expect(ok("18,000", "18000")).toBe(true);
    expect(ok("18,000", "18 000")).toBe(true);
    expect(ok("18,000", "eighteen thousand")).toBe(true);
    expect(ok("fifteen", "15")).toBe(true);
    expect(ok("85%", "85 percent")).toBe(true);
    expect(ok("18,000", "19,000")).toBe(false);
    expect(ok("1921", "1922")).toBe(false);
    expect(ok("5 million", "5,000,000")).toBe(true);
  });
  it("accepts listed variants", () => {
    expect(ok("Vladimir Lenin", "Lenin", ["Lenin"])).toBe(true);
    expect(ok("Petrograd", "St. Petersburg", ["St. Petersburg"])).toBe(true);
    expect(ok("Tiflis", "tbilisi", ["Tbilisi"])).toBe(true);
  });
  it("rejects empty and wrong answers, and listed near-misses", () => {
    expect(ok("Lenin", "")).toBe(false);
    expect(ok("Lenin", "Stalin")).toBe(false);
    expect(markTyped("Greens", [], "Greene", { reject: ["Greene"] }).correct).toBe(false);
  });
});

describe("numbers", () => {
  it("parses digits and words", () => {
    expect(parseNumber("18,000")).toBe(18000);
    expect(parseNumber("twenty thousand")).toBe(20000);
    expect(parseNumber("one hundred")).toBe(100);
    expect(parseNumber("three thousand")).toBe(3000);
    expect(parseNumber("twenty-five")).toBe(25);
    expect(parseNumber("85%")).toBe(85);
    expect(parseNumber("Lenin")).toBeNull();
  });
  it("writes words", () => {
    expect(numberToWords(18000)).toBe("eighteen thousand");
    expect(numberToWords(245)).toBe("two hundred forty-five");
    expect(numberToWords(15)).toBe("fifteen");
  });
});
