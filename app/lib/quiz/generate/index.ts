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
import type { Guide, Lesson } from "@/app/lib/content/types";
import {
  UNDERSTANDING_SKILLS,
  type FactKind,
  type LessonBank,
  type Question,
  type QuestionBank,
  type QuestionSkill,
} from "../types";
import { GENERATOR_NAME, GENERATOR_VERSION } from "../version";
import { analyseLesson, type SentenceInfo } from "./analyse";
import { BLANK, type Candidate } from "./candidate";
import {
  buildFillBlank,
  buildMultipleChoice,
  buildTrueFalse,
  contrastReversed,
  deathTollQuestion,
  negationDropped,
  sidesReversed,
  verbReversed,
} from "./choice-builders";
import type { DistractorContext } from "./distractors";
import { comparisonQuestions } from "./compare";
import { buildGazetteer, type Gazetteer } from "./gazetteer";
import { hash64 } from "./hash";
import { buildMatching } from "./matching";
import { buildOrdering, moduleEvents, type DatedEvent } from "./ordering";
import { citationAuthors } from "./text";
import { yesNoQuestions } from "./main-idea";
import { findTimes } from "./time";
import { framedVoice, publisherNames, unfitReason } from "./fit";
import { contentWords, wordCount } from "./text";
import {
  attributionQuestions,
  causalQuestions,
  claimQuestions,
  contrastQuestions,
  deedQuestions,
  definitionQuestions,
  pairPositionQuestions,
  positionQuestions,
  statementSkill,
  statesPosition,
} from "./understanding";

/** Lessons at least this long must yield LONG_MIN questions; every lesson at least SHORT_MIN. */
export const LONG_LESSON_WORDS = 700;
export const LONG_MIN = 16;
export const SHORT_MIN = 8;
/** Lessons under this many words state too few facts for a full quiz. */
export const TINY_LESSON_WORDS = 250;
export const TINY_MIN = 5;
const MIN_SCORE = 0.3;
/** A prompt a learner reads as one question (statement words, without the true/false lead). */
export const MAX_PROMPT_WORDS = 35;

/** Questions in one lesson quiz. */
export const QUIZ_LENGTH = 10;

/**
 * The bank size a lesson is filled to with recall questions. Lessons of 400+ words stop earlier
 * when their questions of understanding would fall under 30 % (never under one quiz's length).
 */
export function minimumFor(lesson: Pick<Lesson, "wordCount">): number {
  if (lesson.wordCount >= LONG_LESSON_WORDS) return LONG_MIN;
  return lesson.wordCount >= TINY_LESSON_WORDS ? SHORT_MIN : TINY_MIN;
}

export interface GenerationContext {
  gaz: Gazetteer;
  /** Bracketed glosses of names across the guide (typed answers accept either). */
  translations: Map<string, string[]>;
  authors: Set<string>;
  guideYears: Set<number>;
  /** Each module's publisher and author names (never a question's option). */
  publishers: Map<string, string[]>;
  /** Years each person is named with (their sentence's years, else the paragraph's): their era. */
  personYears?: Map<string, Set<number>>;
}

/** The last year named in the lesson up to each sentence (the lesson's running year). */
function lessonYearsOf(sentences: readonly SentenceInfo[]): Map<number, number> {
  const out = new Map<number, number>();
  let last: number | null = null;
  for (const s of [...sentences].sort((a, b) => a.index - b.index)) {
    for (const t of s.times) if (t.year) last = t.year;
    if (last) out.set(s.index, last);
  }
  return out;
}

