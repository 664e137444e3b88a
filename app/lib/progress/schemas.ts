/**
 * One zod schema per progress input (server actions share them with any route handler).
 * Ids and answers reuse the quiz's bounded shapes.
 */
import { z } from "zod";
import { learnerAnswerSchema } from "@/app/lib/quiz/public-question";
import { lessonSlugSchema, questionIdSchema } from "@/app/lib/attempts/schemas";

export const reviewAnswerInput = z.strictObject({
  questionId: questionIdSchema,
  answer: learnerAnswerSchema,
  /** The card version the learner was shown (ReviewCardView.reps). */
  reps: z.number().int().min(0).max(1_000_000),
  /** A second try within one session at a card just missed: marked, not rescheduled. */
  retry: z.boolean().optional(),
});
export type ReviewAnswerInput = z.infer<typeof reviewAnswerInput>;

export const markLessonReadInput = z.strictObject({ lessonSlug: lessonSlugSchema });
export type MarkLessonReadInput = z.infer<typeof markLessonReadInput>;
