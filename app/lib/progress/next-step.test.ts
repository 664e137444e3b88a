import { describe, expect, it } from "vitest";
import { chooseNextStep, type AssignedPartFact, type LessonState, type NextStepInput } from "./next-step";

const now = new Date("2026-03-01T12:00:00Z");

const lesson = (order: number, patch: Partial<LessonState> = {}): LessonState => ({
  slug: `l${order}`,
  title: `Lesson ${order}`,
  order,
  moduleSlug: "m1",
  moduleTitle: "M",
  level: "not_started",
  read: false,
  lastPercent: null,
  ...patch,
});

const input = (patch: Partial<NextStepInput> = {}): NextStepInput => ({
  lessons: [lesson(1), lesson(2)],
  dueCount: 0,
  openAttempt: null,
  assigned: [],
  lastLessonSlug: null,
  now,
  ...patch,
});

const openAttempt = {
  id: "att1",
  target: { kind: "lesson", slug: "h2", title: "Hail 2" },
  answered: 1,
  total: 8,
} as const;

const part = (slug: string, patch: Partial<AssignedPartFact> = {}): AssignedPartFact => ({
  assignmentTitle: "Week 1",
  target: { kind: "lesson", slug, title: `Title ${slug}` },
  dueAt: new Date("2026-03-04T12:00:00Z"),
  done: false,
  canStart: true,
  ...patch,
});

describe("chooseNextStep", () => {
  it("sends a new learner to read the first lesson", () => {
    expect(chooseNextStep(input())).toEqual({
      dueCount: 0,
      next: {
        kind: "lesson",
        lesson: {
          slug: "l1",
          title: "Lesson 1",
          order: 1,
          moduleTitle: "M",
          action: "read",
          lastPercent: null,
        },
      },
    });
  });

  it("offers the quiz of a lesson read but never quizzed", () => {
    expect(chooseNextStep(input({ lessons: [lesson(1, { read: true })] })).next).toMatchObject({
      kind: "lesson",
      lesson: { action: "quiz" },
    });
  });

  it("skips mastered lessons and asks to practise a quizzed one, with its last score", () => {
    const step = chooseNextStep(
      input({
        lessons: [
          lesson(1, { level: "mastered" }),
          lesson(2, { level: "practising", read: true, lastPercent: 60 }),
        ],
        dueCount: 3,
      }),
    );
    expect(step).toMatchObject({
      dueCount: 3,
      next: { kind: "lesson", lesson: { slug: "l2", action: "practise", lastPercent: 60 } },
    });
  });

  it("has nothing to offer once every lesson is mastered and nothing is open or assigned", () => {
    expect(chooseNextStep(input({ lessons: [lesson(1, { level: "mastered" })], dueCount: 2 }))).toEqual({
      dueCount: 2,
      next: null,
    });
  });

  describe("the next lesson after the one last quizzed", () => {
    const guide = [
      lesson(1),
      lesson(2, { level: "practising", read: true, lastPercent: 50 }),
      lesson(3, { level: "mastered" }),
      lesson(4),
      lesson(1, { slug: "h1", moduleSlug: "m2", level: "practising", lastPercent: 70 }),
      lesson(2, { slug: "h2", moduleSlug: "m2" }),
    ];

    it("is the following lesson of the same module, not the first lesson not mastered", () => {
      expect(chooseNextStep(input({ lessons: guide, lastLessonSlug: "h1" })).next).toMatchObject({
        kind: "lesson",
        lesson: { slug: "h2", action: "read" },
      });
    });

    it("skips mastered lessons of the same module", () => {
      expect(chooseNextStep(input({ lessons: guide, lastLessonSlug: "l2" })).next).toMatchObject({
        lesson: { slug: "l4" },
      });
    });

    it("is the same lesson again, to practise, while its last score is under the practising mark", () => {
      const failed = guide.map((l) =>
        l.slug === "h1" ? { ...l, level: "started" as const, lastPercent: 20 } : l,
      );
      expect(chooseNextStep(input({ lessons: failed, lastLessonSlug: "h1" })).next).toMatchObject({
        kind: "lesson",
        lesson: { slug: "h1", action: "practise", lastPercent: 20 },
      });
    });

    it("falls back to the first lesson not mastered at the end of a module", () => {
      expect(chooseNextStep(input({ lessons: guide, lastLessonSlug: "h2" })).next).toMatchObject({
        lesson: { slug: "l1" },
      });
    });
  });

  describe("an assignment", () => {
    it("comes before the next lesson: the first part, due soonest, not done that takes an attempt", () => {
      const step = chooseNextStep(
        input({
          lastLessonSlug: "l1",
          assigned: [
            part("done", { done: true }),
            part("closed", { canStart: false }),
            part("l5"),
            part("later", { dueAt: new Date("2026-03-20T12:00:00Z") }),
          ],
        }),
      );
      expect(step.next).toEqual({
        kind: "assignment",
        assignmentTitle: "Week 1",
        target: { kind: "lesson", slug: "l5", title: "Title l5" },
        dueAt: "2026-03-04T12:00:00.000Z",
        dueRelative: "in 3 days",
      });
    });

    it("gives way to the next lesson once every part is done or closed", () => {
      const step = chooseNextStep(
        input({ assigned: [part("a", { done: true }), part("b", { canStart: false })] }),
      );
      expect(step.next).toMatchObject({ kind: "lesson", lesson: { slug: "l1" } });
    });
  });

  describe("an unfinished quiz", () => {
    it("comes first, before an open assignment and the next lesson", () => {
      const step = chooseNextStep(input({ openAttempt, assigned: [part("l5")], lastLessonSlug: "l1" }));
      expect(step.next).toEqual({
        kind: "attempt",
        attemptId: "att1",
        target: { kind: "lesson", slug: "h2", title: "Hail 2" },
        answered: 1,
        total: 8,
      });
    });

    it("is offered even when every lesson is mastered", () => {
      const step = chooseNextStep(
        input({
          lessons: [lesson(1, { level: "mastered" })],
          openAttempt: { ...openAttempt, target: { kind: "module", slug: "m1", title: "M" } },
        }),
      );
      expect(step.next).toMatchObject({ kind: "attempt", target: { kind: "module" } });
    });
  });
});
