import { describe, expect, it } from "vitest";
import { questionEditInput, validateQuestionEdit } from "./review-edit";

describe("validateQuestionEdit", () => {
  it("keeps the key among the choices of a choice question", () => {
    const input = questionEditInput.parse({
      prompt: "Who?",
      choices: ["Lenin", "Makhno"],
      answer: "Trotsky",
    });
    expect(validateQuestionEdit("multiple_choice", input)).toEqual({
      ok: false,
      fieldErrors: { answer: ["The key must be one of the choices."] },
    });
  });

  it("accepts a valid edit and trims text", () => {
    const input = questionEditInput.parse({
      prompt: " Who led? ",
      choices: ["Lenin", "Makhno"],
      answer: "Makhno",
    });
    expect(validateQuestionEdit("multiple_choice", input)).toEqual({
      ok: true,
      edit: { prompt: "Who led?", choices: ["Lenin", "Makhno"], answer: "Makhno" },
    });
  });

  it("refuses duplicate or too few choices", () => {
    const dup = questionEditInput.parse({ prompt: "p", choices: ["A", "A"], answer: "A" });
    expect(validateQuestionEdit("multiple_choice", dup).ok).toBe(false);
    const one = questionEditInput.parse({ prompt: "p", choices: ["A"], answer: "A" });
    expect(validateQuestionEdit("true_false", one).ok).toBe(false);
  });

  it("stores a typed answer with its accepted spellings", () => {
    const input = questionEditInput.parse({
      prompt: "Where?",
      answer: "Kronstadt",
      accepted: ["Kronshtadt"],
    });
    expect(validateQuestionEdit("fill_blank", input)).toEqual({
      ok: true,
      edit: { prompt: "Where?", answer: "Kronstadt", accepted: ["Kronshtadt"] },
    });
  });

  it("refuses an empty prompt and does not edit ordering questions", () => {
    expect(questionEditInput.safeParse({ prompt: "  ", answer: "x" }).success).toBe(false);
    const input = questionEditInput.parse({ prompt: "Order", answer: "x" });
    expect(validateQuestionEdit("ordering", input).ok).toBe(false);
  });
});
