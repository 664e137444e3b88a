import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getActor } from "@/app/lib/auth/actor";
import { getLesson, getLessonNeighbours } from "@/app/lib/content";
import { getInProgressQuiz, getQuizAvailabilityFor } from "@/app/lib/attempts/service";
import { QuizClient } from "@/app/ui/quiz/quiz-client";
import { Breadcrumb, lessonCrumbs } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ lessonSlug: string }> };

/**
 * The quiz for one lesson. Dynamic (it reads the visitor's cookies to resume an attempt in
 * progress); the lesson page itself stays static. It passes the island only public question
 * shapes and the visitor's own saved answers.
 */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).lessonSlug);
  return { title: lesson ? `Quiz: ${lesson.title}` : "Quiz not found", robots: { index: false } };
}

function nextLessonLink(slug: string) {
  const { next } = getLessonNeighbours(slug);
  return next ? { slug: next.slug, title: next.title } : null;
}

export default async function QuizPage({ params }: Props) {
  const { lessonSlug } = await params;
  const lesson = getLesson(lessonSlug);
  if (!lesson) notFound();

  const actor = await getActor();
  const target = { kind: "lesson", slug: lesson.slug, title: lesson.title } as const;
  const [availability, inProgress] = await Promise.all([
    getQuizAvailabilityFor(target),
    actor ? getInProgressQuiz(actor, target) : Promise.resolve(null),
  ]);

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb trail={[...lessonCrumbs(lesson.slug), { label: "Quiz" }]} />
      <h1 className="mt-4 text-2xl font-bold leading-tight tracking-tight sm:text-3xl">
        <span className="block text-base font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">
          Quiz
        </span>
        {lesson.title}
      </h1>
      <QuizClient
        target={target}
        questionCount={availability?.questionCount ?? 0}
        length={availability?.length ?? 0}
        initialQuiz={inProgress}
        nextLesson={nextLessonLink(lesson.slug)}
      />
    </main>
  );
}
