import "server-only";
/**
 * The question review queue of one lesson: the generated questions with their evidence, review
 * decisions (who, when) and item statistics; approve, edit or reject. Decisions keep the
 * question's id (an edit lives in `teacherEdit`, which regeneration never overwrites); rejected
 * questions are never drawn, and assignments set to "reviewed only" draw approved or edited ones.
 */
import { z } from "zod";
import type { Actor, UserActor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import { teachesAnyClass } from "@/app/lib/db/classes";
import { lessonQuestionsForReview, questionTypeInLesson, recordReview } from "@/app/lib/db/gradebook";
import { canReviewQuestions } from "@/app/lib/classes/permissions";
import { toViewer } from "@/app/lib/classes/viewer";
import { parseQuestionRow, type QuizQuestion } from "@/app/lib/attempts/questions";
import { questionEditInput, validateQuestionEdit } from "./review-edit";
import { getGuide } from "@/app/lib/content";
import { openReportsByLesson, reportSummaries, type ReportSummary } from "./reports";

const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson.");
const questionId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_:.-]+$/, "Not a question id.");

export const reviewDecisionInput = z.discriminatedUnion("decision", [
  z.strictObject({ lessonSlug: slug, questionId, decision: z.literal("approve") }),
  z.strictObject({ lessonSlug: slug, questionId, decision: z.literal("reject") }),
  questionEditInput.extend({ lessonSlug: slug, questionId, decision: z.literal("edit") }),
]);
export type ReviewDecisionInput = z.output<typeof reviewDecisionInput>;

async function mayReview(actor: UserActor): Promise<boolean> {
  const viewer = toViewer(actor);
  return canReviewQuestions(viewer, false) || canReviewQuestions(viewer, await teachesAnyClass(actor.userId));
}

async function requireReviewer(actor: Actor | null): Promise<string> {
  if (actor?.kind !== "user") throw new AppError("unauthorized", "Please sign in to continue.");
  if (await mayReview(actor)) return actor.userId;
  throw new AppError("not_found", "This page is for teachers.");
}

/** Whether the actor may open the review queue (a 404 page otherwise). */
export async function assertReviewer(actor: Actor | null): Promise<void> {
  await requireReviewer(actor);
}

export interface ReviewIndexLesson {
  slug: string;
  title: string;
  openReports: number;
  reportedQuestions: number;
}

/**
 * The review queue's index: every module's lessons in order, each with its open reports (see
 * isOpenReport). Reviewers see every report, as on the lesson pages.
 */
export async function getReviewIndex(actor: Actor | null): Promise<{
  modules: { slug: string; title: string; lessons: ReviewIndexLesson[] }[];
  openReports: number;
  reportedQuestions: number;
}> {
  await requireReviewer(actor);
  const counts = await openReportsByLesson();
  const modules = getGuide().modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    lessons: m.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      openReports: counts.get(l.slug)?.openReports ?? 0,
      reportedQuestions: counts.get(l.slug)?.reportedQuestions ?? 0,
    })),
  }));
  const all = modules.flatMap((m) => m.lessons);
  return {
    modules,
    openReports: all.reduce((n, l) => n + l.openReports, 0),
    reportedQuestions: all.reduce((n, l) => n + l.reportedQuestions, 0),
  };
}

/** How many questions have open reports, for someone who may review them; null for anyone else. */
export async function reportedQuestionsToReview(actor: Actor | null): Promise<number | null> {
  if (actor?.kind !== "user" || !(await mayReview(actor))) return null;
  return (await getReviewIndex(actor)).reportedQuestions;
}

export interface ReviewItem {
  id: string;
  type: string;
  status: "active" | "retired";
  review: "pending" | "approved" | "edited" | "rejected";
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The question as learners get it (edit applied); null if it no longer parses. */
  question: QuizQuestion | null;
  /** The generated prompt, when an edit changed it. */
  generatedPrompt: string | null;
  evidence: string;
  evidenceAnchor: string;
  /** Learners' reports on the question; null when nobody reported it. */
  reports: ReportSummary | null;
}

export async function getReviewQueue(
  actor: Actor | null,
  lessonSlug: string,
): Promise<{ lesson: { slug: string; title: string }; items: ReviewItem[] }> {
  await requireReviewer(actor);
  const bank = await lessonQuestionsForReview(lessonSlug);
  if (!bank) throw new AppError("not_found", "There is no such lesson.");
  const reports = await reportSummaries(new Map(bank.questions.map((row) => [row.id, row.reviewedAt])));
  return {
    lesson: { slug: bank.lesson.slug, title: bank.lesson.title },
    items: bank.questions.map((row) => {
      const question = parseQuestionRow(row);
      return {
        id: row.id,
        type: row.type,
        status: row.status,
        review: row.review,
        reviewedBy: row.reviewedBy?.name ?? null,
        reviewedAt: row.reviewedAt?.toISOString() ?? null,
        question,
        generatedPrompt: question && question.prompt !== row.prompt ? row.prompt : null,
        evidence: row.evidence,
        evidenceAnchor: row.evidenceAnchor,
        reports: reports.get(row.id) ?? null,
      };
    }),
  };
}

export async function reviewQuestion(actor: Actor | null, input: ReviewDecisionInput): Promise<void> {
  const reviewerId = await requireReviewer(actor);
  if (input.decision !== "edit") {
    if (!(await recordReview(input.lessonSlug, input.questionId, reviewerId, { kind: input.decision })))
      throw new AppError("not_found", "That question is not in this lesson.");
    return;
  }
  const type = await questionTypeInLesson(input.lessonSlug, input.questionId);
  if (!type) throw new AppError("not_found", "That question is not in this lesson.");
  const checked = validateQuestionEdit(type, input);
  if (!checked.ok)
    throw new AppError("bad_request", "Please correct the highlighted fields.", {
      fieldErrors: checked.fieldErrors,
    });
  if (
    !(await recordReview(input.lessonSlug, input.questionId, reviewerId, {
      kind: "edit",
      edit: checked.edit,
    }))
  )
    throw new AppError("not_found", "That question is not in this lesson.");
}
