/**
 * The guide as the app sees it: parsed once from content/source, cached for the process.
 * No "server-only" import, so tsx scripts (seed, reports) can use it too; it still reads the
 * file system, so only server code and scripts should import it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDigest } from "./parse-digest";
import type { Guide, GuideModule, Lesson } from "./types";

export type * from "./types";
export { splitSentences } from "./sentences";

export const DIGEST_FILE = "000_c35c5bcf756e66cf.txt";

export function digestPath(): string {
  return path.join(process.cwd(), "content", "source", DIGEST_FILE);
}

let cachedGuide: Guide | null = null;

export function getGuide(): Guide {
  cachedGuide ??= parseDigest(readFileSync(digestPath(), "utf8"));
  return cachedGuide;
}

export function getModules(): GuideModule[] {
  return getGuide().modules;
}

export function getModule(slug: string): GuideModule | undefined {
  return getGuide().modules.find((module) => module.slug === slug);
}

/** Every lesson, module by module, in reading order. */
export function getAllLessons(): Lesson[] {
  return getGuide().modules.flatMap((module) => module.lessons);
}

/** Lesson slugs are unique across the whole guide, so the slug alone finds a lesson. */
export function getLesson(slug: string): Lesson | undefined {
  return getAllLessons().find((lesson) => lesson.slug === slug);
}

export interface LessonNeighbours {
  previous: Lesson | null;
  next: Lesson | null;
}

/**
 * Previous / next lesson in reading order across the whole guide: the last lesson of one
 * module leads on to the first lesson of the next, so "next" never dead-ends mid-guide.
 * Compare `moduleSlug` to label a cross-module link.
 */
export function getLessonNeighbours(slug: string): LessonNeighbours {
  const lessons = getAllLessons();
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) return { previous: null, next: null };
  return { previous: lessons[index - 1] ?? null, next: lessons[index + 1] ?? null };
}
