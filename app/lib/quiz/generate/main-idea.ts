/**
 * Main idea: which of the module's lesson questions a lesson's central claim answers.
 *
 * A lesson titled as a question ("What was the Red Terror?") answers it in its central sentence.
 * Asked the other way round ("the lesson asks X: which statement is its answer?") the key is the
 * only option that echoes the title, and another lesson's answer offered beside it is often true
 * of this lesson's topic too. So the central claim is the prompt and the options are the module's
 * lesson questions: the key is the lesson's own title, the distractors the titles of lessons that
 * do not state the claim. The question is module-scope (a lesson quiz shows its own title).
 *
 * Sound only when
 *  - the claim is a whole sentence making a claim of its own (no linking "therefore", no leading
 *    concession, no quotation, no list, no one else's words) and central (one of the lesson's
 *    opening sentences, where a lesson titled as a question answers it);
 *  - every option shares exactly the same title words with the claim (no title word only in the
 *    key);
 *  - no distractor asks about the key's topic (no title word in common beyond the module's common
 *    subject), its lesson uses far fewer of the claim's words than the claim's own lesson does and
 *    names none of the claim's names (bar those most lessons of the module name);
 *  - the options are questions of comparable length.
 */
import type { Lesson } from "@/app/lib/content/types";
import { GENERATOR_VERSION } from "../version";
import type { SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { TF_PREFIX, questionId } from "./choice-builders";
import { cmp, hash64, seededShuffle } from "./hash";
import type { Gazetteer } from "./gazetteer";
import { tag } from "./nlp";
import { contentWords, wordCount } from "./text";
import { SIDE } from "./typing-data";

export interface LessonSentences {
  lesson: Lesson;
  sentences: readonly SentenceInfo[];
}

export interface MainClaim {
  lesson: Lesson;
  info: SentenceInfo;
  text: string;
  /** How central the sentence is (higher: earlier, and its words recur through the lesson). */
  score: number;
}

export const CLAIM_MIN_WORDS = 10;
export const MAIN_IDEA_PROMPT = "Which lesson's question does this statement answer?";
/** The prompt, claim included, reads as one question of understanding (at most 41 words). */
export const CLAIM_MAX_WORDS = 41 - wordCount(MAIN_IDEA_PROMPT);
/** The longest option at most this many times the shortest (in words). */
export const OPTION_LENGTH_RATIO = 2;
/** A distractor's lesson covers at most this share of what the claim's own lesson covers. */
export const DISTRACTOR_COVERAGE = 0.6;

/** Five-letter stems of a text's content words. */
export function stemsOf(text: string): Set<string> {
  return new Set(contentWords(text).map((w) => w.toLowerCase().slice(0, 5)));
}

const sentenceStems = new WeakMap<SentenceInfo, Set<string>>();

/** A sentence's stems, computed once (claims are compared with every lesson of the module). */
function stemsOfSentence(info: SentenceInfo): Set<string> {
  let hit = sentenceStems.get(info);
  if (!hit) {
    hit = stemsOf(info.prompt);
    sentenceStems.set(info, hit);
  }
  return hit;
}

/** A sentence that leans on the one before or belongs to someone else, not a claim of its own. */
export const LINKING =
  /\b(?:therefore|thus|hence|consequently|accordingly|so too|as well(?! as)|then|also|moreover|furthermore|however|nonetheless|nevertheless|likewise|similarly|again|too|such|this|these|those|above|below)\b/i;
const LEADING_CLAUSE =
  /^(?:Though|Although|While|In contrast|As|If|When|Despite|For example|According to|Like|Unlike|Following|After|Before|Once|By|In (?:response|light|spite)|Even|Finally|Instead)\b/;
const REPORTED =
  /\b(?:writes|wrote|argues|argued|observes|observed|notes|noted|emphasizes|emphasized|remarks|recounts|describes|considers|considered|claims|claimed|believes|believed|estimates|estimated|speculates|points out|says|said|insists|stresses)\b/;

const EMPHATIC_LEAD =
  /^(?:In fact|Indeed|Ultimately|Fundamentally|Metaphorically|In short|In sum|Overall), $/;

/** Why a sentence cannot stand as a lesson's central claim, or null. */
export function notAClaim(info: SentenceInfo): string | null {
  if (info.blockKind !== "paragraph") return "quotation";
  if (!info.standalone || info.reasons.length > 0) return "not standalone";
  const text = info.prompt;
  const words = wordCount(text);
  if (words < CLAIM_MIN_WORDS || words > CLAIM_MAX_WORDS) return "length";
  // (Dropping an emphatic lead, "In fact, ", leaves the sentence whole.)
  const lead = info.evidence.slice(0, Math.max(0, info.evidence.length - text.length));
  const whole = text === info.evidence || (EMPHATIC_LEAD.test(lead) && info.evidence.endsWith(text.slice(1)));
  if (!/[^.]\.$/.test(text) || !whole) return "not a whole sentence";
  // A few quoted words are a name or a slogan; more are someone else's words.
  const quoted = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  if (quoted.some((q) => wordCount(q) > 4) || (text.match(/"/g) ?? []).length % 2 === 1) return "quotation";
  // (A colon may introduce what the claim names; one ending the sentence introduces a list.)
  if (/[;()[\]!?]|:\s*$|\bfor example\b/.test(text)) return "list or aside";
  if (LINKING.test(text)) return "linking";
  if (LEADING_CLAUSE.test(text)) return "leading clause";
  if (REPORTED.test(text)) return "reported";
  if (/^(?:It|There|We|I|You)\b/.test(text)) return "no subject of its own";
  // Figures make a record, not the lesson's point (a year may date the claim).
  if (/\b\d/.test(text.replace(/\b1[89]\d\d\b/g, ""))) return "record";
  return null;
}

/** A lesson answering a question states its answer in its opening sentences. */
export const OPENING_SENTENCES = 6;

/**
 * The lesson's candidate central claims: its opening sentences that make a claim of their own,
 * those whose words recur most through the rest of the lesson first.
 */
export function mainClaims(lesson: Lesson, sentences: readonly SentenceInfo[]): MainClaim[] {
  const out: MainClaim[] = [];
  for (const info of sentences) {
    if (info.index >= OPENING_SENTENCES || notAClaim(info)) continue;
    const stems = [...stemsOf(info.prompt)];
    if (stems.length === 0) continue;
    const rest = sentences.filter((s) => s.index !== info.index).map(stemsOfSentence);
    // Share of the other sentences each word recurs in, averaged over the sentence's words.
    const score =
      stems.reduce((sum, w) => sum + rest.filter((r) => r.has(w)).length / Math.max(1, rest.length), 0) /
      stems.length;
    out.push({ lesson, info, text: info.prompt, score });
  }
  return out.sort((a, b) => b.score - a.score || a.info.index - b.info.index);
}

/** Stems in at least a third of the module's question titles: the module's common subject. */
function commonStems(titles: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of titles) for (const w of stemsOf(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n * 3 >= titles.length).map(([w]) => w));
}

/** Share of the claim's words that the lesson's text (without the claim itself) uses. */
export function coverage(claim: string, sentences: readonly SentenceInfo[]): number {
  const stems = [...stemsOf(claim)];
  if (stems.length === 0) return 0;
  const text = sentences.some((s) => s.prompt === claim)
    ? new Set(sentences.filter((s) => s.prompt !== claim).flatMap((s) => [...stemsOfSentence(s)]))
    : lessonStems(sentences);
  return stems.filter((w) => text.has(w)).length / stems.length;
}

const lessonStemsCache = new WeakMap<readonly SentenceInfo[], Set<string>>();

function lessonStems(sentences: readonly SentenceInfo[]): Set<string> {
  let hit = lessonStemsCache.get(sentences);
  if (!hit) {
    hit = new Set(sentences.flatMap((s) => [...stemsOfSentence(s)]));
    lessonStemsCache.set(sentences, hit);
  }
  return hit;
}

const isQuestion = (title: string) => /\?\s*$/.test(title);
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((w) => b.has(w));
const shared = (a: Set<string>, b: Set<string>) => new Set([...a].filter((w) => b.has(w)));

const NAMED = new Set(["person", "place", "group"]);

/** The named people, groups and places a lesson's sentences mention. */
function namesIn(sentences: readonly SentenceInfo[]): Set<string> {
  return new Set(
    sentences.flatMap((s) =>
      s.keys.flatMap((k) => (k.entity && NAMED.has(k.entity.kind) ? [k.entity.canonical] : [])),
    ),
  );
}

const sidesCache = new WeakMap<Gazetteer, Map<string, Set<string>>>();

/** The names a text mentions and the sides they stand for ("the Reds" and "the Bolshevik Party": "regime"). */
export function sidesIn(text: string, gaz: Gazetteer): Set<string> {
  const cache = sidesCache.get(gaz) ?? new Map<string, Set<string>>();
  sidesCache.set(gaz, cache);
  let hit = cache.get(text);
  if (!hit) {
    hit = new Set(
      gaz
        .find(text)
        .flatMap((m) => [
          m.entity.canonical,
          ...(SIDE[m.entity.canonical] ? [`side:${SIDE[m.entity.canonical]}`] : []),
        ]),
    );
    cache.set(text, hit);
  }
  return hit;
}

/** Distractor titles for a claim of `own`, or null when fewer than three are sound. */
export function distractorTitles(
  claim: MainClaim,
  lessons: readonly LessonSentences[],
  gaz: Gazetteer,
): { titles: string[]; lessons: string[] } | null {
  const questions = lessons.filter((l) => isQuestion(l.lesson.title));
  const common = commonStems(questions.map((l) => l.lesson.title));
  const claimStems = stemsOf(claim.text);
  const keyTitle = stemsOf(claim.lesson.title);
  const inClaim = shared(claimStems, keyTitle);
  const own = questions.find((l) => l.lesson.slug === claim.lesson.slug);
  if (!own) return null;
  const ownCoverage = coverage(claim.text, own.sentences);
  const keyWords = wordCount(claim.lesson.title);
  // A name most lessons of the module mention ("the Bolsheviks") does not tie a claim to a lesson.
  const names = questions.map((l) => namesIn(l.sentences));
  const claimNames = [...namesIn([claim.info])].filter(
    (n) => names.filter((set) => set.has(n)).length * 2 <= questions.length,
  );
  const claimSides = sidesIn(claim.text, gaz);
  const eligible = questions.filter((l) => {
    if (l.lesson.slug === claim.lesson.slug) return false;
    // A question about a side the claim speaks of ("the role of the Bolshevik Party" for what
    // "the Reds" did) is one the claim also answers.
    if ([...sidesIn(l.lesson.title, gaz)].some((x) => claimSides.has(x))) return false;
    const title = stemsOf(l.lesson.title);
    // No title word only in the key, none only in this distractor.
    if (!same(shared(claimStems, title), inClaim)) return false;
    // Not a question about the key's topic.
    if ([...shared(title, keyTitle)].some((w) => !common.has(w))) return false;
    // Its lesson does not state the claim.
    if (coverage(claim.text, l.sentences) > DISTRACTOR_COVERAGE * ownCoverage) return false;
    if (claimNames.some((n) => names[questions.indexOf(l)]!.has(n))) return false;
    const words = wordCount(l.lesson.title);
    return Math.max(words, keyWords) <= OPTION_LENGTH_RATIO * Math.min(words, keyWords);
  });
  const picked: LessonSentences[] = [];
  const seed = hash64(claim.text);
  for (const l of seededShuffle(
    [...eligible].sort((a, b) => cmp(a.lesson.slug, b.lesson.slug)),
    seed,
  )) {
    if (picked.length >= 3) break;
    const words = [keyWords, ...picked.map((p) => wordCount(p.lesson.title)), wordCount(l.lesson.title)];
    if (Math.max(...words) > OPTION_LENGTH_RATIO * Math.min(...words)) continue;
    // Two distractors on one topic would make the key stand out as the odd one.
    const title = stemsOf(l.lesson.title);
    if (picked.some((p) => [...shared(stemsOf(p.lesson.title), title)].some((w) => !common.has(w)))) continue;
    picked.push(l);
  }
  if (picked.length < 3) return null;
  return { titles: picked.map((p) => p.lesson.title), lessons: picked.map((p) => p.lesson.slug) };
}

/** At most one main-idea question per lesson of the module: its most central claim that is sound. */
export function mainIdeaQuestions(lessons: readonly LessonSentences[], gaz: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  for (const { lesson, sentences } of lessons) {
    if (!isQuestion(lesson.title)) continue;
    for (const claim of mainClaims(lesson, sentences)) {
      const ds = distractorTitles(claim, lessons, gaz);
      if (!ds) continue;
      const info = claim.info;
      const id = questionId(lesson.slug, "multiple_choice", info.evidence, `main:${lesson.title}`);
      out.push({
        question: {
          id,
          lessonSlug: lesson.slug,
          moduleSlug: info.moduleSlug,
          type: "multiple_choice",
          prompt: `${MAIN_IDEA_PROMPT} "${claim.text}"`,
          choices: seededShuffle([lesson.title, ...ds.titles], id),
          answer: lesson.title,
          evidence: info.evidence,
          evidenceAnchor: info.blockId,
          evidenceAnchors: [info.blockId],
          difficulty: 0.6,
          keyKind: "event",
          skill: "main_idea",
          scope: "module",
          generatorVersion: GENERATOR_VERSION,
        },
        score: 1.3,
        sentences: [info.index],
        fact: `main_idea:${info.index}`,
      });
      break;
    }
  }
  return out;
}

// --- a yes/no title the lesson answers in its first word -------------------------------------------

/**
 * "Were Makhno and his followers anti-Semitic?" → "Makhno and his followers were anti-Semitic.": a
 * title asking whether a subject is (was) something, the predicate one adjective. Null for any
 * other question shape (a verb or noun predicate would need conjugation or a parse to turn).
 */
export function yesNoStatement(title: string): string | null {
  const m = /^(Is|Are|Was|Were) (.+) ([\p{L}-]+)\?$/u.exec(title.trim());
  if (!m) return null;
  const aux = m[1]!;
  const subject = m[2]!;
  const predicate = m[3]!;
  const tokens = tag(`${subject} ${predicate}`);
  const last = tokens[tokens.length - 1];
  const adjective = last?.pos === "ADJ" || /^\p{L}+-\p{L}+(?:ic|al|ous|ive|ian|ist)$/u.test(predicate);
  // A verb in the subject, or an article inside it ("Was Lenin a State terrorist?"), means the
  // subject ends earlier than the title shows.
  const inSubject = tokens.slice(0, -1);
  if (
    !adjective ||
    inSubject.some((t, i) => t.pos === "VERB" || t.pos === "AUX" || (i > 0 && t.pos === "DET"))
  )
    return null;
  return `${subject} ${aux.toLowerCase()} ${predicate}.`;
}

/**
 * A lesson titled as a yes/no question whose first sentence answers "Yes, …" or "No, …": true or
 * false, the title turned into a statement. The lesson's whole answer, in its own first word.
 */
export function yesNoQuestions(lessons: readonly LessonSentences[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { lesson, sentences } of lessons) {
    const statement = yesNoStatement(lesson.title);
    if (!statement) continue;
    const first = [...sentences]
      .filter((s) => s.blockKind === "paragraph")
      .sort((a, b) => a.index - b.index)[0];
    const answer = first && /^(Yes|No)\b[,.;]/.exec(first.evidence)?.[1];
    if (!first || !answer) continue;
    const id = questionId(lesson.slug, "true_false", first.evidence, `yes-no:${statement}`);
    out.push({
      question: {
        id,
        lessonSlug: lesson.slug,
        moduleSlug: first.moduleSlug,
        type: "true_false",
        prompt: `${TF_PREFIX}${statement}`,
        choices: ["True", "False"],
        answer: answer === "Yes" ? "True" : "False",
        evidence: first.evidence,
        evidenceAnchor: first.blockId,
        evidenceAnchors: [first.blockId],
        difficulty: 0.4,
        keyKind: "term",
        skill: "main_idea",
        scope: "lesson",
        generatorVersion: GENERATOR_VERSION,
      },
      score: 1.3,
      sentences: [first.index],
      fact: `main_idea:yes-no:${first.index}`,
    });
  }
  return out;
}
