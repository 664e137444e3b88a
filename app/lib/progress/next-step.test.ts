import { describe, expect, it } from "vitest";
import { chooseNextStep, type LessonState } from "./next-step";

const lesson = (order: number, patch: Partial<LessonState> = {}): LessonState => ({
  slug: `l${order}`,
  title: `Lesson ${order}`,
  order,
  moduleTitle: "M",
  level: "not_started",
  read: false,
  lastPercent: null,
  ...patch,
});

describe("chooseNextStep", () => {
  it("sends a new learner to read the first lesson", () => {
    expect(chooseNextStep([lesson(1), lesson(2)], 0)).toMatchObject({
      dueCount: 0,
      lesson: { slug: "l1", action: "read" },
    });
  });

  it("offers the quiz of a lesson read but never quizzed", () => {
    expect(chooseNextStep([lesson(1, { read: true })], 0).lesson?.action).toBe("quiz");
  });

  it("skips mastered lessons and asks to practise a quizzed one, with its last score", () => {
    const step = chooseNextStep(
      [lesson(1, { level: "mastered" }), lesson(2, { level: "practising", read: true, lastPercent: 60 })],
      3,
    );
    expect(step).toMatchObject({ dueCount: 3, lesson: { slug: "l2", action: "practise", lastPercent: 60 } });
  });

  it("has no lesson to suggest once every lesson is mastered", () => {
    expect(chooseNextStep([lesson(1, { level: "mastered" })], 2)).toEqual({ dueCount: 2, lesson: null });
  });
});
