/**
 * What the review page and its island receive. Types only (safe to import from client
 * components). A ReviewCardView carries the public question shape: never the answer key.
 * Feedback (with the key and the evidence) exists only after an answer is graded.
 */
import type { Expected, LearnerAnswer, PublicQuestion } from "@/app/lib/attempts/views";

export type { Expected, LearnerAnswer, PublicQuestion };

export interface ReviewCardView {
  question: PublicQuestion;
  lesson: { slug: string; title: string };
  /** The card's version when shown; sent back with the answer so a double submit is refused. */
  reps: number;
}

export interface ReviewQueueView {
  dueCount: number;
  /** The card to answer now; null when nothing is due. */
  current: ReviewCardView | null;
  /** ISO time the next card falls due (when nothing is due now); null if the user has no cards. */
  nextDueAt: string | null;
}

/** A review session: at most REVIEW_SESSION_SIZE due cards, earliest due first. */
export interface ReviewSessionView {
  /** Cards due now in all (may be more than the session holds). */
  dueCount: number;
  cards: ReviewCardView[];
  /** ISO time the next card not yet due falls due; null if the user has no other cards. */
  nextDueAt: string | null;
}

export interface ReviewFeedbackView {
  questionId: string;
  correct: boolean;
  answer: LearnerAnswer;
  expected: Expected;
  /** The lesson sentence(s) the question was made from ("\n" between sentences). */
  evidence: string;
  /** /lessons/<slug>#<evidenceAnchor> (the first evidence line). */
  evidenceHref: string;
  /** Each evidence line with a link to its own paragraph. */
  evidenceLinks: { text: string; href: string }[];
  lesson: { slug: string; title: string };
  /** ISO time this card is next due. */
  nextDueAt: string;
}

export interface ReviewAnswerView {
  feedback: ReviewFeedbackView;
  /** The queue after this answer. */
  queue: ReviewQueueView;
}
