import "server-only";
/**
 * Every Prisma call for quiz attempts and their responses. Each function takes the acting owner
 * (a signed-in user or a guest token) explicitly and scopes every query to it, so a foreign
 * attempt id behaves exactly like a missing one. Decisions (what to draw, whether an answer fits,
 * how to mark) are pure functions passed in by app/lib/attempts; this file only moves rows.
 */
import { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma, type DbClient, type DbTransaction } from "@/app/lib/db/prisma";
import { applyReviewOutcomes, type Reschedule } from "@/app/lib/db/review-cards";
import { questionSelect } from "@/app/lib/db/question-select";
import { resolveDatabaseUrl } from "@/app/lib/db/database-url";
import type { QuizTarget } from "@/app/lib/attempts/target";

export type AttemptOwner = { kind: "user"; userId: string } | { kind: "guest"; guestToken: string };

/** Where-clause that limits attempts to the owner's own. */
export function ownedBy(owner: AttemptOwner): Prisma.AttemptWhereInput {
  return owner.kind === "user" ? { userId: owner.userId } : { userId: null, guestToken: owner.guestToken };
}

/** Generous bounds: 32 learners submitting at once queue on SQLite's single writer. */
const TX = { maxWait: 15_000, timeout: 15_000 } as const;

export type QuestionRecord = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>;

export interface ResponseRecord {
  questionId: string;
  answer: unknown;
  correct: boolean | null;
  /** Share of the mark earned (0–1), set when graded; null before, or for rows graded without it. */
  credit: number | null;
}

export interface AttemptRecord {
  id: string;
  status: "in_progress" | "submitted";
  seed: number;
  questionIds: string[];
  score: number | null;
  total: number;
  startedAt: Date;
  submittedAt: Date | null;
  /** The lesson of a lesson quiz, the module of a module test. */
  target: QuizTarget;
  /** The lessons its questions come from: the lesson, or every lesson of the module. */
  lessons: { id: string; slug: string; title: string }[];
}

/** An attempt with its questions (in draw order) and saved responses. */
export interface AttemptBundle {
  attempt: AttemptRecord;
  questions: QuestionRecord[];
  responses: ResponseRecord[];
}

/** The attempt columns every reader of an attempt needs (shared with the gradebook's drill-down). */
export const attemptSelect = {
  id: true,
  status: true,
  seed: true,
  questionIds: true,
  score: true,
  total: true,
  startedAt: true,
  submittedAt: true,
  lesson: { select: { id: true, slug: true, title: true } },
  // The module (and its lessons) is read apart, only for module tests: selecting the relation
  // here would cost every lesson quiz's start and submit two more statements.
  moduleId: true,
} as const satisfies Prisma.AttemptSelect;

const responseSelect = {
  questionId: true,
  answer: true,
  correct: true,
  credit: true,
} as const satisfies Prisma.ResponseSelect;

type AttemptRow = Prisma.AttemptGetPayload<{ select: typeof attemptSelect }>;

type ModuleReader = Pick<DbClient | DbTransaction, "module">;
type TestModule = { slug: string; title: string; lessons: { id: string; slug: string; title: string }[] };

/** The attempts as records; the modules of any module tests among them in one query. */
export async function toAttemptRecords(
  db: ModuleReader,
  rows: readonly AttemptRow[],
): Promise<AttemptRecord[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.moduleId ? [r.moduleId] : [])))];
  const modules = ids.length
    ? await db.module.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          slug: true,
          title: true,
          lessons: { select: { id: true, slug: true, title: true }, orderBy: { position: "asc" } },
        },
      })
    : [];
  const byId = new Map<string, TestModule>(modules.map((m) => [m.id, m]));
  return rows.map((row) => toAttemptRecord(row, row.moduleId ? (byId.get(row.moduleId) ?? null) : null));
}

async function recordOf(db: ModuleReader, row: AttemptRow): Promise<AttemptRecord> {
  const [record] = await toAttemptRecords(db, [row]);
  return record!;
}

function toAttemptRecord(row: AttemptRow, testModule: TestModule | null): AttemptRecord {
  const ids = Array.isArray(row.questionIds)
    ? row.questionIds.filter((v): v is string => typeof v === "string")
    : [];
  return {
    id: row.id,
    status: row.status,
    seed: row.seed,
    questionIds: ids,
    score: row.score,
    total: row.total,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    target: testModule
      ? { kind: "module", slug: testModule.slug, title: testModule.title }
      : { kind: "lesson", slug: row.lesson?.slug ?? "", title: row.lesson?.title ?? "" },
    lessons: testModule?.lessons ?? (row.lesson ? [row.lesson] : []),
  };
}

