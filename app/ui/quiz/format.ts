import type { Expected, LearnerAnswer } from "@/app/lib/attempts/views";

/** Plain-text rendering of an answer or key, for feedback and screen readers. */
export function formatAnswer(value: LearnerAnswer | Expected | null): string {
  if (value === null) return "No answer";
  if (typeof value === "string") return value.trim() === "" ? "No answer" : value;
  if (value.length === 0) return "No answer";
  if (typeof value[0] === "string") return (value as string[]).map((v, i) => `${i + 1}. ${v}`).join("  ");
  return (value as [string, string][]).map(([l, r]) => `${l} → ${r}`).join("; ");
}

/** Whether the learner has given any answer to a question yet. */
export function isAnswered(value: LearnerAnswer | undefined): value is LearnerAnswer {
  if (value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  return value.length > 0;
}

export const TYPE_LABELS = {
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  fill_blank: "Fill in the blank",
  ordering: "Put in order",
  matching: "Match",
} as const;
