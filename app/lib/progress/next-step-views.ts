/** What the "continue" card shows (types only, safe for client components). */
export interface NextStepLesson {
  slug: string;
  title: string;
  order: number;
  moduleTitle: string;
  /** read: not opened yet · quiz: read, never quizzed · practise: quizzed, not mastered yet. */
  action: "read" | "quiz" | "practise";
  lastPercent: number | null;
}

export interface NextStep {
  /** Review cards due now. */
  dueCount: number;
  /** The first lesson in guide order that is not mastered; null when every lesson is. */
  lesson: NextStepLesson | null;
}
