/** Why a learner reports a question (shared by the report form and the review queue). */
export const REPORT_REASONS = {
  wrong_key: "The right answer is wrong",
  two_answers: "Two answers fit",
  unclear: "The question is unclear",
  other: "Something else",
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;

/** Longest note a report may carry. */
export const REPORT_NOTE_MAX = 500;
