import Link from "next/link";
import { LastScoreClient } from "@/app/ui/progress/last-score-client";
import { targetHref, targetNoun, type QuizTarget } from "@/app/lib/attempts/target";
import { ErrorNote } from "./error-note";

/** Before starting: an empty state when the bank is empty, otherwise what to expect and Start. */
export function QuizIntro({
  target,
  questionCount,
  length,
  pending,
  error,
  onStart,
}: {
  target: QuizTarget;
  questionCount: number;
  /** Questions one attempt gets. */
  length: number;
  pending: boolean;
  error: string | null;
  onStart: () => void;
}) {
  if (questionCount === 0) {
    return (
      <section
        className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 dark:border-stone-700"
        data-testid="quiz-empty"
      >
        <h2 className="text-lg font-semibold">No questions for this {targetNoun(target)} yet</h2>
        <p className="mt-2 text-stone-700 dark:text-stone-300">
          Questions are generated from the lesson text and loaded into the database by{" "}
          <code className="rounded bg-stone-100 px-1 py-0.5 text-sm dark:bg-stone-800">
            npm run content:sync
          </code>
          . Run it, then reload this page.
        </p>
        <p className="mt-4">
          <Link href={targetHref(target)} className="underline hover:no-underline">
            Read the {targetNoun(target)} meanwhile
          </Link>
        </p>
      </section>
    );
  }
  const isTest = target.kind === "module";
  return (
    <section className="mt-6 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
      <h2 className="text-lg font-semibold">Ready?</h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        {/* "Up to": the draw takes one question per evidence sentence, so it may give fewer. */}
        Up to {length} question{length === 1 ? "" : "s"} drawn from{" "}
        {isTest ? "every lesson of this module" : "this lesson"}. Each answer is saved as soon as you give it,
        so you can leave and come back. Each answer is marked when you submit, with the sentence of the lesson
        it comes from.
      </p>
      {!isTest && <LastScoreClient lessonSlug={target.slug} />}
      <button
        type="button"
        onClick={onStart}
        disabled={pending}
        className="mt-4 rounded-md bg-accent-600 px-5 py-2.5 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
        data-testid="start-quiz"
      >
        {pending ? "Starting…" : isTest ? "Start the module test" : "Start the quiz"}
      </button>
      {error && <ErrorNote message={error} />}
    </section>
  );
}
