/**
 * Item analysis over submitted quizzes (classical test theory):
 * - facility: the share of answers that were right;
 * - discrimination: the point-biserial correlation between being right on this question and the
 *   learner's score on the rest of the same quiz (the share right among the other questions), so
 *   the item does not correlate with itself;
 * - distractors: how often each wrong option was chosen, overall and by the top third (ranked by
 *   rest score).
 * Flags need at least MIN_ANSWERS answers, so a handful of attempts raises nothing.
 */

export const MIN_ANSWERS = 10;

export interface ItemQuestion {
  id: string;
  /** Options of a choice question (multiple choice, true/false); null for other types. */
  choices: string[] | null;
  /** The right option of a choice question. */
  key: string | null;
}

export interface ItemAttempt {
  responses: { questionId: string; correct: boolean; answer: unknown }[];
}

export type ItemFlag = "too_hard" | "too_easy" | "low_discrimination" | "distractor_beats_key";

export interface ItemStats {
  questionId: string;
  answers: number;
  right: number;
  /** Share right, 0–1; null without answers. */
  facility: number | null;
  /** Point-biserial r against the rest of the quiz; null when undefined (no spread). */
  discrimination: number | null;
  /** Wrong option → times chosen (choice questions only). */
  distractors: Record<string, number>;
  /** Times the top third chose the key, and each wrong option. */
  topThird: { size: number; key: number; distractors: Record<string, number> };
  flags: ItemFlag[];
}

interface Observation {
  correct: boolean;
  rest: number;
  answer: unknown;
}

export function analyseItems(
  questions: readonly ItemQuestion[],
  attempts: readonly ItemAttempt[],
): ItemStats[] {
  const byQuestion = new Map<string, Observation[]>(questions.map((q) => [q.id, []]));
  for (const attempt of attempts) {
    const n = attempt.responses.length;
    if (n < 2) continue; // no "rest of the quiz" to compare with
    const right = attempt.responses.filter((r) => r.correct).length;
    for (const r of attempt.responses) {
      byQuestion.get(r.questionId)?.push({
        correct: r.correct,
        rest: (right - (r.correct ? 1 : 0)) / (n - 1),
        answer: r.answer,
      });
    }
  }
  return questions.map((q) => itemStats(q, byQuestion.get(q.id) ?? []));
}

function itemStats(q: ItemQuestion, obs: Observation[]): ItemStats {
  const answers = obs.length;
  const right = obs.filter((o) => o.correct).length;
  const facility = answers ? right / answers : null;
  const discrimination = pointBiserial(obs);
  const wrongOptions = q.choices && q.key !== null ? q.choices.filter((c) => c !== q.key) : [];
  const countWrong = (list: Observation[]) => {
    const out: Record<string, number> = Object.fromEntries(wrongOptions.map((c) => [c, 0]));
    for (const o of list)
      if (typeof o.answer === "string" && o.answer in out) out[o.answer] = (out[o.answer] ?? 0) + 1;
    return out;
  };
  const top = [...obs].sort((a, b) => b.rest - a.rest).slice(0, Math.ceil(answers / 3));
  const topThird = {
    size: top.length,
    key: top.filter((o) => o.correct).length,
    distractors: countWrong(top),
  };
  const flags: ItemFlag[] = [];
  if (answers >= MIN_ANSWERS && facility !== null) {
    if (facility < 0.2) flags.push("too_hard");
    if (facility > 0.95) flags.push("too_easy");
    if (discrimination !== null && discrimination < 0.1) flags.push("low_discrimination");
    if (Object.values(topThird.distractors).some((n) => n > topThird.key)) flags.push("distractor_beats_key");
  }
  return {
    questionId: q.id,
    answers,
    right,
    facility,
    discrimination,
    distractors: countWrong(obs),
    topThird,
    flags,
  };
}

/** r_pb = (M1 − M0) / s · √(p q), s the population standard deviation of the rest scores. */
export function pointBiserial(obs: readonly { correct: boolean; rest: number }[]): number | null {
  const n = obs.length;
  if (n < 2) return null;
  const ones = obs.filter((o) => o.correct);
  const zeros = obs.filter((o) => !o.correct);
  if (ones.length === 0 || zeros.length === 0) return null;
  const meanAll = obs.reduce((s, o) => s + o.rest, 0) / n;
  const sd = Math.sqrt(obs.reduce((s, o) => s + (o.rest - meanAll) ** 2, 0) / n);
  if (sd === 0) return null;
  const m1 = ones.reduce((s, o) => s + o.rest, 0) / ones.length;
  const m0 = zeros.reduce((s, o) => s + o.rest, 0) / zeros.length;
  const p = ones.length / n;
  return ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
}

export const FLAG_LABELS: Record<ItemFlag, string> = {
  too_hard: "Very hard (under 20 % right)",
  too_easy: "Very easy (over 95 % right)",
  low_discrimination: "Does not separate strong from weak (r < 0.1)",
  distractor_beats_key: "The top third chose a wrong option more often than the key",
};
