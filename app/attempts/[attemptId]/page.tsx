import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/app/lib/auth/actor";
import { attemptIdSchema } from "@/app/lib/attempts/schemas";
import { findAttemptForOwner } from "@/app/lib/attempts/service";
import { getShareStatus } from "@/app/lib/attempts/share";
import { getAllLessons, getLesson, getLessonNeighbours } from "@/app/lib/content";
import { buildResultContext } from "@/app/lib/content/result-context";
import { ResultOverview } from "@/app/ui/quiz/result-overview";
import { ResultNextSteps } from "@/app/ui/quiz/result-next-steps";
import { FeedbackList, ResultSummary } from "@/app/ui/quiz/result-view";
import { ShareResultClient } from "@/app/ui/quiz/share-result-client";
import { Breadcrumb, lessonCrumbs } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ attemptId: string }> };

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quiz result", robots: { index: false } };

/**
 * A submitted attempt's result, for its owner only (a signed-in user or the guest whose cookie
 * started it). Anyone else - or a malformed id - gets the same 404 as a missing attempt.
 * An attempt still in progress sends the owner back to the quiz.
 */
/** The learner's own timezone when signed in (a bad stored value falls back to UTC). */
function timeZone(actor: { kind: string; timezone?: string }): string {
  const tz = actor.kind === "user" ? actor.timezone : undefined;
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

export default async function AttemptPage({ params }: Props) {
  const parsed = attemptIdSchema.safeParse((await params).attemptId);
  if (!parsed.success) notFound();
  const actor = await getActor();
  if (!actor) notFound();
  const found = await findAttemptForOwner(actor, parsed.data);
  if (!found) notFound();
  if (found.status === "in_progress") redirect(`/lessons/${found.quiz.lesson.slug}/quiz`);
  const { result } = found;
  const share = await getShareStatus(actor, result.attemptId);
  const when = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: timeZone(actor),
    }).format(new Date(iso));
  const { next } = getLessonNeighbours(result.lesson.slug);
  const lesson = getLesson(result.lesson.slug);
  const context = lesson ? buildResultContext(lesson, getAllLessons()) : { sectionOf: {}, lessonTitles: {} };

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb trail={[...lessonCrumbs(result.lesson.slug), { label: "Quiz result" }]} />
      <h1 className="mt-4 text-2xl font-bold leading-tight tracking-tight sm:text-3xl">Quiz result</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Submitted <time dateTime={result.submittedAt}>{when(result.submittedAt)}</time>
      </p>
      <section className="mt-6" aria-label="Score and feedback" data-testid="quiz-results">
        <ResultSummary result={result} />
        <ResultOverview result={result} context={context} />
        <ResultNextSteps result={result} nextLesson={next ? { slug: next.slug, title: next.title } : null} />
        <FeedbackList
          items={result.items}
          lessonSlug={result.lesson.slug}
          context={context}
          reportAttemptId={result.attemptId}
        />
      </section>
      <ShareResultClient
        attemptId={result.attemptId}
        shownAs={actor.kind === "user" ? actor.name : "a guest"}
        sharedSince={share.since ? `on ${when(share.since)}` : null}
      />
      <p className="mt-6 flex flex-wrap gap-3">
        <Link
          href={`/lessons/${result.lesson.slug}/quiz`}
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
        >
          Take another quiz on this lesson
        </Link>
        <Link
          href={`/lessons/${result.lesson.slug}`}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
        >
          Back to the lesson
        </Link>
      </p>
    </main>
  );
}
