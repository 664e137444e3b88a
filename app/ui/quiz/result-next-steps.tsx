import Link from "next/link";
import type { ResultView } from "@/app/lib/attempts/views";

export interface NextLessonLink {
  slug: string;
  title: string;
}

const MAX_REREAD = 3;

/** The opening words of a sentence, for a link that says what it leads to. */
function opening(text: string, words = 10): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")}…`;
}

/**
 * Where to go after a result: the paragraphs behind the missed questions, the missed questions
 * in review (or signing up to get them there), and the next lesson.
 */
export function ResultNextSteps({
  result,
  nextLesson,
}: {
  result: ResultView;
  nextLesson: NextLessonLink | null;
}) {
  const missed = result.items.filter((item) => !item.correct);
  const reread = new Map<string, string>();
  for (const item of missed) {
    const first = item.evidenceLinks[0];
    if (first && !reread.has(first.href) && reread.size < MAX_REREAD) reread.set(first.href, first.text);
  }
  const link = "font-medium text-accent-700 underline hover:no-underline dark:text-accent-300";
  return (
    <section
      aria-labelledby="next-steps-heading"
      className="mt-4 rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      data-testid="result-next-steps"
    >
      <h2 id="next-steps-heading" className="text-lg font-semibold">
        What next
      </h2>
      <ul className="mt-2 space-y-3">
        {reread.size > 0 && (
          <li data-testid="next-reread">
            <p>Reread the passage{reread.size === 1 ? "" : "s"} behind what you missed:</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {[...reread].map(([href, text]) => (
                <li key={href}>
                  <Link href={href} className={link}>
                    “{opening(text)}”
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        )}
        {missed.length > 0 &&
          (result.guest ? (
            <li data-testid="next-review">
              <Link href={`/sign-up?callbackUrl=${encodeURIComponent("/review")}`} className={link}>
                Sign up
              </Link>{" "}
              to get the {missed.length} question{missed.length === 1 ? "" : "s"} you missed back for review.
            </li>
          ) : (
            <li data-testid="next-review">
              <Link href="/review" className={link}>
                Review the {missed.length} question{missed.length === 1 ? "" : "s"} you missed
              </Link>{" "}
              — {missed.length === 1 ? "it is" : "they are"} waiting in your review queue.
            </li>
          ))}
        {nextLesson && (
          <li data-testid="next-lesson">
            Next lesson:{" "}
            <Link href={`/lessons/${nextLesson.slug}`} className={link}>
              “{nextLesson.title}”
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}
