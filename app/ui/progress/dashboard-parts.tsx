import Link from "next/link";
import type { AttemptSummary } from "@/app/lib/progress/progress-views";
import type { DashboardLesson, DashboardModule } from "@/app/lib/progress/dashboard";
import { MASTERY_LABELS, MASTERY_PERCENT, type MasteryLevel } from "@/app/lib/progress/mastery";
import type { StreakSummary } from "@/app/lib/progress/streak";
import { formatDue } from "@/app/ui/review/format-time";
import { formatDateTime } from "./format";
import { formatScore } from "@/app/lib/progress/scoring";

/** Server components for the dashboard's sections. Colour is never the only signal: every level is written out. */

export const card =
  "rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900";

export function ReviewsDue({
  dueCount,
  cardCount,
  nextDueAt,
  timeZone,
  now,
}: {
  dueCount: number;
  cardCount: number;
  nextDueAt: Date | null;
  timeZone: string;
  now: Date;
}) {
  return (
    <section aria-labelledby="reviews-heading" className={card} data-testid="dashboard-reviews">
      <h2
        id="reviews-heading"
        className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
      >
        Reviews
      </h2>
      <p className="mt-1 text-3xl font-bold tabular-nums" data-testid="dashboard-due-count">
        {dueCount}
        <span className="ml-2 text-base font-medium">{dueCount === 1 ? "card due" : "cards due"}</span>
      </p>
      {dueCount > 0 ? (
        <Link
          href="/review"
          className="mt-3 inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
        >
          Start reviewing
        </Link>
      ) : (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          {cardCount === 0
            ? "Questions from your quizzes will come back here for review."
            : nextDueAt
              ? `Nothing due. Next review ${formatDue(nextDueAt.toISOString(), now, timeZone)}.`
              : "Nothing due."}
        </p>
      )}
    </section>
  );
}

export function StreakCard({ streak }: { streak: StreakSummary }) {
  return (
    <section aria-labelledby="streak-heading" className={card} data-testid="dashboard-streak">
      <h2
        id="streak-heading"
        className="text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400"
      >
        Daily streak
      </h2>
      <p className="mt-1 text-3xl font-bold tabular-nums">
        {streak.current}
        <span className="ml-2 text-base font-medium">{streak.current === 1 ? "day" : "days"}</span>
      </p>
      <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
        {streak.activeToday
          ? "You studied today."
          : streak.current > 0
            ? "Take a quiz or review today to keep it going."
            : "Take a quiz or review to start a streak."}{" "}
        Longest: {streak.longest} {streak.longest === 1 ? "day" : "days"}.
      </p>
    </section>
  );
}

export function ModuleProgressList({ modules }: { modules: DashboardModule[] }) {
  return (
    <ul className="space-y-4">
      {modules.map((m) => {
        const percent = m.total > 0 ? Math.round((m.mastered / m.total) * 100) : 0;
        const labelId = `module-progress-${m.slug}`;
        return (
          <li key={m.slug}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link id={labelId} href={`/modules/${m.slug}`} className="font-medium hover:underline">
                {m.title}
              </Link>
              <span
                className="text-sm tabular-nums text-stone-700 dark:text-stone-300"
                data-testid="module-mastered"
              >
                {m.mastered} of {m.total} lessons mastered
              </span>
            </div>
            <div
              role="progressbar"
              aria-labelledby={labelId}
              aria-valuemin={0}
              aria-valuemax={m.total}
              aria-valuenow={m.mastered}
              aria-valuetext={`${m.mastered} of ${m.total} lessons mastered`}
              className="mt-1.5 h-3 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
            >
              <div
                className="h-full rounded-full bg-emerald-600 dark:bg-emerald-500"
                style={{ width: `${percent}%` }}
              />
            </div>
            <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
              {m.attempted} of {m.total} lessons attempted
            </p>
            <p className="mt-1 text-sm" data-testid="module-test-score">
              <Link href={`/modules/${m.slug}/test`} className="font-medium hover:underline">
                Module test
              </Link>
              {": "}
              {m.test.attempts === 0 ? (
                <span className="text-stone-700 dark:text-stone-300">not taken yet</span>
              ) : (
                <span className="tabular-nums text-stone-700 dark:text-stone-300">
                  best {m.test.bestPercent}%, last {m.test.lastPercent}% ({m.test.attempts}{" "}
                  {m.test.attempts === 1 ? "attempt" : "attempts"})
                </span>
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

const levelStyle: Record<MasteryLevel, string> = {
  not_started: "border-stone-200 dark:border-stone-800",
  started: "border-amber-400 dark:border-amber-600/70",
  practising: "border-sky-400 dark:border-sky-600/70",
  mastered: "border-emerald-500 bg-emerald-50/60 dark:border-emerald-600/70 dark:bg-emerald-950/20",
};

function lessonDetail(l: DashboardLesson): string {
  if (l.attempts === 0) return l.read ? "Read · no quiz yet" : "No quiz yet";
  const parts = [
    `best ${l.bestPercent}%`,
    `last ${l.lastPercent}%`,
    `${l.attempts} ${l.attempts === 1 ? "attempt" : "attempts"}`,
  ];
  return parts.join(" · ");
}

export function MasteryGrid({ modules }: { modules: DashboardModule[] }) {
  return (
    <div className="space-y-6">
      {modules.map((m) => (
        <div key={m.slug}>
          <h3 className="text-base font-semibold">{m.title}</h3>
          <ol
            className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3"
            data-testid="mastery-grid"
          >
            {m.lessons.map((l) => (
              <li key={l.slug} data-testid="mastery-cell" data-lesson={l.slug} data-level={l.level}>
                <Link
                  href={`/lessons/${l.slug}`}
                  className={`flex h-full flex-col rounded-md border-2 bg-white px-3 py-2 hover:bg-stone-50 dark:bg-stone-900 dark:hover:bg-stone-800 ${levelStyle[l.level]}`}
                >
                  <span className="text-sm font-medium leading-snug">
                    <span className="tabular-nums text-stone-500 dark:text-stone-400">{l.order}. </span>
                    {l.title}
                  </span>
                  <span className="mt-1 text-xs font-semibold">{MASTERY_LABELS[l.level]}</span>
                  <span className="text-xs text-stone-600 dark:text-stone-400">{lessonDetail(l)}</span>
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ))}
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Started: below 50%. Practising: 50% or better. Mastered: your two latest quizzes on the lesson both{" "}
        {MASTERY_PERCENT}% or better.
      </p>
    </div>
  );
}

export function RecentAttempts({ recent, timeZone }: { recent: AttemptSummary[]; timeZone: string }) {
  if (recent.length === 0) {
    return <p className="text-stone-700 dark:text-stone-300">No quizzes yet.</p>;
  }
  return (
    <ol
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900"
      data-testid="recent-attempts"
    >
      {recent.map((a) => (
        <li key={a.id}>
          <Link
            href={`/attempts/${a.id}`}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60"
            data-testid="recent-attempt"
          >
            <span className="min-w-0 flex-1 font-medium leading-snug">{a.lessonTitle}</span>
            <span className="text-sm tabular-nums">
              {formatScore(a.score)}/{a.total} ({a.percent}%)
            </span>
            <span className="w-full text-xs text-stone-600 sm:w-auto dark:text-stone-400">
              <time dateTime={a.submittedAt.toISOString()}>{formatDateTime(a.submittedAt, timeZone)}</time>
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
