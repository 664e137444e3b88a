/**
 * What the quiz pages and islands receive. Types only (safe to import from client components).
 * A QuizView is what a learner sees while answering: public question shapes and their own saved
 * answers, nothing about which answer is right. A ResultView exists only after submission.
 */
import type { Expected, LearnerAnswer, PublicQuestion } from "@/app/lib/quiz/public-question";
import type { QuizTarget } from "./target";

export type { Expected, LearnerAnswer, PublicQuestion, QuizTarget };

export interface QuizView {
  attemptId: string;
  /** The lesson quizzed, or the module of a module test. */
  target: QuizTarget;
  questions: PublicQuestion[];
  /** The learner's saved answers by question id (resume after refresh). */
  saved: Record<string, LearnerAnswer>;
}

export interface FeedbackItem {
  question: PublicQuestion;
  /** The learner's answer, null when left blank. */
  answer: LearnerAnswer | null;
  correct: boolean;
  /** Share of the mark earned, 0–1: part of it for a partly right chronology or matching answer. */
  credit: number;
  expected: Expected;
  /** A chronology question's right order: the date the text gives each event (null if none found). */
  expectedDates?: (string | null)[];
  /** The sentence(s) of the lesson the question was made from ("\n" between sentences). */
  evidence: string;
  /** Link to the paragraph holding the (first) evidence sentence: /lessons/<slug>#<anchor>. */
  evidenceHref: string;
  /** Every evidence sentence with a link to its own paragraph (ordering/matching cite several). */
  evidenceLinks: { text: string; href: string }[];
}

export interface ResultView {
  attemptId: string;
  /** The lesson quizzed, or the module of a module test. */
  target: QuizTarget;
  /** Marks earned, partial credit included (7.5 of 10). */
  score: number;
  total: number;
  submittedAt: string;
  items: FeedbackItem[];
  /** Whether this result belongs to a guest (offer "Sign up to keep this result"). */
  guest: boolean;
}
