import type { LearnerAnswer, PublicQuestion } from "@/app/lib/attempts/views";
import { TYPE_LABELS } from "./format";
import { PromptText } from "./prompt-text";
import { QuestionFields } from "./question-fields-client";
import { SaveStatus } from "./save-status";
import type { SaveState } from "./use-autosave";

/**
 * One question on screen: heading, prompt, answer controls, save state, Previous and
 * Next / Submit. Enter on a radio button or in the text field goes on, as the Next button does.
 */
export function QuestionCard({
  question,
  index,
  total,
  unanswered,
  value,
  saveState,
  saveError,
  pending,
  headingRef,
  onChange,
  onCommit,
  onRetry,
  onPrevious,
  onNext,
  announce,
}: {
  question: PublicQuestion;
  index: number;
  total: number;
  unanswered: number;
  value: LearnerAnswer | undefined;
  saveState: SaveState | undefined;
  saveError: string | null;
  pending: boolean;
  headingRef: React.Ref<HTMLHeadingElement>;
  onChange: (value: LearnerAnswer, options?: { typed?: boolean }) => void;
  onCommit: () => void;
  onRetry: () => void;
  onPrevious: () => void;
  onNext: () => void;
  announce: (message: string) => void;
}) {
  const last = index === total - 1;
  const promptId = `prompt-${question.id}`;
  return (
    <form
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
      onKeyDown={(e) => {
        const target = e.target;
        if (e.key === "Enter" && target instanceof HTMLInputElement && target.type === "radio") {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
      aria-labelledby={`heading-${question.id}`}
    >
      <h2
        id={`heading-${question.id}`}
        ref={headingRef}
        tabIndex={-1}
        className="scroll-mt-32 text-sm font-semibold uppercase tracking-wide text-stone-600 outline-none dark:text-stone-400"
      >
        Question {index + 1}
        <span className="sr-only"> of {total}</span>: {TYPE_LABELS[question.type]}
      </h2>
      <p id={promptId} className="mt-2 whitespace-pre-line text-lg" data-testid="question-prompt">
        <PromptText text={question.prompt} />
      </p>
      <div className="mt-4">
        <QuestionFields
          key={question.id}
          question={question}
          value={value}
          onChange={onChange}
          onCommit={onCommit}
          promptId={promptId}
          announce={announce}
        />
      </div>
      <SaveStatus state={saveState} error={saveError} onRetry={onRetry} />
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={onPrevious}
          disabled={index === 0}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 disabled:opacity-40 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Previous
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          data-testid={last ? "submit-quiz" : "next-question"}
        >
          {last ? (pending ? "Submitting…" : "Submit quiz") : "Next question"}
        </button>
        {last && unanswered > 0 && (
          <p className="text-sm text-amber-800 dark:text-amber-200">
            {unanswered} unanswered: they will be marked wrong.
          </p>
        )}
      </div>
    </form>
  );
}
