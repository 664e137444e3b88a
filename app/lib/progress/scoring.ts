/**
 * The one home of quiz scoring: how a marked answer becomes credit, how credits add up to an
 * attempt's score, and how a score compares with a percentage (mastery, pass marks). Pure, with
 * no server imports, so result pages format scores with the same rules the server stores them by.
 *
 * - A right answer earns 1. A chronology or matching answer that is not fully right earns the
 *   share of its items in the right place or pairs right (3 of 4 → 0.75): the same ticks the
 *   feedback shows, and a random guess earns about as much as one on a four-choice question.
 * - Credit is kept in hundredths (2 of 3 → 0.67), and a score is the sum of those hundredths, so
 *   the same answers always give the same score, to the last digit, however often they are graded.
 * - Percentages compare in hundredths too: 8.2 of 10 reaches 82 % (floating point alone says no).
 */
import type { MarkResult } from "@/app/lib/quiz/public-question";

/** Credit is counted in steps of 1/HUNDREDTHS of a mark. */
const HUNDREDTHS = 100;

/** How partial credit is counted, in a sentence for learners. */
export const PARTIAL_CREDIT_RULE =
  "A chronology or matching question that is partly right earns part of its mark: the share of events in the right place or of pairs right (3 of 4 right earns 0.75).";

/** The share of one question's mark an answer earns, 0–1 in hundredths. */
export function answerCredit(mark: Pick<MarkResult, "correct" | "score">): number {
  if (mark.correct) return 1;
  const share = Math.min(1, Math.max(0, mark.score));
  // Never round a partly right answer up to a full mark.
  return Math.min(Math.round(share * HUNDREDTHS), HUNDREDTHS - 1) / HUNDREDTHS;
}

/** A stored response's credit; rows graded before credit was stored count 1 or 0. */
export function storedCredit(credit: number | null, correct: boolean | null): number {
  return credit ?? (correct ? 1 : 0);
}

/** An attempt's score: the sum of its answers' credit (a missing answer earns 0). */
export function attemptScore(credits: readonly number[]): number {
  const hundredths = credits.reduce((sum, c) => sum + Math.round(c * HUNDREDTHS), 0);
  return hundredths / HUNDREDTHS;
}

/** Whether score/total reaches `percent` %, compared exactly in hundredths of a mark. */
export function reachesPercent(score: number, total: number, percent: number): boolean {
  return Math.round(score * HUNDREDTHS) * 100 >= percent * total * HUNDREDTHS;
}

/** score/total as a percentage rounded to `decimals` places (0 when there are no questions). */
export function scorePercent(score: number, total: number, decimals = 0): number {
  if (total <= 0) return 0;
  const factor = 10 ** decimals;
  return Math.round(((Math.round(score * HUNDREDTHS) * 100) / (total * HUNDREDTHS)) * factor) / factor;
}

/** A score as learners read it: "7", "7.5", "7.67" (no trailing zeros). */
export function formatScore(score: number): string {
  return String(Math.round(score * HUNDREDTHS) / HUNDREDTHS);
}
