import Link from "next/link";
import { quizHref } from "@/app/lib/attempts/target";
import type { ContinueItem, NextStep, NextStepLesson } from "@/app/lib/progress/next-step-views";

const primary =
  "inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700";
const secondary =
  "inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800";

const row = "flex flex-wrap items-center justify-between gap-3";
const text = "min-w-0 flex-1 text-stone-800 dark:text-stone-200";
const note = "block text-sm text-stone-700 dark:text-stone-300";

function LessonRow({ lesson }: { lesson: NextStepLesson }) {
  return (
    <li className={row} data-testid="continue-lesson">
      <p className={text}>
        <span className="block text-sm text-stone-600 dark:text-stone-400">
          {lesson.moduleTitle} · lesson {lesson.order}
        </span>
        <span className="font-medium">“{lesson.title}”</span>
        <span className={note}>
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
        {lesson.action === "read" ? "Read it" : lesson.action === "quiz" ? "Take the quiz" : "Practise it"}
      </Link>
    </li>
  );
}

function NextRow({ next }: { next: ContinueItem }) {
  if (next.kind === "lesson") return <LessonRow lesson={next.lesson} />;
  const noun = next.target.kind === "module" ? "module test" : "quiz";
  if (next.kind === "attempt")
    return (
      <li className={row} data-testid="continue-attempt">
        <p className={text}>
          <span className="font-medium">
            Continue your {noun}: “{next.target.title}”
          </span>
          <span className={note}>
            {next.answered} of {next.total} question{next.total === 1 ? "" : "s"} answered; your answers are
            saved.
          </span>
        </p>
        {/* The attempt's page sends its owner back into the quiz while it is in progress. */}
        <Link href={`/attempts/${next.attemptId}`} className={primary}>
          Continue<span className="sr-only"> your {noun}</span>
        </Link>
      </li>
    );
  return (
    <li className={row} data-testid="continue-assignment">
      <p className={text}>
        <span className="block text-sm text-stone-600 dark:text-stone-400">
          Assigned: {next.assignmentTitle} · due <time dateTime={next.dueAt}>{next.dueRelative}</time>
        </span>
        <span className="font-medium">“{next.target.title}”</span>
      </p>
      {/* Started from its own page, the quiz counts for the open assignment covering it. */}
      <Link href={quizHref(next.target)} className={primary}>
        {next.target.kind === "module" ? "Start the test" : "Start the quiz"}
      </Link>
    </li>
  );
}

/** "Continue": the reviews due now, and an unfinished quiz, an assignment or the next lesson. */
export function ContinueCard({ step }: { step: NextStep }) {
  const { next, dueCount } = step;
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
          <li className={row} data-testid="continue-review">
            <p className="text-stone-800 dark:text-stone-200">
              {dueCount} review card{dueCount === 1 ? " is" : "s are"} due: questions you missed, back while
              you still half remember them.
            </p>
            <Link href="/review" className={next ? secondary : primary}>
              Review now
            </Link>
          </li>
        )}
        {next && <NextRow next={next} />}
        {!next && dueCount === 0 && (
          <li className="text-stone-800 dark:text-stone-200">
            Every lesson is mastered and no review is due. Well done.
          </li>
        )}
      </ul>
    </section>
  );
}
