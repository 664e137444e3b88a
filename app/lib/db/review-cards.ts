import "server-only";
/**
 * Every Prisma call for review cards (the learner's spaced-repetition schedule per question).
 * Each function takes the acting user's id explicitly and scopes every query to it. Decisions
 * (the next schedule, what counts as due, grading a review answer) are made in
 * app/lib/progress and passed in; this file only moves rows.
 */
import { randomBytes } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma } from "@/app/lib/db/prisma";
import { questionSelect as quizQuestionSelect } from "@/app/lib/db/question-select";

/** What applyReviewOutcomes needs from a transaction (any Prisma transaction client fits). */
export type ReviewCardsTx = Pick<Prisma.TransactionClient, "reviewCard">;

export interface ReviewOutcomeInput {
  questionId: string;
  correct: boolean;
}

const scheduleSelect = {
  questionId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const satisfies Prisma.ReviewCardSelect;

function scheduleData(schedule: StoredSchedule) {
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsedDays: schedule.elapsedDays,
    scheduledDays: schedule.scheduledDays,
    learningSteps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: schedule.state,
    lastReview: schedule.lastReview,
  };
}

/** A card's schedule as stored (the columns of a ReviewCard row that scheduling reads and writes). */
export interface StoredSchedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

/**
 * The scheduling decision, made by the caller (app/lib/progress/scheduling): the next schedule
 * of each card, from graded outcomes and the user's existing cards for those questions.
 */
export type Reschedule = (
  outcomes: readonly ReviewOutcomeInput[],
  existing: ReadonlyMap<string, StoredSchedule>,
  at: Date,
) => Map<string, StoredSchedule>;

/**
 * Store graded answers (from a submitted quiz) as review cards, inside the caller's transaction:
 * read the user's existing cards for those questions, let `reschedule` decide each next
 * schedule, and write them all. Returns the written schedules by question id.
 */
export async function applyReviewOutcomes(
  tx: ReviewCardsTx,
  userId: string,
  outcomes: readonly ReviewOutcomeInput[],
  at: Date,
  reschedule: Reschedule,
): Promise<Map<string, StoredSchedule>> {
  if (outcomes.length === 0) return new Map();
  const existing = await tx.reviewCard.findMany({
    where: { userId, questionId: { in: [...new Set(outcomes.map((o) => o.questionId))] } },
    select: scheduleSelect,
  });
  const result = reschedule(outcomes, new Map(existing.map((card) => [card.questionId, card])), at);
  if (result.size === 0) return result;

  const raw = (tx as Partial<Pick<Prisma.TransactionClient, "$executeRaw">>).$executeRaw;
  if (typeof raw === "function") {
    // One statement for every card, new or not (a quiz has ~10 questions: one upsert each cost
    // ~10 statements inside the submit transaction, which SQLite's single writer serialises).
    // Plain SQL that SQLite (≥ 3.24) and PostgreSQL both accept. Dates and numbers go as bound
    // parameters, so the driver adapter stores them exactly as the ORM would.
    const rows = [...result].map(([questionId, next]) => {
      const d = scheduleData(next);
      return Prisma.sql`(${newCardId()}, ${userId}, ${questionId}, ${d.due}, ${d.stability}, ${d.difficulty}, ${d.elapsedDays}, ${d.scheduledDays}, ${d.learningSteps}, ${d.reps}, ${d.lapses}, ${d.state}, ${d.lastReview})`;
    });
    await raw.call(
      tx,
      Prisma.sql`INSERT INTO "ReviewCard" ("id", "userId", "questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT ("userId", "questionId") DO UPDATE SET
          "due" = excluded."due", "stability" = excluded."stability", "difficulty" = excluded."difficulty",
          "elapsedDays" = excluded."elapsedDays", "scheduledDays" = excluded."scheduledDays",
          "learningSteps" = excluded."learningSteps", "reps" = excluded."reps", "lapses" = excluded."lapses",
          "state" = excluded."state", "lastReview" = excluded."lastReview"`,
    );
    return result;
  }

  // A transaction client without raw SQL: one upsert per card. Sequential on purpose: SQLite has
  // one writer, and the caller's transaction is already open.
  for (const [questionId, next] of result) {
    const data = scheduleData(next);
    await tx.reviewCard.upsert({
      where: { userId_questionId: { userId, questionId } },
      create: { userId, questionId, ...data },
      update: data,
      select: { id: true },
    });
  }
  return result;
}

/** A collision-resistant id for a card inserted by raw SQL (cuid-shaped: "c" + 24 base-36 chars). */
function newCardId(): string {
  return (
    "c" +
    BigInt(`0x${randomBytes(16).toString("hex")}`)
      .toString(36)
      .padStart(24, "0")
      .slice(-24)
  );
}

/* ------------------------------------------------------------------ review queue */

