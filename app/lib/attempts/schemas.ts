/**
 * One zod schema per quiz input (server actions and route handlers share them). Everything is
 * bounded: ids by shape and length, answers by length and item count (see LIMITS).
 */
import { z } from "zod";
import { learnerAnswerSchema } from "@/app/lib/quiz/public-question";

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

/** A lesson quiz ({ lessonSlug }) or a module test ({ moduleSlug }). */
export const startQuizInput = z.union([
  z.strictObject({ lessonSlug: lessonSlugSchema }),
  z.strictObject({ moduleSlug: lessonSlugSchema }),
]);
export type StartQuizInput = z.infer<typeof startQuizInput>;

/** The target a start input names. */
export function targetOfStart(input: StartQuizInput): { kind: "lesson" | "module"; slug: string } {
  return "moduleSlug" in input
    ? { kind: "module", slug: input.moduleSlug }
    : { kind: "lesson", slug: input.lessonSlug };
}

/** The dynamic segment of /api/attempts/:attemptId routes. */
export const attemptParams = z.object({ attemptId: attemptIdSchema });

/** PUT /api/attempts/:id/responses body; the server action's input adds the attempt id. */
export const saveAnswerBody = z.strictObject({ questionId: questionIdSchema, answer: learnerAnswerSchema });
export const saveAnswerInput = saveAnswerBody.extend({ attemptId: attemptIdSchema });
export type SaveAnswerInput = z.infer<typeof saveAnswerInput>;

/** POST /api/attempts/:id/submit takes an empty object (or no body). */
export const submitQuizBody = z.strictObject({});
export const submitQuizInput = z.strictObject({ attemptId: attemptIdSchema });
export type SubmitQuizInput = z.infer<typeof submitQuizInput>;
