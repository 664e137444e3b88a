import { describe, expect, it } from "vitest";
import type { AssignmentRules } from "@/app/lib/assignments/status";
import { buildGradebook, sortRows, type GradebookAttempt, type GradebookLearner } from "./grid";

const DUE = new Date("2026-04-03T22:59:00Z");
const rules: AssignmentRules = {
  opensAt: null,
  dueAt: DUE,
  closedAt: null,
  passMark: 70,
  attemptsAllowed: null,
  counting: "best",
};
const lessons = [
  { slug: "l1", title: "One" },
  { slug: "l2", title: "Two" },
];
const learners: GradebookLearner[] = [
  { userId: "u1", name: "Bea", email: "b@x", exit: null },
  { userId: "u2", name: "Ana", email: "a@x", exit: null },
  { userId: "u3", name: "Cy", email: "c@x", exit: "left" },
];
let n = 0;
const att = (userId: string, lessonSlug: string, score: number, at: Date): GradebookAttempt => ({
  id: `a${++n}`,
  userId,
  lessonSlug,
  status: "submitted",
  score,
  total: 10,
  startedAt: at,
  submittedAt: at,
});
const early = new Date("2026-04-01T10:00:00Z");
const late = new Date("2026-04-05T10:00:00Z");

const book = buildGradebook({
  rules,
  lessons,
  learners,
  attempts: [
    att("u1", "l1", 6, early),
    att("u1", "l1", 8, early),
    att("u1", "l2", 9, late),
    att("u2", "l1", 5, early),
    att("u3", "l1", 10, early),
    att("u3", "l2", 10, early),
  ],
  now: new Date("2026-04-06T00:00:00Z"),
});

describe("buildGradebook", () => {
  it("puts each learner's counting score, status and late mark in each cell", () => {
    const bea = book.rows[0];
    expect(bea?.cells.map((c) => [c.counted?.percent, c.status, c.late])).toEqual([
      [80, "passed", false],
      [90, "passed", true],
    ]);
    const ana = book.rows[1];
    expect(ana?.cells.map((c) => c.status)).toEqual(["below_pass_mark", "overdue"]);
  });

  it("totals average every lesson, a missing one counting zero", () => {
    expect(book.rows.map((r) => r.totalPercent)).toEqual([85, 25, 100]);
    expect(book.rows[0]).toMatchObject({ completed: 2, passed: 2, late: 1 });
  });

  it("class averages leave out learners who left, and lessons nobody did", () => {
    expect(book.averages).toEqual([
      { slug: "l1", averagePercent: 65, submitted: 2, passed: 1 },
      { slug: "l2", averagePercent: 90, submitted: 1, passed: 1 },
    ]);
    expect(book.classAverage).toBe(55);
  });

  it("keeps a learner who left, marked", () => {
    expect(book.rows[2]?.learner.exit).toBe("left");
  });
});

describe("sortRows", () => {
  it("by name, by total and by a lesson (missing scores last either way)", () => {
    expect(sortRows(book.rows, { by: "name" }, "asc").map((r) => r.learner.name)).toEqual([
      "Ana",
      "Bea",
      "Cy",
    ]);
    expect(sortRows(book.rows, { by: "total" }, "desc").map((r) => r.learner.name)).toEqual([
      "Cy",
      "Bea",
      "Ana",
    ]);
    expect(sortRows(book.rows, { by: "lesson", index: 1 }, "asc").map((r) => r.learner.name)).toEqual([
      "Bea",
      "Cy",
      "Ana",
    ]);
    expect(sortRows(book.rows, { by: "lesson", index: 1 }, "desc").map((r) => r.learner.name)).toEqual([
      "Cy",
      "Bea",
      "Ana",
    ]);
  });
});
