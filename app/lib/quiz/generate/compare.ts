/**
 * Questions that set two texts of a guide against each other ("How do the statement and the
 * article judge the October Revolution?").
 *
 * 1. A judging sentence names an event as its subject (at the sentence start or after a fronted
 *    phrase) and says what it was: "Fundamentally, the October Revolution was successful because…",
 *    "…, the Bolshevik seizure of power on October 25-26, 1917, arguably can be considered the
 *    beginning of its corruption". An unnamed seizure of power, insurrection or uprising dated in a
 *    month stands for the event the guide names after that month ("October Revolution"). "It was
 *    not a mere Bolshevik coup" right after a judging sentence judges the same event.
 * 2. The stance is the predicate up to the first comma or "and" (a predicate the sentence turns with
 *    "but", "yet" or "though" is no clear stance); its polarity comes from a small
 *    lexicon of judging words (successful, achievement; corruption, betrayal, coup), turned by "not
 *    a mere". wink-nlp's sentiment must not point the other way. A leftover pronoun ("its") is
 *    resolved to the sentence's other named event, else the stance is dropped.
 * 3. Only when every stance of one text on the event is positive and every stance of the other is
 *    negative is a question built: the key pairs each text with its stance; the distractors are
 *    the swapped pair and each stance given to both texts, each clearly contradicted by one text.
 *    Texts that agree give no question: "On which point do both agree?" would need distractors one
 *    text clearly contradicts, which judging sentences alone do not supply.
 * The question belongs to the shorter text's module (its evidence there comes first) and is a
 * module-test question: its evidence spans both texts.
 */
