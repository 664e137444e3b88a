/**
 * One zod schema per quiz input (server actions and route handlers share them). Everything is
 * bounded: ids by shape and length, answers by length and item count (see LIMITS).
 */
import { z } from "zod";
import { learnerAnswerSchema } from "./questions";

export const lessonSlugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson.");
export const attemptIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not an attempt id.");
export const questionIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_:.-]+$/, "Not a question id.");

export const startQuizInput = z.strictObject({ lessonSlug: lessonSlugSchema });
export type StartQuizInput = z.infer<typeof startQuizInput>;

export const saveAnswerInput = z.strictObject({
  attemptId: attemptIdSchema,
  questionId: questionIdSchema,
  answer: learnerAnswerSchema,
});
export type SaveAnswerInput = z.infer<typeof saveAnswerInput>;

export const submitQuizInput = z.strictObject({ attemptId: attemptIdSchema });
export type SubmitQuizInput = z.infer<typeof submitQuizInput>;

/** Route handlers refuse bodies larger than this before parsing (an answer is at most ~8 kB). */
export const MAX_BODY_BYTES = 16 * 1024;
