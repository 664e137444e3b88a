"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { reviewQuestionAction } from "@/app/lib/actions/teach-actions";
import type { ReviewDecisionInput } from "@/app/lib/quiz/review-queue";
import { input, quietButton, button } from "./styles";

type Props = {
  lessonSlug: string;
  questionId: string;
  type: string;
  prompt: string;
  choices: string[] | null;
  answer: string;
  accepted: string[];
};

/**
 * Approve, reject or edit one question. The edit form sends prompt, choices (one per line), key
 * and accepted spellings; the server validates them (the key must be one of the choices).
 */
export function ReviewEditClient(props: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const editable =
    props.type === "multiple_choice" || props.type === "true_false" || props.type === "fill_blank";
  const base = `${props.questionId}`;

  function run(payload: ReviewDecisionInput) {
    startTransition(async () => {
      const result = await reviewQuestionAction(payload);
      if (result.ok) {
        setMessage({ ok: true, text: "Saved." });
        setEditing(false);
        router.refresh();
      } else {
        const details = Object.values(result.fieldErrors ?? {}).flat();
        setMessage({ ok: false, text: [result.error, ...details].join(" ") });
      }
    });
  }

  function submitEdit(form: FormData) {
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const lines = (name: string) =>
      text(name)
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    run({
      decision: "edit",
      lessonSlug: props.lessonSlug,
      questionId: props.questionId,
      prompt: text("prompt"),
      answer: text("answer"),
      ...(props.choices ? { choices: lines("choices") } : { accepted: lines("accepted") }),
    });
  }

  const ref = { lessonSlug: props.lessonSlug, questionId: props.questionId };
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={quietButton}
          disabled={pending}
          onClick={() => run({ ...ref, decision: "approve" })}
        >
          Approve
        </button>
        {editable && (
          <button
            type="button"
            className={quietButton}
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
          >
            Edit
          </button>
        )}
        <button
          type="button"
          className={quietButton}
          disabled={pending}
          onClick={() => run({ ...ref, decision: "reject" })}
        >
          Reject
        </button>
      </div>
      {editing && (
        <form action={submitEdit} className="mt-3 space-y-3">
          <div>
            <label htmlFor={`${base}-prompt`} className="block text-sm font-medium">
              Prompt
            </label>
            <textarea
              id={`${base}-prompt`}
              name="prompt"
              defaultValue={props.prompt}
              rows={2}
              className={input}
              required
            />
          </div>
          {props.choices ? (
            <div>
              <label htmlFor={`${base}-choices`} className="block text-sm font-medium">
                Choices (one per line)
              </label>
              <textarea
                id={`${base}-choices`}
                name="choices"
                defaultValue={props.choices.join("\n")}
                rows={Math.max(2, props.choices.length)}
                className={input}
              />
            </div>
          ) : (
            <div>
              <label htmlFor={`${base}-accepted`} className="block text-sm font-medium">
                Other accepted answers (one per line)
              </label>
              <textarea
                id={`${base}-accepted`}
                name="accepted"
                defaultValue={props.accepted.join("\n")}
                rows={2}
                className={input}
              />
            </div>
          )}
          <div>
            <label htmlFor={`${base}-answer`} className="block text-sm font-medium">
              Right answer {props.choices ? "(one of the choices)" : ""}
            </label>
            <input
              id={`${base}-answer`}
              name="answer"
              defaultValue={props.answer}
              className={input}
              required
            />
          </div>
          <button type="submit" className={button} disabled={pending}>
            Save edit
          </button>
        </form>
      )}
      <p
        role="status"
        aria-live="polite"
        className={`mt-2 text-sm ${message?.ok ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
