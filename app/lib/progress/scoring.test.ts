import { describe, expect, it } from "vitest";
import { markAnswer } from "@/app/lib/quiz/public-question";
import {
  answerCredit,
  attemptScore,
  formatScore,
  reachesPercent,
  scorePercent,
  storedCredit,
} from "./scoring";
import { lessonMastery } from "./mastery";
import { lessonOutcome } from "@/app/lib/assignments/status";

const ordering = { type: "ordering" as const, answer: ["a", "b", "c", "d"] };
const matching = {
  type: "matching" as const,
  answer: [
    ["A", "1"],
    ["B", "2"],
    ["C", "3"],
  ] as [string, string][],
};

describe("answer credit", () => {
  it("gives a chronology answer the share of events in their place, a matching one the share of right pairs", () => {
    expect(answerCredit(markAnswer(ordering, ["a", "b", "c", "d"]))).toBe(1);
    expect(answerCredit(markAnswer(ordering, ["a", "b", "d", "c"]))).toBe(0.5);
    expect(answerCredit(markAnswer(ordering, ["a", "c", "b", "d"]))).toBe(0.5);
    expect(answerCredit(markAnswer(ordering, ["b", "c", "d", "a"]))).toBe(0);
    expect(
      answerCredit(
        markAnswer(matching, [
          ["A", "1"],
          ["B", "3"],
          ["C", "2"],
        ]),
      ),
    ).toBe(0.33);
    expect(
      answerCredit(
        markAnswer(matching, [
          ["A", "1"],
          ["B", "2"],
          ["C", "1"],
        ]),
      ),
    ).toBe(0.67);
    expect(answerCredit(markAnswer(matching, null))).toBe(0);
  });

  it("other types earn all or nothing, and a partly right answer never rounds up to a full mark", () => {
    expect(answerCredit(markAnswer({ type: "multiple_choice", answer: "x" }, "x"))).toBe(1);
    expect(answerCredit(markAnswer({ type: "multiple_choice", answer: "x" }, "y"))).toBe(0);
    expect(answerCredit({ correct: false, score: 0.999 })).toBe(0.99);
    expect(answerCredit({ correct: false, score: 1.5 })).toBe(0.99);
    expect(answerCredit({ correct: false, score: -1 })).toBe(0);
  });

  it("reads rows graded before credit was stored as 1 or 0", () => {
    expect(storedCredit(null, true)).toBe(1);
    expect(storedCredit(null, false)).toBe(0);
    expect(storedCredit(null, null)).toBe(0);
    expect(storedCredit(0.75, false)).toBe(0.75);
  });
});

describe("attempt score", () => {
  it("adds credits in hundredths, so the same answers always give the same score", () => {
    expect(attemptScore([0.1, 0.2])).toBe(0.3); // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(attemptScore([1, 1, 0.5, 0.75, 0, 1, 1, 1, 1, 0.25])).toBe(7.5);
    expect(attemptScore([0.33, 0.33, 0.33])).toBe(0.99);
    expect(attemptScore([])).toBe(0);
    const credits = [0.67, 0.33, 1, 0.25, 0.8];
    expect(attemptScore(credits)).toBe(attemptScore([...credits].reverse()));
  });

  it("formats a score without trailing zeros", () => {
    expect(formatScore(7.5)).toBe("7.5");
    expect(formatScore(7)).toBe("7");
    expect(formatScore(6.67)).toBe("6.67");
    expect(formatScore(0.1 + 0.2)).toBe("0.3");
  });
});

describe("percentages", () => {
  it("compare exactly in hundredths: 8.2 of 10 reaches 82 %, 8.19 does not", () => {
    expect(8.2 * 100 >= 82 * 10).toBe(false); // why plain floating point is not enough
    expect(reachesPercent(8.2, 10, 82)).toBe(true);
    expect(reachesPercent(8.19, 10, 82)).toBe(false);
    expect(reachesPercent(7.5, 10, 75)).toBe(true);
    expect(scorePercent(7.5, 10)).toBe(75);
    expect(scorePercent(6.67, 9, 1)).toBe(74.1);
    expect(scorePercent(1, 0)).toBe(0);
  });

  it("mastery and an assignment's pass mark count the same partial score", () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    const attempts = [
      { score: 7.75, total: 10, submittedAt: at(1) },
      { score: 8, total: 10, submittedAt: at(2) },
    ];
    expect(lessonMastery(attempts)).toMatchObject({ level: "practising", bestPercent: 80, lastPercent: 80 });
    expect(lessonMastery([...attempts, { score: 8.5, total: 10, submittedAt: at(3) }]).level).toBe(
      "mastered",
    );

    const rules = {
      opensAt: null,
      dueAt: at(10),
      closedAt: null,
      passMark: 78,
      attemptsAllowed: null,
      counting: "latest" as const,
    };
    const fact = (score: number) => ({
      id: `a-${score}`,
      status: "submitted" as const,
      score,
      total: 10,
      startedAt: at(1),
      submittedAt: at(2),
    });
    expect(lessonOutcome(rules, [fact(7.8)], at(3))).toMatchObject({
      status: "passed",
      counted: { score: 7.8, percent: 78 },
    });
    // 7.79 of 10 is 77.9 %: below a 78 % pass mark.
    expect(lessonOutcome(rules, [fact(7.79)], at(3))).toMatchObject({
      status: "below_pass_mark",
      counted: { percent: 77.9 },
    });
  });
});
