import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

function expectSplit(text: string, expected: string[]) {
  const sentences = splitSentences(text);
  expect(sentences).toEqual(expected);
  expect(sentences.join(" ")).toBe(text);
}

describe("splitSentences", () => {
  it("splits after . ! ? followed by a capital or a digit", () => {
    expectSplit("It fell. Then it rose! Why? 1921 came.", [
      "It fell.",
      "Then it rose!",
      "Why?",
      "1921 came.",
    ]);
  });

  it("keeps closing quotes and brackets with the sentence they end", () => {
    expectSplit('He said "it is over." She left.', ['He said "it is over."', "She left."]);
    expectSplit("It was vast (see map). Next.", ["It was vast (see map).", "Next."]);
  });

  it("splits before an opening quote or bracket followed by a capital", () => {
    expectSplit('It ended. "Never again," they said.', ["It ended.", '"Never again," they said.']);
    expectSplit("They wrote. [T]hey left.", ["They wrote.", "[T]hey left."]);
  });

  it("does not split before a parenthesis: citations stay with their sentence", () => {
    expectSplit('Could there be a more absurd theory?" (41). Maximov here echoes it.', [
      'Could there be a more absurd theory?" (41).',
      "Maximov here echoes it.",
    ]);
    expectSplit("Saratov, in Ukraine, Siberia, etc. (Maximov 87-8).", [
      "Saratov, in Ukraine, Siberia, etc. (Maximov 87-8).",
    ]);
    expectSplit('the Bolsheviki!" (emphasis in original).', ['the Bolsheviki!" (emphasis in original).']);
  });

  it("knows the abbreviations of the digest", () => {
    for (const text of [
      "Petrograd (St. Petersburg) rose.",
      "At 11 p.m. the Congress opened.",
      "The U.S. Army came.",
      "Battleship Potëmkin, dir. Sergei Eisenstein (1925).",
      "The Russian Revolution (ed. Robert Graham).",
      "Statism and Anarchy, trans. Marshall Shatz.",
      "Platform (Makhno, Arshinov, et al. Others) here.",
      "Pipes, Ibid. Later it came.",
    ]) {
      expect(splitSentences(text), text).toEqual([text]);
    }
  });

  it("does not split after single-capital initials", () => {
    expectSplit('the "M. A. Bakunin Partisan Detachment" of Yekaterinoslav.', [
      'the "M. A. Bakunin Partisan Detachment" of Yekaterinoslav.',
    ]);
    expectSplit("Lenin's partner, N. K. Krupskaya, circulated a list.", [
      "Lenin's partner, N. K. Krupskaya, circulated a list.",
    ]);
    expectSplit("(Saratov: M.E. Sharpe, 1990).", ["(Saratov: M.E. Sharpe, 1990)."]);
  });

  it('does end a sentence at "World War I."', () => {
    expectSplit("conscription during World War I. One important factor was that.", [
      "conscription during World War I.",
      "One important factor was that.",
    ]);
  });

  it("keeps the B6 slogan list in one sentence", () => {
    const text =
      "Yet as Voline observes, the Reds' most popular slogans-Long live the Revolution! Down with the war! The land to the peasants! The factories to the workers!-were in fact appropriated from the anarchists. As discussed above, it was so.";
    expect(splitSentences(text)).toHaveLength(2);
  });

  it('does not split at "realized... by" and does split after "[...]."', () => {
    expectSplit("all this is to be realized... by enslaving the entire population!", [
      "all this is to be realized... by enslaving the entire population!",
    ]);
    expectSplit("have been set up[...]. The advanced workers", [
      "have been set up[...].",
      "The advanced workers",
    ]);
  });

  it('treats " ---- " as a hard boundary', () => {
    expect(splitSentences("the October Revolution: ---- In Solidarity,")).toEqual([
      "the October Revolution: ----",
      "In Solidarity,",
    ]);
  });

  it("returns no sentences for empty text", () => {
    expect(splitSentences("")).toEqual([]);
  });
});
