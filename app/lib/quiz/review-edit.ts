/**
 * A teacher's edit of a generated question, validated before it is stored as `teacherEdit`:
 * the prompt stays a non-empty line, choice questions keep their key among the choices, typed
 * answers keep a key, and the evidence sentence is never edited (it is the question's source).
 * Pure: returns the edit to store or per-field messages.
 */
import { z } from "zod";
import type { FieldErrors } from "@/app/lib/errors";
import { LIMITS } from "@/app/lib/quiz/public-question";

const text = (max: number) => z.string().trim().min(1, "Required.").max(max, `At most ${max} characters.`);

export const questionEditInput = z.strictObject({
  prompt: text(500),
  /** Choice questions only: one option per entry. */
  choices: z.array(text(LIMITS.choiceText)).max(LIMITS.listItems).optional(),
  /** The key: one of the choices, or the typed answer. */
  answer: text(LIMITS.textAnswer),
  /** Typed answers only: other spellings accepted as right. */
  accepted: z.array(text(LIMITS.textAnswer)).max(20).optional(),
});
export type QuestionEditInput = z.infer<typeof questionEditInput>;

export type StoredEdit = { prompt: string; choices?: string[]; answer: string; accepted?: string[] };

export function validateQuestionEdit(
  type: string,
  input: QuestionEditInput,
): { ok: true; edit: StoredEdit } | { ok: false; fieldErrors: FieldErrors } {
  switch (type) {
    case "multiple_choice":
    case "true_false": {
      const choices = input.choices ?? [];
      if (choices.length < 2) return { ok: false, fieldErrors: { choices: ["Give at least two choices."] } };
      if (new Set(choices).size !== choices.length)
        return { ok: false, fieldErrors: { choices: ["Choices must differ from each other."] } };
      if (!choices.includes(input.answer))
        return { ok: false, fieldErrors: { answer: ["The key must be one of the choices."] } };
      return { ok: true, edit: { prompt: input.prompt, choices, answer: input.answer } };
    }
    case "fill_blank":
      return {
        ok: true,
        edit: { prompt: input.prompt, answer: input.answer, accepted: input.accepted ?? [] },
      };
    default:
      return {
        ok: false,
        fieldErrors: { _form: ["Ordering and matching questions can be approved or rejected, not edited."] },
      };
  }
}
