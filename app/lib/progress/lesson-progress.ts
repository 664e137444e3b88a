import "server-only";
/** Per-lesson progress of one user (mastery + read), keyed by lesson slug, for the badges. */
import { getScoredAttempts } from "@/app/lib/db/progress";
import { getReadLessonSlugs } from "@/app/lib/db/lesson-reads";
import { masteryByLesson } from "./mastery";
import type { LessonProgressView } from "./progress-views";

export async function getLessonProgress(userId: string): Promise<Record<string, LessonProgressView>> {
  const [attempts, read] = await Promise.all([getScoredAttempts(userId), getReadLessonSlugs(userId)]);
  const mastery = masteryByLesson(attempts);
  const out: Record<string, LessonProgressView> = {};
  for (const slug of new Set([...mastery.keys(), ...read])) {
    const m = mastery.get(slug);
    out[slug] = {
      level: m?.level ?? "not_started",
      attempts: m?.attempts ?? 0,
      bestPercent: m?.bestPercent ?? null,
      lastPercent: m?.lastPercent ?? null,
      read: read.has(slug),
    };
  }
  return out;
}
