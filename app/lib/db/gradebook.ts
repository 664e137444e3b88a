import "server-only";
/**
 * Reads for the gradebook and item analysis of a class. Each query carries the class scope, so
 * a teacher reads only their own classes, and only attempts made for those classes'
 * assignments: a learner's self-study never shows. The number of queries does not depend on the
 * number of learners (the CSV export pages through learners instead, to stream).
 */
import type { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma } from "@/app/lib/db/prisma";
import { managedClassWhere } from "@/app/lib/db/classes";
import { questionSelect } from "@/app/lib/db/question-select";
import {
  attemptSelect,
  toAttemptRecords,
  type AttemptRecord,
  type QuestionRecord,
} from "@/app/lib/db/attempts";
import type { ClassScope } from "@/app/lib/classes/permissions";

export interface GradebookLearnerRow {
  userId: string;
  name: string;
  email: string;
  exit: "left" | "removed" | null;
}

/** A learner who deleted their account: nothing about them but that they were in the class. */
export interface DeletedLearnerRow {
  id: string;
  joinedAt: Date;
}

/** Learners of a class (the scope's) who have deleted their accounts, oldest place first. */
export async function deletedLearners(scope: ClassScope, classId: string): Promise<DeletedLearnerRow[]> {
  return prisma.deletedClassMember.findMany({
    where: { classId, class: managedClassWhere(scope, classId) },
    select: { id: true, joinedAt: true },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
  });
}

export interface GradebookAttemptRow {
  id: string;
  userId: string;
  /** The lesson quizzed, or the module tested (an AssignmentPart's id). */
  partId: string;
  status: "in_progress" | "submitted";
  score: number | null;
  total: number;
  startedAt: Date;
  submittedAt: Date | null;
}

