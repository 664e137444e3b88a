/**
 * The question-bank pipeline: lessons in, question bank out.
 *
 *   guide ─▶ gazetteer (typed names from the text) ─▶ sentence analysis (standalone? keys?)
 *         ─▶ overgenerate (MC, cloze, true/false per key; ordering, matching per lesson)
 *         ─▶ hard filters + ranking ─▶ selection per lesson (one question per fact first,
 *            spread across kinds of fact, then more forms until the lesson's minimum)
 *
 * Pure and deterministic: no clock, no Math.random, code-point sorting only.
 */
import type { Guide, Lesson, ReadingItem } from "@/app/lib/content/types";
import type { FactKind, LessonBank, Question, QuestionBank } from "../types";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version";
import { analyseLesson, type SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { buildFillBlank, buildMultipleChoice, buildTrueFalse } from "./choice-builders";
import type { DistractorContext } from "./distractors";
import { buildGazetteer, type Gazetteer } from "./gazetteer";
import { hash64 } from "./hash";
import { buildMatching } from "./matching";
import { buildOrdering, moduleEvents, type DatedEvent } from "./ordering";
import { citationAuthors } from "./text";
import { findTimes } from "./time";

/** Lessons at least this long must yield LONG_MIN questions; every lesson at least SHORT_MIN. */
export const LONG_LESSON_WORDS = 700;
export const LONG_MIN = 30;
export const SHORT_MIN = 8;
const MIN_SCORE = 0.3;

export function minimumFor(lesson: Pick<Lesson, "wordCount">): number {
  return lesson.wordCount >= LONG_LESSON_WORDS ? LONG_MIN : SHORT_MIN;
}

export interface GenerationContext {
  gaz: Gazetteer;
  authors: Set<string>;
  guideYears: Set<number>;
}

function allSentences(guide: Guide): { lessonSlug: string; text: string }[] {
  const out: { lessonSlug: string; text: string }[] = [];
  for (const m of guide.modules) {
    for (const l of m.lessons) {
      for (const s of l.sections) {
        for (const b of s.blocks) {
          if (b.kind === "caption") continue;
          for (const t of b.sentences) out.push({ lessonSlug: l.slug, text: t });
        }
      }
    }
  }
  return out;
}

export function buildContext(guide: Guide): GenerationContext {
  const sentences = allSentences(guide);
  const authors = citationAuthors(sentences.map((s) => s.text));
  const gaz = buildGazetteer(sentences);
  const guideYears = new Set<number>();
  for (const s of sentences) for (const t of findTimes(s.text)) if (t.year) guideYears.add(t.year);
  return { gaz, authors, guideYears };
}

function candidatesFor(
  sentences: SentenceInfo[],
  ctx: DistractorContext,
  events: readonly DatedEvent[],
  long: boolean,
  reading: readonly ReadingItem[],
  lessonText: string,
): Candidate[] {
  const out: Candidate[] = [];
  for (const info of sentences) {
    for (const key of info.keys) {
      const mc = buildMultipleChoice(info, key, ctx);
      const fb = buildFillBlank(info, key, ctx);
      // Alternate which form a fact is first asked in, so typed answers are common too.
      if (mc && fb && parseInt(hash64(`${info.evidence}|${key.start}`).slice(0, 2), 16) % 5 < 2)
        fb.score += 0.08;
      // The typed form's small handicap only breaks ties with its multiple-choice twin.
      if (!mc && fb) fb.score += 0.05;
      if (mc) out.push(mc);
      if (fb) out.push(fb);
    }
    // Alternate true and false statements (by content hash) so both answers are common.
    const wantFalse = parseInt(hash64(info.evidence).slice(0, 2), 16) % 2 === 0;
    const tf =
      buildTrueFalse(info, info.keys, ctx, sentences, wantFalse) ??
      (wantFalse ? buildTrueFalse(info, info.keys, ctx, sentences, false) : null);
    if (tf) out.push(tf);
  }
  const slug = sentences[0]?.lessonSlug;
  const moduleSlug = sentences[0]?.moduleSlug;
  if (slug && moduleSlug) out.push(...buildOrdering(slug, moduleSlug, events, long ? 3 : 2));
  out.push(...buildMatching(sentences, reading, lessonText));
  return out;
}

function select(
  cands: Candidate[],
  minimum: number,
  shortLesson: boolean,
  wordsOf: ReadonlyMap<number, number>,
): Candidate[] {
  // Short lessons have few sentences; let a rich sentence carry more of their questions.
  const maxLoad = shortLesson ? 6 : 4;
  const ranked = cands
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.question.id < b.question.id ? -1 : 1));
  const chosen: Candidate[] = [];
  const facts = new Set<string>();
  const perSentence = new Map<number, number>();
  const perKind = new Map<FactKind, number>();
  const perAnswer = new Map<string, number>();
  const answerOf = (c: Candidate) =>
    typeof c.question.answer === "string" && c.question.type !== "true_false" ? c.question.answer : "";
  const take = (c: Candidate) => {
    chosen.push(c);
    facts.add(`${c.fact}|${c.question.type}`);
    facts.add(c.fact);
    for (const s of c.sentences)
      if (c.sentences.length === 1) perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
    perKind.set(c.question.keyKind, (perKind.get(c.question.keyKind) ?? 0) + 1);
    perAnswer.set(answerOf(c), (perAnswer.get(answerOf(c)) ?? 0) + 1);
  };
  const sentenceLoad = (c: Candidate) =>
    c.sentences.length === 1 ? (perSentence.get(c.sentences[0]!) ?? 0) : 0;
  // A long sentence states more facts: let it carry a third question in the first pass.
  const firstPassCap = (c: Candidate) => {
    const w = c.sentences.length === 1 ? (wordsOf.get(c.sentences[0]!) ?? 0) : 0;
    return w >= 40 ? 4 : w >= 15 ? 3 : 2;
  };
  // Pass 1: every fact once, two or three questions per sentence, no kind above 40 %.
  for (const c of ranked) {
    if (facts.has(c.fact) || sentenceLoad(c) >= firstPassCap(c)) continue;
    // The same answer over and over teaches little ("October Revolution" ×6).
    if (answerOf(c) && (perAnswer.get(answerOf(c)) ?? 0) >= 3) continue;
    const kindCount = perKind.get(c.question.keyKind) ?? 0;
    if (chosen.length >= 10 && kindCount > 0.4 * chosen.length && c.sentences.length === 1) continue;
    take(c);
  }
  // Pass 2: skipped facts, then second forms of the same fact, until the minimum is met.
  for (const relax of [1, 2]) {
    if (chosen.length >= minimum) break;
    for (const c of ranked) {
      if (chosen.length >= minimum) break;
      if (chosen.includes(c) || facts.has(`${c.fact}|${c.question.type}`)) continue;
      if (relax === 1 && (facts.has(c.fact) || sentenceLoad(c) >= 3)) continue;
      if (relax === 2 && sentenceLoad(c) >= maxLoad) continue;
      take(c);
    }
  }
  // Every type the lesson can support appears at least once (variety on retakes).
  for (const type of ["true_false", "fill_blank", "multiple_choice", "ordering", "matching"]) {
    if (chosen.some((c) => c.question.type === type)) continue;
    const best = ranked.find((c) => c.question.type === type && !chosen.includes(c));
    if (best) take(best);
  }
  return chosen;
}

