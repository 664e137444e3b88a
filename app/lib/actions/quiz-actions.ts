"use server";
/**
 * Server actions for taking a quiz. Each goes through the shared wrapper (identity + one zod
 * schema) and calls one domain function in app/lib/attempts/service; failures come back as
 * `{ ok: false, error, fieldErrors? }`, never as thrown errors.
 *
 * - startQuizAction: resume the in-progress attempt for the lesson or draw a new one. The only
 *   action that makes a visitor a guest (HttpOnly cookie), and only once the input is valid.
 * - saveAnswerAction: save one answer (called per answer; typed answers are debounced).
 * - submitQuizAction: grade once; a repeat returns the stored result.
 */
import { startQuizInput, saveAnswerInput, submitQuizInput } from "@/app/lib/attempts/schemas";
import { saveAnswer, startQuiz, submitQuiz } from "@/app/lib/attempts/service";
import type { LearnerAnswer } from "@/app/lib/attempts/questions";
import { ActionError, MESSAGES, allowGuest, publicAction } from "./safe-action";

export const startQuizAction = allowGuest(startQuizInput, async (input, { actor }) => {
  const result = await startQuiz(actor, input.lessonSlug);
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return { resumed: result.resumed, quiz: result.quiz };
});

export const saveAnswerAction = publicAction(saveAnswerInput, async (input, { actor }) => {
  if (!actor) throw new ActionError("Start the quiz first: this browser has no quiz in progress.");
  const result = await saveAnswer(actor, input.attemptId, input.questionId, input.answer as LearnerAnswer);
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return { saved: true as const };
});

export const submitQuizAction = publicAction(submitQuizInput, async (input, { actor }) => {
  if (!actor) throw new ActionError(MESSAGES.signIn);
  const result = await submitQuiz(actor, input.attemptId);
  if (!result.ok) throw new ActionError(result.error, result.fieldErrors);
  return { alreadySubmitted: result.alreadySubmitted, result: result.result };
});
