"use server";
/**
 * Server actions for progress and review. Each goes through the shared wrapper (signed-in users
 * only, one zod schema) and calls one domain function.
 *
 * - answerReviewAction: grade one due review card, move its schedule on, return feedback (the
 *   key and the evidence, now that the answer is in) and the next card; with `retry`, mark a
 *   second try at a card missed earlier in the session without moving its schedule again.
 * - markLessonReadAction: remember that the user read a lesson (idempotent).
 */
import { markLessonRead } from "@/app/lib/db/lesson-reads";
import { answerReview, retryReview } from "@/app/lib/progress/review";
import { markLessonReadInput, reviewAnswerInput } from "@/app/lib/progress/schemas";
import { AppError } from "@/app/lib/errors";
import { requireUser } from "./safe-action";

export const answerReviewAction = requireUser(reviewAnswerInput, async (input, { actor }) => {
  if (input.retry) return retryReview(actor.userId, input.questionId, input.answer);
  return answerReview(actor.userId, input.questionId, input.answer, input.reps);
});

export const markLessonReadAction = requireUser(markLessonReadInput, async (input, { actor }) => {
  const found = await markLessonRead(actor.userId, input.lessonSlug, new Date());
  if (!found) throw new AppError("not_found", "No such lesson.");
  return { read: true as const };
});
