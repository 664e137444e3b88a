import type { MasteryLevel } from "./mastery";
import type { NextStep, NextStepLesson } from "./next-step-views";

export interface LessonState {
  slug: string;
  title: string;
  order: number;
  moduleTitle: string;
  level: MasteryLevel;
  read: boolean;
  lastPercent: number | null;
}

/**
 * Where a learner should go next: due reviews first (the card shows them separately), then the
 * first lesson in the guide's order that is not mastered — to read it if it was never opened
 * or quizzed, to take its quiz once read, or to practise it when quizzed but not yet mastered.
 */
export function chooseNextStep(lessons: LessonState[], dueCount: number): NextStep {
  const open = lessons.find((l) => l.level !== "mastered");
  let lesson: NextStepLesson | null = null;
  if (open) {
    const action: NextStepLesson["action"] =
      open.level !== "not_started" ? "practise" : open.read ? "quiz" : "read";
    lesson = {
      slug: open.slug,
      title: open.title,
      order: open.order,
      moduleTitle: open.moduleTitle,
      action,
      lastPercent: open.lastPercent,
    };
  }
  return { dueCount, lesson };
}
