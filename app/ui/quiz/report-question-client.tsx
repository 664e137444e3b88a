"use client";

import { reportQuestionAction } from "@/app/lib/actions/quiz-actions";
import { REPORT_NOTE_MAX, REPORT_REASONS, type ReportReason } from "@/app/lib/quiz/report-reasons";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";

const REASONS = Object.entries(REPORT_REASONS) as [ReportReason, string][];

/**
 * "Report this question" under a question's feedback: a reason and an optional note, sent to
 * the server action; a second report on the same question replaces the first.
 */
export function ReportQuestionClient({
  attemptId,
  questionId,
  questionNumber,
}: {
  attemptId: string;
  questionId: string;
  questionNumber: number;
}) {
  return (
    <details className="mt-3 text-sm" data-testid="report-question">
      <summary className="cursor-pointer text-stone-700 underline hover:no-underline dark:text-stone-300">
        Report this question
      </summary>
      <ActionFormClient
        action={reportQuestionAction}
        label={`Report question ${questionNumber}`}
        done="Thank you: your report was saved, and a teacher will look at this question."
        className="mt-2 space-y-2 rounded-md border border-stone-300 bg-white p-3 dark:border-stone-700 dark:bg-stone-900"
      >
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="questionId" value={questionId} />
        <fieldset>
          <legend className="font-medium">What is wrong with it?</legend>
          {REASONS.map(([value, label]) => (
            <label key={value} className="mt-1 flex items-center gap-2">
              <input type="radio" name="reason" value={value} required />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="block">
          <span className="font-medium">Details (optional)</span>
          <textarea
            name="note"
            maxLength={REPORT_NOTE_MAX}
            rows={2}
            className="mt-1 block w-full rounded-md border border-stone-300 p-2 dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-300 px-3 py-1.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Send report
        </button>
      </ActionFormClient>
    </details>
  );
}
