import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAllLessons, getGuide, getLesson, getLessonNeighbours, getModule } from "@/app/lib/content";
import { findCrossReferences } from "@/app/lib/content/cross-references";
import { LessonBody } from "@/app/ui/content/lesson-body";
import { FurtherReading } from "@/app/ui/content/further-reading";
import { LessonPager } from "@/app/ui/content/lesson-pager";
import { LessonQuizCall, ModuleTestCall } from "@/app/ui/content/lesson-quiz-call";
import { MarkReadClient } from "@/app/ui/progress/mark-read-client";
import { Breadcrumb, moduleShortTitle } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ lessonSlug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getAllLessons().map((lesson) => ({ lessonSlug: lesson.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).lessonSlug);
  return { title: lesson?.title ?? "Lesson not found" };
}

export default async function LessonPage({ params }: Props) {
  const lesson = getLesson((await params).lessonSlug);
  if (!lesson) notFound();
  const guideModule = getModule(lesson.moduleSlug);
  if (!guideModule) notFound();
  const { previous, next } = getLessonNeighbours(lesson.slug);
  const subParts = lesson.sections.filter((s) => s.heading);

  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <Breadcrumb
        trail={[
          { label: moduleShortTitle(guideModule.title), href: `/modules/${guideModule.slug}` },
          { label: `Lesson ${lesson.order}` },
        ]}
      />
      <article className="mt-4">
        <header>
          <h1 className="text-2xl font-bold leading-tight tracking-tight sm:text-3xl">{lesson.title}</h1>
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            Lesson {lesson.order} of {guideModule.lessons.length} · {lesson.wordCount.toLocaleString("en")}{" "}
            words · {lesson.readingMinutes} min read ·{" "}
            <a href={guideModule.sourceUrl} className="underline hover:no-underline">
              original article
            </a>
          </p>
          <p className="mt-4">
            <Link
              href={`/lessons/${lesson.slug}/quiz`}
              className="inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
            >
              Take the quiz
            </Link>
          </p>
          {subParts.length > 0 && (
            <nav
              aria-label="In this lesson"
              className="mt-6 rounded-lg border border-stone-200 p-4 text-sm dark:border-stone-800"
            >
              <p className="font-semibold">In this lesson</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {subParts.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`} className="underline hover:no-underline">
                      {section.heading}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <LessonBody
          sections={lesson.sections}
          crossReferences={findCrossReferences(getGuide(), lesson.slug)}
        />
        <FurtherReading items={lesson.furtherReading} />
        <MarkReadClient lessonSlug={lesson.slug} readingMinutes={lesson.readingMinutes} />
      </article>
      <LessonQuizCall lessonSlug={lesson.slug} />
      {guideModule.lessons.at(-1)?.slug === lesson.slug && (
        <ModuleTestCall moduleSlug={guideModule.slug} moduleTitle={moduleShortTitle(guideModule.title)} />
      )}
      <LessonPager previous={previous} next={next} />
    </main>
  );
}
