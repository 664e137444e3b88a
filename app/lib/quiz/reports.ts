import "server-only";
/**
 * "Report this question": a learner (signed in or guest) flags a question they were graded on.
 * Only a question of one of their own submitted attempts can be reported, one report per
 * question and reporter (a second one replaces the first). Teachers see the counts, reasons and
 * notes in the question review queue.
 */
import { z } from "zod";
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import { getAttemptBundle } from "@/app/lib/db/attempts";
import { reportedQuestions, reportsForQuestions, upsertQuestionReport } from "@/app/lib/db/question-reports";
import { attemptIdSchema, questionIdSchema } from "@/app/lib/attempts/schemas";
import { REPORT_NOTE_MAX, REPORT_REASONS, type ReportReason } from "./report-reasons";

const reasonKeys = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];

export const reportQuestionInput = z.strictObject({
  attemptId: attemptIdSchema,
  questionId: questionIdSchema,
  reason: z.enum(reasonKeys, "Choose what is wrong with the question."),
  note: z
    .string()
    .trim()
    .max(REPORT_NOTE_MAX, `At most ${REPORT_NOTE_MAX} characters, please.`)
    .optional()
    .transform((v) => v ?? ""),
});
export type ReportQuestionInput = z.output<typeof reportQuestionInput>;

export async function reportQuestion(
  actor: Actor,
  input: ReportQuestionInput,
): Promise<{ reason: ReportReason }> {
  const bundle = await getAttemptBundle(actor, input.attemptId);
  if (!bundle || !bundle.attempt.questionIds.includes(input.questionId))
    throw new AppError("not_found", "That question is not in one of your quizzes.");
  if (bundle.attempt.status !== "submitted")
    throw new AppError("conflict", "Submit the quiz before reporting a question.");
  await upsertQuestionReport({
    questionId: input.questionId,
    reporter: actor.kind === "user" ? `user:${actor.userId}` : `guest:${actor.guestToken}`,
    userId: actor.kind === "user" ? actor.userId : null,
    guestToken: actor.kind === "guest" ? actor.guestToken : null,
    reason: input.reason,
    note: input.note,
  });
  return { reason: input.reason };
}

/**
 * A report is open until a teacher makes a review decision (approve, edit or reject) on the
 * question after it; reporting again afterwards opens it again.
 */
export function isOpenReport(reportedAt: Date, reviewedAt: Date | null): boolean {
  return reviewedAt === null || reportedAt > reviewedAt;
}

export interface ReportSummary {
  count: number;
  /** How many of them are open (see isOpenReport). */
  open: number;
  /** Reason → how many reports give it, in REPORT_REASONS order, only reasons given. */
  reasons: { reason: ReportReason; label: string; count: number }[];
  /** The non-empty notes, newest first. */
  notes: string[];
}

const isReason = (r: string): r is ReportReason => r in REPORT_REASONS;

/**
 * Reports per question, for the teacher's review queue (questions without reports are absent);
 * `reviewedAt` holds each question's latest review decision.
 */
export async function reportSummaries(
  reviewedAt: ReadonlyMap<string, Date | null>,
): Promise<Map<string, ReportSummary>> {
  const rows = await reportsForQuestions([...reviewedAt.keys()]);
  const byQuestion = new Map<
    string,
    { counts: Map<ReportReason, number>; notes: string[]; count: number; open: number }
  >();
  for (const row of rows) {
    if (!isReason(row.reason)) continue;
    let entry = byQuestion.get(row.questionId);
    if (!entry) byQuestion.set(row.questionId, (entry = { counts: new Map(), notes: [], count: 0, open: 0 }));
    entry.count++;
    if (isOpenReport(row.updatedAt, reviewedAt.get(row.questionId) ?? null)) entry.open++;
    entry.counts.set(row.reason, (entry.counts.get(row.reason) ?? 0) + 1);
    if (row.note) entry.notes.push(row.note);
  }
  const out = new Map<string, ReportSummary>();
  for (const [id, entry] of byQuestion)
    out.set(id, {
      count: entry.count,
      open: entry.open,
      reasons: reasonKeys
        .filter((r) => entry.counts.has(r))
        .map((r) => ({ reason: r, label: REPORT_REASONS[r], count: entry.counts.get(r) ?? 0 })),
      notes: entry.notes,
    });
  return out;
}

export interface LessonReportCount {
  /** Open reports over the lesson's questions. */
  openReports: number;
  /** Questions of the lesson with at least one open report. */
  reportedQuestions: number;
}

/** Open reports per lesson slug; lessons without any are absent. */
export async function openReportsByLesson(): Promise<Map<string, LessonReportCount>> {
  const out = new Map<string, LessonReportCount>();
  for (const row of await reportedQuestions()) {
    const open = row.reportedAt.filter((at) => isOpenReport(at, row.reviewedAt)).length;
    if (open === 0) continue;
    const entry = out.get(row.lessonSlug) ?? { openReports: 0, reportedQuestions: 0 };
    out.set(row.lessonSlug, {
      openReports: entry.openReports + open,
      reportedQuestions: entry.reportedQuestions + 1,
    });
  }
  return out;
}
