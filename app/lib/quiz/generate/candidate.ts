/** A generated question before selection, with its ranking score and what it tests. */
import type { Question } from "../types";

export interface Candidate {
  question: Question;
  score: number;
  /** Sentence indexes used as evidence (to cap questions per sentence). */
  sentences: number[];
  /** Identity of the fact (sentence + key) so one fact is not asked twice in the same form. */
  fact: string;
}

export const BLANK = "_____";
