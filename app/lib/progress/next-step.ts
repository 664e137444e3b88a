import { formatRelative } from "@/app/lib/assignments/due";
import type { QuizTarget } from "@/app/lib/attempts/target";
import { PRACTISING_PERCENT, type MasteryLevel } from "./mastery";
import type { ContinueItem, NextStep, NextStepLesson } from "./next-step-views";

export interface LessonState {
  slug: string;
  title: string;
  order: number;
  moduleSlug: string;
  moduleTitle: string;
  level: MasteryLevel;
  read: boolean;
  lastPercent: number | null;
}

export interface OpenAttemptFact {
  id: string;
  target: QuizTarget;
  answered: number;
  total: number;
}

export interface AssignedPartFact {
  assignmentTitle: string;
  target: QuizTarget;
  dueAt: Date;
  done: boolean;
  canStart: boolean;
}

export interface NextStepInput {
  /** Every lesson, in the guide's order. */
  lessons: LessonState[];
  dueCount: number;
  /** The most recently started quiz or module test still in progress. */
  openAttempt: OpenAttemptFact | null;
  /** The learner's assignment parts, due soonest first. */
  assigned: AssignedPartFact[];
  /** The lesson of the learner's latest submitted quiz. */
  lastLessonSlug: string | null;
  now: Date;
}

function lessonStep(open: LessonState): NextStepLesson {
  return {
    slug: open.slug,
    title: open.title,
    order: open.order,
    moduleTitle: open.moduleTitle,
    action: open.level !== "not_started" ? "practise" : open.read ? "quiz" : "read",
    lastPercent: open.lastPercent,
  };
}

/**
 * The lesson last quizzed again while its latest score is under the practising mark (moving on
 * from a failed quiz leaves a gap); otherwise the lesson after it in the same module (skipping
 * mastered ones), else the first lesson in the guide's order that is not mastered.
 */
function nextLesson(lessons: LessonState[], lastSlug: string | null): LessonState | undefined {
  const at = lessons.findIndex((l) => l.slug === lastSlug);
  const last = lessons[at];
  if (last && last.level !== "mastered" && last.lastPercent !== null && last.lastPercent < PRACTISING_PERCENT)
    return last;
  const after = last
    ? lessons.slice(at + 1).find((l) => l.moduleSlug === last.moduleSlug && l.level !== "mastered")
    : undefined;
  return after ?? lessons.find((l) => l.level !== "mastered");
}

/**
 * Where a learner should go next (due reviews are shown beside it): a quiz or module test left
 * unfinished, then the soonest-due assignment part not done that still takes an attempt, then
 * the next lesson — to read it if never opened or quizzed, to take its quiz once read, or to
 * practise it when quizzed but not yet mastered.
 */
export function chooseNextStep(input: NextStepInput): NextStep {
  const { openAttempt, dueCount } = input;
  let next: ContinueItem | null = null;
  const assigned = input.assigned.find((p) => !p.done && p.canStart);
  const lesson = nextLesson(input.lessons, input.lastLessonSlug);
  if (openAttempt) {
    next = {
      kind: "attempt",
      attemptId: openAttempt.id,
      target: openAttempt.target,
      answered: openAttempt.answered,
      total: openAttempt.total,
    };
  } else if (assigned) {
    next = {
      kind: "assignment",
      assignmentTitle: assigned.assignmentTitle,
      target: assigned.target,
      dueAt: assigned.dueAt.toISOString(),
      dueRelative: formatRelative(assigned.dueAt, input.now),
    };
  } else if (lesson) {
    next = { kind: "lesson", lesson: lessonStep(lesson) };
  }
  return { dueCount, next };
}
