import "server-only";
/**
 * Lessons a user has read (scrolled to the end or spent time on). Each function takes the
 * acting user's id explicitly.
 */
import { prisma } from "@/app/lib/db/prisma";

/**
 * Remember that the user read the lesson (by slug). Idempotent: the first read's time is kept.
 * Returns false when no such lesson exists.
 */
export async function markLessonRead(userId: string, lessonSlug: string, now: Date): Promise<boolean> {
  const lesson = await prisma.lesson.findUnique({ where: { slug: lessonSlug }, select: { id: true } });
  if (!lesson) return false;
  await prisma.lessonRead.upsert({
    where: { userId_lessonId: { userId, lessonId: lesson.id } },
    create: { userId, lessonId: lesson.id, readAt: now },
    update: {},
    select: { userId: true },
  });
  return true;
}

/** Slugs of the lessons the user has read. */
export async function getReadLessonSlugs(userId: string): Promise<Set<string>> {
  const rows = await prisma.lessonRead.findMany({
    where: { userId },
    select: { lesson: { select: { slug: true } } },
  });
  return new Set(rows.map((r) => r.lesson.slug));
}
