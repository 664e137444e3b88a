import { beforeAll, describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import { generateQuestionBank, UNDERSTANDING_SKILLS } from "@/app/lib/quiz";
import { DEFAULT_QUIZ_LENGTH, drawQuestionIds, UNDERSTANDING_SHARE, type DrawCandidate } from "./draw";

/**
 * The lesson-quiz draw over the real question bank, lesson by lesson, fresh learners, many seeds.
 * Expectations are derived from each lesson's questions, never from ids or counts.
 */
const SEEDS = 300;
const none = { seen: new Set<string>(), missed: new Set<string>() };
const understanding = new Set<string>(UNDERSTANDING_SKILLS);

interface Lesson {
  slug: string;
  questions: DrawCandidate[];
}
let lessons: Lesson[] = [];

beforeAll(() => {
  lessons = generateQuestionBank(getGuide()).lessons.map((l) => ({
    slug: l.slug,
    // What a lesson quiz draws from: its lesson-scope questions.
    questions: l.questions
      .filter((q) => (q.scope ?? "lesson") === "lesson")
      .map((q) => ({ id: q.id, type: q.type, evidence: q.evidence, skill: q.skill })),
  }));
});

const lines = (q: DrawCandidate) => (q.evidence ?? "").split("\n");
/** Two evidence lines share a sentence: equal, or one cites the other whole beside a neighbour. */
const sameSentence = (a: string, b: string) =>
  a === b || a.split(/(?<=[.!?"]) /).includes(b) || b.split(/(?<=[.!?"]) /).includes(a);
const collide = (a: DrawCandidate, b: DrawCandidate) =>
  lines(a).some((l) => lines(b).some((m) => sameSentence(l, m)));

/** Largest set of pairwise compatible questions among `qs` (banks per lesson are small). */
function mostCompatible(qs: readonly DrawCandidate[]): number {
  let best = 0;
  const grow = (i: number, chosen: DrawCandidate[]) => {
    best = Math.max(best, chosen.length);
    for (let j = i; j < qs.length; j++) {
      const q = qs[j]!;
      if (!chosen.some((c) => collide(c, q))) grow(j + 1, [...chosen, q]);
    }
  };
  grow(0, []);
  return best;
}

/** Most types one quiz holding `base` can have: one question of each, pairwise on different sentences. */
function mostTypes(
  byType: readonly (readonly DrawCandidate[])[],
  base: readonly DrawCandidate[] = [],
): number {
  let best = 0;
  const grow = (i: number, chosen: DrawCandidate[]) => {
    best = Math.max(best, new Set(chosen.map((c) => c.type)).size);
    if (i >= byType.length) return;
    for (const q of byType[i]!) if (!chosen.some((c) => collide(c, q))) grow(i + 1, [...chosen, q]);
    grow(i + 1, chosen);
  };
  grow(0, [...base]);
  return best;
}

/** Kinds the draw keeps a sentence for even against the understanding share. */
const RARE = new Set(["ordering", "matching"]);

/** Each lesson's draws, and its chronology or matching questions that are the only one of their kind. */
function draws(lesson: Lesson) {
  const byId = new Map(lesson.questions.map((q) => [q.id, q] as const));
  const soleOfType = lesson.questions.filter(
    (q) => RARE.has(q.type) && lesson.questions.filter((o) => o.type === q.type).length === 1,
  );
  const drawn = Array.from({ length: SEEDS }, (_, seed) =>
    drawQuestionIds(lesson.questions, none, seed).map((id) => byId.get(id)!),
  );
  return { soleOfType, drawn };
}

describe("lesson quiz draws over the real bank", () => {
  it("the bank has lessons with a chronology or matching question that is the only one of its kind", () => {
    const sole = lessons.flatMap((l) => draws(l).soleOfType.map((q) => ({ l, q })));
    expect(sole.length).toBeGreaterThan(0);
  });

  it("every question that is the only one of its type in its lesson is in every fresh draw, unless its type and the one that took its sentence cannot both be drawn", () => {
    for (const lesson of lessons) {
      const { soleOfType, drawn } = draws(lesson);
      for (const [seed, quiz] of drawn.entries()) {
        for (const q of soleOfType) {
          if (quiz.includes(q)) continue;
          const crowdedBy = quiz.filter((c) => collide(c, q));
          const exclusive = (c: DrawCandidate) =>
            lesson.questions.filter((o) => o.type === c.type).every((o) => collide(o, q));
          expect(
            crowdedBy.length > 0 && crowdedBy.every(exclusive),
            `${lesson.slug} seed ${seed}: ${q.type} ${q.id} crowded out by ${crowdedBy.map((c) => c.type).join()}`,
          ).toBe(true);
        }
      }
    }
  });

  it("never two questions on one evidence sentence; as many types as the sentences allow beside its understanding questions", () => {
    for (const lesson of lessons) {
      const types = [...new Set(lesson.questions.map((q) => q.type))];
      for (const [seed, quiz] of draws(lesson).drawn.entries()) {
        const used = quiz.flatMap(lines);
        expect(new Set(used).size, `${lesson.slug} seed ${seed}`).toBe(used.length);
        expect(quiz.length).toBeLessThanOrEqual(DEFAULT_QUIZ_LENGTH);
        const und = quiz.filter((q) => understanding.has(q.skill ?? ""));
        const byType = types.map((t) =>
          und.some((u) => u.type === t) ? [] : lesson.questions.filter((q) => q.type === t),
        );
        const most = mostTypes(byType, und);
        expect(new Set(quiz.map((q) => q.type)).size, `${lesson.slug} seed ${seed}`).toBe(most);
      }
    }
  });

  it("keeps 30 % understanding whenever the bank has it beside the lesson's sole-type questions", () => {
    for (const lesson of lessons) {
      const { soleOfType, drawn } = draws(lesson);
      const reserved = Math.ceil(
        UNDERSTANDING_SHARE * Math.min(DEFAULT_QUIZ_LENGTH, lesson.questions.length),
      );
      for (const [seed, quiz] of drawn.entries()) {
        const kept = soleOfType.filter((q) => quiz.includes(q));
        const und = lesson.questions.filter(
          (q) => understanding.has(q.skill ?? "") && !kept.some((k) => k !== q && collide(k, q)),
        );
        const got = quiz.filter((q) => understanding.has(q.skill ?? "")).length;
        expect(got, `${lesson.slug} seed ${seed}`).toBeGreaterThanOrEqual(
          Math.min(reserved, mostCompatible(und)),
        );
      }
    }
  });

  it("a missed sole-type question comes back once the unseen questions on its sentences have been met", () => {
    for (const lesson of lessons) {
      const { soleOfType } = draws(lesson);
      for (const q of soleOfType) {
        const twins = lesson.questions.filter((o) => o !== q && collide(o, q));
        // A type whose every question shares q's sentence can never sit beside it: not q's to claim.
        const exclusive = twins.some((t) =>
          lesson.questions.filter((o) => o.type === t.type).every((o) => collide(o, q)),
        );
        if (exclusive) continue;
        for (let seed = 0; seed < 50; seed++) {
          const seen = new Set<string>();
          const hits: number[] = [];
          for (let attempt = 1; attempt <= 2 + twins.length; attempt++) {
            // Every attempt submitted blank: all it drew is missed.
            const ids = drawQuestionIds(
              lesson.questions,
              { seen, missed: new Set(seen) },
              seed * 97 + attempt,
            );
            if (ids.includes(q.id)) hits.push(attempt);
            for (const id of ids) seen.add(id);
          }
          expect(hits[0], `${lesson.slug} ${q.type} seed ${seed}`).toBe(1);
          expect(hits.length, `${lesson.slug} ${q.type} seed ${seed}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it("stays seeded and random: the same seed gives the same quiz, seeds vary it where the bank allows", () => {
    for (const lesson of lessons) {
      const { drawn } = draws(lesson);
      const again = drawQuestionIds(lesson.questions, none, 7);
      expect(again).toEqual(drawQuestionIds([...lesson.questions].reverse(), none, 7));
      const distinct = new Set(drawn.map((quiz) => quiz.map((q) => q.id).join()));
      if (lesson.questions.length > 1) expect(distinct.size, lesson.slug).toBeGreaterThan(1);
    }
  });
});