function personYearsOf(sentences: readonly SentenceInfo[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const s of sentences) {
    const own = s.times.map((t) => t.year).filter((y): y is number => !!y);
    const years = own.length > 0 ? own : s.contextYear ? [s.contextYear] : [];
    for (const k of s.keys) {
      if (k.entity?.kind !== "person") continue;
      const set = out.get(k.entity.canonical) ?? new Set<number>();
      for (const y of years) set.add(y);
      out.set(k.entity.canonical, set);
    }
  }
  return out;
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
  // "Golos Truda ("The Voice of Labor")", "Basmachi (Russian for "raiders")": the text's own
  // translation of a name is as good a typed answer as the name.
  const translations = new Map<string, string[]>();
  for (const s of sentences)
    for (const m of s.text.matchAll(/\(\s*(?:Russian for |which means )?"([^"]{2,40})"[^)]*\)/g)) {
      const before = gaz.find(s.text.slice(0, m.index)).pop();
      if (!before || before.end < (m.index ?? 0) - 1) continue;
      const list = translations.get(before.entity.canonical) ?? [];
      const gloss = m[1]!.replace(/[.,]$/, "");
      if (!list.includes(gloss)) list.push(gloss);
      translations.set(before.entity.canonical, list.sort());
    }
  const publishers = new Map(guide.modules.map((m) => [m.slug, publisherNames(m.organisation, m.author)]));
  return { gaz, authors, guideYears, translations, publishers };
}

/** Words of the statement a prompt shows (true/false prompts carry a fixed lead). */
function shownWords(q: Question): number {
  return wordCount(q.prompt.replace(/^True or false\? According to the lesson: /, ""));
}

/** Five-letter stems of a text's content words. */
function stems(text: string): Set<string> {
  return new Set(contentWords(text).map((w) => w.slice(0, 5)));
}

/**
 * A fact question a teacher would not hand out: a prompt too long to read as one question, a key
 * whose words stand in the lesson title or elsewhere in the prompt, a key singled out by the module
 * title, or an article before the blank that fits only some of the choices.
 */
function giveaway(q: Question, title: string, moduleTitle: string): boolean {
  if (shownWords(q) > MAX_PROMPT_WORDS) return true;
  if (q.type !== "multiple_choice" && q.type !== "fill_blank") return false;
  const keyStems = [...stems(q.answer)];
  const titleStems = stems(title);
  if (keyStems.some((w) => titleStems.has(w))) return true;
  if (moduleTitleGiveaway(q, moduleTitle)) return true;
  if (pointElsewhere(q)) return true;
  const rest = stems(q.prompt.replace(BLANK, " "));
  if (keyStems.some((w) => rest.has(w))) return true;
  // Another name the typed answer accepts ("the Bolsheviks" for "the Reds") must not stand there either.
  if (q.type === "fill_blank") {
    const other = q.accepted
      .filter(
        (a) => !/^(?:the )?(?:Tsar|General)\b/i.test(a) && ![...stems(a)].some((w) => keyStems.includes(w)),
      )
      .flatMap((a) => [...stems(a)]);
    if (other.some((w) => rest.has(w))) return true;
    // A title it accepts ("the Tsar") told by a word of the prompt built on it ("Tsarism").
    const shown = contentWords(q.prompt.replace(BLANK, " ")).map((w) => w.toLowerCase());
    const titles = q.accepted.flatMap((a) => /^(?:the )?(Tsar|Czar|Emperor|King)$/i.exec(a)?.[1] ?? []);
    if (titles.some((t) => shown.some((w) => w.startsWith(t.toLowerCase())))) return true;
  }
  if (q.type === "multiple_choice" && /\b(?:a|an|A|An)\s+_____/.test(q.prompt)) return true;
  return false;
}

/**
 * A blank that misses the sentence's point: the clause after ", yet" turns what the blanked clause
 * says ("the CheKa abolished it, yet in May it was re-established": the learner is handed the point
 * and asked for a name); a blank in a "while …" side clause dates a claim by someone's life.
 */
export function pointElsewhere(q: Question): boolean {
  const at = q.prompt.indexOf(BLANK);
  if (at < 0) return false;
  if (/,\s+yet\s/.test(q.prompt.slice(at))) return true;
  return /\b(?:while|whilst)\s+(?:the\s+)?_____/.test(q.prompt);
}

/**
 * The module's title heads every quiz of it: "October Revolution" among other revolutions under
 * "Hail the October Revolution" needs no reading. A key word counts when no distractor shares it
 * (a choice) or when it is not the word naming the key's kind (a typed answer: "Revolution").
 */
