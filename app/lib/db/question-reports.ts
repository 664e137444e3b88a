import "server-only";
/** Every Prisma call for learners' question reports; the rules live in app/lib/quiz/reports.ts. */
import { prisma } from "@/app/lib/db/prisma";

export interface QuestionReportRow {
  questionId: string;
  reporter: string;
  userId: string | null;
  guestToken: string | null;
  reason: string;
  note: string;
}

/** Insert the reporter's report on the question, or replace their earlier one. */
export async function upsertQuestionReport(row: QuestionReportRow): Promise<void> {
  await prisma.questionReport.upsert({
    where: { questionId_reporter: { questionId: row.questionId, reporter: row.reporter } },
    create: row,
    update: { reason: row.reason, note: row.note, userId: row.userId, guestToken: row.guestToken },
  });
}

/** The reports on these questions, newest first. */
export async function reportsForQuestions(
  questionIds: string[],
): Promise<{ questionId: string; reason: string; note: string; updatedAt: Date }[]> {
  if (questionIds.length === 0) return [];
  return prisma.questionReport.findMany({
    where: { questionId: { in: questionIds } },
    select: { questionId: true, reason: true, note: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
}

export interface ReportedQuestionRow {
  questionId: string;
  lessonSlug: string;
  reviewedAt: Date | null;
  /** When each report on the question was last made or replaced. */
  reportedAt: Date[];
}

/** Every question with at least one report, with its lesson and latest review decision. */
export async function reportedQuestions(): Promise<ReportedQuestionRow[]> {
  const rows = await prisma.question.findMany({
    where: { reports: { some: {} } },
    select: {
      id: true,
      reviewedAt: true,
      lesson: { select: { slug: true } },
      reports: { select: { updatedAt: true } },
    },
  });
  return rows.map((row) => ({
    questionId: row.id,
    lessonSlug: row.lesson.slug,
    reviewedAt: row.reviewedAt,
    reportedAt: row.reports.map((r) => r.updatedAt),
  }));
}