import { GENERATOR_VERSION } from "../version";
import type { SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { questionId } from "./choice-builders";
import type { Entity, Gazetteer } from "./gazetteer";
import { seededShuffle } from "./hash";
import { sentimentOf } from "./nlp";
import { MONTHS } from "./time";
import { wordCount } from "./text";

export interface ComparedText {
  slug: string;
  /** The text's title ("Red and Black October: An Anarchist Perspective…"; cut at the colon). */
  title: string;
  sentences: readonly SentenceInfo[];
  words: number;
}

export type Polarity = 1 | -1;

export interface Stance {
  topic: Entity;
  /** The judgment as a phrase ("successful because power was taken by the Soviets"). */
  text: string;
  polarity: Polarity;
  sentences: SentenceInfo[];
}

const POSITIVE =
  /\b(?:successful|a success|succeeded|(?:great|greater|greatest) achievement|triumph(?:ed)?)\b/i;
const NEGATIVE =
  /\b(?:corruption|degeneration|betrayal|betrayed|perversion|coup|putsch|palace revolution|disaster|disastrous|catastrophe)\b/i;
/** "not a mere coup": the judging word denied. */
const DENIED = /\bnot (?:a |an )?(?:mere|simply|just|only)\b/i;
const COPULA =
  /^\s*(?:(?:was|is|were)|(?:arguably |perhaps )?(?:can|could|may|might|should) (?:arguably )?be (?:considered|seen as|regarded as|described as)?)\s+/;
/** An unnamed event dated in a month: "the Bolshevik seizure of power on October 25-26, 1917". */
const DATED_EVENT = new RegExp(
  String.raw`\b(?:the )?(?:[A-Z][\w-]+ )?(?:seizure of power|insurrection|uprising|takeover|coup)\s+(?:on|in|of)\s+(${MONTHS.join("|")})\b[^.]{0,12}?\d{4},?`,
  "u",
);
/** Where a subject may start: the sentence start or right after a fronted phrase ("Fundamentally, "). */
const SUBJECT_LEAD = /(?:^|,\s)(?:the\s)?$/i;
const MAX_STANCE_WORDS = 12;
/** "the Russian Revolution", "the Civil War": an event named by its head noun (titles start "The"). */
const NAMED_EVENT = /\bthe ((?:[A-Z][\w-]+ )+(?:Revolution|War|Rebellion|Commune|Terror))\b/g;

/**
 * The polarity of a stance phrase, or null when it holds no judging word or judges both ways.
 * Joined judgments ("successful because …, not a mere coup") must all point one way.
 */
export function polarityOf(stance: string): Polarity | null {
  const parts = stance.split(/,\s/).map(partPolarity);
  if (parts.includes(null) || parts.length === 0) return null;
  return parts.every((p) => p === parts[0]) ? parts[0]! : null;
}

function partPolarity(stance: string): Polarity | null {
  const pos = POSITIVE.test(stance);
  const neg = NEGATIVE.test(stance);
  if (neg && DENIED.test(stance) && !pos) return 1;
  if (pos === neg) return null;
  const p: Polarity = pos ? 1 : -1;
  // The library's word-level sentiment must not read the phrase the other way.
  return sentimentOf(stance) * p < -0.3 ? null : p;
}

/** The event a month-dated unnamed event stands for ("October" → "October Revolution"). */
function monthEvent(month: string, gaz: Gazetteer): Entity | null {
  const found = gaz.entities.filter(
    (e) => e.kind === "event" && new RegExp(`^${month} Revolution$`).test(e.canonical),
  );
  return found.length === 1 ? found[0]! : null;
}

/** The predicate after a subject that ends at `end`: the stance phrase, or null. */
function predicate(
  text: string,
  end: number,
  sentence: string,
  topic: Entity,
  gaz: Gazetteer,
): string | null {
  let rest = text.slice(end);
  // "the October Revolution in Russia was …", "… on October 25-26, 1917, arguably …"
  rest = rest.replace(/^,?\s+in [A-Z][\w-]+(?=\s)/, "").replace(/^,\s*/, " ");
  const cop = COPULA.exec(rest);
  if (!cop) return null;
  const predicateText = rest.slice(cop[0].length);
  // A judgment the sentence itself turns ("played a vital role …, but after …") is no clear stance.
  if (/\b(?:but|yet|though|although|however)\b/i.test(predicateText)) return null;
  let stance = predicateText.split(/,\s|;\s|\s(?:and|while)\s/)[0]!;
  stance = stance.replace(/[.!?"]+$/, "").trim();
  if (/\b(?:arguably|perhaps)\b/.test(cop[0])) stance = `arguably ${stance}`;
  // "the beginning of its corruption": "its" is the one other event the sentence names before it.
  if (/\bits\b/.test(stance)) {
    const before = sentence.slice(0, end);
    const others = new Set([
      ...gaz
        .find(before)
        .filter((m) => m.entity.kind === "event" && m.entity !== topic)
        .map((m) => m.entity.canonical),
      ...[...before.matchAll(NAMED_EVENT)].map((m) => m[1]!).filter((n) => n !== topic.canonical),
    ]);
    if (others.size !== 1) return null;
    stance = stance.replace(/\bits\b/, `the ${[...others][0]!}'s`);
  }
  if (/\b(?:it|its|they|their|them|this|these|he|she|his|her)\b/i.test(stance)) return null;
  if (wordCount(stance) < 2 || wordCount(stance) > MAX_STANCE_WORDS) return null;
  return stance;
}

/** The judgments a text passes on named events, in reading order. */
export function findStances(sentences: readonly SentenceInfo[], gaz: Gazetteer): Stance[] {
  const out: Stance[] = [];
  let previous: { info: SentenceInfo; topic: Entity } | null = null;
  for (const info of sentences) {
    const text = info.evidence;
    let found: { topic: Entity; stance: string } | null = null;
    for (const m of gaz.find(text)) {
      if (m.entity.kind !== "event" || !SUBJECT_LEAD.test(text.slice(0, m.start))) continue;
      const stance = predicate(text, m.end, text, m.entity, gaz);
      if (stance) {
        found = { topic: m.entity, stance };
        break;
      }
    }
    const dated = found ? null : DATED_EVENT.exec(text);
    if (dated && SUBJECT_LEAD.test(text.slice(0, dated.index))) {
      const topic = monthEvent(dated[1]!, gaz);
      const stance = topic && predicate(text, dated.index + dated[0].length, text, topic, gaz);
      if (topic && stance) found = { topic, stance };
    }
    // "It was not a mere Bolshevik coup." right after a judgment of the event.
    const pointer = /^(?:It|This) (?=was|is)/.exec(text);
    if (!found && pointer && previous && previous.info.index === info.index - 1) {
      const stance = predicate(text, pointer[0].length - 1, text, previous.topic, gaz);
      if (stance) found = { topic: previous.topic, stance };
    }
    const polarity = found && polarityOf(found.stance);
    if (found && polarity) {
      const last = out[out.length - 1];
      // Consecutive judgments of one event the same way read as one stance.
      if (
        last &&
        last.topic === found.topic &&
        last.polarity === polarity &&
        previous?.info.index === info.index - 1 &&
        previous.info.lessonSlug === info.lessonSlug
      ) {
        last.text = `${last.text}, ${found.stance}`;
        last.sentences.push(info);
      } else out.push({ topic: found.topic, text: found.stance, polarity, sentences: [info] });
      previous = { info, topic: found.topic };
    } else previous = null;
  }
  return out;
}

/** A text's one clear stance on each event it judges (events it judges both ways are left out). */
function clearStances(stances: readonly Stance[]): Map<Entity, Stance> {
  const out = new Map<Entity, Stance>();
  const mixed = new Set<Entity>();
  for (const s of stances) {
    const first = out.get(s.topic);
    if (!first) out.set(s.topic, s);
    else if (first.polarity !== s.polarity) mixed.add(s.topic);
  }
  for (const e of mixed) out.delete(e);
  return out;
}

/** The prompt of a comparison question (the one question form whose evidence spans two modules). */
export const COMPARISON_PROMPT = /^How do the statement ".+" and the article ".+" judge the .+\?$/;

const short = (title: string) => title.split(/:\s/)[0]!.trim();
const sentenceCase = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * "How do the two texts judge X?" for every event two texts judge in opposite ways. The shorter
 * text is "the statement", the longer "the article"; the question sits in the statement's module.
 */
export function comparisonQuestions(texts: readonly ComparedText[], gaz: Gazetteer): Candidate[] {
  if (texts.length !== 2) return [];
  const [statement, article] = [...texts].sort((a, b) => a.words - b.words) as [ComparedText, ComparedText];
  const ours = clearStances(findStances(statement.sentences, gaz));
  const theirs = clearStances(findStances(article.sentences, gaz));
  const out: Candidate[] = [];
  for (const [topic, s] of [...ours].sort((a, b) => (a[0].canonical < b[0].canonical ? -1 : 1))) {
    const a = theirs.get(topic);
    if (!a || a.polarity === s.polarity) continue;
    const key = `The statement: ${s.text}; the article: ${a.text}`;
    const distractors = [
      `The statement: ${a.text}; the article: ${s.text}`,
      `Both texts: ${s.text}`,
      `Both texts: ${a.text}`,
    ];
    const lines = [...s.sentences, ...a.sentences];
    const home = s.sentences[0]!;
    const evidence = lines.map((l) => l.evidence).join("\n");
    const id = questionId(home.lessonSlug, "multiple_choice", evidence, key);
    out.push({
      question: {
        id,
        type: "multiple_choice",
        lessonSlug: home.lessonSlug,
        moduleSlug: statement.slug,
        prompt: `How do the statement "${short(statement.title)}" and the article "${short(article.title)}" judge the ${topic.canonical}?`,
        evidence,
        evidenceAnchor: home.blockId,
        evidenceAnchors: lines.map((l) => l.blockId),
        evidenceLessons: lines.map((l) => l.lessonSlug),
        difficulty: 0.6,
        keyKind: "event",
        skill: "attribution",
        choices: seededShuffle([key, ...distractors].map(sentenceCase), id),
        answer: key,
        generatorVersion: GENERATOR_VERSION,
      },
      score: 0.9,
      sentences: s.sentences.map((l) => l.index),
      fact: `compare|${topic.id}`,
    });
  }
  return out;
}