export function moduleTitleGiveaway(q: Question, moduleTitle: string): boolean {
  // Whole words: "Revolutionary Military Committee" is not told by "Revolution".
  const words = (t: string) => new Set(contentWords(t).map((w) => w.toLowerCase()));
  const titleWords = words(moduleTitle);
  if (q.type === "multiple_choice") {
    const others = q.choices.filter((c) => c !== q.answer).map(words);
    return [...words(q.answer)].some((w) => titleWords.has(w) && !others.some((o) => o.has(w)));
  }
  if (q.type === "fill_blank")
    return contentWords(q.answer)
      .slice(0, -1)
      .some((w) => titleWords.has(w));
  return false;
}

function candidatesFor(
  sentences: SentenceInfo[],
  ctx: DistractorContext,
  events: readonly DatedEvent[],
  long: boolean,
  lessonText: string,
  title: string,
  moduleTitle: string,
): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | null) => {
    if (!c) return;
    const question = framedVoice(c.question);
    if (!giveaway(question, title, moduleTitle)) out.push({ ...c, question });
  };
  for (const info of sentences) {
    for (const key of info.keys) {
      const mc = buildMultipleChoice(info, key, ctx);
      const fb = buildFillBlank(info, key, ctx);
      // Alternate which form a fact is first asked in, so typed answers are common too.
      if (mc && fb && parseInt(hash64(`${info.evidence}|${key.start}`).slice(0, 2), 16) % 5 < 2)
        fb.score += 0.08;
      // The typed form's small handicap only breaks ties with its multiple-choice twin.
      if (!mc && fb) fb.score += 0.05;
      push(mc);
      push(fb);
    }
    push(deathTollQuestion(info));
    // Alternate true and false statements (by content hash) so both answers are common.
    const wantFalse = parseInt(hash64(info.evidence).slice(0, 2), 16) % 2 === 0;
    // Who did what to whom, reversed, is the clearest false statement a sentence gives: it goes first.
    // A negation dropped or a preference reversed is as clearly false: false statements are scarce.
    const verbFalse = wantFalse ? verbReversed(info) : null;
    const tf =
      sidesReversed(info, info.keys) ??
      contrastReversed(info) ??
      negationDropped(info) ??
      verbFalse ??
      buildTrueFalse(info, info.keys, ctx, sentences, wantFalse) ??
      (wantFalse ? buildTrueFalse(info, info.keys, ctx, sentences, false) : null);
    // Where a side stood or what it did to another is a position, whichever way the statement goes;
    // a writer's argument or the lesson's judgment, stated as written or with its stance reversed,
    // is an attribution or a claim (a statement false by a swapped name still tests the name).
    const swapped = tf?.question.answer === "False" && tf.question.skill !== "claim" && tf !== verbFalse;
    const judged = tf && !swapped ? statementSkill(info) : null;
    // A writer's argument is asked as written: denied, it is no longer what they argued.
    const skill =
      tf && statesPosition(info)
        ? "position"
        : judged === "attribution" && tf?.question.answer === "False"
          ? null
          : judged;
    // (Its worth is the stance it states, not the names it happens to carry.)
    push(tf && skill ? { ...tf, score: Math.max(tf.score, 0.5), question: { ...tf.question, skill } } : tf);
  }
  const slug = sentences[0]?.lessonSlug;
  const moduleSlug = sentences[0]?.moduleSlug;
  if (slug && moduleSlug) out.push(...buildOrdering(slug, moduleSlug, events, long ? 3 : 2));
  // Pairs from the lesson's own sentences only (a reading list's titles and authors are not quiz material).
  out.push(...buildMatching(sentences, [], lessonText));
  out.push(...positionQuestions(sentences, ctx));
  return out;
}

export function skillOf(q: Question): QuestionSkill {
  if (q.skill) return q.skill;
  if (q.type === "ordering") return "sequence";
  if (q.type === "matching") return "pairing";
  return "fact";
}