type QuestionReader = Pick<DbClient | DbTransaction, "question">;

function questionsById(db: QuestionReader, ids: readonly string[]): Promise<QuestionRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.question.findMany({ where: { id: { in: [...ids] } }, select: questionSelect });
}

function inDrawOrder(ids: readonly string[], rows: QuestionRecord[]): QuestionRecord[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is QuestionRecord => r !== undefined);
}

/**
 * Questions a lesson quiz may draw from: active, not rejected by a teacher (only reviewed ones if
 * asked), and about this lesson alone (questions whose evidence spans the module's lessons belong
 * to module tests).
 */
const drawable = (lessonId: string, reviewedOnly = false): Prisma.QuestionWhereInput => ({
  lessonId,
  status: "active",
  review: reviewedOnly ? { in: ["approved", "edited"] } : { not: "rejected" },
  scope: "lesson",
});

/** Questions a module test may draw from: any active, unrejected question of the module's lessons. */
const drawableInModule = (moduleId: string, reviewedOnly = false): Prisma.QuestionWhereInput => ({
  lesson: { moduleId },
  status: "active",
  review: reviewedOnly ? { in: ["approved", "edited"] } : { not: "rejected" },
});

/** A quiz or module test by the slug of its lesson or module. */
export type TargetRef = Pick<QuizTarget, "kind" | "slug">;

/** The attempts of one target (kind and lesson or module), by where-clause. */
function attemptsOf(target: TargetRef): Prisma.AttemptWhereInput {
  return target.kind === "module"
    ? { kind: "test", module: { slug: target.slug } }
    : { kind: "quiz", lesson: { slug: target.slug } };
}

/** A quiz started from an assignment: linked to it, drawing by its settings. */
export interface AssignmentLink {
  assignmentId: string;
  reviewedOnly: boolean;
}

/**
 * How many questions a quiz on the target could draw from (for a module test: lesson and
 * module questions apart); null if the lesson or module is unknown.
 */
export async function getQuizAvailability(
  target: TargetRef,
): Promise<{ questionCount: number; moduleScopeCount: number; lessonCount: number } | null> {
  if (target.kind === "module") {
    const found = await prisma.module.findUnique({
      where: { slug: target.slug },
      select: { id: true, _count: { select: { lessons: true } } },
    });
    if (!found) return null;
    const rows = await prisma.question.groupBy({
      by: ["scope"],
      where: drawableInModule(found.id),
      _count: { _all: true },
    });
    const count = (scope: string) => rows.find((r) => r.scope === scope)?._count._all ?? 0;
    return {
      questionCount: count("lesson") + count("module"),
      moduleScopeCount: count("module"),
      lessonCount: found._count.lessons,
    };
  }
  const lesson = await prisma.lesson.findUnique({ where: { slug: target.slug }, select: { id: true } });
  if (!lesson) return null;
  const questionCount = await prisma.question.count({ where: drawable(lesson.id) });
  return { questionCount, moduleScopeCount: 0, lessonCount: 1 };
}

/** The owner's in-progress attempt on the target (lesson quiz or module test), with saved answers, if any. */
export async function findInProgressAttempt(
  owner: AttemptOwner,
  target: TargetRef,
): Promise<AttemptBundle | null> {
  const row = await prisma.attempt.findFirst({
    where: { ...ownedBy(owner), ...attemptsOf(target), status: "in_progress" },
    orderBy: { startedAt: "desc" },
    select: { ...attemptSelect, responses: { select: responseSelect } },
  });
  if (!row) return null;
  const attempt = await recordOf(prisma, row);
  const questions = await questionsById(prisma, attempt.questionIds);
  return { attempt, questions: inDrawOrder(attempt.questionIds, questions), responses: row.responses };
}

/** A question a draw may pick, with where it sits (a lesson quiz's are all its own lesson's). */
export type DrawRow = QuestionRecord & { scope: string; lessonPosition: number };

export interface DrawInput {
  questions: DrawRow[];
  /** Earlier attempts of this lesson (for a module test: of the module and its lessons) by the owner, oldest first. */
  history: { questionIds: string[]; responses: { questionId: string; correct: boolean | null }[] }[];
}
export type DrawPlan = { seed: number; questionIds: string[] } | null;

export type StartResult =
  { kind: "started" | "resumed"; bundle: AttemptBundle } | { kind: "no_lesson" } | { kind: "no_questions" };

