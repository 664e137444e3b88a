/**
 * Held-out key-fact coverage: how many of the teacher's key facts (key-facts.fixture.ts) the
 * bank asks about. A fact is covered when a question of its lesson
 *  - has it as its key (multiple choice / fill-in: answer or an accepted spelling, normalised)
 *    with the fact's sentence as evidence, or
 *  - tests it in a true/false question on that sentence (a true statement covers the facts it
 *    states; a false one only the fact it swapped out), or
 *  - has the sentence as an evidence line of an ordering/matching question whose answer holds it.
 * The floors sit a few points below what the generator achieves, so only a real regression fails.
 * Generator 2.x asks fewer recall questions (dates capped, giveaways and long prompts dropped) in
 * favour of questions of understanding, so coverage of recall facts is lower than under 1.x.
 * KEY_FACTS_REPORT=1 prints the per-lesson table (KEY_FACTS_MISSED=1 also lists what is missed).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import { generateCandidates, generateQuestionBank } from "./generate";
import { normaliseAnswer } from "./marking";
import type { QuestionBank } from "./types";
import { KEY_FACTS, coversKeyFact as covers } from "./key-facts.fixture";

let bank: QuestionBank;
beforeAll(() => {
  bank = generateQuestionBank(getGuide());
});

const has = (hay: string, needle: string) =>
  ` ${normaliseAnswer(hay)} `.includes(` ${normaliseAnswer(needle)} `);

/** Coverage floors (per cent of the lesson's key facts, and overall): raise them when the bank improves. */
const OVERALL_FLOOR = 36;
/** Lessons with at least a quarter of their key facts asked (argumentative lessons ask few facts). */
const LESSONS_AT_25 = 15;

/** Key facts any question the rules let through covers: what selection could reach at most. */
function ceiling(): number {
  const fit = generateCandidates(getGuide());
  return KEY_FACTS.filter((f) =>
    fit.lessons.find((l) => l.slug === f.lessonSlug)?.questions.some((q) => covers(q, f)),
  ).length;
}

describe("held-out key facts", () => {
  it("every fixture sentence is verbatim in its lesson", () => {
    const guide = getGuide();
    const text = new Map<string, string>();
    for (const m of guide.modules)
      for (const l of m.lessons)
        text.set(l.slug, l.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n"));
    for (const f of KEY_FACTS) {
      expect(text.get(f.lessonSlug), f.lessonSlug).toBeDefined();
      expect(text.get(f.lessonSlug)!.includes(f.sentence), f.sentence).toBe(true);
      expect(has(f.sentence, f.answer) || f.sentence.includes(f.answer), `${f.answer} in ${f.sentence}`).toBe(
        true,
      );
    }
  });

  it("the bank covers the key facts", () => {
    const rows: string[] = [];
    const missed: string[] = [];
    let covered = 0;
    const perLesson: Array<[string, number]> = [];
    for (const lesson of bank.lessons) {
      const facts = KEY_FACTS.filter((f) => f.lessonSlug === lesson.slug);
      if (facts.length === 0) continue;
      let n = 0;
      for (const f of facts) {
        if (lesson.questions.some((q) => covers(q, f))) n++;
        else missed.push(`${lesson.slug.slice(0, 24)} [${f.kind}] ${f.answer} — ${f.sentence}`);
      }
      covered += n;
      const pct = Math.round((100 * n) / facts.length);
      perLesson.push([lesson.slug, pct]);
      rows.push(
        `${lesson.slug.slice(0, 44).padEnd(46)}${String(n).padStart(3)}/${String(facts.length).padEnd(3)} ${String(pct).padStart(3)} %`,
      );
    }
    const overall = (100 * covered) / KEY_FACTS.length;
    const byKind = new Map<string, [number, number]>();
    for (const f of KEY_FACTS) {
      const lesson = bank.lessons.find((l) => l.slug === f.lessonSlug);
      const ok = !!lesson && lesson.questions.some((q) => covers(q, f));
      const [a, b] = byKind.get(f.kind) ?? [0, 0];
      byKind.set(f.kind, [a + (ok ? 1 : 0), b + 1]);
    }
    if (process.env.KEY_FACTS_REPORT || process.env.KEY_FACTS_MISSED)
      console.log(
        `key-fact coverage: ${covered}/${KEY_FACTS.length} (${overall.toFixed(1)} %)\n` +
          `ceiling (every candidate that passes the filters, before selection): ${ceiling()}/${KEY_FACTS.length}\n` +
          rows.join("\n") +
          `\nby kind: ${[...byKind].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(", ")}` +
          (process.env.KEY_FACTS_MISSED ? `\nmissed:\n${missed.join("\n")}` : ""),
      );
    expect(overall).toBeGreaterThanOrEqual(OVERALL_FLOOR);
    expect(perLesson.filter(([, pct]) => pct >= 25).length).toBeGreaterThanOrEqual(LESSONS_AT_25);
  });
});