const isUnderstanding = (c: Candidate) => UNDERSTANDING_SKILLS.has(skillOf(c.question));
const isDate = (c: Candidate) =>
  c.question.keyKind === "time" &&
  (c.question.type !== "true_false" || /\b1[89]\d\d\b/.test(c.question.prompt));

function select(
  cands: Candidate[],
  minimum: number,
  shortLesson: boolean,
  wordsOf: ReadonlyMap<number, number>,
  lessonWords: number,
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
    // A draw never puts two questions on one sentence: every question uses up its sentences, so
    // the bank spreads over as many sentences as it can (and a quiz can be full).
    for (const s of c.sentences) perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
    perKind.set(c.question.keyKind, (perKind.get(c.question.keyKind) ?? 0) + 1);
    perAnswer.set(answerOf(c), (perAnswer.get(answerOf(c)) ?? 0) + 1);
  };
  const sentenceLoad = (c: Candidate) => Math.max(0, ...c.sentences.map((s) => perSentence.get(s) ?? 0));
  // Understanding questions first: every one the lesson supports (a sentence carries at most two).
  const understandingLoad = new Map<number, number>();
  for (const c of ranked) {
    if (!isUnderstanding(c) || facts.has(c.fact)) continue;
    const s = c.sentences[0] ?? -1;
    if ((understandingLoad.get(s) ?? 0) >= 2) continue;
    understandingLoad.set(s, (understandingLoad.get(s) ?? 0) + 1);
    if (answerOf(c) && (perAnswer.get(answerOf(c)) ?? 0) >= 3) continue;
    take(c);
  }
  // (A module-test question is not in the lesson quiz: it does not lift the lesson's cap.)
  const understanding = chosen.filter((c) => !c.question.evidenceLessons).length;
  // The rest are facts, sequences and pairs: in lessons of 400+ words at most 70 % of the bank
  // (a lesson with no question of understanding keeps a quiz's worth of recall).
  const cap =
    lessonWords >= 400
      ? (understanding > 0 ? Math.floor(understanding / 0.3) : QUIZ_LENGTH) + chosen.length - understanding
      : Infinity;
  const dates = () => chosen.filter(isDate).length;
  // Dates at most a fifth of what the lesson ends up with (estimated by the cap or the minimum).
  const dateCap = (extra: number) =>
    dates() + extra <= 0.2 * Math.min(cap, Math.max(minimum, chosen.length + 1));
  // First one question per sentence; a long sentence may carry a second one later.
  const firstPassCap = () => 1;
  // Chronology and matching of the lesson's own text before single facts: they set facts in relation.
  // So does the module test's chronology of the lesson's events (it still yields to the date cap and
  // to sentences already asked about).
  const structured = (c: Candidate) =>
    (c.question.type === "ordering" || c.question.type === "matching") && !c.question.evidenceLessons;
  const moduleChronology = (c: Candidate) =>
    c.question.type === "ordering" && Boolean(c.question.evidenceLessons);
  const others = [
    ...ranked.filter((c) => !isUnderstanding(c) && structured(c)),
    ...ranked.filter((c) => !isUnderstanding(c) && moduleChronology(c)),
    ...ranked.filter((c) => !isUnderstanding(c) && !structured(c) && !moduleChronology(c)),
  ];
  // Pass 1: every fact once, one question per sentence, no kind above 40 %.
  for (const c of others) {
    if (chosen.length >= cap) break;
    // (Chronology and matching span several sentences; the draw keeps them apart from the rest.)
    if (facts.has(c.fact) || (!structured(c) && sentenceLoad(c) >= firstPassCap())) continue;
    if (isDate(c) && !dateCap(1)) continue;
    // The same answer over and over teaches little ("October Revolution" ×6).
    if (answerOf(c) && (perAnswer.get(answerOf(c)) ?? 0) >= 3) continue;
    const kindCount = perKind.get(c.question.keyKind) ?? 0;
    if (chosen.length >= 10 && kindCount > 0.4 * chosen.length && c.sentences.length === 1) continue;
    take(c);
  }
  // Pass 2: skipped facts, then second forms of the same fact, until the minimum is met.
  for (const relax of [1, 2]) {
    if (chosen.length >= Math.min(minimum, cap)) break;
    for (const c of others) {
      if (chosen.length >= Math.min(minimum, cap)) break;
      if (chosen.includes(c) || facts.has(`${c.fact}|${c.question.type}`)) continue;
      if (isDate(c) && !dateCap(1)) continue;
      // A sentence already asked about is not also copied out as a true statement: true/false
      // would lean further to "true", and the statement shows what the other question blanks.
      // (A lesson with few usable sentences still takes them last.)
      if (
        relax === 1 &&
        c.question.type === "true_false" &&
        c.question.answer === "True" &&
        sentenceLoad(c) >= 1
      )
        continue;
      if (
        relax === 1 &&
        (facts.has(c.fact) || sentenceLoad(c) >= 2 || (wordsOf.get(c.sentences[0] ?? -1) ?? 0) < 30)
      )
        continue;
      if (relax === 2 && sentenceLoad(c) >= maxLoad) continue;
      take(c);
    }
  }
  // Every type the lesson can support appears at least once (variety on retakes).
  // At the cap, the type gets the place of the last recall question of a type the lesson has twice.
  for (const type of ["true_false", "fill_blank", "multiple_choice", "ordering", "matching"]) {
    if (chosen.some((c) => c.question.type === type)) continue;
    const best = ranked.find(
      (c) => c.question.type === type && !chosen.includes(c) && (!isDate(c) || dateCap(1)),
    );
    if (!best) continue;
    if (chosen.length >= cap) {
      // (Only for the lesson quiz's own variety: a module-test question takes no lesson place.)
      if (best.question.evidenceLessons) continue;
      const twice = (t: string) => chosen.filter((c) => c.question.type === t).length >= 2;
      const victim = [...chosen]
        .reverse()
        .find((c) => !isUnderstanding(c) && !structured(c) && twice(c.question.type));
      if (!victim) continue;
      chosen.splice(chosen.indexOf(victim), 1);
    }
    take(best);
  }
  // The estimate above can overshoot in a short lesson: drop the weakest dates until they are at
  // most a fifth of what was chosen.
  while (chosen.length > 0 && chosen.filter(isDate).length > 0.2 * chosen.length) {
    const weakest = [...chosen].reverse().find(isDate)!;
    chosen.splice(chosen.indexOf(weakest), 1);
  }
  return chosen;
}

