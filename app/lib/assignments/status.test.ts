import { describe, expect, it } from "vitest";
import {
  canStartAttempt,
  countedScore,
  lessonOutcome,
  statusLabel,
  type AssignmentRules,
  type AttemptFact,
} from "./status";

const DUE = new Date("2026-04-03T22:59:00Z");
const before = (h: number) => new Date(DUE.getTime() - h * 3_600_000);
const after = (h: number) => new Date(DUE.getTime() + h * 3_600_000);

const rules = (over: Partial<AssignmentRules> = {}): AssignmentRules => ({
  opensAt: null,
  dueAt: DUE,
  closedAt: null,
  passMark: 70,
  attemptsAllowed: null,
  counting: "best",
  ...over,
});

let n = 0;
const done = (score: number, at: Date, total = 10): AttemptFact => ({
  id: `a${++n}`,
  status: "submitted",
  score,
  total,
  startedAt: new Date(at.getTime() - 600_000),
  submittedAt: at,
});
const open = (at: Date): AttemptFact => ({
  id: `a${++n}`,
  status: "in_progress",
  score: null,
  total: 10,
  startedAt: at,
  submittedAt: null,
});

describe("counting score", () => {
  const attempts = [done(6, before(30)), done(9, before(20)), done(7, before(10))];

  it("best: the highest percentage", () => {
    expect(countedScore(rules(), attempts)?.score).toBe(9);
  });

  it("latest: the last submitted", () => {
    expect(countedScore(rules({ counting: "latest" }), attempts)?.score).toBe(7);
  });

  it("compares percentages, not raw scores, when totals differ", () => {
    const mixed = [done(8, before(5), 10), done(5, before(4), 5)];
    expect(countedScore(rules(), mixed)?.percent).toBe(100);
  });

  it("best takes the earliest of equal scores", () => {
    const tie = [done(8, before(5)), done(8, after(5))];
    expect(countedScore(rules(), tie)).toMatchObject({ late: false });
  });

  it("only the first N attempts count when attempts are limited", () => {
    expect(countedScore(rules({ attemptsAllowed: 1 }), attempts)?.score).toBe(6);
    expect(countedScore(rules({ attemptsAllowed: 3, counting: "latest" }), attempts)?.score).toBe(7);
  });

  it("attempts after the teacher closed the assignment do not count", () => {
    const closed = rules({ closedAt: after(1) });
    expect(countedScore(closed, [done(4, before(1)), done(10, after(2))])?.score).toBe(4);
  });

  it("ignores in-progress attempts", () => {
    expect(countedScore(rules(), [open(before(1))])).toBeNull();
  });
});

describe("lesson status", () => {
  it("not started before the due date, overdue after it", () => {
    expect(lessonOutcome(rules(), [], before(1)).status).toBe("not_started");
    expect(lessonOutcome(rules(), [], after(1))).toMatchObject({ status: "overdue", late: false });
  });

  it("in progress, and marked late once past due", () => {
    expect(lessonOutcome(rules(), [open(before(2))], before(1))).toMatchObject({
      status: "in_progress",
      late: false,
    });
    expect(lessonOutcome(rules(), [open(before(2))], after(1))).toMatchObject({
      status: "in_progress",
      late: true,
    });
  });

  it("passed at the pass mark exactly, below it under", () => {
    expect(lessonOutcome(rules(), [done(7, before(1))], before(0)).status).toBe("passed");
    expect(lessonOutcome(rules(), [done(6, before(1))], before(0)).status).toBe("below_pass_mark");
  });

  it("late work is accepted and marked late", () => {
    const outcome = lessonOutcome(rules(), [done(9, after(1))], after(2));
    expect(outcome).toMatchObject({ status: "passed", late: true });
    expect(statusLabel(outcome)).toBe("Passed · late");
  });

  it("an on-time attempt counts as on time even if a later late one is worse", () => {
    const outcome = lessonOutcome(rules(), [done(9, before(1)), done(3, after(1))], after(2));
    expect(outcome).toMatchObject({ status: "passed", late: false, attemptsUsed: 2, attemptsLeft: null });
  });

  it("latest counting makes a late retake count, and late", () => {
    const outcome = lessonOutcome(
      rules({ counting: "latest" }),
      [done(9, before(1)), done(3, after(1))],
      after(2),
    );
    expect(outcome).toMatchObject({ status: "below_pass_mark", late: true });
  });

  it("reports attempts left", () => {
    expect(lessonOutcome(rules({ attemptsAllowed: 3 }), [done(2, before(3))], before(1)).attemptsLeft).toBe(
      2,
    );
  });
});

describe("canStartAttempt", () => {
  it("refuses before the open date, after closing, and past the attempt limit", () => {
    expect(canStartAttempt(rules({ opensAt: before(5) }), [], before(6))).toEqual({
      ok: false,
      reason: "not_open",
    });
    expect(canStartAttempt(rules({ closedAt: after(1) }), [], after(1))).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(canStartAttempt(rules({ attemptsAllowed: 1 }), [done(2, before(3))], before(1))).toEqual({
      ok: false,
      reason: "no_attempts_left",
    });
  });

  it("allows late work while the assignment is not closed", () => {
    expect(canStartAttempt(rules({ attemptsAllowed: 3 }), [done(2, before(3))], after(48))).toEqual({
      ok: true,
    });
  });
});
