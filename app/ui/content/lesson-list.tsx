import Link from "next/link";
import type { Lesson } from "@/app/lib/content/types";
import { LessonBadgeClient } from "@/app/ui/progress/lesson-badges-client";

/** Numbered lesson list used on the home and module pages. */
export function LessonList({ lessons }: { lessons: Lesson[] }) {
  return (
    <ol className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
      {lessons.map((lesson) => (
        <li key={lesson.slug}>
          <Link
            href={`/lessons/${lesson.slug}`}
            className="flex items-baseline gap-3 px-4 py-3 hover:bg-stone-50 dark:hover:bg-stone-800/60"
          >
            <span className="w-6 shrink-0 text-right text-sm tabular-nums text-stone-500 dark:text-stone-400">
              {lesson.order}
            </span>
            {/* On a phone the badge and reading time go under the title, so the title keeps its width. */}
            <span className="flex flex-1 flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-3">
              <span className="flex-1 font-medium leading-snug" data-testid="lesson-title">
                {lesson.title}
              </span>
              <span className="flex shrink-0 items-center gap-2">
                <LessonBadgeClient lessonSlug={lesson.slug} />
                <span className="text-xs text-stone-600 dark:text-stone-400">
                  {lesson.readingMinutes} min read
                </span>
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
