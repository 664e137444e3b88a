"use server";
/**
 * Server actions for taking a quiz. Each goes through the shared wrapper (identity + one zod
 * schema) and calls one domain function in app/lib/attempts/service; failures (AppError) come
 * back as `{ ok: false, code, error, fieldErrors? }`, never as thrown errors.
 *
 * - startQuizAction: resume the in-progress attempt for the lesson (or the module test) or draw
 *   a new one, counting for the learner's open assignment that covers it. The only action that
 *   makes a visitor a guest (HttpOnly cookie), and only once the input is valid.
 * - saveAnswerAction: save one answer (called per answer; typed answers are debounced).
 * - submitQuizAction: grade once; a repeat returns the stored result.
 * - reportQuestionAction: report a question of a submitted attempt (app/lib/quiz/reports).
 * - shareResultAction / stopSharingAction: make or stop the link to a submitted result
 *   (app/lib/attempts/share).
 */
import { startQuizInput, saveAnswerInput, submitQuizInput, targetOfStart } from "@/app/lib/attempts/schemas";
import { saveAnswer, submitQuiz } from "@/app/lib/attempts/service";
import { startQuizFromPage } from "@/app/lib/assignments/service";
import { reportQuestion, reportQuestionInput } from "@/app/lib/quiz/reports";
import { shareResult, shareResultInput, stopSharingResult } from "@/app/lib/attempts/share";
import { allowGuest, requireActor } from "./safe-action";

export const startQuizAction = allowGuest(startQuizInput, async (input, { actor }) =>
  startQuizFromPage(actor, targetOfStart(input)),
);

export const saveAnswerAction = requireActor(saveAnswerInput, async (input, { actor }) => {
  await saveAnswer(actor, input.attemptId, input.questionId, input.answer);
  return { saved: true as const };
});

export const submitQuizAction = requireActor(submitQuizInput, async (input, { actor }) =>
  submitQuiz(actor, input.attemptId),
);

export const reportQuestionAction = requireActor(reportQuestionInput, async (input, { actor }) =>
  reportQuestion(actor, input),
);

export const shareResultAction = requireActor(shareResultInput, async (input, { actor }) =>
  shareResult(actor, input.attemptId),
);

export const stopSharingAction = requireActor(shareResultInput, async (input, { actor }) =>
  stopSharingResult(actor, input.attemptId),
);
