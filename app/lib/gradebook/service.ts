import "server-only";
/**
 * The gradebook, its CSV export, a learner's attempts behind a cell, and item analysis, for the
 * class's teachers (and admins). Pages and the JSON API both call these.
 */
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import * as db from "@/app/lib/db/gradebook";
import { lessonQuestionsForReview } from "@/app/lib/db/gradebook";
import { assignmentTitle, getManagedAssignment, rulesOf } from "@/app/lib/assignments/service";
import { getClassOverview, scopeOf } from "@/app/lib/classes/service";
import { canSeeGlobalItemAnalysis, type ClassScope } from "@/app/lib/classes/permissions";
import { toViewer } from "@/app/lib/classes/viewer";
import { toResultView } from "@/app/lib/attempts/service";
import { parseQuestionRow } from "@/app/lib/attempts/questions";
import type { ResultView } from "@/app/lib/attempts/views";
import { listClassAssignments, type AssignmentRecord } from "@/app/lib/db/assignments";
import { statusLabel } from "@/app/lib/assignments/status";
import {
  buildGradebook,
  deletedLearner,
  type Gradebook,
  type GradebookAttempt,
  type GradebookLearner,
} from "./grid";
import { csvStream, type CsvValue } from "./csv";
import { analyseItems, type ItemQuestion, type ItemStats } from "./item-analysis";

/** Current and former learners by name, then those who deleted their accounts. */
async function allLearners(scope: ClassScope, classId: string): Promise<GradebookLearner[]> {
  const [learners, deleted] = await Promise.all([
    db.gradebookLearners(scope, classId),
    db.deletedLearners(scope, classId),
  ]);
  return [...learners, ...deleted.map((d) => deletedLearner(d.id))];
}

/** The assignment's columns: each lesson's quiz, or the module test. */
function columnsOf(assignment: AssignmentRecord) {
  return assignment.parts.map((p) => ({ slug: p.key, title: p.title, kind: p.kind }));
}

/** Attempts with the column they belong to (attempts on anything else are dropped). */
function attemptFacts(rows: db.GradebookAttemptRow[], assignment: AssignmentRecord): GradebookAttempt[] {
  const keyOf = new Map(assignment.parts.map((p) => [p.id, p.key]));
  return rows.flatMap((r) => {
    const lessonSlug = keyOf.get(r.partId);
    return lessonSlug ? [{ ...r, lessonSlug }] : [];
  });
}

export async function getGradebook(
  actor: Actor | null,
  classId: string,
  assignmentId: string,
  now: Date = new Date(),
): Promise<{ assignment: AssignmentRecord; gradebook: Gradebook }> {
  const scope = scopeOf(actor);
  const assignment = await getManagedAssignment(actor, classId, assignmentId);
  const [learners, attempts] = await Promise.all([
    allLearners(scope, classId),
    db.gradebookAttempts(scope, classId, assignmentId),
  ]);
  const gradebook = buildGradebook({
    rules: rulesOf(assignment),
    lessons: columnsOf(assignment),
    learners,
    attempts: attemptFacts(attempts, assignment),
    now,
  });
  return { assignment, gradebook };
}

/** Learners per page of the CSV export: memory stays bounded whatever the class size. */
export const CSV_PAGE = 200;

/**
 * The assignment's gradebook as CSV, one row per learner: name, email, status in the class,
 * then per lesson the counting percentage and its status, then the total. Rows are produced
 * page by page as the client reads.
 */