/** Places the lesson names (captions included), and those it writes as one ("Turkestan/Central Asia"). */
export function placesOf(
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
  moduleCandidates: readonly Candidate[],
  moduleTitle: string,
  keepAll: "no" | "fit" | "built" = "no",
): Question[] {
  const { lessonPlaces, equatedPlaces } = placesOf(lesson, ctx.gaz);
  const dctx: DistractorContext = {
    gaz: ctx.gaz,
    lessonSlug: lesson.slug,
    moduleLessons,
    guideYears: ctx.guideYears,
    lessonPlaces,
    equatedPlaces,
    translations: ctx.translations,
    personYears: ctx.personYears,
    lessonYears: lessonYearsOf(sentences),
    // Any module's publisher: its name is no option in another module's quiz either.
    excluded: [...new Set([...ctx.publishers.values()].flat())].sort(),
  };
  const long = lesson.wordCount >= LONG_LESSON_WORDS;
  const lessonText = lesson.sections
    .flatMap((s) => s.blocks.filter((b) => b.kind !== "caption").map((b) => b.text))
    .join("\n");
  const publishers = ctx.publishers.get(lesson.moduleSlug) ?? [];
  const fit = { publishers };
  const built = [
    ...candidatesFor(sentences, dctx, events, long, lessonText, lesson.title, moduleTitle),
    ...moduleCandidates.filter((c) => c.question.lessonSlug === lesson.slug),
  ];
  if (keepAll === "built") return built.map((c) => withSkillAndScope(c.question));
  const cands = built.filter((c) => unfitReason(c.question, fit) === null);
  if (keepAll === "fit") return cands.map((c) => withSkillAndScope(c.question));
  const wordsOf = new Map(sentences.map((s) => [s.index, s.words] as const));
  const chosen = select(cands, minimumFor(lesson), lesson.wordCount < 400, wordsOf, lesson.wordCount);
  return chosen
    .sort(
      (a, b) =>
        (a.sentences[0] ?? 0) - (b.sentences[0] ?? 0) ||
        TYPE_ORDER.indexOf(a.question.type) - TYPE_ORDER.indexOf(b.question.type) ||
        (a.question.id < b.question.id ? -1 : 1),
    )
    .map((c) => withSkillAndScope(c.question));
}

