/**
 * Spaced repetition: how one graded answer moves a learner's review card (ts-fsrs).
 *
 * Pure and deterministic: the same card, outcome and `now` always give the same result
 * (fuzz is off), so schedules are reproducible in tests and across app instances.
 *
 * Grading policy (kept deliberately simple):
 * - correct   → Rating.Good
 * - incorrect → Rating.Again
 *
 * Parameters: ts-fsrs defaults (FSRS-6 weights, 90 % requested retention, 100-year cap) except
 * - `enable_fuzz: false` — reproducible due dates;
 * - `learning_steps: ["1m"]` — a question answered wrongly the first time comes back after a
 *   minute (so it is in the review queue straight after the quiz, see REVIEW_LEARN_AHEAD_MS),
 *   while a question answered correctly the first time graduates at once (about two days)
 *   instead of reappearing ten minutes later — a quiz already is the first "learning" pass;
 * - `relearning_steps: ["10m"]` — a lapse in review comes back later in the same session.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";

export { State as CardState };

export const SCHEDULER_PARAMETERS = generatorParameters({
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ["1m"],
  relearning_steps: ["10m"],
});

const scheduler = fsrs(SCHEDULER_PARAMETERS);

/**
 * Cards falling due within this window count as due now (Anki's "learn ahead" idea), so a card
 * on a one-minute learning step shows in the queue right after a quiz instead of a minute later.
 */
export const REVIEW_LEARN_AHEAD_MS = 2 * 60 * 1000;

/** The horizon for "due now" queries: `now` plus the learn-ahead window. */
export function dueHorizon(now: Date): Date {
  return new Date(now.getTime() + REVIEW_LEARN_AHEAD_MS);
}

/** The schedule as stored in a ReviewCard row (camelCase mirror of the ts-fsrs Card). */
export interface CardSchedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  lastReview: Date | null;
}

export type ReviewOutcome = "correct" | "incorrect";

export function ratingFor(correct: boolean): Grade {
  return correct ? Rating.Good : Rating.Again;
}

function toFsrsCard(schedule: CardSchedule): Card {
  const state = [State.New, State.Learning, State.Review, State.Relearning].includes(schedule.state)
    ? (schedule.state as State)
    : State.New;
  return {
    due: schedule.due,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: schedule.elapsedDays,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state,
    last_review: schedule.lastReview ?? undefined,
  };
}

function fromFsrsCard(card: Card): CardSchedule {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** A card never reviewed, due at `now`. */
export function newSchedule(now: Date): CardSchedule {
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * The schedule after answering: `previous` is the stored card, or null for a question the
 * learner has never been scheduled on (a new card is created at `now`).
 */
export function scheduleAnswer(previous: CardSchedule | null, correct: boolean, now: Date): CardSchedule {
  const card = previous ? toFsrsCard(previous) : createEmptyCard(now);
  return fromFsrsCard(scheduler.next(card, now, ratingFor(correct)).card);
}

/** True when the card belongs in the review queue at `now`. */
export function isDue(schedule: Pick<CardSchedule, "due">, now: Date): boolean {
  return schedule.due.getTime() <= dueHorizon(now).getTime();
}

/**
 * The next schedule of each card after a quiz: `existing` holds the learner's cards for these
 * questions (absent = never scheduled). A question listed twice counts once, as incorrect if
 * either answer was wrong.
 */
export function rescheduleOutcomes(
  outcomes: readonly { questionId: string; correct: boolean }[],
  existing: ReadonlyMap<string, CardSchedule>,
  at: Date,
): Map<string, CardSchedule> {
  const merged = new Map<string, boolean>();
  for (const { questionId, correct } of outcomes) {
    merged.set(questionId, (merged.get(questionId) ?? true) && correct);
  }
  const next = new Map<string, CardSchedule>();
  for (const [questionId, correct] of merged) {
    next.set(questionId, scheduleAnswer(existing.get(questionId) ?? null, correct, at));
  }
  return next;
}
