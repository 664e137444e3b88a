import Link from "next/link";
import { getGuide } from "@/app/lib/content";
import { LessonList } from "@/app/ui/content/lesson-list";
import { ContinueCardClient } from "@/app/ui/progress/continue-card-client";
import { AssignedHomeClient } from "@/app/ui/teach/assigned-home-client";

export default function HomePage() {
  const { modules } = getGuide();
  const lessonCount = modules.reduce((sum, m) => sum + m.lessons.length, 0);

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <section className="max-w-3xl">
        <p className="text-sm font-medium uppercase tracking-wider text-accent-700 dark:text-accent-300">
          Study guide · 1917–2017
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
          The Russian Revolution, read closely
        </h1>
        <p className="mt-4 text-lg text-stone-700 dark:text-stone-300">
          Two anarchist texts from the revolution&apos;s centenary, turned into {lessonCount} short lessons.
          Each lesson follows one question of the original article, and each has a quiz generated from its own
          text, with every answer traced back to the sentence it came from.
        </p>
      </section>

      <AssignedHomeClient />
      <ContinueCardClient />

      <div id="modules" className="mt-12 space-y-12">
        {modules.map((guideModule) => (
          <section key={guideModule.slug} aria-labelledby={`module-${guideModule.slug}`}>
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <div>
                <h2 id={`module-${guideModule.slug}`} className="text-2xl font-semibold tracking-tight">
                  <Link href={`/modules/${guideModule.slug}`} className="hover:underline">
                    {guideModule.title}
                  </Link>
                </h2>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {guideModule.organisation}
                  {guideModule.author ? ` · ${guideModule.author}` : ""} · {guideModule.lessons.length}{" "}
                  lessons · {guideModule.readingMinutes} min read
                </p>
              </div>
            </div>
            <LessonList lessons={guideModule.lessons} />
          </section>
        ))}
      </div>
    </main>
  );
}
