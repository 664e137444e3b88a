import { describe, expect, it } from "vitest";
import { analyseItems, pointBiserial, type ItemAttempt } from "./item-analysis";

const Q = { id: "q", choices: ["Key", "D1", "D2"], key: "Key" };
const A = { id: "a", choices: null, key: null };
const B = { id: "b", choices: null, key: null };

function attempt(q: string, a: boolean, b: boolean): ItemAttempt {
  return {
    responses: [
      { questionId: "q", correct: q === "Key", answer: q },
      { questionId: "a", correct: a, answer: "x" },
      { questionId: "b", correct: b, answer: "y" },
    ],
  };
}

// Four quizzes of three questions, worked by hand:
//            q     a     b   | rest score of q  | rest score of a
// 1:        Key   ✓     ✓    | 2/2 = 1          | 2/2 = 1
// 2:        Key   ✓     ✗    | 1/2              | 1/2
// 3:        D1    ✓     ✗    | 1/2              | 0/2
// 4:        D1    ✗     ✗    | 0/2              | 0/2
const FOUR = [
  attempt("Key", true, true),
  attempt("Key", true, false),
  attempt("D1", true, false),
  attempt("D1", false, false),
];

describe("analyseItems", () => {
  const [q, a, b] = analyseItems([Q, A, B], FOUR);

  it("facility is the share of right answers", () => {
    expect(q?.facility).toBe(0.5);
    expect(a?.facility).toBe(0.75);
    expect(b?.facility).toBe(0.25);
  });

  it("discrimination is the point-biserial against the rest of the quiz", () => {
    // q: M1 = 0.75, M0 = 0.25, mean 0.5, population sd √0.125, p = 0.5 → 0.5/0.35355 · 0.5 = 0.70711
    expect(q?.discrimination).toBeCloseTo(0.70711, 4);
    // a: M1 = 0.5, M0 = 0, mean 0.375, sd √0.171875 = 0.41458, √(0.75·0.25) = 0.43301 → 0.52223
    expect(a?.discrimination).toBeCloseTo(0.52223, 4);
  });

  it("counts each wrong option, overall and in the top third", () => {
    expect(q?.distractors).toEqual({ D1: 2, D2: 0 });
    // top third of 4 = 2 answers, by rest score: quiz 1 (1) and quiz 2 (0.5, first of the tie)
    expect(q?.topThird).toEqual({ size: 2, key: 2, distractors: { D1: 0, D2: 0 } });
    expect(a?.distractors).toEqual({});
  });

  it("raises no flag under ten answers", () => {
    expect(q?.flags).toEqual([]);
    expect(b?.flags).toEqual([]);
  });

  it("skips quizzes of a single question (no rest to compare with)", () => {
    const [only] = analyseItems([Q], [{ responses: [{ questionId: "q", correct: true, answer: "Key" }] }]);
    expect(only?.answers).toBe(0);
    expect(only?.facility).toBeNull();
  });
});

describe("flags", () => {
  it("too hard: under 20 % right with ten answers", () => {
    const list = Array.from({ length: 10 }, (_, i) =>
      attempt(i === 0 ? "Key" : "D2", i % 2 === 0, i % 3 === 0),
    );
    const [q] = analyseItems([Q, A, B], list);
    expect(q?.facility).toBe(0.1);
    expect(q?.flags).toContain("too_hard");
  });

  it("too easy: over 95 % right", () => {
    const list = Array.from({ length: 20 }, (_, i) => attempt("Key", i % 2 === 0, i % 3 === 0));
    const [q] = analyseItems([Q, A, B], list);
    expect(q?.facility).toBe(1);
    expect(q?.flags).toContain("too_easy");
  });

  it("a distractor the strongest learners prefer to the key, and a negative discrimination", () => {
    // Strong learners (both other questions right) pick D1; weak ones pick the key.
    const strong = Array.from({ length: 6 }, () => attempt("D1", true, true));
    const weak = Array.from({ length: 6 }, () => attempt("Key", false, false));
    const [q] = analyseItems([Q, A, B], [...strong, ...weak]);
    expect(q?.facility).toBe(0.5);
    expect(q?.discrimination).toBeCloseTo(-1, 6);
    expect(q?.topThird).toEqual({ size: 4, key: 0, distractors: { D1: 4, D2: 0 } });
    expect(q?.flags).toEqual(["low_discrimination", "distractor_beats_key"]);
  });

  it("a well-behaved question raises nothing", () => {
    const strong = Array.from({ length: 6 }, () => attempt("Key", true, true));
    const weak = Array.from({ length: 6 }, () => attempt("D2", false, false));
    const [q] = analyseItems([Q, A, B], [...strong, ...weak]);
    expect(q?.discrimination).toBeCloseTo(1, 6);
    expect(q?.flags).toEqual([]);
  });
});

describe("pointBiserial", () => {
  it("is undefined without spread", () => {
    expect(pointBiserial([{ correct: true, rest: 1 }])).toBeNull();
    expect(
      pointBiserial([
        { correct: true, rest: 1 },
        { correct: true, rest: 0 },
      ]),
    ).toBeNull();
    expect(
      pointBiserial([
        { correct: true, rest: 0.5 },
        { correct: false, rest: 0.5 },
      ]),
    ).toBeNull();
  });
});
