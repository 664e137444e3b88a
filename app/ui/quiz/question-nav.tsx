import type { LearnerAnswer, PublicQuestion } from "@/app/lib/attempts/views";
import { isAnswered } from "./format";

/** The numbered question buttons (answered ones shaded) and "Submit now". */
export function QuestionNav({
  questions,
  answers,
  index,
  pending,
  onGoTo,
  onSubmit,
}: {
  questions: PublicQuestion[];
  answers: Record<string, LearnerAnswer>;
  index: number;
  pending: boolean;
  onGoTo: (i: number) => void;
  onSubmit: () => void;
}) {
  const total = questions.length;
  const answeredCount = questions.filter((q) => isAnswered(answers[q.id])).length;
  return (
    <nav aria-label="Questions" className="mt-6">
      <ol className="flex flex-wrap gap-2">
        {questions.map((q, i) => {
          const done = isAnswered(answers[q.id]);
          return (
            <li key={q.id}>
              <button
                type="button"
                onClick={() => onGoTo(i)}
                aria-current={i === index ? "step" : undefined}
                aria-label={`Question ${i + 1}${done ? ", answered" : ", not answered"}`}
                className={
                  "h-9 w-9 rounded-md border text-sm " +
                  (i === index
                    ? "border-accent-600 bg-accent-600 text-white dark:border-accent-300 dark:bg-accent-300 dark:text-stone-950"
                    : done
                      ? "border-stone-400 bg-stone-200 dark:border-stone-600 dark:bg-stone-700"
                      : "border-stone-300 dark:border-stone-700")
                }
              >
                {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
      {index < total - 1 && (
        <button
          type="button"
          onClick={onSubmit}
          disabled={pending}
          className="mt-4 text-sm underline hover:no-underline disabled:opacity-60"
        >
          Submit now ({answeredCount} of {total} answered)
        </button>
      )}
    </nav>
  );
}