/** Places the lesson names (captions included), and those it writes as one ("Turkestan/Central Asia"). */
function placesOf(
  lesson: Lesson,
  gaz: Gazetteer,
): { lessonPlaces: Set<string>; equatedPlaces: Map<string, string[]> } {
  const lessonPlaces = new Set<string>();
  const equatedPlaces = new Map<string, string[]>();
  for (const s of lesson.sections) {
    for (const b of s.blocks) {
      for (const t of b.kind === "caption" ? [b.text] : b.sentences) {
        const ms = gaz.find(t).filter((m) => m.entity.kind === "place");
        for (const m of ms) lessonPlaces.add(m.entity.canonical);
        for (let i = 0; i + 1 < ms.length; i++) {
          const a = ms[i]!;
          const c = ms[i + 1]!;
          if (!/^\s*\/\s*$/.test(t.slice(a.end, c.start))) continue;
          const add = (x: string, y: string) => {
            const list = equatedPlaces.get(x) ?? [];
            if (!list.includes(y)) list.push(y);
            equatedPlaces.set(x, list.sort());
          };
          add(a.entity.canonical, c.text);
          add(c.entity.canonical, a.text);
        }
      }
    }
  }
  return { lessonPlaces, equatedPlaces };
}

const TYPE_ORDER = ["multiple_choice", "fill_blank", "true_false", "ordering", "matching"];

function generateLesson(
  lesson: Lesson,
  sentences: SentenceInfo[],
  moduleLessons: Set<string>,
  events: readonly DatedEvent[],
  ctx: GenerationContext,
): Question[] {
  const { lessonPlaces, equatedPlaces } = placesOf(lesson, ctx.gaz);
  const dctx: DistractorContext = {
    gaz: ctx.gaz,
    lessonSlug: lesson.slug,
    moduleLessons,
    guideYears: ctx.guideYears,
    lessonPlaces,
    equatedPlaces,
  };
  const long = lesson.wordCount >= LONG_LESSON_WORDS;
  const lessonText = lesson.sections
    .flatMap((s) => s.blocks.filter((b) => b.kind !== "caption").map((b) => b.text))
    .join("\n");
  const cands = candidatesFor(sentences, dctx, events, long, lesson.furtherReading, lessonText);
  const wordsOf = new Map(sentences.map((s) => [s.index, s.words] as const));
  const chosen = select(cands, minimumFor(lesson), lesson.wordCount < 400, wordsOf);
  return chosen
    .sort(
      (a, b) =>
        (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0) ||
        TYPE_ORDER.indexOf(a.question.type) - TYPE_ORDER.indexOf(b.question.type) ||
        (a.question.id < b.question.id ? -1 : 1),
    )
    .map((c) => c.question);
}

/** The whole guide's question bank. Same guide + generator version → byte-identical JSON. */
export function generateQuestionBank(guide: Guide): QuestionBank {
  const ctx = buildContext(guide);
  const lessons: LessonBank[] = [];
  for (const m of guide.modules) {
    const moduleLessons = new Set(m.lessons.map((l) => l.slug));
    const analysed = m.lessons.map((l) => analyseLesson(l, m.slug, ctx.gaz, ctx.authors));
    const events = moduleEvents(analysed);
    m.lessons.forEach((l, i) => {
      lessons.push({
        slug: l.slug,
        title: l.title,
        module: m.slug,
        questions: generateLesson(l, analysed[i]!, moduleLessons, events, ctx),
      });
    });
  }
  return { generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION }, lessons };
}

export { analyseLesson } from "./analyse";
export { buildGazetteer } from "./gazetteer";