const memberSelect = {
  exit: true,
  user: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.ClassMemberSelect;

type MemberRow = Prisma.ClassMemberGetPayload<{ select: typeof memberSelect }>;
const toLearner = (m: MemberRow): GradebookLearnerRow => ({
  userId: m.user.id,
  name: m.user.name,
  email: m.user.email,
  exit: m.exit,
});

/** Learners (current and former) of a class, by name; the scope is checked in the same query. */
export async function gradebookLearners(
  scope: ClassScope,
  classId: string,
  page?: { after?: string; take: number },
): Promise<GradebookLearnerRow[]> {
  const rows = await prisma.classMember.findMany({
    where: { classId, role: "learner", class: managedClassWhere(scope, classId) },
    select: memberSelect,
    // Paging needs a total order: by user id (names repeat); the page sorts by name itself.
    orderBy: page ? { userId: "asc" } : [{ user: { name: "asc" } }, { userId: "asc" }],
    ...(page
      ? {
          take: page.take,
          ...(page.after ? { cursor: { classId_userId: { classId, userId: page.after } }, skip: 1 } : {}),
        }
      : {}),
  });
  return rows.map(toLearner);
}

/** Quiz attempts made for one assignment (of a class the scope manages), optionally for some learners. */
export async function gradebookAttempts(
  scope: ClassScope,
  classId: string,
  assignmentId: string,
  userIds?: string[],
): Promise<GradebookAttemptRow[]> {
  const rows = await prisma.attempt.findMany({
    where: {
      assignmentId,
      assignment: { classId, class: managedClassWhere(scope, classId) },
      kind: { in: ["quiz", "test"] },
      ...(userIds ? { userId: { in: userIds } } : { userId: { not: null } }),
    },
    select: {
      id: true,
      userId: true,
      lessonId: true,
      moduleId: true,
      status: true,
      score: true,
      total: true,
      startedAt: true,
      submittedAt: true,
    },
  });
  return rows.flatMap(({ lessonId, moduleId, ...r }) => {
    const partId = lessonId ?? moduleId;
    return r.userId && partId ? [{ ...r, userId: r.userId, partId }] : [];
  });
}

export type AttemptDetailRow = AttemptRecord & {
  responses: { questionId: string; answer: unknown; correct: boolean | null; credit: number | null }[];
};

/**
 * One learner's attempts for one assignment with their answers, and the questions they were
 * asked; empty when the class is not the scope's or the learner never belonged to it.
 */
export async function learnerAssignmentAttempts(
  scope: ClassScope,
  classId: string,
  assignmentId: string,
  userId: string,
): Promise<{
  learner: GradebookLearnerRow | null;
  attempts: AttemptDetailRow[];
  questions: QuestionRecord[];
}> {
  const member = await prisma.classMember.findFirst({
    where: { classId, userId, role: "learner", class: managedClassWhere(scope, classId) },
    select: memberSelect,
  });
  if (!member) return { learner: null, attempts: [], questions: [] };
  const rows = await prisma.attempt.findMany({
    where: { assignmentId, userId, kind: { in: ["quiz", "test"] }, assignment: { classId } },
    orderBy: { startedAt: "asc" },
    select: {
      ...attemptSelect,
      responses: { select: { questionId: true, answer: true, correct: true, credit: true } },
    },
  });
  const records = await toAttemptRecords(prisma, rows);
  const attempts = records.map((r, i): AttemptDetailRow => ({ ...r, responses: rows[i]?.responses ?? [] }));
  const ids = [...new Set(attempts.flatMap((a) => a.questionIds))];
  const questions = ids.length
    ? await prisma.question.findMany({ where: { id: { in: ids } }, select: questionSelect })
    : [];
  return { learner: toLearner(member), attempts, questions };
}

export interface ItemQuestionRow extends QuestionRecord {
  lessonId: string;
  status: "active" | "retired";
  review: "pending" | "approved" | "edited" | "rejected";
}

export interface ItemResponseAttempt {
  /** "quiz": a lesson quiz (of `lessonId`); "test": a module test. */
  kind: "quiz" | "test";
  lessonId: string | null;
  responses: { questionId: string; correct: boolean; answer: unknown }[];
}

/**
 * Submitted attempts that answered questions of some lessons: their quizzes, and module tests with
 * a response to one of their questions (with all their responses: an item is set against the rest
 * of the test it was in). Those made for the class's assignments (a class the scope manages), or
 * everyone's when `classId` is null (the caller decides who may). One query whatever the number
 * of lessons.
 */
export async function itemAnalysisRows(
  scope: ClassScope,
  classId: string | null,
  lessonIds: readonly string[],
): Promise<ItemResponseAttempt[] | null> {
  if (classId !== null) {
    const cls = await prisma.class.findFirst({
      where: managedClassWhere(scope, classId),
      select: { id: true },
    });
    if (!cls) return null;
  }
  if (lessonIds.length === 0) return [];
  const ids = [...lessonIds];
  const rows = await prisma.attempt.findMany({
    where: {
      status: "submitted",
      OR: [
        { kind: "quiz", lessonId: { in: ids } },
        { kind: "test", responses: { some: { question: { lessonId: { in: ids } } } } },
      ],
      ...(classId !== null ? { assignment: { classId } } : {}),
    },
    select: {
      kind: true,
      lessonId: true,
      responses: { select: { questionId: true, correct: true, answer: true } },
    },
    take: 20_000,
  });
  return rows.map((r) => ({
    kind: r.kind === "test" ? "test" : "quiz",
    lessonId: r.lessonId,
    responses: r.responses.map((x) => ({
      questionId: x.questionId,
      correct: x.correct === true,
      answer: x.answer,
    })),
  }));
}

export interface LessonReviewBank {
  lesson: { id: string; slug: string; title: string };
  questions: (ItemQuestionRow & {
    keyKind: string;
    reviewedAt: Date | null;
    reviewedBy: { name: string } | null;
  })[];
}

/** The questions of a lesson (active and retired), with who reviewed them. */
export async function lessonQuestionsForReview(lessonSlug: string): Promise<LessonReviewBank | null> {
  return (await lessonsQuestionsForReview([lessonSlug]))[0] ?? null;
}

/** The same for several lessons in one go, in the order asked (unknown slugs left out). */
export async function lessonsQuestionsForReview(lessonSlugs: readonly string[]): Promise<LessonReviewBank[]> {
  if (lessonSlugs.length === 0) return [];
  const lessons = await prisma.lesson.findMany({
    where: { slug: { in: [...lessonSlugs] } },
    select: { id: true, slug: true, title: true },
  });
  if (lessons.length === 0) return [];
  const questions = await prisma.question.findMany({
    where: { lessonId: { in: lessons.map((l) => l.id) } },
    select: {
      ...questionSelect,
      lessonId: true,
      status: true,
      review: true,
      keyKind: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
    },
    orderBy: [{ status: "asc" }, { id: "asc" }],
  });
  const bySlug = new Map(lessons.map((l) => [l.slug, l] as const));
  return lessonSlugs.flatMap((slug) => {
    const lesson = bySlug.get(slug);
    return lesson ? [{ lesson, questions: questions.filter((q) => q.lessonId === lesson.id) }] : [];
  });
}

export type ReviewDecision =
  { kind: "approve" } | { kind: "reject" } | { kind: "edit"; edit: Prisma.InputJsonValue };

/**
 * Records a review decision on a question of `lessonSlug`, with who and when. An edit is stored
 * as `teacherEdit` (the generated columns stay, so regeneration never overwrites it). Returns the
 * question's type, or null when it is not a question of that lesson.
 */
export async function recordReview(
  lessonSlug: string,
  questionId: string,
  reviewerId: string,
  decision: ReviewDecision,
): Promise<boolean> {
  const now = new Date();
  const { count } = await prisma.question.updateMany({
    where: { id: questionId, lesson: { slug: lessonSlug } },
    data:
      decision.kind === "edit"
        ? {
            review: "edited",
            teacherEdit: decision.edit,
            editedById: reviewerId,
            reviewedById: reviewerId,
            reviewedAt: now,
          }
        : {
            review: decision.kind === "approve" ? "approved" : "rejected",
            reviewedById: reviewerId,
            reviewedAt: now,
          },
  });
  return count === 1;
}

/** A question's type (to validate an edit against), if it belongs to the lesson. */
export async function questionTypeInLesson(lessonSlug: string, questionId: string): Promise<string | null> {
  const row = await prisma.question.findFirst({
    where: { id: questionId, lesson: { slug: lessonSlug } },
    select: { type: true },
  });
  return row?.type ?? null;
}

/** The lessons of some modules, in module order (the lessons a module test asks about). */
export async function moduleLessonSlugs(moduleSlugs: readonly string[]): Promise<string[]> {
  if (moduleSlugs.length === 0) return [];
  const rows = await prisma.lesson.findMany({
    where: { module: { slug: { in: [...moduleSlugs] } } },
    select: { slug: true },
    orderBy: [{ module: { position: "asc" } }, { position: "asc" }],
  });
  return rows.map((r) => r.slug);
}

/** The lesson id and slug/title pairs of a module's lessons (for item analysis of a whole class). */
export async function lessonIdBySlug(
  slug: string,
): Promise<{ id: string; slug: string; title: string } | null> {
  return prisma.lesson.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
}
