import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getActor } from "@/app/lib/auth/actor";
import { getGuide, getLessonNeighbours, getModule } from "@/app/lib/content";
import { getInProgressQuiz, getQuizAvailabilityFor } from "@/app/lib/attempts/service";
import { MODULE_TEST_LENGTH } from "@/app/lib/attempts/draw";
import { getModuleTestScore } from "@/app/lib/progress/module-tests";
import { QuizClient } from "@/app/ui/quiz/quiz-client";
import { Breadcrumb, moduleCrumbs } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ moduleSlug: string }> };

/**
 * The module test: one quiz drawn across every lesson of the module, with the questions that
 * link its lessons (chronology, pairs, the two texts compared). The same quiz island as a lesson
 * quiz; dynamic because it resumes the visitor's test in progress.
 */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guideModule = getModule((await params).moduleSlug);
  return {
    title: guideModule ? `Module test: ${guideModule.title}` : "Module test not found",
    robots: { index: false },
  };
}

/** The first lesson after the module (the next module's first), offered with the result. */
function nextLessonAfter(moduleSlug: string) {
  const last = getModule(moduleSlug)?.lessons.at(-1);
  const next = last ? getLessonNeighbours(last.slug).next : undefined;
  return next ? { slug: next.slug, title: next.title } : null;
}

export default async function ModuleTestPage({ params }: Props) {
  const guideModule = getModule((await params).moduleSlug);
  if (!guideModule) notFound();

  const actor = await getActor();
  const target = { kind: "module", slug: guideModule.slug, title: guideModule.title } as const;
  const [availability, inProgress, score] = await Promise.all([
    getQuizAvailabilityFor(target),
    actor ? getInProgressQuiz(actor, target) : Promise.resolve(null),
    actor?.kind === "user" ? getModuleTestScore(actor.userId, guideModule.slug) : Promise.resolve(null),
  ]);
  const length = availability?.length ?? 0;
  const lessonTitles = Object.fromEntries(
    getGuide().modules.flatMap((m) => m.lessons.map((l) => [l.slug, l.title] as const)),
  );

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb trail={[...moduleCrumbs(guideModule.slug), { label: "Module test" }]} />
      <h1 className="mt-4 text-2xl font-bold leading-tight tracking-tight sm:text-3xl">
        <span className="block text-base font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
          Module test
        </span>
        {guideModule.title}
      </h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300" data-testid="module-test-about">
        Questions from all {guideModule.lessons.length} lessons of the module, spread evenly
        {availability && availability.moduleScopeCount > 0
          ? `, and ${availability.moduleScopeCount === 1 ? "a question that links" : `up to ${availability.moduleScopeCount} questions that link`} lessons together`
          : ""}
        .
        {length > 0 && length < MODULE_TEST_LENGTH && (
          <>
            {" "}
            This module&apos;s question bank is small, so the test has {length} questions instead of{" "}
            {MODULE_TEST_LENGTH}.
          </>
        )}
      </p>
      {score && score.attempts > 0 && (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300" data-testid="module-test-last-score">
          Your last score: <strong>{score.lastPercent}%</strong>
          {score.bestPercent !== score.lastPercent ? ` (best ${score.bestPercent}%)` : ""} ·{" "}
          {score.lastAttemptId && (
            <Link href={`/attempts/${score.lastAttemptId}`} className="underline hover:no-underline">
              see your last result
            </Link>
          )}
        </p>
      )}
      <QuizClient
        target={target}
        questionCount={availability?.questionCount ?? 0}
        length={length}
        initialQuiz={inProgress}
        nextLesson={nextLessonAfter(guideModule.slug)}
        resultContext={{ sectionOf: {}, lessonTitles }}
      />
    </main>
  );
}
