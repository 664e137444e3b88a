import Link from "next/link";
import { formatDue } from "./format-time";

export interface SessionResult {
  questionId: string;
  lesson: { slug: string; title: string };
  correct: boolean;
  /** The second try at a card missed earlier in the session. */
  retry: boolean;
  evidence: { text: string; href: string } | null;
}

function opening(text: string, words = 10): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")}…`;
}

/**
 * The end of a session: how it went, what went well (lessons answered right throughout), what
 * to reread (the passages behind the misses), and when the next cards are due.
 */
export function ReviewFinish({
  results,
  dueCount,
  nextDueAt,
  timeZone,
  headingRef,
}: {
  results: SessionResult[];
  dueCount: number;
  nextDueAt: string | null;
  timeZone: string;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  const first = results.filter((r) => !r.retry);
  const right = first.filter((r) => r.correct).length;
  const byLesson = new Map<string, { title: string; right: number; total: number }>();
  for (const r of first) {
    const entry = byLesson.get(r.lesson.slug) ?? { title: r.lesson.title, right: 0, total: 0 };
    entry.total += 1;
    if (r.correct) entry.right += 1;
    byLesson.set(r.lesson.slug, entry);
  }
  const wentWell = [...byLesson].filter(([, l]) => l.right === l.total);
  const reread = new Map<string, { text: string; lesson: string }>();
  for (const r of first) {
    if (!r.correct && r.evidence && !reread.has(r.evidence.href))
      reread.set(r.evidence.href, { text: r.evidence.text, lesson: r.lesson.title });
  }
  const retried = results.filter((r) => r.retry);
  // Cards missed in this session are due again within minutes (and counted as due now): they are
  // not "more" cards, so they are told apart.
  const missed = new Set(first.filter((r) => !r.correct).map((r) => r.questionId));
  const further = Math.max(0, dueCount - missed.size);
  const link = "font-medium text-accent-700 underline hover:no-underline dark:text-accent-300";

  return (
    <section
      className="mt-4 rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
      data-testid="review-finish"
      aria-labelledby="review-finish-heading"
    >
      <h2
        id="review-finish-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-bold outline-none"
      >
        Session finished
      </h2>
      <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="review-finish-summary">
        {first.length} card{first.length === 1 ? "" : "s"} reviewed, {right} right the first time
        {retried.length > 0
          ? `; ${retried.filter((r) => r.correct).length} of ${retried.length} missed card${retried.length === 1 ? "" : "s"} right on the second try`
          : ""}
        .
      </p>

      {wentWell.length > 0 && (
        <div className="mt-4" data-testid="review-went-well">
          <h3 className="font-semibold">What went well</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {wentWell.map(([slug, l]) => (
              <li key={slug}>
                Every card from “{l.title}” right ({l.right} of {l.total})
              </li>
            ))}
          </ul>
        </div>
      )}

      {reread.size > 0 && (
        <div className="mt-4" data-testid="review-reread">
          <h3 className="font-semibold">What to reread</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {[...reread].map(([href, r]) => (
              <li key={href}>
                <Link href={href} className={link}>
                  “{opening(r.text)}”
                </Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">in “{r.lesson}”</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-4" data-testid="review-next-due-summary">
        <h3 className="font-semibold">What comes next</h3>
        <p className="mt-1 text-stone-700 dark:text-stone-300">
          {missed.size > 0 && (
            <>
              The {missed.size === 1 ? "card" : `${missed.size} cards`} you missed come
              {missed.size === 1 ? "s" : ""} back in a few minutes.{" "}
            </>
          )}
          {further > 0 ? (
            <>
              {further} more card{further === 1 ? " is" : "s are"} due now.
            </>
          ) : nextDueAt ? (
            <>
              Your next cards are due{" "}
              <time dateTime={nextDueAt} suppressHydrationWarning className="font-semibold">
                {formatDue(nextDueAt, new Date(), timeZone)}
              </time>
              .
            </>
          ) : (
            "No other cards are scheduled."
          )}
        </p>
      </div>

      <p className="mt-5 flex flex-wrap gap-3">
        {further > 0 && (
          <a
            href="/review"
            className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
            data-testid="review-another"
          >
            Start another session
          </a>
        )}
        <Link
          href="/dashboard"
          className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Your dashboard
        </Link>
      </p>
    </section>
  );
}