/** Every question names its skill and scope (module when it needs more than its own lesson). */
function withSkillAndScope(q: Question): Question {
  const { generatorVersion, ...rest } = q;
  return {
    ...rest,
    skill: skillOf(q),
    scope: q.evidenceLessons ? "module" : (q.scope ?? "lesson"),
    generatorVersion,
  };
}

/** The whole guide's question bank. Same guide + generator version → byte-identical JSON. */
export function generateQuestionBank(guide: Guide): QuestionBank {
  return generate(guide, "no");
}

/**
 * Every candidate the rules build, before ranking and selection: the hard filters (giveaways,
 * distractor rules, standalone prompts) apply to all of them, so tests check those rules here.
 * `beforeLastChecks` also keeps what the last checks (`fit.ts`) drop, for tests of the distractor
 * rules on questions those checks remove for other reasons.
 */
export function generateCandidates(guide: Guide, beforeLastChecks = false): QuestionBank {
  return generate(guide, beforeLastChecks ? "built" : "fit");
}

function generate(guide: Guide, keepAll: "no" | "fit" | "built"): QuestionBank {
  const ctx = buildContext(guide);
  const lessons: LessonBank[] = [];
  const analysedByModule = guide.modules.map((m) =>
    m.lessons.map((l) => analyseLesson(l, m.slug, ctx.gaz, ctx.authors)),
  );
  const guideSentences = analysedByModule.flat(2);
  ctx.personYears = personYearsOf(guideSentences);
  // Two texts judged against each other: module-test questions of the shorter text's module.
  const comparisons = comparisonQuestions(
    guide.modules.map((m, mi) => ({
      slug: m.slug,
      title: m.title,
      sentences: analysedByModule[mi]!.flat(),
      words: m.lessons.reduce((n, l) => n + l.wordCount, 0),
    })),
    ctx.gaz,
  );
  for (const [mi, m] of guide.modules.entries()) {
    const moduleLessons = new Set(m.lessons.map((l) => l.slug));
    const analysed = analysedByModule[mi]!;
    const events = moduleEvents(analysed);
    const all = analysed.flat();
    const moduleCandidates = [
      ...causalQuestions(all, guideSentences, ctx.gaz),
      ...attributionQuestions(
        m.lessons.map((l, i) => ({ lesson: l, sentences: analysed[i]! })),
        ctx.gaz,
      ),
      ...definitionQuestions(all, guideSentences, ctx.gaz),
      ...deedQuestions(all),
      ...claimQuestions(all),
      ...contrastQuestions(all, ctx.gaz),
      ...pairPositionQuestions(all, ctx.gaz),
      ...yesNoQuestions(m.lessons.map((l, i) => ({ lesson: l, sentences: analysed[i]! }))),
      ...comparisons.filter((c) => c.question.moduleSlug === m.slug),
    ];
    m.lessons.forEach((l, i) => {
      lessons.push({
        slug: l.slug,
        title: l.title,
        module: m.slug,
        questions: generateLesson(
          l,
          analysed[i]!,
          moduleLessons,
          events,
          ctx,
          moduleCandidates,
          m.title,
          keepAll,
        ),
      });
    });
  }
  return { generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION }, lessons };
}

export { analyseLesson } from "./analyse";
export { buildGazetteer } from "./gazetteer";
