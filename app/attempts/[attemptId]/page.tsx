import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/app/lib/auth/actor";
import { attemptIdSchema } from "@/app/lib/attempts/schemas";
import { findAttemptForOwner } from "@/app/lib/attempts/service";
import { getShareStatus } from "@/app/lib/attempts/share";
import { getAllLessons, getLesson, getLessonNeighbours, getModule } from "@/app/lib/content";
import { buildResultContext, type ResultContext } from "@/app/lib/content/result-context";
import { quizHref, targetHref, targetNoun } from "@/app/lib/attempts/target";
import type { ResultView } from "@/app/lib/attempts/views";
import { ResultOverview } from "@/app/ui/quiz/result-overview";
import { ResultNextSteps } from "@/app/ui/quiz/result-next-steps";
import { FeedbackList, ResultSummary } from "@/app/ui/quiz/result-view";
import { ShareResultClient } from "@/app/ui/quiz/share-result-client";
import { Breadcrumb, lessonCrumbs, moduleCrumbs, type Crumb } from "@/app/ui/site/breadcrumb";

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

/** Section headings (a lesson quiz) and lesson titles, to group and label the feedback. */
function contextOf(result: ResultView): ResultContext {
  const lessonTitles = Object.fromEntries(getAllLessons().map((l) => [l.slug, l.title]));
  if (result.target.kind === "module") return { sectionOf: {}, lessonTitles };
  const lesson = getLesson(result.target.slug);
  return lesson ? buildResultContext(lesson, getAllLessons()) : { sectionOf: {}, lessonTitles };
}

function crumbsOf(result: ResultView): Crumb[] {
  return result.target.kind === "module"
    ? [...moduleCrumbs(result.target.slug), { label: "Module test", href: quizHref(result.target) }]
    : lessonCrumbs(result.target.slug);
}

/** The next lesson after a lesson quiz; after a module test, the first lesson of the next module. */
function nextLessonOf(result: ResultView): { slug: string; title: string } | null {
  if (result.target.kind === "lesson") {
    const { next } = getLessonNeighbours(result.target.slug);
    return next ? { slug: next.slug, title: next.title } : null;
  }
  const last = getModule(result.target.slug)?.lessons.at(-1);
  const { next } = last ? getLessonNeighbours(last.slug) : { next: undefined };
  return next ? { slug: next.slug, title: next.title } : null;
}

export default async function AttemptPage({ params }: Props) {
  const parsed = attemptIdSchema.safeParse((await params).attemptId);
  if (!parsed.success) notFound();
  const actor = await getActor();
  if (!actor) notFound();
  const found = await findAttemptForOwner(actor, parsed.data);
  if (!found) notFound();
  if (found.status === "in_progress") redirect(quizHref(found.quiz.target));
  const { result } = found;
  const share = await getShareStatus(actor, result.attemptId);
  const when = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: timeZone(actor),
    }).format(new Date(iso));
  const isTest = result.target.kind === "module";
  const context = contextOf(result);
  const title = isTest ? "Module test result" : "Quiz result";

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb trail={[...crumbsOf(result), { label: title }]} />
      <h1 className="mt-4 text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{title}</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Submitted <time dateTime={result.submittedAt}>{when(result.submittedAt)}</time>
      </p>
      <section className="mt-6" aria-label="Score and feedback" data-testid="quiz-results">
        <ResultSummary result={result} />
        <ResultOverview result={result} context={context} />
        <ResultNextSteps result={result} nextLesson={nextLessonOf(result)} />
        <FeedbackList
          items={result.items}
          lessonSlug={isTest ? undefined : result.target.slug}
          nameEveryLesson={isTest}
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
          href={quizHref(result.target)}
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
        >
          {isTest ? "Take the module test again" : "Take another quiz on this lesson"}
        </Link>
        <Link
          href={targetHref(result.target)}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
        >
          Back to the {targetNoun(result.target)}
        </Link>
      </p>
    </main>
  );
}
