import "server-only";
/**
 * A review session, for the review page and its server action: read the queue, answer a card.
 * The acting user's id is passed in; these functions never read the request.
 */
import { getDueReviews, recordReview } from "@/app/lib/db/review-cards";
import type { LearnerAnswer } from "@/app/lib/attempts/questions";
import { AppError } from "@/app/lib/errors";
import type { ReviewAnswerView, ReviewQueueView } from "./review-views";

export async function getReviewQueue(userId: string, now: Date = new Date()): Promise<ReviewQueueView> {
  const page = await getDueReviews(userId, now, 1);
  const first = page.items[0];
  return {
    dueCount: page.dueCount,
    current: first ? { question: first.question, lesson: first.lesson, reps: first.reps } : null,
    nextDueAt: page.nextDueAt?.toISOString() ?? null,
  };
}

/** Grade one due card and move its schedule on; throws AppError when it cannot be answered now. */
export async function answerReview(
  userId: string,
  questionId: string,
  answer: LearnerAnswer,
  expectedReps?: number,
  now: Date = new Date(),
): Promise<ReviewAnswerView> {
  const result = await recordReview(userId, questionId, answer, now, { expectedReps });
  switch (result.kind) {
    case "not_found":
      throw new AppError("not_found", "That question is not in your review queue.");
    case "not_due":
    case "stale":
      throw new AppError(
        "conflict",
        "That card has already been reviewed. Reload the page for the next one.",
      );
    case "invalid":
      throw new AppError("bad_request", result.message, { fieldErrors: { answer: [result.message] } });
    case "graded":
      return {
        feedback: {
          questionId,
          correct: result.correct,
          answer: result.answer,
          expected: result.expected,
          evidence: result.evidence,
          evidenceHref: result.evidenceHref,
          evidenceLinks: result.evidenceLinks,
          lesson: result.lesson,
          nextDueAt: result.nextDue.toISOString(),
        },
        queue: await getReviewQueue(userId, now),
      };
  }
}