/**
 * SQLite has a single writer, so two starts of the same quiz cannot interleave. PostgreSQL runs
 * transactions side by side: without a lock, two starts could both find no attempt in progress
 * and both create one. A transaction-scoped advisory lock per owner and lesson prevents that.
 */
async function serialiseStarts(tx: DbTransaction, owner: AttemptOwner, target: TargetRef) {
  if (resolveDatabaseUrl(process.env).provider !== "postgresql") return;
  const key = `${owner.kind === "user" ? owner.userId : owner.guestToken}:${target.kind}:${target.slug}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** The draw's questions and the owner's history for a target; null when the lesson or module is unknown. */
async function loadDrawInput(
  tx: DbTransaction,
  owner: AttemptOwner,
  target: TargetRef,
  reviewedOnly: boolean,
): Promise<{ data: { lessonId: string | null; moduleId: string | null }; input: DrawInput } | null> {
  let questions: DrawRow[];
  let past: Prisma.AttemptWhereInput;
  let ids: { lessonId: string | null; moduleId: string | null };
  if (target.kind === "module") {
    const found = await tx.module.findUnique({ where: { slug: target.slug }, select: { id: true } });
    if (!found) return null;
    const rows = await tx.question.findMany({
      where: drawableInModule(found.id, reviewedOnly),
      select: { ...questionSelect, scope: true, lesson: { select: { position: true } } },
    });
    questions = rows.map(({ lesson, ...row }) => ({ ...row, lessonPosition: lesson.position }));
    past = { OR: [{ moduleId: found.id }, { lesson: { moduleId: found.id } }] };
    ids = { lessonId: null, moduleId: found.id };
  } else {
    const found = await tx.lesson.findUnique({
      where: { slug: target.slug },
      select: { id: true, position: true },
    });
    if (!found) return null;
    const rows = await tx.question.findMany({
      where: drawable(found.id, reviewedOnly),
      select: questionSelect,
    });
    questions = rows.map((row) => ({ ...row, scope: "lesson", lessonPosition: found.position }));
    past = { lessonId: found.id };
    ids = { lessonId: found.id, moduleId: null };
  }
  const earlier = await tx.attempt.findMany({
    where: { ...ownedBy(owner), ...past },
    orderBy: { startedAt: "asc" },
    select: { questionIds: true, responses: { select: { questionId: true, correct: true } } },
  });
  const history = earlier.map((a) => ({
    questionIds: Array.isArray(a.questionIds)
      ? a.questionIds.filter((v): v is string => typeof v === "string")
      : [],
    responses: a.responses,
  }));
  return { data: ids, input: { questions, history } };
}

/**
 * Resume the owner's in-progress attempt on the target (a lesson quiz or a module test), or
 * draw a new one with `plan`. One transaction, so a double click on Start never creates two
 * attempts.
 */
export async function startOrResumeAttempt(
  owner: AttemptOwner,
  target: TargetRef,
  plan: (input: DrawInput) => DrawPlan,
  link: AssignmentLink | null = null,
): Promise<StartResult> {
  return prisma.$transaction(async (tx) => {
    await serialiseStarts(tx, owner, target);
    const existing = await tx.attempt.findFirst({
      where: {
        ...ownedBy(owner),
        ...attemptsOf(target),
        status: "in_progress",
        ...(link ? { assignmentId: link.assignmentId } : {}),
      },
      orderBy: { startedAt: "desc" },
      select: { ...attemptSelect, responses: { select: responseSelect } },
    });
    if (existing) {
      const attempt = await recordOf(tx, existing);
      const questions = await questionsById(tx, attempt.questionIds);
      return {
        kind: "resumed",
        bundle: {
          attempt,
          questions: inDrawOrder(attempt.questionIds, questions),
          responses: existing.responses,
        },
      } as const;
    }
    const loaded = await loadDrawInput(tx, owner, target, link?.reviewedOnly ?? false);
    if (!loaded) return { kind: "no_lesson" } as const;
    const drawn = plan(loaded.input);
    if (!drawn || drawn.questionIds.length === 0) return { kind: "no_questions" } as const;
    const created = await tx.attempt.create({
      data: {
        userId: owner.kind === "user" ? owner.userId : null,
        guestToken: owner.kind === "guest" ? owner.guestToken : null,
        kind: target.kind === "module" ? "test" : "quiz",
        ...loaded.data,
        assignmentId: link?.assignmentId ?? null,
        seed: drawn.seed,
        questionIds: drawn.questionIds,
        total: drawn.questionIds.length,
      },
      select: attemptSelect,
    });
    return {
      kind: "started",
      bundle: {
        attempt: await recordOf(tx, created),
        questions: inDrawOrder(drawn.questionIds, loaded.input.questions),
        responses: [],
      },
    } as const;
  }, TX);
}

/** One of the owner's attempts with questions and responses; null when missing or not theirs. */
export async function getAttemptBundle(
  owner: AttemptOwner,
  attemptId: string,
): Promise<AttemptBundle | null> {
  const row = await prisma.attempt.findFirst({
    where: { id: attemptId, ...ownedBy(owner) },
    select: { ...attemptSelect, responses: { select: responseSelect } },
  });
  if (!row) return null;
  const attempt = await recordOf(prisma, row);
  const questions = await questionsById(prisma, attempt.questionIds);
  return { attempt, questions: inDrawOrder(attempt.questionIds, questions), responses: row.responses };
}

export type SaveResult =
  | { kind: "saved" }
  | { kind: "not_found" }
  | { kind: "closed" }
  | { kind: "not_in_attempt" }
  | { kind: "invalid"; message: string };

/**
 * Save (or replace) the owner's answer to one question of one of their in-progress attempts.
 * `prepare` checks the answer against the question and returns what to store. The checks and
 * the write share a transaction, so an answer can never land after the attempt is submitted.
 */
export async function saveResponse(
  owner: AttemptOwner,
  attemptId: string,
  questionId: string,
  prepare: (
    question: QuestionRecord,
  ) => { ok: true; answer: Prisma.InputJsonValue } | { ok: false; message: string },
): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const attempt = await tx.attempt.findFirst({
      where: { id: attemptId, ...ownedBy(owner) },
      select: { status: true, questionIds: true },
    });
    if (!attempt) return { kind: "not_found" } as const;
    if (attempt.status !== "in_progress") return { kind: "closed" } as const;
    if (!Array.isArray(attempt.questionIds) || !attempt.questionIds.includes(questionId))
      return { kind: "not_in_attempt" } as const;
    const question = await tx.question.findUnique({ where: { id: questionId }, select: questionSelect });
    if (!question) return { kind: "not_in_attempt" } as const;
    const prepared = prepare(question);
    if (!prepared.ok) return { kind: "invalid", message: prepared.message } as const;
    // Lock the attempt row (a no-op update) so that a save and a submit of the same attempt
    // serialise on PostgreSQL too: the save either lands before the submit's claim and is graded,
    // or sees the attempt submitted and writes nothing. (SQLite serialises writers anyway.)
    const stillOpen = await tx.attempt.updateMany({
      where: { id: attemptId, status: "in_progress" },
      data: { status: "in_progress" },
    });
    if (stillOpen.count === 0) return { kind: "closed" } as const;
    await tx.response.upsert({
      where: { attemptId_questionId: { attemptId, questionId } },
      create: { attemptId, questionId, answer: prepared.answer },
      update: { answer: prepared.answer },
      select: { id: true },
    });
    return { kind: "saved" } as const;
  }, TX);
}

export interface Grade {
  questionId: string;
  correct: boolean;
  /** Share of the mark earned, 0–1 (1 exactly when correct). */
  credit: number;
}

export type SubmitResult =
  { kind: "submitted" | "already_submitted"; bundle: AttemptBundle } | { kind: "not_found" };

/** Thrown inside the submit transaction to roll back when another submit claimed first. */
class AlreadyClaimed extends Error {}

/**
 * Grade and close one of the owner's attempts, exactly once.
 *
 * One transaction: first claim the attempt with a conditional update (`status: in_progress →
 * submitted`), which also takes its row lock; then read the saved responses, grade them with
 * `decide.grade`, store every response's correctness and credit (unanswered questions get a
 * response with a null answer, marked wrong), store the score `decide.score` adds up and, for
 * signed-in learners, the review schedules `decide.reschedule` gives. If the
 * claim matches nothing, another submit won and the stored result is returned. So a double click,
 * a replay or concurrent requests give one score and one schedule, on SQLite and PostgreSQL alike.
 */
export async function submitAttempt(
  owner: AttemptOwner,
  attemptId: string,
  decide: {
    grade: (questions: QuestionRecord[], responses: ResponseRecord[]) => Grade[];
    score: (grades: readonly Grade[]) => number;
    reschedule: Reschedule;
  },
  now: Date = new Date(),
): Promise<SubmitResult> {
  const row = await prisma.attempt.findFirst({
    where: { id: attemptId, ...ownedBy(owner) },
    select: attemptSelect,
  });
  if (!row) return { kind: "not_found" };
  const attempt = await recordOf(prisma, row);
  if (attempt.status === "submitted") return alreadySubmitted(owner, attemptId);
  const questions = inDrawOrder(attempt.questionIds, await questionsById(prisma, attempt.questionIds));

  let outcome: { score: number; responses: ResponseRecord[] };
  try {
    outcome = await prisma.$transaction(async (tx) => {
      // Claim first: the conditional update takes the attempt's row lock, so a concurrent submit
      // (or save) waits here and then finds the attempt no longer in progress.
      const claimed = await tx.attempt.updateMany({
        where: { id: attemptId, ...ownedBy(owner), status: "in_progress" },
        data: { status: "submitted", submittedAt: now },
      });
      if (claimed.count === 0) throw new AlreadyClaimed();
      const saved = await tx.response.findMany({
        where: { attemptId },
        select: { questionId: true, answer: true },
      });
      const grades = decide.grade(
        questions,
        saved.map((r) => ({ ...r, correct: null, credit: null })),
      );
      const gradeOf = new Map(grades.map((g) => [g.questionId, g]));
      const savedIds = new Set(saved.map((r) => r.questionId));
      const unanswered = questions.map((q) => q.id).filter((id) => !savedIds.has(id));
      // One statement per distinct mark (a handful: 0, 1 and the partial credits) rather than
      // one per response. Plain SQL that SQLite and PostgreSQL both accept; it leaves savedAt alone.
      const byMark = new Map<string, { correct: boolean; credit: number; ids: string[] }>();
      for (const r of saved) {
        const g = gradeOf.get(r.questionId);
        const correct = g?.correct ?? false;
        const credit = g?.credit ?? 0;
        const key = `${correct}:${credit}`;
        const group = byMark.get(key) ?? { correct, credit, ids: [] };
        group.ids.push(r.questionId);
        byMark.set(key, group);
      }
      for (const { correct, credit, ids } of byMark.values()) {
        await tx.$executeRaw`UPDATE "Response" SET "correct" = ${correct}, "credit" = ${credit} WHERE "attemptId" = ${attemptId} AND "questionId" IN (${Prisma.join(ids)})`;
      }
      if (unanswered.length > 0) {
        await tx.response.createMany({
          data: unanswered.map((questionId) => ({
            attemptId,
            questionId,
            answer: Prisma.JsonNull,
            correct: false,
            credit: 0,
          })),
        });
      }
      const score = decide.score(grades);
      await tx.attempt.update({ where: { id: attemptId }, data: { score }, select: { id: true } });
      if (owner.kind === "user") await applyReviewOutcomes(tx, owner.userId, grades, now, decide.reschedule);
      const responses: ResponseRecord[] = [
        ...saved.map((r) => ({
          questionId: r.questionId,
          answer: r.answer,
          correct: gradeOf.get(r.questionId)?.correct ?? false,
          credit: gradeOf.get(r.questionId)?.credit ?? 0,
        })),
        ...unanswered.map((questionId) => ({ questionId, answer: null, correct: false, credit: 0 })),
      ];
      return { score, responses };
    }, TX);
  } catch (error) {
    if (error instanceof AlreadyClaimed) return alreadySubmitted(owner, attemptId);
    throw error;
  }
  return {
    kind: "submitted",
    bundle: {
      attempt: { ...attempt, status: "submitted", score: outcome.score, submittedAt: now },
      questions,
      responses: outcome.responses,
    },
  };
}

/** The stored result of an attempt someone already submitted (this request or another). */
async function alreadySubmitted(owner: AttemptOwner, attemptId: string): Promise<SubmitResult> {
  const stored = await getAttemptBundle(owner, attemptId);
  return stored ? { kind: "already_submitted", bundle: stored } : { kind: "not_found" };
}

/**
 * A submitted attempt by its share's token hash, with the owner's display name (null for a
 * guest's); null when no share has that hash (never made, or stopped).
 */
export async function getSharedAttemptBundle(
  tokenHash: string,
): Promise<{ bundle: AttemptBundle; ownerName: string | null } | null> {
  const share = await prisma.resultShare.findUnique({
    where: { tokenHash },
    select: {
      attempt: {
        select: {
          ...attemptSelect,
          user: { select: { name: true } },
          responses: { select: responseSelect },
        },
      },
    },
  });
  if (!share || share.attempt.status !== "submitted") return null;
  const attempt = await recordOf(prisma, share.attempt);
  const questions = await questionsById(prisma, attempt.questionIds);
  return {
    bundle: {
      attempt,
      questions: inDrawOrder(attempt.questionIds, questions),
      responses: share.attempt.responses,
    },
    ownerName: share.attempt.user?.name ?? null,
  };
}
