import "server-only";
/**
 * Every Prisma call for review cards (the learner's spaced-repetition schedule per question).
 * Each function takes the acting user's id explicitly and scopes every query to it. The
 * scheduling decision itself is the pure `scheduleAnswer` in app/lib/progress/scheduling.
 */
import { randomBytes } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma } from "@/app/lib/db/prisma";
import { dueHorizon, scheduleAnswer, type CardSchedule } from "@/app/lib/progress/scheduling";
import { evidenceLinks } from "@/app/lib/attempts/evidence";
import { questionSelect as quizQuestionSelect } from "@/app/lib/db/question-select";
import {
  checkAnswer,
  markQuestion,
  parseQuestionRow,
  toPublicQuestion,
  type Expected,
  type LearnerAnswer,
  type PublicQuestion,
} from "@/app/lib/attempts/questions";

/** What recordReviewOutcomes needs from a transaction (any Prisma transaction client fits). */
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

function scheduleData(schedule: CardSchedule) {
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

/**
 * Apply graded answers (from a submitted quiz) to the user's review cards, inside the caller's
 * transaction: a question seen for the first time gets a new card, an existing card moves on
 * (correct → Good, incorrect → Again; see app/lib/progress/scheduling). A question listed twice
 * counts once, as incorrect if either answer was wrong. Returns the new schedules by question id.
 */
export async function recordReviewOutcomes(
  tx: ReviewCardsTx,
  userId: string,
  outcomes: readonly ReviewOutcomeInput[],
  now: Date,
): Promise<Map<string, CardSchedule>> {
  const merged = new Map<string, boolean>();
  for (const { questionId, correct } of outcomes) {
    merged.set(questionId, (merged.get(questionId) ?? true) && correct);
  }
  const result = new Map<string, CardSchedule>();
  if (merged.size === 0) return result;

  const existing = await tx.reviewCard.findMany({
    where: { userId, questionId: { in: [...merged.keys()] } },
    select: scheduleSelect,
  });
  const byQuestion = new Map(existing.map((card) => [card.questionId, card]));
  for (const [questionId, correct] of merged) {
    result.set(questionId, scheduleAnswer(byQuestion.get(questionId) ?? null, correct, now));
  }

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

export interface DueReview {
  questionId: string;
  due: Date;
  /** Times reviewed so far (quiz answers included); also seeds the choice order. */
  reps: number;
  lesson: { slug: string; title: string };
  /** The question with the public view computed (answer key stripped). */
  question: PublicQuestion;
}

export interface DueReviewPage {
  /** Cards due now (within the learn-ahead window), over all lessons. */
  dueCount: number;
  /** The first `limit` of them, earliest due first. */
  items: DueReview[];
  /** When the next card not yet due falls due; null when the user has no other cards. */
  nextDueAt: Date | null;
}

function dueWhere(userId: string, now: Date): Prisma.ReviewCardWhereInput {
  return { userId, due: { lte: dueHorizon(now) }, question: reviewable };
}

/** How many of the user's cards are due now. */
export async function countDueReviews(userId: string, now: Date): Promise<number> {
  return prisma.reviewCard.count({ where: dueWhere(userId, now) });
}

/**
 * The user's due review cards across all lessons, earliest due first (ties by question id), with
 * only the public question shape — the answer key never leaves this module for a due card.
 */
export async function getDueReviews(userId: string, now: Date, limit: number): Promise<DueReviewPage> {
  const take = Math.max(0, Math.min(100, Math.floor(limit)));
  const [dueCount, rows, next] = await Promise.all([
    countDueReviews(userId, now),
    take === 0
      ? Promise.resolve([])
      : prisma.reviewCard.findMany({
          where: dueWhere(userId, now),
          orderBy: [{ due: "asc" }, { questionId: "asc" }],
          take,
          select: { questionId: true, due: true, reps: true, question: { select: questionSelect } },
        }),
    prisma.reviewCard.findFirst({
      where: { userId, due: { gt: dueHorizon(now) }, question: reviewable },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
  ]);
  const items: DueReview[] = [];
  for (const row of rows) {
    const parsed = parseQuestionRow(row.question);
    if (!parsed) continue;
    items.push({
      questionId: row.questionId,
      due: row.due,
      reps: row.reps,
      lesson: row.question.lesson,
      question: toPublicQuestion(parsed, row.reps + 1),
    });
  }
  return { dueCount, items, nextDueAt: next?.due ?? null };
}

export type RecordReviewResult =
  | {
      kind: "graded";
      correct: boolean;
      expected: Expected;
      /** The learner's answer as stored. */
      answer: LearnerAnswer;
      evidence: string;
      /** Link to the first evidence line's paragraph: /lessons/<slug>#<evidenceAnchor>. */
      evidenceHref: string;
      /** Every evidence line with its own link (chronology questions may cite other lessons). */
      evidenceLinks: { text: string; href: string }[];
      lesson: { slug: string; title: string };
      nextDue: Date;
    }
  /** No card for this user and question (or the question is no longer reviewable). */
  | { kind: "not_found" }
  /** The card is not due (already answered, e.g. a double submit). */
  | { kind: "not_due"; nextDue: Date }
  /** The card moved on since the learner saw it (`expectedReps` no longer matches): answered twice. */
  | { kind: "stale" }
  | { kind: "invalid"; message: string };

/**
 * Answer one due card in a review session: grade on the server (markQuestion against the key,
 * teacher edits applied), move the schedule on, and keep the answer as a one-question
 * `review` attempt (so review days count for streaks and teachers can see the history).
 * Runs in one transaction. A card that is not due is left alone, and the schedule is updated
 * only if it is still the version read (and, when given, the version the learner was shown:
 * `expectedReps`), so a repeated or concurrent submit cannot grade the same showing twice.
 */
export async function recordReview(
  userId: string,
  questionId: string,
  answer: LearnerAnswer,
  now: Date,
  options: { expectedReps?: number } = {},
): Promise<RecordReviewResult> {
  return prisma.$transaction(
    async (tx) => {
      const card = await tx.reviewCard.findUnique({
        where: { userId_questionId: { userId, questionId } },
        select: {
          ...scheduleSelect,
          question: { select: { ...questionSelect, status: true, review: true, lessonId: true } },
        },
      });
      if (!card || card.question.status !== "active" || card.question.review === "rejected")
        return { kind: "not_found" } as const;
      if (options.expectedReps !== undefined && card.reps !== options.expectedReps)
        return { kind: "stale" } as const;
      if (card.due.getTime() > dueHorizon(now).getTime())
        return { kind: "not_due", nextDue: card.due } as const;

      const question = parseQuestionRow(card.question);
      if (!question) return { kind: "not_found" } as const;
      const checked = checkAnswer(question, answer);
      if (!checked.ok) return { kind: "invalid", message: checked.message } as const;
      const { correct, expected } = markQuestion(question, checked.answer);

      const next = scheduleAnswer(card, correct, now);
      // Conditional on the version read, so two racing submits cannot both move the card.
      const moved = await tx.reviewCard.updateMany({
        where: { userId, questionId, reps: card.reps, lastReview: card.lastReview },
        data: scheduleData(next),
      });
      if (moved.count !== 1) return { kind: "stale" } as const;
      await tx.attempt.create({
        data: {
          userId,
          kind: "review",
          lessonId: card.question.lessonId,
          status: "submitted",
          seed: card.reps + 1,
          questionIds: [questionId],
          score: correct ? 1 : 0,
          total: 1,
          startedAt: now,
          submittedAt: now,
          responses: { create: { questionId, answer: checked.answer, correct } },
        },
        select: { id: true },
      });
      const lesson = card.question.lesson;
      const links = evidenceLinks(
        lesson.slug,
        question.evidence,
        question.evidenceAnchors,
        question.evidenceLessons,
      );
      return {
        kind: "graded",
        correct,
        expected,
        answer: checked.answer,
        evidence: question.evidence,
        evidenceHref: links[0]?.href ?? `/lessons/${lesson.slug}#${question.evidenceAnchor}`,
        evidenceLinks: links,
        lesson,
        nextDue: next.due,
      } as const;
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}
