import Link from "next/link";
import type { Lesson } from "@/app/lib/content/types";

/** Previous / next lesson links at the foot of a lesson. */
export function LessonPager({ previous, next }: { previous: Lesson | null; next: Lesson | null }) {
  return (
    <nav aria-label="Lesson navigation" className="mt-12 grid gap-3 sm:grid-cols-2">
      {previous ? (
        <Link
          href={`/lessons/${previous.slug}`}
          rel="prev"
          className="rounded-lg border border-stone-200 p-4 hover:border-stone-400 dark:border-stone-800 dark:hover:border-stone-600"
        >
          <span className="block text-xs text-stone-600 dark:text-stone-400">← Previous</span>
          <span className="font-medium">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link
          href={`/lessons/${next.slug}`}
          rel="next"
          className="rounded-lg border border-stone-200 p-4 text-right hover:border-stone-400 dark:border-stone-800 dark:hover:border-stone-600"
        >
          <span className="block text-xs text-stone-600 dark:text-stone-400">Next →</span>
          <span className="font-medium">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
