import type { Lesson } from "./types";

/**
 * What result pages need from the guide besides the result itself: the section each paragraph
 * of the lesson belongs to (to group misses), and every lesson's title (to name the lesson an
 * evidence link opens when it is another one). Built on the server, small enough to send along.
 */
export interface ResultContext {
  /** Paragraph anchor → section heading ("" for a lesson's untitled opening). */
  sectionOf: Record<string, string>;
  /** Lesson slug → title. */
  lessonTitles: Record<string, string>;
}

export function buildResultContext(lesson: Lesson, allLessons: Lesson[]): ResultContext {
  const sectionOf: Record<string, string> = {};
  for (const section of lesson.sections)
    for (const block of section.blocks) sectionOf[block.id] = section.heading ?? "";
  return { sectionOf, lessonTitles: Object.fromEntries(allLessons.map((l) => [l.slug, l.title])) };
}

/** The lesson slug and paragraph anchor of an evidence link (/lessons/<slug>#<anchor>). */
export function parseEvidenceHref(href: string): { slug: string; anchor: string | null } | null {
  const m = /^\/lessons\/([^/#?]+)(?:#(.+))?$/.exec(href);
  return m ? { slug: m[1]!, anchor: m[2] ?? null } : null;
}
