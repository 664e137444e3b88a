import { describe, expect, it } from "vitest";
import { Rating } from "ts-fsrs";
import {
  CardState,
  REVIEW_LEARN_AHEAD_MS,
  dueHorizon,
  isDue,
  newSchedule,
  ratingFor,
  scheduleAnswer,
} from "./scheduling";

const now = new Date("2026-03-01T09:00:00.000Z");
const minutes = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 60_000;
const days = (a: Date, b: Date) => minutes(a, b) / 1440;

describe("ratingFor", () => {
  it("maps correct to Good and incorrect to Again", () => {
    expect(ratingFor(true)).toBe(Rating.Good);
    expect(ratingFor(false)).toBe(Rating.Again);
  });
});

describe("scheduleAnswer", () => {
  it("is deterministic for the same card, outcome and time (no fuzz)", () => {
    const a = scheduleAnswer(null, true, now);
    const b = scheduleAnswer(null, true, now);
    expect(a).toEqual(b);
    let card = a;
    let card2 = b;
    for (let i = 0; i < 6; i++) {
      card = scheduleAnswer(card, true, card.due);
      card2 = scheduleAnswer(card2, true, card2.due);
    }
    expect(card).toEqual(card2);
  });

  it("a first correct answer graduates straight to review, days away", () => {
    const card = scheduleAnswer(null, true, now);
    expect(card.state).toBe(CardState.Review);
    expect(days(card.due, now)).toBeGreaterThanOrEqual(1);
    expect(card.reps).toBe(1);
    expect(card.lapses).toBe(0);
    expect(card.lastReview).toEqual(now);
    expect(isDue(card, now)).toBe(false);
  });

  it("a first wrong answer is due again within the learn-ahead window (in the queue at once)", () => {
    const card = scheduleAnswer(null, false, now);
    expect(card.state).toBe(CardState.Learning);
    expect(minutes(card.due, now)).toBe(1);
    expect(isDue(card, now)).toBe(true);
  });

  it("intervals grow with each correct review at the due time", () => {
    let card = scheduleAnswer(null, true, now);
    let previous = days(card.due, now);
    for (let i = 0; i < 4; i++) {
      const at = card.due;
      card = scheduleAnswer(card, true, at);
      const interval = days(card.due, at);
      expect(interval).toBeGreaterThan(previous);
      previous = interval;
    }
    expect(card.reps).toBe(5);
  });

  it("a lapse in review counts, relearns in ten minutes and lowers stability", () => {
    const learned = scheduleAnswer(
      scheduleAnswer(null, true, now),
      true,
      new Date(now.getTime() + 3 * 86_400_000),
    );
    const at = learned.due;
    const lapsed = scheduleAnswer(learned, false, at);
    expect(lapsed.state).toBe(CardState.Relearning);
    expect(lapsed.lapses).toBe(1);
    expect(minutes(lapsed.due, at)).toBe(10);
    expect(lapsed.stability).toBeLessThan(learned.stability);
    // Not back in the queue the same moment, but later in the session.
    expect(isDue(lapsed, at)).toBe(false);
    expect(isDue(lapsed, new Date(at.getTime() + 10 * 60_000))).toBe(true);
  });

  it("a wrong then right answer in learning graduates to about a day", () => {
    const wrong = scheduleAnswer(null, false, now);
    const right = scheduleAnswer(wrong, true, wrong.due);
    expect(right.state).toBe(CardState.Review);
    expect(days(right.due, wrong.due)).toBeGreaterThanOrEqual(1);
  });
});

describe("newSchedule / isDue", () => {
  it("a new card is due at once", () => {
    const card = newSchedule(now);
    expect(card.state).toBe(CardState.New);
    expect(isDue(card, now)).toBe(true);
  });
  it("the horizon is now plus the learn-ahead window", () => {
    expect(dueHorizon(now).getTime() - now.getTime()).toBe(REVIEW_LEARN_AHEAD_MS);
    expect(isDue({ due: new Date(now.getTime() + REVIEW_LEARN_AHEAD_MS + 1) }, now)).toBe(false);
  });
});
