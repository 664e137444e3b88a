import Link from "next/link";
import type { ResultView } from "@/app/lib/attempts/views";
import { targetHref, targetNoun } from "@/app/lib/attempts/target";
import { ErrorNote } from "./error-note";
import type { ResultContext } from "@/app/lib/content/result-context";
import { ResultNextSteps, type NextLessonLink } from "./result-next-steps";
import { ResultOverview } from "./result-overview";
import { FeedbackList, ResultSummary } from "./result-view";

/** The result inside the quiz island, right after submitting. */
export function QuizResultPanel({
  result,
  nextLesson,
  context,
  headingRef,
  pending,
  error,
  onRetake,
}: {
  result: ResultView;
  nextLesson: NextLessonLink | null;
  context: ResultContext;
  headingRef: React.Ref<HTMLHeadingElement>;
  pending: boolean;
  error: string | null;
  onRetake: () => void;
}) {
  return (
    <section aria-labelledby="quiz-results-heading" className="mt-6">
      <h2 id="quiz-results-heading" className="sr-only">
        Results
      </h2>
      <div aria-live="polite" data-testid="quiz-results">
        <ResultSummary result={result} headingRef={headingRef} />
        <ResultOverview result={result} context={context} />
        <ResultNextSteps result={result} nextLesson={nextLesson} />
        <FeedbackList
          items={result.items}
          lessonSlug={result.target.kind === "lesson" ? result.target.slug : undefined}
          nameEveryLesson={result.target.kind === "module"}
          context={context}
          reportAttemptId={result.attemptId}
        />
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onRetake}
          disabled={pending}
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        >
          {result.target.kind === "module"
            ? "Take the module test again"
            : "Take another quiz on this lesson"}
        </button>
        <Link
          href={targetHref(result.target)}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
        >
          Back to the {targetNoun(result.target)}
        </Link>
        <Link
          href={`/attempts/${result.attemptId}`}
          className="px-1 py-2 text-sm underline hover:no-underline"
        >
          Link to this result
        </Link>
      </div>
      {error && <ErrorNote message={error} />}
    </section>
  );
}
