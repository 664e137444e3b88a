import Link from "next/link";
import { LastScoreClient } from "@/app/ui/progress/last-score-client";

/**
 * The end of the last lesson of a module: an invitation to the module test, which draws from
 * every lesson of the module.
 */
export function ModuleTestCall({ moduleSlug, moduleTitle }: { moduleSlug: string; moduleTitle: string }) {
  return (
    <section
      aria-labelledby="module-test-call-heading"
      className="mt-6 rounded-lg border border-stone-300 bg-white p-5 dark:border-stone-700 dark:bg-stone-900"
      data-testid="module-test-call"
    >
      <h2 id="module-test-call-heading" className="text-lg font-semibold">
        End of the module: take the module test
      </h2>
      <p className="mt-1 text-stone-800 dark:text-stone-200">
        Up to twenty questions across every lesson of “{moduleTitle}”, with every answer shown beside the
        sentence it comes from.
      </p>
      <Link
        href={`/modules/${moduleSlug}/test`}
        className="mt-4 inline-block rounded-md border border-accent-600 px-4 py-2 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:border-accent-300 dark:text-accent-300 dark:hover:bg-stone-800"
      >
        Take the module test
      </Link>
    </section>
  );
}

/** The end of a lesson: an invitation to its quiz, with the learner's last score once there is one. */
export function LessonQuizCall({ lessonSlug }: { lessonSlug: string }) {
  return (
    <section
      aria-labelledby="quiz-call-heading"
      className="mt-12 rounded-lg border border-accent-300 bg-accent-50 p-5 dark:border-accent-700 dark:bg-stone-900"
      data-testid="lesson-quiz-call"
    >
      <h2 id="quiz-call-heading" className="text-lg font-semibold">
        Test yourself on this lesson
      </h2>
      <p className="mt-1 text-stone-800 dark:text-stone-200">
        Up to ten questions from the text you have just read; every answer is shown with the sentence it comes
        from.
      </p>
      <LastScoreClient lessonSlug={lessonSlug} />
      <Link
        href={`/lessons/${lessonSlug}/quiz`}
        className="mt-4 inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
      >
        Take the quiz
      </Link>
    </section>
  );
}