export async function gradebookCsv(
  actor: Actor | null,
  classId: string,
  assignmentId: string,
  now: Date = new Date(),
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const scope = scopeOf(actor);
  const assignment = await getManagedAssignment(actor, classId, assignmentId);
  const lessons = columnsOf(assignment);
  const header: CsvValue[] = [
    "Name",
    "Email",
    "Membership",
    ...lessons.flatMap((l) => [`${l.title} (%)`, `${l.title} status`]),
    "Total (%)",
    "Lessons passed",
  ];
  async function* rows(): AsyncGenerator<CsvValue[]> {
    let after: string | undefined;
    for (;;) {
      const learners = await db.gradebookLearners(scope, classId, { after, take: CSV_PAGE });
      if (learners.length === 0) break;
      const attempts = await db.gradebookAttempts(
        scope,
        classId,
        assignmentId,
        learners.map((l) => l.userId),
      );
      const page = buildGradebook({
        rules: rulesOf(assignment),
        lessons,
        learners,
        attempts: attemptFacts(attempts, assignment),
        now,
      });
      for (const row of page.rows) {
        yield [
          row.learner.name,
          row.learner.email,
          row.learner.exit ?? "current",
          ...row.cells.flatMap((c) => [c.counted?.percent ?? null, statusLabel(c)]),
          row.totalPercent,
          row.passed,
        ];
      }
      if (learners.length < CSV_PAGE) break;
      after = learners[learners.length - 1]?.userId;
    }
    for (const d of await db.deletedLearners(scope, classId)) {
      const { name, email, exit } = deletedLearner(d.id);
      yield [name, email, exit, ...lessons.flatMap(() => [null, null]), null, null];
    }
  }
  const safeName = assignmentTitle(assignment)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .slice(0, 60);
  return { filename: `gradebook-${safeName || "assignment"}.csv`, stream: csvStream(header, rows()) };
}

export interface LearnerWork {
  learner: db.GradebookLearnerRow;
  attempts: (ResultView & { status: "in_progress" | "submitted"; startedAt: string })[];
}

/** One learner's attempts for an assignment, with answers, right/wrong and evidence. */
export async function getLearnerWork(
  actor: Actor | null,
  classId: string,
  assignmentId: string,
  userId: string,
): Promise<LearnerWork> {
  await getManagedAssignment(actor, classId, assignmentId);
  const found = await db.learnerAssignmentAttempts(scopeOf(actor), classId, assignmentId, userId);
  if (!found.learner) throw new AppError("not_found", "That learner is not in this class.");
  const byId = new Map(found.questions.map((q) => [q.id, q]));
  return {
    learner: found.learner,
    attempts: found.attempts.map((a) => ({
      ...toResultView(
        {
          attempt: a,
          questions: a.questionIds.map((id) => byId.get(id)).filter((q) => q !== undefined),
          responses: a.responses,
        },
        false,
      ),
      status: a.status,
      startedAt: a.startedAt.toISOString(),
    })),
  };
}

export interface ItemAnalysisView {
  lesson: { slug: string; title: string };
  scope: "class" | "everyone";
  attempts: number;
  items: (ItemStats & { prompt: string; type: string; review: string })[];
}

/** Item analysis of one lesson's questions over a class's assignment attempts (or everyone's, for admins). */
export async function getItemAnalysis(
  actor: Actor | null,
  classId: string | null,
  lessonSlug: string,
): Promise<ItemAnalysisView> {
  const scope = scopeOf(actor);
  if (classId === null && !canSeeGlobalItemAnalysis(toViewer(actor)))
    throw new AppError("not_found", "There is no such class, or it is not yours.");
  const bank = await lessonQuestionsForReview(lessonSlug);
  if (!bank) throw new AppError("not_found", "There is no such lesson.");
  const attempts = await db.itemAnalysisRows(scope, classId, [bank.lesson.id]);
  if (!attempts) throw new AppError("not_found", "There is no such class, or it is not yours.");
  return itemAnalysisView(bank, attempts, classId === null ? "everyone" : "class");
}

/**
 * One lesson's item analysis from the attempts that answered some lesson's questions: its quizzes,
 * and the module tests that asked one of its questions (a question counts wherever it was answered).
 */
function itemAnalysisView(
  bank: db.LessonReviewBank,
  rows: readonly db.ItemResponseAttempt[],
  scope: ItemAnalysisView["scope"],
): ItemAnalysisView {
  const ids = new Set(bank.questions.map((q) => q.id));
  const attempts = rows.filter((a) =>
    a.kind === "quiz" ? a.lessonId === bank.lesson.id : a.responses.some((r) => ids.has(r.questionId)),
  );
  const questions = bank.questions.map((row) => {
    const parsed = parseQuestionRow(row);
    const choice =
      parsed && (parsed.type === "multiple_choice" || parsed.type === "true_false") ? parsed : null;
    return {
      row,
      prompt: parsed?.prompt ?? row.prompt,
      item: {
        id: row.id,
        choices: choice?.choices ?? null,
        key: choice?.answer ?? null,
      } satisfies ItemQuestion,
    };
  });
  const stats = analyseItems(
    questions.map((q) => q.item),
    attempts,
  );
  return {
    lesson: { slug: bank.lesson.slug, title: bank.lesson.title },
    scope,
    attempts: attempts.length,
    items: stats.map((s, i) => ({
      ...s,
      prompt: questions[i]?.prompt ?? "",
      type: questions[i]?.row.type ?? "",
      review: questions[i]?.row.review ?? "pending",
    })),
  };
}

