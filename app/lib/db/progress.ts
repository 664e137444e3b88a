import "server-only";
/**
 * Every Prisma read behind the learner's progress: scored quiz attempts, lesson reads, the
 * activity days behind a streak. Each function takes the acting user's id explicitly and reads
 * only that user's rows. The rules (mastery, streak, what is due) are in app/lib/progress.
 */
import { prisma } from "@/app/lib/db/prisma";

/** A submitted quiz attempt with a score: the only attempts the mastery rule counts. */
export interface ScoredAttemptRecord {
  id: string;
  lesson: { slug: string; title: string };
  score: number;
  total: number;
  submittedAt: Date;
}

function countedAttempts(userId: string, kind: "quiz" | "test" = "quiz") {
  return {
    userId,
    kind,
    status: "submitted",
    score: { not: null },
    total: { gt: 0 },
    submittedAt: { not: null },
  } as const;
}

/**
 * The user's scored quiz attempts, newest first (ties by id), at most `limit` (all when
 * omitted).
 */
export async function getScoredAttempts(userId: string, limit?: number): Promise<ScoredAttemptRecord[]> {
  const rows = await prisma.attempt.findMany({
    where: countedAttempts(userId),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    ...(limit === undefined ? {} : { take: limit }),
    select: {
      id: true,
      score: true,
      total: true,
      submittedAt: true,
      lesson: { select: { slug: true, title: true } },
    },
  });
  const out: ScoredAttemptRecord[] = [];
  for (const row of rows) {
    // The where-clause excludes nulls; the generated types do not know it.
    if (!row.lesson || row.score === null || !row.submittedAt) continue;
    out.push({
      id: row.id,
      lesson: row.lesson,
      score: row.score,
      total: row.total,
      submittedAt: row.submittedAt,
    });
  }
  return out;
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

/** A submitted module test with a score. */
export interface ModuleTestAttemptRecord {
  id: string;
  module: { slug: string };
  score: number;
  total: number;
  submittedAt: Date;
}

/** The user's scored module tests (all modules, or one), newest first. */
export async function getModuleTestAttempts(
  userId: string,
  moduleSlug?: string,
): Promise<ModuleTestAttemptRecord[]> {
  const rows = await prisma.attempt.findMany({
    where: {
      ...countedAttempts(userId, "test"),
      ...(moduleSlug ? { module: { slug: moduleSlug } } : {}),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true, score: true, total: true, submittedAt: true, module: { select: { slug: true } } },
  });
  return rows.flatMap((row) =>
    row.module && row.score !== null && row.submittedAt
      ? [{ id: row.id, module: row.module, score: row.score, total: row.total, submittedAt: row.submittedAt }]
      : [],
  );
}

/** A lesson quiz or module test the user started and has not submitted. */
export interface OpenAttemptRecord {
  id: string;
  target: { kind: "lesson" | "module"; slug: string; title: string };
  /** Questions with a saved answer. */
  answered: number;
  total: number;
  startedAt: Date;
}

/** The user's most recently started lesson quiz or module test still in progress, if any. */
export async function getLatestOpenAttempt(userId: string): Promise<OpenAttemptRecord | null> {
  const rows = await prisma.attempt.findMany({
    where: { userId, status: "in_progress", kind: { in: ["quiz", "test"] } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 5,
    select: {
      id: true,
      total: true,
      startedAt: true,
      lesson: { select: { slug: true, title: true } },
      module: { select: { slug: true, title: true } },
      _count: { select: { responses: true } },
    },
  });
  for (const row of rows) {
    const target = row.lesson
      ? { kind: "lesson" as const, ...row.lesson }
      : row.module
        ? { kind: "module" as const, ...row.module }
        : null;
    if (!target) continue;
    return { id: row.id, target, answered: row._count.responses, total: row.total, startedAt: row.startedAt };
  }
  return null;
}