/** Questions that may be reviewed: still produced by the generator and not rejected by a teacher. */
const reviewable = {
  status: "active",
  review: { not: "rejected" },
} as const satisfies Prisma.QuestionWhereInput;

const questionSelect = {
  ...quizQuestionSelect,
  lesson: { select: { slug: true, title: true } },
} as const satisfies Prisma.QuestionSelect;

/** A question row as a review needs it (the quiz columns and its lesson). */
export type ReviewQuestionRecord = Prisma.QuestionGetPayload<{ select: typeof questionSelect }>;

export interface DueCardRecord {
  questionId: string;
  due: Date;
  /** Times reviewed so far (quiz answers included). */
  reps: number;
  /** The full row, key included: the caller makes the public view. */
  question: ReviewQuestionRecord;
}

export interface DueCardsPage {
  /** Cards due by the horizon, over all lessons. */
  dueCount: number;
  /** The first `limit` of them, earliest due first (ties by question id). */
  items: DueCardRecord[];
  /** When the next card not yet due falls due; null when the user has no other cards. */
  nextDueAt: Date | null;
}

function dueWhere(userId: string, horizon: Date): Prisma.ReviewCardWhereInput {
  return { userId, due: { lte: horizon }, question: reviewable };
}

/** How many of the user's reviewable cards fall due by `horizon`. */
export async function countDueReviews(userId: string, horizon: Date): Promise<number> {
  return prisma.reviewCard.count({ where: dueWhere(userId, horizon) });
}

/** When the user's first reviewable card due after `horizon` falls due; null if none. */
export async function nextDueAfter(userId: string, horizon: Date): Promise<Date | null> {
  const next = await prisma.reviewCard.findFirst({
    where: { userId, due: { gt: horizon }, question: reviewable },
    orderBy: { due: "asc" },
    select: { due: true },
  });
  return next?.due ?? null;
}

/** How many review cards the user has at all. */
export async function countReviewCards(userId: string): Promise<number> {
  return prisma.reviewCard.count({ where: { userId } });
}

/** The user's cards due by `horizon` across all lessons, earliest due first, at most `limit`. */
export async function getDueReviews(userId: string, horizon: Date, limit: number): Promise<DueCardsPage> {
  const take = Math.max(0, Math.min(100, Math.floor(limit)));
  const [dueCount, items, nextDueAt] = await Promise.all([
    countDueReviews(userId, horizon),
    take === 0
      ? Promise.resolve([])
      : prisma.reviewCard.findMany({
          where: dueWhere(userId, horizon),
          orderBy: [{ due: "asc" }, { questionId: "asc" }],
          take,
          select: { questionId: true, due: true, reps: true, question: { select: questionSelect } },
        }),
    nextDueAfter(userId, horizon),
  ]);
  return { dueCount, items, nextDueAt };
}

/** One of the user's cards with its question (lesson and status included); null if none. */
export async function findReviewCard(userId: string, questionId: string) {
  const card = await prisma.reviewCard.findUnique({
    where: { userId_questionId: { userId, questionId } },
    select: {
      ...scheduleSelect,
      question: { select: { ...questionSelect, status: true, review: true, lessonId: true } },
    },
  });
  if (!card) return null;
  const { question, ...schedule } = card;
  return {
    schedule,
    question,
    /** Still produced by the generator and not rejected by a teacher. */
    reviewable: question.status === "active" && question.review !== "rejected",
  };
}

/**
 * Store one graded review answer: move the card to `next` and keep the answer as a one-question
 * `review` attempt (so review days count for streaks and teachers see the history). One
 * transaction, and the move is conditional on the card still being the version read (`read`):
 * returns false, writing nothing, when another answer moved it first.
 */
export async function storeReviewAnswer(input: {
  userId: string;
  questionId: string;
  lessonId: string;
  read: Pick<StoredSchedule, "reps" | "lastReview">;
  next: StoredSchedule;
  answer: Prisma.InputJsonValue;
  correct: boolean;
  at: Date;
}): Promise<boolean> {
  const { userId, questionId, read, at } = input;
  return prisma.$transaction(
    async (tx) => {
      const moved = await tx.reviewCard.updateMany({
        where: { userId, questionId, reps: read.reps, lastReview: read.lastReview },
        data: scheduleData(input.next),
      });
      if (moved.count !== 1) return false;
      await tx.attempt.create({
        data: {
          userId,
          kind: "review",
          lessonId: input.lessonId,
          status: "submitted",
          seed: read.reps + 1,
          questionIds: [questionId],
          score: input.correct ? 1 : 0,
          total: 1,
          startedAt: at,
          submittedAt: at,
          responses: { create: { questionId, answer: input.answer, correct: input.correct } },
        },
        select: { id: true },
      });
      return true;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
