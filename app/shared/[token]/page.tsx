import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findSharedResult } from "@/app/lib/attempts/share";
import { getAllLessons, getLesson } from "@/app/lib/content";
import { buildResultContext } from "@/app/lib/content/result-context";
import { FeedbackList, ResultSummary } from "@/app/ui/quiz/result-view";
import { Breadcrumb, lessonCrumbs, moduleCrumbs } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ token: string }> };

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "A shared quiz result",
  robots: { index: false, follow: false },
};

/**
 * A result its owner shared by link: read-only, for anyone holding the link, showing the owner's
 * display name and nothing else of the account. An unknown or stopped link is a 404.
 */
export default async function SharedResultPage({ params }: Props) {
  const shared = await findSharedResult((await params).token);
  if (!shared) notFound();
  const { result, sharedBy } = shared;
  const isTest = result.target.kind === "module";
  const lessonTitles = Object.fromEntries(getAllLessons().map((l) => [l.slug, l.title]));
  const lesson = isTest ? undefined : getLesson(result.target.slug);
  const context = lesson ? buildResultContext(lesson, getAllLessons()) : { sectionOf: {}, lessonTitles };
  const who = sharedBy === "a guest" ? "A guest" : sharedBy;

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb
        trail={[
          ...(isTest ? moduleCrumbs(result.target.slug) : lessonCrumbs(result.target.slug)),
          { label: "Shared result" },
        ]}
      />
      <h1 className="mt-4 text-2xl font-bold leading-tight tracking-tight sm:text-3xl">
        {isTest ? "A shared module test result" : "A shared quiz result"}
      </h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="shared-by">
        Shared by {sharedBy}; submitted{" "}
        <time dateTime={result.submittedAt}>
          {new Intl.DateTimeFormat("en-GB", {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: "UTC",
          }).format(new Date(result.submittedAt))}{" "}
          UTC
        </time>
        .
      </p>
      <section className="mt-6" aria-label="Score and feedback" data-testid="quiz-results">
        <ResultSummary result={result} who={who} />
        <FeedbackList
          items={result.items}
          lessonSlug={isTest ? undefined : result.target.slug}
          nameEveryLesson={isTest}
          context={context}
        />
      </section>
    </main>
  );
}
