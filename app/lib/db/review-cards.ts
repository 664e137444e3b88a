import "server-only";
/**
 * Every Prisma call for review cards (the learner's spaced-repetition schedule per question).
 * Each function takes the acting user's id explicitly and scopes every query to it. The
 * scheduling decision itself is the pure `scheduleAnswer` in app/lib/progress/scheduling.
 */
import type { Prisma } from "@/app/generated/prisma/sqlite/client";
import { scheduleAnswer, type CardSchedule } from "@/app/lib/progress/scheduling";

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

  // Sequential on purpose: SQLite has one writer, and the caller's transaction is already open.
  for (const [questionId, correct] of merged) {
    const previous = byQuestion.get(questionId) ?? null;
    const next = scheduleAnswer(previous, correct, now);
    const data = scheduleData(next);
    await tx.reviewCard.upsert({
      where: { userId_questionId: { userId, questionId } },
      create: { userId, questionId, ...data },
      update: data,
      select: { id: true },
    });
    result.set(questionId, next);
  }
  return result;
}
