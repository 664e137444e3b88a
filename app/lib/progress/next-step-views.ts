/** What the "continue" card shows (types only, safe for client components). */
import type { QuizTarget } from "@/app/lib/attempts/target";

export interface NextStepLesson {
  slug: string;
  title: string;
  order: number;
  moduleTitle: string;
  /** read: not opened yet · quiz: read, never quizzed · practise: quizzed, not mastered yet. */
  action: "read" | "quiz" | "practise";
  lastPercent: number | null;
}

/** The one thing the card offers first. */
export type ContinueItem =
  /** A lesson quiz or module test started and not submitted. */
  | { kind: "attempt"; attemptId: string; target: QuizTarget; answered: number; total: number }
  /** A part of a teacher's assignment not done yet that still takes an attempt. */
  | { kind: "assignment"; assignmentTitle: string; target: QuizTarget; dueAt: string; dueRelative: string }
  /** The next lesson to read, quiz or practise. */
  | { kind: "lesson"; lesson: NextStepLesson };

export interface NextStep {
  /** Review cards due now. */
  dueCount: number;
  /** Null when nothing is open, nothing is assigned and every lesson is mastered. */
  next: ContinueItem | null;
}
