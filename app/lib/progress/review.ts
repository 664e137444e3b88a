import "server-only";
/**
 * A review session, for the review page and its server action: read the queue, answer a card.
 * The decisions live here (what is due, grading against the key, the next schedule); the rows
 * come from app/lib/db/review-cards. The acting user's id is passed in; these functions never
 * read the request.
 */
import { evidenceLinks } from "@/app/lib/attempts/evidence";
import { checkAnswer, parseQuestionRow } from "@/app/lib/attempts/questions";
import { markAnswer, toPublicQuestion, type LearnerAnswer } from "@/app/lib/quiz/public-question";
import { findReviewCard, getDueReviews, storeReviewAnswer } from "@/app/lib/db/review-cards";
import { AppError } from "@/app/lib/errors";
import type { ReviewAnswerView, ReviewCardView, ReviewQueueView, ReviewSessionView } from "./review-views";
import { dueHorizon, isDue, scheduleAnswer } from "./scheduling";

const NOT_IN_QUEUE = "That question is not in your review queue.";
const ALREADY_REVIEWED = "That card has already been reviewed. Reload the page for the next one.";

/** The user's due cards (public shapes only, no key), earliest due first. */
export async function getDueCards(
  userId: string,
  now: Date,
  limit: number,
): Promise<{ dueCount: number; cards: ReviewCardView[]; nextDueAt: Date | null }> {
  const page = await getDueReviews(userId, dueHorizon(now), limit);
  const cards: ReviewCardView[] = [];
  for (const item of page.items) {
    const question = parseQuestionRow(item.question);
    if (!question) continue;
    // The card's showing number seeds the choice order, so each review shows a new order.
    cards.push({
      question: toPublicQuestion(question, item.reps + 1),
      lesson: item.question.lesson,
      reps: item.reps,
    });
  }
  return { dueCount: page.dueCount, cards, nextDueAt: page.nextDueAt };
}

export async function getReviewQueue(userId: string, now: Date = new Date()): Promise<ReviewQueueView> {
  const page = await getDueCards(userId, now, 1);
  return {
    dueCount: page.dueCount,
    current: page.cards[0] ?? null,
    nextDueAt: page.nextDueAt?.toISOString() ?? null,
  };
}

/** A session has an end: at most this many cards, however many are due. */
export const REVIEW_SESSION_SIZE = 20;

export async function getReviewSession(userId: string, now: Date = new Date()): Promise<ReviewSessionView> {
  const page = await getDueCards(userId, now, REVIEW_SESSION_SIZE);
  return { dueCount: page.dueCount, cards: page.cards, nextDueAt: page.nextDueAt?.toISOString() ?? null };
}

/**
 * A second try, later in the same session, at a card the learner has just missed: graded on the
 * server like any answer, but the schedule already counted the miss, so nothing is stored or
 * moved (the card need not be due again yet).
 */
export async function retryReview(
  userId: string,
  questionId: string,
  answer: LearnerAnswer,
  now: Date = new Date(),
): Promise<ReviewAnswerView> {
  const card = await findReviewCard(userId, questionId);
  if (!card?.reviewable) throw new AppError("not_found", NOT_IN_QUEUE);
  const question = parseQuestionRow(card.question);
  if (!question) throw new AppError("not_found", NOT_IN_QUEUE);
  const checked = checkAnswer(question, answer);
  if (!checked.ok)
    throw new AppError("bad_request", checked.message, { fieldErrors: { answer: [checked.message] } });
  const { correct, expected } = markAnswer(question, checked.answer);
  const lesson = card.question.lesson;
  const links = evidenceLinks(
    lesson.slug,
    question.evidence,
    question.evidenceAnchors,
    question.evidenceLessons,
  );
  return {
    feedback: {
      questionId,
      correct,
      answer: checked.answer,
      expected,
      evidence: question.evidence,
      evidenceHref: links[0]?.href ?? `/lessons/${lesson.slug}#${question.evidenceAnchor}`,
      evidenceLinks: links,
      lesson,
      nextDueAt: card.schedule.due.toISOString(),
    },
    queue: await getReviewQueue(userId, now),
  };
}

/**
 * Answer one due card: grade on the server (against the key, teacher edits applied), move the
 * schedule on and keep the answer. A card that is not due is left alone, and the schedule moves
 * only if it is still the version read and, when given, the version the learner was shown
 * (`expectedReps`), so a repeated or concurrent submit cannot grade the same showing twice.
 */
export async function answerReview(
  userId: string,
  questionId: string,
  answer: LearnerAnswer,
  expectedReps?: number,
  now: Date = new Date(),
): Promise<ReviewAnswerView> {
  const card = await findReviewCard(userId, questionId);
  if (!card?.reviewable) throw new AppError("not_found", NOT_IN_QUEUE);
  const { schedule } = card;
  if (expectedReps !== undefined && schedule.reps !== expectedReps)
    throw new AppError("conflict", ALREADY_REVIEWED);
  if (!isDue(schedule, now)) throw new AppError("conflict", ALREADY_REVIEWED);

  const question = parseQuestionRow(card.question);
  if (!question) throw new AppError("not_found", NOT_IN_QUEUE);
  const checked = checkAnswer(question, answer);
  if (!checked.ok)
    throw new AppError("bad_request", checked.message, { fieldErrors: { answer: [checked.message] } });
  const { correct, expected } = markAnswer(question, checked.answer);
  const next = scheduleAnswer(schedule, correct, now);
  const stored = await storeReviewAnswer({
    userId,
    questionId,
    lessonId: card.question.lessonId,
    read: schedule,
    next,
    answer: checked.answer,
    correct,
    at: now,
  });
  if (!stored) throw new AppError("conflict", ALREADY_REVIEWED);

  const lesson = card.question.lesson;
  const links = evidenceLinks(
    lesson.slug,
    question.evidence,
    question.evidenceAnchors,
    question.evidenceLessons,
  );
  return {
    feedback: {
      questionId,
      correct,
      answer: checked.answer,
      expected,
      evidence: question.evidence,
      evidenceHref: links[0]?.href ?? `/lessons/${lesson.slug}#${question.evidenceAnchor}`,
      evidenceLinks: links,
      lesson,
      nextDueAt: next.due.toISOString(),
    },
    queue: await getReviewQueue(userId, now),
  };
}
