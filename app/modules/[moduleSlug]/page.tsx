import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getGuide, getModule } from "@/app/lib/content";
import { LessonList } from "@/app/ui/content/lesson-list";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";

type Props = { params: Promise<{ moduleSlug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getGuide().modules.map((guideModule) => ({ moduleSlug: guideModule.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guideModule = getModule((await params).moduleSlug);
  return { title: guideModule?.title ?? "Module not found" };
}

export default async function ModulePage({ params }: Props) {
  const guideModule = getModule((await params).moduleSlug);
  if (!guideModule) notFound();
  const first = guideModule.lessons[0];

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Breadcrumb trail={[{ label: "Module" }]} />
      <h1 className="mt-3 text-3xl font-bold tracking-tight">{guideModule.title}</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {guideModule.organisation}
        {guideModule.byline
          ? ` · ${guideModule.byline}`
          : guideModule.author
            ? ` · ${guideModule.author}`
            : ""}{" "}
        · <time dateTime={guideModule.date}>{guideModule.date}</time> ·{" "}
        {guideModule.wordCount.toLocaleString("en")} words · {guideModule.readingMinutes} min read
      </p>
      {guideModule.lede.length > 0 && (
        <div className="mt-6 space-y-3 font-serif text-lg leading-relaxed text-stone-800 dark:text-stone-200">
          {guideModule.lede.map((paragraph) => (
            <p key={paragraph.id}>{paragraph.text}</p>
          ))}
        </div>
      )}
      <p className="mt-6 flex flex-wrap gap-3 text-sm">
        {first && (
          <Link
            href={`/lessons/${first.slug}`}
            className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
          >
            Start with lesson 1
          </Link>
        )}
        <Link
          href={`/modules/${guideModule.slug}/test`}
          className="rounded-md border border-accent-600 px-4 py-2 font-medium text-accent-700 hover:bg-accent-50 dark:border-accent-300 dark:text-accent-300 dark:hover:bg-stone-800"
          data-testid="module-test-link"
        >
          Take the module test
        </Link>
        <a
          href={guideModule.sourceUrl}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
        >
          Original article ↗
        </a>
      </p>
      <h2 className="mt-10 mb-4 text-xl font-semibold">Lessons</h2>
      <LessonList lessons={guideModule.lessons} />
    </main>
  );
}
