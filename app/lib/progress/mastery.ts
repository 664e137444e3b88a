/**
 * The mastery rule: how a learner's submitted quiz attempts on one lesson become a level.
 * Pure; the data layer supplies the attempts.
 *
 * Only submitted **quiz** attempts count (review answers do not), and a score is the share of
 * the marks earned (score / total, partial credit included as scoring.ts counts it; unanswered
 * questions count as wrong).
 *
 * | level         | rule                                                                   |
 * |---------------|------------------------------------------------------------------------|
 * | `not_started` | no submitted attempt                                                   |
 * | `started`     | at least one submitted attempt, best score below 50 %                  |
 * | `practising`  | best score 50 % or better, but not (yet) mastered                      |
 * | `mastered`    | the two most recent submitted attempts both scored 80 % or better      |
 *
 * "Mastered" asks for two attempts so one lucky draw is not enough, and for the two *latest* so
 * mastery reflects what the learner knows now: a later attempt below 80 % drops the lesson back
 * to `practising` until two good attempts in a row restore it. Thresholds compare exactly
 * (8/10 is mastered-grade, 7/9 = 77.8 % is not); no rounding.
 */

import { reachesPercent, scorePercent } from "./scoring";

export const MASTERY_LEVELS = ["not_started", "started", "practising", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/** Percent needed on each of the two latest attempts for `mastered`. */
export const MASTERY_PERCENT = 80;
/** Best percent needed for `practising`. */
export const PRACTISING_PERCENT = 50;
/** How many latest attempts must all reach MASTERY_PERCENT. */
export const MASTERY_ATTEMPTS = 2;

export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  not_started: "Not started",
  started: "Started",
  practising: "Practising",
  mastered: "Mastered",
};

export interface ScoredAttempt {
  score: number;
  total: number;
  submittedAt: Date;
}

export interface LessonMastery {
  level: MasteryLevel;
  /** Submitted attempts counted. */
  attempts: number;
  /** Best and most recent score as whole percentages (rounded for display); null if none. */
  bestPercent: number | null;
  lastPercent: number | null;
  lastAttemptAt: Date | null;
}

/** score/total as a fraction; attempts with no questions are ignored by the caller. */
function reaches(attempt: ScoredAttempt, percent: number): boolean {
  return reachesPercent(attempt.score, attempt.total, percent);
}

/** score/total as a whole percentage. */
export function percentOf(score: number, total: number): number {
  return scorePercent(score, total);
}

/** Apply the mastery rule to one lesson's submitted attempts (any order). */
export function lessonMastery(attempts: readonly ScoredAttempt[]): LessonMastery {
  const counted = attempts
    .filter((a) => a.total > 0 && a.score >= 0)
    .slice()
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const last = counted.at(-1);
  if (!last)
    return { level: "not_started", attempts: 0, bestPercent: null, lastPercent: null, lastAttemptAt: null };

  const best = counted.reduce((top, a) => (a.score * top.total > top.score * a.total ? a : top));
  const latest = counted.slice(-MASTERY_ATTEMPTS);
  let level: MasteryLevel;
  if (latest.length === MASTERY_ATTEMPTS && latest.every((a) => reaches(a, MASTERY_PERCENT)))
    level = "mastered";
  else if (reaches(best, PRACTISING_PERCENT)) level = "practising";
  else level = "started";

  return {
    level,
    attempts: counted.length,
    bestPercent: percentOf(best.score, best.total),
    lastPercent: percentOf(last.score, last.total),
    lastAttemptAt: last.submittedAt,
  };
}

/** lessonMastery for every lesson that has attempts, by lesson slug (absent = not started). */
export function masteryByLesson(
  attempts: readonly (ScoredAttempt & { lesson: { slug: string } })[],
): Map<string, LessonMastery> {
  const byLesson = new Map<string, ScoredAttempt[]>();
  for (const attempt of attempts) {
    const list = byLesson.get(attempt.lesson.slug) ?? [];
    list.push(attempt);
    byLesson.set(attempt.lesson.slug, list);
  }
  return new Map([...byLesson].map(([slug, list]) => [slug, lessonMastery(list)]));
}

export interface ModuleProgress {
  mastered: number;
  total: number;
}

/** Lessons mastered out of the module's lessons (lessons without attempts count as not mastered). */
export function moduleProgress(
  lessonSlugs: readonly string[],
  levels: ReadonlyMap<string, MasteryLevel>,
): ModuleProgress {
  return {
    mastered: lessonSlugs.filter((slug) => levels.get(slug) === "mastered").length,
    total: lessonSlugs.length,
  };
}
