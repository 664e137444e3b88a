import Link from "next/link";
import { getLesson, getModule } from "@/app/lib/content";

export type Crumb = { label: string; href?: string };

/** "Home / Module / Lesson 3" trail; the last crumb is the current page (no link). */
export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-600 dark:text-stone-400">
      <ol className="flex flex-wrap gap-x-1">
        {[{ label: "Home", href: "/" }, ...trail].map((crumb, index) => (
          <li key={`${index}-${crumb.label}`} className="flex gap-x-1">
            {index > 0 && <span aria-hidden>/</span>}
            {crumb.href ? (
              <Link href={crumb.href} className="hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The module and lesson crumbs for a lesson ("Red and Black October / Lesson 6"), linked. */
export function lessonCrumbs(lessonSlug: string): Crumb[] {
  const lesson = getLesson(lessonSlug);
  const guideModule = lesson ? getModule(lesson.moduleSlug) : undefined;
  if (!lesson || !guideModule) return [];
  return [
    { label: moduleShortTitle(guideModule.title), href: `/modules/${guideModule.slug}` },
    { label: `Lesson ${lesson.order}`, href: `/lessons/${lesson.slug}` },
  ];
}

/** The module crumb for a module's own pages (its test, its printable quiz), linked. */
export function moduleCrumbs(moduleSlug: string): Crumb[] {
  const guideModule = getModule(moduleSlug);
  return guideModule
    ? [{ label: moduleShortTitle(guideModule.title), href: `/modules/${guideModule.slug}` }]
    : [];
}

/** A module's title without its subtitle. */
export function moduleShortTitle(title: string): string {
  return title.split(":")[0]!;
}
