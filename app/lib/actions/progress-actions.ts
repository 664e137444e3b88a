"use server";
/**
 * Server actions for progress and review. Each goes through the shared wrapper (signed-in users
 * only, one zod schema) and calls one domain function.
 *
 * - answerReviewAction: grade one due review card, move its schedule on, return feedback (the
 *   key and the evidence, now that the answer is in) and the next card.
 * - markLessonReadAction: remember that the user read a lesson (idempotent).
 */
import { markLessonRead } from "@/app/lib/db/lesson-reads";
import { answerReview } from "@/app/lib/progress/review";
import { markLessonReadInput, reviewAnswerInput } from "@/app/lib/progress/schemas";
import type { LearnerAnswer } from "@/app/lib/progress/review-views";
import { ActionError, requireUser } from "./safe-action";

export const answerReviewAction = requireUser(reviewAnswerInput, async (input, { actor }) => {
  const result = await answerReview(
    actor.userId,
    input.questionId,
    input.answer as LearnerAnswer,
    input.reps,
  );
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return result.view;
});

export const markLessonReadAction = requireUser(markLessonReadInput, async (input, { actor }) => {
  const found = await markLessonRead(actor.userId, input.lessonSlug, new Date());
  if (!found) throw new ActionError("No such lesson.");
  return { read: true as const };
});