export interface ClassGradebook {
  assignments: { assignment: AssignmentRecord; gradebook: Gradebook }[];
}

/** Every assignment's gradebook of a class (one set of queries per assignment, none per learner). */
export async function getClassGradebook(
  actor: Actor | null,
  classId: string,
  now: Date = new Date(),
): Promise<ClassGradebook> {
  const scope = scopeOf(actor);
  const [assignments, learners] = await Promise.all([
    listClassAssignments(scope, classId),
    allLearners(scope, classId),
  ]);
  if (assignments.length === 0) await getClassOverview(actor, classId); // 404 when not theirs
  const books = await Promise.all(
    assignments.map(async (assignment) => {
      const attempts = await db.gradebookAttempts(scope, classId, assignment.id);
      return {
        assignment,
        gradebook: buildGradebook({
          rules: rulesOf(assignment),
          lessons: columnsOf(assignment),
          learners,
          attempts: attemptFacts(attempts, assignment),
          now,
        }),
      };
    }),
  );
  return { assignments: books };
}

/** The class's gradebook as CSV: one row per learner, each assignment's total and lessons passed. */
export async function classGradebookCsv(
  actor: Actor | null,
  classId: string,
  now: Date = new Date(),
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const { assignments } = await getClassGradebook(actor, classId, now);
  const first =
    assignments[0]?.gradebook.rows ??
    (await allLearners(scopeOf(actor), classId)).map((learner) => ({ learner }));
  const header: CsvValue[] = [
    "Name",
    "Email",
    "Membership",
    ...assignments.flatMap(({ assignment: a }) => {
      const title = assignmentTitle(a);
      return [`${title} (%)`, `${title} lessons passed`];
    }),
  ];
  async function* rows(): AsyncGenerator<CsvValue[]> {
    for (const [i, { learner }] of first.entries()) {
      await Promise.resolve();
      yield [
        learner.name,
        learner.email,
        learner.exit ?? "current",
        ...assignments.flatMap(({ gradebook }) => {
          const row = gradebook.rows[i];
          if (!row || row.learner.exit === "deleted") return [null, null];
          return [row.totalPercent, row.passed];
        }),
      ];
    }
  }
  return { filename: "gradebook-class.csv", stream: csvStream(header, rows()) };
}

/**
 * Item analysis of one lesson, or of every lesson the class was assigned (a module test assigns
 * every lesson of its module). The same few queries whatever the number of lessons.
 */
export async function getClassItemAnalysis(
  actor: Actor | null,
  classId: string,
  lessonSlug: string | null,
): Promise<ItemAnalysisView[]> {
  if (lessonSlug) return [await getItemAnalysis(actor, classId, lessonSlug)];
  const scope = scopeOf(actor);
  const assignments = await listClassAssignments(scope, classId);
  if (assignments.length === 0) await getClassOverview(actor, classId); // 404 when not theirs
  const tested = await db.moduleLessonSlugs([
    ...new Set(assignments.filter((a) => a.kind === "test").map((a) => a.module.slug)),
  ]);
  const slugs = [...new Set([...assignments.flatMap((a) => a.lessons.map((l) => l.slug)), ...tested])];
  const banks = await db.lessonsQuestionsForReview(slugs);
  const attempts = await db.itemAnalysisRows(
    scope,
    classId,
    banks.map((b) => b.lesson.id),
  );
  if (!attempts) throw new AppError("not_found", "There is no such class, or it is not yours.");
  return banks.map((bank) => itemAnalysisView(bank, attempts, "class"));
}
