import Link from "next/link";
import type { NextStep } from "@/app/lib/progress/next-step-views";

const primary =
  "inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700";
const secondary =
  "inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800";

/** "Continue": the reviews due now and the next lesson to read, quiz or practise. */
export function ContinueCard({ step }: { step: NextStep }) {
  const { lesson, dueCount } = step;
  return (
    <section
      aria-labelledby="continue-heading"
      className="rounded-lg border border-accent-300 bg-accent-50 p-5 dark:border-accent-700 dark:bg-stone-900"
      data-testid="continue-card"
    >
      <h2 id="continue-heading" className="text-lg font-semibold">
        Continue where you left off
      </h2>
      <ul className="mt-3 space-y-4">
        {dueCount > 0 && (
          <li className="flex flex-wrap items-center justify-between gap-3" data-testid="continue-review">
            <p className="text-stone-800 dark:text-stone-200">
              {dueCount} review card{dueCount === 1 ? " is" : "s are"} due: questions you missed, back while
              you still half remember them.
            </p>
            <Link href="/review" className={lesson ? secondary : primary}>
              Review now
            </Link>
          </li>
        )}
        {lesson && (
          <li className="flex flex-wrap items-center justify-between gap-3" data-testid="continue-lesson">
            <p className="min-w-0 flex-1 text-stone-800 dark:text-stone-200">
              <span className="block text-sm text-stone-600 dark:text-stone-400">
                {lesson.moduleTitle} · lesson {lesson.order}
              </span>
              <span className="font-medium">“{lesson.title}”</span>
              <span className="block text-sm text-stone-700 dark:text-stone-300">
                {lesson.action === "read"
                  ? "Not read yet."
                  : lesson.action === "quiz"
                    ? "Read; its quiz is next."
                    : `Last score ${lesson.lastPercent ?? 0}%: two quizzes in a row at 80% or more master it.`}
              </span>
            </p>
            <Link
              href={lesson.action === "read" ? `/lessons/${lesson.slug}` : `/lessons/${lesson.slug}/quiz`}
              className={primary}
            >
              {lesson.action === "read"
                ? "Read it"
                : lesson.action === "quiz"
                  ? "Take the quiz"
                  : "Practise it"}
            </Link>
          </li>
        )}
        {!lesson && dueCount === 0 && (
          <li className="text-stone-800 dark:text-stone-200">
            Every lesson is mastered and no review is due. Well done.
          </li>
        )}
      </ul>
    </section>
  );
}
