import { describe, expect, it } from "vitest";
import { lessonMastery, moduleProgress, percentOf, type ScoredAttempt } from "./mastery";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const a = (score: number, total: number, n: number): ScoredAttempt => ({ score, total, submittedAt: day(n) });

describe("lessonMastery", () => {
  it("is not started with no attempts", () => {
    expect(lessonMastery([])).toEqual({
      level: "not_started",
      attempts: 0,
      bestPercent: null,
      lastPercent: null,
      lastAttemptAt: null,
    });
  });

  it("ignores attempts with no questions", () => {
    expect(lessonMastery([a(0, 0, 1)]).level).toBe("not_started");
  });

  it("is started when the best score is below 50 %", () => {
    const m = lessonMastery([a(2, 10, 1), a(4, 10, 2)]);
    expect(m).toMatchObject({
      level: "started",
      attempts: 2,
      bestPercent: 40,
      lastPercent: 40,
      lastAttemptAt: day(2),
    });
  });

  it("is practising from 50 %", () => {
    expect(lessonMastery([a(5, 10, 1)]).level).toBe("practising");
    expect(lessonMastery([a(4, 9, 1)]).level).toBe("started"); // 44 %
  });

  it("one attempt at 100 % is not mastery yet", () => {
    expect(lessonMastery([a(10, 10, 1)])).toMatchObject({ level: "practising", bestPercent: 100 });
  });

  it("is mastered when the two latest attempts are both 80 % or better", () => {
    expect(lessonMastery([a(8, 10, 1), a(9, 10, 2)]).level).toBe("mastered");
    expect(lessonMastery([a(3, 10, 1), a(8, 10, 2), a(10, 10, 3)]).level).toBe("mastered");
  });

  it("compares the 80 % threshold exactly, without rounding", () => {
    expect(lessonMastery([a(4, 5, 1), a(8, 10, 2)]).level).toBe("mastered");
    // 7/9 = 77.8 % (displayed 78) is not enough
    expect(lessonMastery([a(7, 9, 1), a(9, 9, 2)]).level).toBe("practising");
  });

  it("a later low score drops mastery back to practising", () => {
    const m = lessonMastery([a(9, 10, 1), a(10, 10, 2), a(6, 10, 3)]);
    expect(m).toMatchObject({ level: "practising", bestPercent: 100, lastPercent: 60, attempts: 3 });
  });

  it("two good attempts that are not the latest two are not mastery", () => {
    expect(lessonMastery([a(9, 10, 1), a(4, 10, 2), a(9, 10, 3)]).level).toBe("practising");
  });

  it("orders attempts by submission time whatever the input order", () => {
    const m = lessonMastery([a(10, 10, 3), a(2, 10, 1), a(9, 10, 2)]);
    expect(m).toMatchObject({ level: "mastered", lastPercent: 100, lastAttemptAt: day(3) });
  });

  it("best score compares fractions, not raw scores", () => {
    expect(lessonMastery([a(5, 5, 1), a(8, 10, 2)]).bestPercent).toBe(100);
  });
});

describe("percentOf / moduleProgress", () => {
  it("rounds percentages and guards empty totals", () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
  });
  it("counts mastered lessons out of all lessons", () => {
    const levels = new Map([
      ["a", "mastered" as const],
      ["b", "practising" as const],
    ]);
    expect(moduleProgress(["a", "b", "c"], levels)).toEqual({ mastered: 1, total: 3 });
  });
});
