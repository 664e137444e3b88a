import "server-only";
/**
 * Every Prisma read behind the learner's progress: per-lesson mastery, the dashboard, the
 * activity days behind a streak. Each function takes the acting user's id explicitly and reads
 * only that user's rows. The rules themselves (mastery, streak) are pure functions in
 * app/lib/progress.
 */
import { prisma } from "@/app/lib/db/prisma";
import { countDueReviews } from "@/app/lib/db/review-cards";
import { dueHorizon } from "@/app/lib/progress/scheduling";
import { lessonMastery, percentOf, type LessonMastery, type ScoredAttempt } from "@/app/lib/progress/mastery";

/** Submitted quiz attempts with a score: the only attempts the mastery rule counts. */
function countedAttempts(userId: string) {
  return {
    userId,
    kind: "quiz",
    status: "submitted",
    score: { not: null },
    total: { gt: 0 },
    submittedAt: { not: null },
  } as const;
}

/** Mastery of every lesson the user has attempted, by lesson slug (absent = not started). */
export async function getLessonMastery(userId: string): Promise<Map<string, LessonMastery>> {
  const rows = await prisma.attempt.findMany({
    where: countedAttempts(userId),
    select: { score: true, total: true, submittedAt: true, lesson: { select: { slug: true } } },
  });
  const byLesson = new Map<string, ScoredAttempt[]>();
  for (const row of rows) {
    if (!row.lesson || row.score === null || !row.submittedAt) continue;
    const list = byLesson.get(row.lesson.slug) ?? [];
    list.push({ score: row.score, total: row.total, submittedAt: row.submittedAt });
    byLesson.set(row.lesson.slug, list);
  }
  return new Map([...byLesson].map(([slug, attempts]) => [slug, lessonMastery(attempts)]));
}

export interface AttemptSummary {
  id: string;
  lessonSlug: string;
  lessonTitle: string;
  score: number;
  total: number;
  percent: number;
  submittedAt: Date;
}

export interface DashboardData {
  mastery: Map<string, LessonMastery>;
  /** Every submitted quiz attempt, oldest first (the score chart). Capped at the latest 200. */
  history: AttemptSummary[];
  /** The latest ten, newest first. */
  recent: AttemptSummary[];
  /** Lesson slugs the user has read. */
  read: Set<string>;
  dueCount: number;
  /** Cards the user has at all (to tell "nothing due" from "nothing yet"). */
  cardCount: number;
  nextDueAt: Date | null;
}

export async function getDashboard(userId: string, now: Date): Promise<DashboardData> {
  const [mastery, latest, reads, dueCount, cardCount, next] = await Promise.all([
    getLessonMastery(userId),
    prisma.attempt.findMany({
      where: countedAttempts(userId),
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        id: true,
        score: true,
        total: true,
        submittedAt: true,
        lesson: { select: { slug: true, title: true } },
      },
    }),
    prisma.lessonRead.findMany({ where: { userId }, select: { lesson: { select: { slug: true } } } }),
    countDueReviews(userId, now),
    prisma.reviewCard.count({ where: { userId } }),
    prisma.reviewCard.findFirst({
      where: {
        userId,
        due: { gt: dueHorizon(now) },
        question: { status: "active", review: { not: "rejected" } },
      },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
  ]);
  const summaries: AttemptSummary[] = [];
  for (const row of latest) {
    if (!row.lesson || row.score === null || !row.submittedAt) continue;
    summaries.push({
      id: row.id,
      lessonSlug: row.lesson.slug,
      lessonTitle: row.lesson.title,
      score: row.score,
      total: row.total,
      percent: percentOf(row.score, row.total),
      submittedAt: row.submittedAt,
    });
  }
  return {
    mastery,
    history: [...summaries].reverse(),
    recent: summaries.slice(0, 10),
    read: new Set(reads.map((r) => r.lesson.slug)),
    dueCount,
    cardCount,
    nextDueAt: next?.due ?? null,
  };
}

/**
 * When the user did something that counts toward a streak: submitted quiz attempts and review
 * answers (one-question `review` attempts), since `since`.
 */
export async function getActivityTimes(userId: string, since: Date): Promise<Date[]> {
  const rows = await prisma.attempt.findMany({
    where: { userId, status: "submitted", submittedAt: { gte: since } },
    select: { submittedAt: true },
    orderBy: { submittedAt: "asc" },
  });
  return rows.map((r) => r.submittedAt).filter((d): d is Date => d !== null);
}
