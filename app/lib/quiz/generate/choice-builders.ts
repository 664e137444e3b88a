/**
 * Builders for sentence-level questions: multiple choice, typed cloze, true/false.
 */
import type { FactKind } from "../types";
import { GENERATOR_VERSION } from "../version";
import type { Key, SentenceInfo } from "./analyse";
import { BLANK, type Candidate } from "./candidate";
import { distractorsFor, relatedPlaces, visibleIn, type DistractorContext } from "./distractors";
import { hash64, seededShuffle } from "./hash";
import { contentWords, wordCount } from "./text";
import { numberToWords, withThousands, parseNumber } from "../numbers";
import { MONTHS } from "./time";
import { SIDE, TYPING } from "./typing-data";

/** Months that name a revolution in the gazetteer ("February Revolution", "Red October"). */
const REVOLUTION_MONTHS = new Set(
  TYPING.filter((r) => r[0] === "event" && r[1] === "revolution")
    .flatMap((r) => r.slice(2))
    .flatMap((name) => MONTHS.filter((m) => new RegExp(`\\b${m}\\b`).test(name))),
);

export function questionId(lessonSlug: string, type: string, evidence: string, key: string): string {
  return `q-${hash64([lessonSlug, type, evidence, key].join("\u0000"))}`;
}

const KIND_WEIGHT: Record<FactKind, number> = {
  person: 1,
  time: 0.95,
  number: 0.95,
  organisation: 0.9,
  document: 0.9,
  event: 0.85,
  place: 0.85,
  group: 0.75,
  term: 0.8,
};

/** Usable as a blank at all (type-independent hard filters). */
export function blankable(info: SentenceInfo, key: Key): boolean {
  if (!info.standalone) return false;
  // "their _____ seizure of power" → October 1917: the month of a revolution the guide names is
  // common knowledge, not a fact the lesson teaches.
  if (key.kind === "time" && key.time?.month && (key.time.year === null || key.time.year === 1917)) {
    const month = MONTHS[key.time.month - 1]!;
    if (REVOLUTION_MONTHS.has(month)) return false;
  }
  // "According to _____, …": who is cited is asked as "who argued that …?" (attribution), not as a blank.
  if (key.kind === "person" && /\b(?:According to|according to)\s*$/.test(info.prompt.slice(0, key.start)))
    return false;
  // "_____ estimates that … 25,000": the source of a figure is citation trivia (the figure is not).
  if (
    key.kind === "person" &&
    /^\s*(?:estimates|estimated|cites|cited|reports|reported|records|recorded|recounts|counts)\b/.test(
      info.prompt.slice(key.end),
    )
  )
    return false;
  // "revolt in 1916 … conscription during _____": a year in the sentence pins the event.
  if (key.kind === "event" && /\b1[89]\d\d\b/.test(info.prompt)) return false;
  // "following the _____ Revolution" → February 1917: a date inside a name has one fitting option.
  if (key.kind === "time" && /^\s+\p{Lu}\p{Ll}+/u.test(info.prompt.slice(key.end))) return false;
  // The exact day of an event ("abdicated on _____" → March 2) is trivia beside the event itself.
  if (key.kind === "time" && key.time?.precision === "day") return false;
  // "_____ factors were decisive: A and B", "increasing its numbers to _____ members": a count in a
  // copied sentence is recall of a figure, unless it counts the dead or the repressed.
  if (
    key.kind === "number" &&
    !/\b(?:killed|dead|died|deaths|executed|shot|lives|victims|arrested|imprisoned|massacred|casualties)\b/i.test(
      info.prompt,
    )
  )
    return false;
  // A place named in most lessons ("in _____" → Russia) has neighbours that fit as well.
  if (key.kind === "place" && key.entity && key.entity.lessons.size >= 10) return false;
  if (key.kind === "time" && key.time?.precision === "range") return false;
  if (key.entity && key.entity.source === "cue" && key.entity.count < 2) return false;
  // The blank would leave another spelling of the answer visible.
  const blanked = info.prompt.slice(0, key.start) + BLANK + info.prompt.slice(key.end);
  const spellings = key.entity ? key.entity.spellings : [key.text];
  if (spellings.some((s) => visibleIn(blanked, s))) return false;
  // Blanks right after a connector that only makes sense with the name ("of the _____ of").
  if (/\b(the|a|an)$/.test(info.prompt.slice(0, key.start).trim()) && key.kind === "person") return false;
  // Cut edges: a name that continues ("_____ of Workers' Deputies") or a plural possessive ("the _____' rule").
  const after = info.prompt.slice(key.end);
  // (A number or date is never cut: "85% of Russia's population".)
  // "… Committee of the Petrograd Soviet": fine when what follows "of the" is a name of its own.
  const ofNamed = /^ of (the )?/.exec(after);
  const nextIsName =
    ofNamed !== null && info.keys.some((k) => k.start === key.end + ofNamed[0].length && k.entity !== null);
  if (
    (key.entity && /^ of (the )?\p{Lu}/u.test(after) && !nextIsName) ||
    /^'(?!s)/.test(after) ||
    /^-\p{L}/u.test(after)
  )
    return false;
  if (/\p{L}-$/u.test(info.prompt.slice(0, key.start))) return false;
  // "(_____)": a bare bracketed date or name reads like a citation.
  if (/\($/.test(info.prompt.slice(0, key.start)) && /^\)/.test(after)) return false;
  if (info.words < 7) return false;
  // A negated slot ("… very soon after the October Revolution, not in _____") has many fillers
  // that make the sentence just as true.
  if (
    /\b(?:not|never|rather than|instead of)(?: (?:in|on|at|by|until|from|to|the|a|an|with))?\s*$/i.test(
      info.prompt.slice(0, key.start),
    )
  )
    return false;
  // Enough context left around the blank to point at one answer ("The _____ was also formed" has none).
  if (contentWords(info.prompt.slice(0, key.start) + " " + after).length < 4) return false;
  // Clock times: "At _____ p.m." would invite "14 p.m.".
  if (/^\s*(a\.m\.|p\.m\.)/.test(after)) return false;
  // A sentence that is mostly someone's words: the blank would sit in their argument.
  if (info.quoteFraction > 0.6) return false;
  return true;
}

function keyScore(info: SentenceInfo, key: Key): number {
  const informative = Math.min(1, info.keys.length / 4);
  const lengthFit = info.words < 10 ? 0.7 : info.words <= 38 ? 1 : info.words <= 50 ? 0.8 : 0.55;
  // A teacher asks about the specific: a name the guide seldom mentions says more than "Lenin"
  // or "Russia" (which half the sentences hold and a guess often gets right).
  const lessonCount = key.entity ? (key.entity.lessons.get(info.lessonSlug) ?? 1) : 1;
  const guideCount = key.entity ? key.entity.count : 1;
  const specificity = guideCount <= 3 ? 1 : guideCount <= 12 ? 0.9 : guideCount <= 30 ? 0.75 : 0.6;
  const importance = key.entity
    ? Math.min(1, 0.25 + 0.1 * Math.log2(1 + lessonCount) + 0.6 * specificity)
    : 0.9;
  let s = KIND_WEIGHT[key.kind] * (0.4 + 0.3 * informative + 0.3 * importance) * lengthFit;
  if (info.quoteFraction > 0.3) s -= 0.12;
  if (/\[/.test(info.prompt)) s -= 0.1;
  if (key.inList) s -= 0.15;
  if (key.entity && key.entity.count > 60) s -= 0.08; // "Russia", "Bolsheviks": easy to guess
  // A bare month ("in _____" → February) is a thin fact next to the names in the same sentence.
  if (key.kind === "time" && key.time && key.time.year === null && key.time.day === null) s -= 0.1;
  return s;
}

function difficulty(base: number, info: SentenceInfo, key: Key | null): number {
  let d = base;
  if (key?.entity) d += key.entity.count <= 2 ? 0.15 : key.entity.count > 30 ? -0.1 : 0;
  if (key && (key.kind === "time" || key.kind === "number")) d += 0.1;
  if (info.words > 35) d += 0.05;
  return Math.round(Math.max(0, Math.min(1, d)) * 100) / 100;
}

/** The year a sentence is set in: its own (one year named) or the paragraph's. */
function stemYear(info: SentenceInfo): number | null {
  const years = [...new Set(info.times.map((t) => t.year).filter((y): y is number => !!y))];
  return years.length === 1 ? years[0]! : years.length === 0 ? info.contextYear : null;
}

function common(info: SentenceInfo, keyKind: FactKind) {
  return {
    lessonSlug: info.lessonSlug,
    moduleSlug: info.moduleSlug,
    evidence: info.evidence,
    evidenceAnchor: info.blockId,
    evidenceAnchors: [info.blockId],
    keyKind,
    generatorVersion: GENERATOR_VERSION,
  };
}

export function blankedPrompt(info: SentenceInfo, key: Key): string {
  return info.prompt.slice(0, key.start) + BLANK + info.prompt.slice(key.end);
}

/** The longest prompt the giveaway check lets through (statement words). */
const PROMPT_WORDS = 35;

/**
 * The part of a sentence a blank is asked in: bracketed asides are side remarks ("(which means
 * "council" in Russian)", "(March by the Gregorian calendar)"); they go when the prompt is too long,
 * unless they hold the key or follow it ("_____ (1937)" is
 * how a reference reads). A prompt still too long to read as one
 * question is cut to the clause that carries the key: the concession of a leading "Though …," or
 * the part before a closing ", which …" (a non-restrictive clause says something else).
 * Keys are re-anchored in the shorter text; the sentence stays the evidence.
 */
export function keyView(info: SentenceInfo, key: Key): { info: SentenceInfo; key: Key } {
  const text = info.prompt;
  const cut: Array<[number, number]> = [];
  for (const m of text.matchAll(/ \([^()]*\)/g)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    if (e > key.start && s < key.end) continue;
    if (s >= key.end && /^["”']?$/.test(text.slice(key.end, s))) continue;
    cut.push([s, e]);
  }
  // Asides go only where they stand in the way: in a prompt too long to read as one question.
  if (wordCount(text) <= PROMPT_WORDS) cut.length = 0;
  const removed = (a: number, b: number) =>
    cut.reduce((n, [s, e]) => n + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
  /** The text between two offsets without the asides. */
  const cutText = (a: number, b: number) => {
    let out = "";
    let at = a;
    for (const [s, e] of cut) {
      if (e <= a || s >= b) continue;
      out += text.slice(at, Math.max(at, s));
      at = Math.max(at, Math.min(b, e));
    }
    return out + text.slice(at, b);
  };
  const kept = (a: number, b: number) => wordCount(cutText(a, b));
  let from = 0;
  let to = text.length;
  if (kept(0, text.length) > PROMPT_WORDS) {
    const lead = /^(?:Though|Although|Even though) /.exec(text);
    const comma = text.indexOf(", ", key.end);
    // (The key in the concession itself: no comma between the lead and the key.)
    const inLead = lead && !text.slice(0, key.start).includes(", ");
    const balanced = comma > 0 && (text.slice(0, comma).match(/"/g) ?? []).length % 2 === 0;
    if (inLead && balanced && kept(lead[0].length, comma) >= 8) {
      from = lead[0].length;
      to = comma;
    } else {
      const which = text.slice(key.end).search(/, (?:which|who) /);
      if (which >= 0 && kept(0, key.end + which) >= 8) to = key.end + which;
    }
  }
  if (cut.length === 0 && from === 0 && to === text.length) return { info, key };
  const at = (p: number) => p - from - removed(from, p);
  let prompt = cutText(from, to);
  if (from > 0) prompt = prompt.charAt(0).toUpperCase() + prompt.slice(1);
  if (to < text.length) prompt = prompt.replace(/[\s,;:]+$/, "") + ".";
  const move = (k: Key): Key | null =>
    k.start < from || k.end > to || removed(k.start, k.end) > 0
      ? null
      : { ...k, start: at(k.start), end: at(k.end) };
  const keys = info.keys.map(move).filter((k): k is Key => k !== null);
  return {
    info: { ...info, prompt, words: wordCount(prompt), keys },
    key: move(key) ?? key,
  };
}

export function buildMultipleChoice(info: SentenceInfo, key: Key, ctx: DistractorContext): Candidate | null {
  const anchor = key.start;
  ({ info, key } = keyView(info, key));
  if (!blankable(info, key)) return null;
  // "The name of _____ was dragged through the mud": communism, socialism, anarchism are rivals.
  if (key.kind === "term" && key.subkind === "ideology") return null;
  const prompt = blankedPrompt(info, key);
  const seed = `${info.lessonSlug}|${info.evidence}|${key.text}|${anchor}`;
  const ds = distractorsFor(
    key,
    prompt,
    info.prompt.slice(0, key.start),
    { ...ctx, stemYear: stemYear(info) ?? ctx.lessonYears?.get(info.index) ?? null },
    seed,
  );
  if (!ds) return null;
  const id = questionId(info.lessonSlug, "multiple_choice", info.evidence, `${key.text}@${anchor}`);
  const choices = seededShuffle([key.text, ...ds], id);
  return {
    question: {
      ...common(info, key.kind),
      id,
      type: "multiple_choice",
      prompt,
      choices,
      answer: key.text,
      difficulty: difficulty(0.3, info, key),
    },
    score: keyScore(info, key),
    sentences: [info.index],
    fact: `${info.index}:${anchor}`,
  };
}

/**
 * Names the guide uses for the same side, as gazetteer ids: it calls the Bolsheviks "the Reds"
 * throughout, their army's deeds are the Reds' deeds, and the Makhnovists fought as the
 * Insurrectionary Army. One way only where the reverse is wrong ("the Bolsheviks" the party
 * cannot be typed as "the Red Army").
 */
export const ALSO_ACCEPTED: ReadonlyMap<string, readonly string[]> = new Map([
  ["group:Reds", ["group:Bolsheviks"]],
  ["group:Bolsheviks", ["group:Reds", "organisation:Bolshevik Party", "organisation:Communist Party"]],
  ["organisation:Red Army", ["group:Reds", "group:Bolsheviks"]],
  ["group:Makhnovists", ["organisation:Insurrectionary Army"]],
  ["organisation:White Army", ["group:Whites"]],
  ["organisation:Insurrectionary Army", ["group:Makhnovists"]],
  // The party is named for its members as often as by its name ("the ruling Bolsheviks").
  ["organisation:Bolshevik Party", ["group:Bolsheviks", "group:Reds", "group:Communists"]],
]);

/** Other spellings a typed answer may take. */
export function acceptedVariants(key: Key): string[] {
  const out = new Set<string>();
  if (key.entity) {
    for (const s of key.entity.spellings) out.add(s);
    // "Left-SR's" → "Left-SRs"; plural possessive spellings.
    for (const s of [...out]) if (/'s$/.test(s)) out.add(s.replace(/'s$/, "s"));
    for (const s of [...out]) {
      const words = s.split(" ");
      // "World War I" → "WWI", "WW1": the usual short form of a numbered name.
      const numeral = /^(?:I|II|III|IV|V)$/.exec(words[words.length - 1] ?? "");
      if (numeral && words.length >= 3 && words.slice(0, -1).every((w) => /^\p{Lu}/u.test(w))) {
        const initials = words
          .slice(0, -1)
          .map((w) => w[0])
          .join("");
        const arabic = String(["I", "II", "III", "IV", "V"].indexOf(numeral[0]) + 1);
        out.add(initials + numeral[0]);
        out.add(initials + arabic);
      }
      // "New Economic Policy" → "NEP": a name of three or more capitalised words is typed by its initials.
      const named = words.filter((w) => !/^(?:of|the|and)$/.test(w));
      if (!numeral && named.length >= 3 && named.every((w) => /^\p{Lu}\p{Ll}/u.test(w)))
        out.add(named.map((w) => w[0]).join(""));
      // "Revolutionary Military Committee" is as often written "Military Revolutionary Committee".
      if (
        key.entity.kind === "organisation" &&
        words.length === 3 &&
        words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))
      )
        out.add(`${words[1]} ${words[0]} ${words[2]}`);
    }
    // "Romanov dynasty" → "Romanovs", "Romanov": a house or family is named by its name alone.
    for (const sp of key.entity.spellings) {
      const house = /^(\p{Lu}\p{Ll}+) (?:dynasty|family|house)$/u.exec(sp);
      if (house) for (const v of [house[1]!, `${house[1]}s`, `the ${house[1]}s`]) out.add(v);
    }
    // "Tsar Nicholas II", "General Denikin": the title the guide gives the role.
    const title = key.entity.subkind === "ruler" ? "Tsar" : key.entity.subkind === "white" ? "General" : null;
    if (title) for (const s of key.entity.spellings) out.add(`${title} ${s}`);
    // "the Tsar" is the plain name the lesson also uses for the ruler.
    if (title === "Tsar") out.add("the Tsar");
    for (const id of ALSO_ACCEPTED.get(key.entity.id) ?? []) out.add(id.slice(id.indexOf(":") + 1));
    // "from _____ until July 1918" → "Red October": the month of 1917 it is named after is as
    // good a typed answer (both revolutions of this guide are 1917's).
    if (key.entity.kind === "event" && key.entity.subkind === "revolution") {
      for (const sp of key.entity.spellings) {
        const month = MONTHS.find((mn) => new RegExp(`\\b${mn}\\b`).test(sp));
        if (month && /\b(October|February)\b/.test(month)) {
          out.add(`${month} 1917`);
          out.add(`${month} Revolution`);
        }
      }
    }
  }
  if (key.kind === "number" && key.value !== null) {
    const v = key.value;
    out.add(String(v));
    out.add(withThousands(v));
    const w = numberToWords(v);
    if (w) out.add(w);
    if (/%$/.test(key.text)) {
      out.add(`${v} percent`);
      out.add(`${v} per cent`);
    }
  }
  if (key.kind === "time" && key.time) {
    const t = key.time;
    const mn = t.month ? MONTHS[t.month - 1] : null;
    if (t.precision === "day" && mn && t.day) {
      if (t.year) {
        out.add(`${mn} ${t.day}, ${t.year}`);
        out.add(`${t.day} ${mn} ${t.year}`);
        out.add(`${mn} ${t.day} ${t.year}`);
      } else {
        out.add(`${mn} ${t.day}`);
        out.add(`${t.day} ${mn}`);
      }
    }
    if (t.precision === "month" && mn && t.year) out.add(`${mn}, ${t.year}`);
  }
  out.delete(key.text);
  return [...out].sort();
}

/**
 * A typed answer must be pinned down by its context: names, dates, numbers, places, and terms
 * distinctive to the guide. A common-noun phrase ("direct democracy", "death penalty") has
 * synonyms a student could type with equal right ("self-management", "capital punishment").
 */
function typeable(key: Key, ctx?: DistractorContext): boolean {
  if (key.inList) return false;
  // Typing a work's exact title ("The Party Crisis") tests spelling, not knowledge.
  if (key.kind === "document") return false;
  if (
    key.kind === "term" &&
    (/\s/.test(key.text) || (key.subkind !== "concept" && key.subkind !== "calendar"))
  )
    return false;
  if ((key.kind === "group" || key.kind === "organisation") && /^\p{Ll}/u.test(key.text)) return false;
  // A place whose containing or contained place the lesson also names ("Turkestan" in "Central
  // Asia"): either fits "In _____, …" unless the lesson writes them as one (then both are accepted).
  // (A building takes "the": "at the _____" does not admit its city.)
  if (key.kind === "place" && key.entity && key.entity.subkind !== "building" && ctx?.lessonPlaces) {
    const equated = ctx.equatedPlaces?.get(key.entity.canonical) ?? [];
    for (const r of relatedPlaces(key.entity.canonical)) {
      if (!ctx.lessonPlaces.has(r)) continue;
      const rEntity = ctx.gaz.byId.get(`place:${r}`);
      if (!rEntity || !rEntity.spellings.some((sp) => equated.includes(sp))) return false;
    }
  }
  if (key.text.split(/\s+/).length > 4) return false;
  if (key.kind === "number" && parseNumber(key.text) === null) return false;
  if (key.kind === "time" && key.time?.precision === "season") return false;
  // A bare month ("well before _____" → October? the October Revolution? 1917?) has rivals when typed.
  if (key.kind === "time" && key.time && key.time.year === null && key.time.day === null) return false;
  // An ideology typed into "the ruthless _____" has near-synonyms (centralism, dictatorship, terror).
  if (key.kind === "term" && key.subkind === "ideology") return false;
  return true;
}

export function buildFillBlank(info: SentenceInfo, key: Key, ctx?: DistractorContext): Candidate | null {
  const anchor = key.start;
  ({ info, key } = keyView(info, key));
  if (!blankable(info, key) || !typeable(key, ctx)) return null;
  const prompt = blankedPrompt(info, key);
  // A typed blank needs enough context to be uniquely answerable.
  if (contentWords(prompt).length < 5) return null;
  // "defeated … by _____" → 1920: any later year is as true when typed (multiple choice offers
  // only dates on the false side).
  if (
    key.kind === "time" &&
    /\b(?:by|before|after|since|until|till)\s*$/i.test(info.prompt.slice(0, key.start))
  )
    return null;
  return {
    question: {
      ...common(info, key.kind),
      id: questionId(info.lessonSlug, "fill_blank", info.evidence, `${key.text}@${anchor}`),
      type: "fill_blank",
      prompt,
      answer: key.text,
      accepted: [
        ...new Set([
          ...acceptedVariants(key),
          ...(key.entity ? (ctx?.equatedPlaces?.get(key.entity.canonical) ?? []) : []),
          ...(key.entity ? (ctx?.translations?.get(key.entity.canonical) ?? []) : []),
        ]),
      ]
        .filter((a) => a !== key.text)
        .sort(),
      difficulty: difficulty(0.55, info, key),
    },
    score: keyScore(info, key) - 0.05,
    sentences: [info.index],
    fact: `${info.index}:${anchor}`,
  };
}

const FACT_BEARING: ReadonlySet<FactKind> = new Set([
  "person",
  "time",
  "number",
  "place",
  "organisation",
  "document",
]);
function factBearing(key: Key): boolean {
  if (key.kind === "term" && key.subkind === "ideology") return false;
  if (!FACT_BEARING.has(key.kind)) return key.entity !== null && key.entity.count <= 12;
  return !key.entity || key.entity.count <= 60;
}

/** Below the selection threshold (0.3): used only when a lesson has no other true/false. */
const MIN_TF_VAGUE = 0.29;

export const TF_PREFIX = "True or false? According to the lesson: ";

/**
 * A true statement (the sentence itself) or a false one (the key swapped for a same-type
 * alternative that the lesson does not link to this context).
 */
export function buildTrueFalse(
  info: SentenceInfo,
  keys: readonly Key[],
  ctx: DistractorContext,
  lessonSentences: readonly SentenceInfo[],
  wantFalse: boolean,
): Candidate | null {
  if (!info.standalone || info.words > 42 || info.quoteFraction > 0.35) return null;
  if (/\[/.test(info.prompt)) return null;
  // A statement with no name, date or number is usually vague opinion ("We've done it before").
  if (keys.length === 0) return null;
  if (contentWords(info.prompt).length < 6) return null;
  // The statement must say something about its names: "The Petrograd Soviet of Workers' and
  // Soldiers' Deputies was also formed." has one content word outside them.
  const outside = keys.reduceRight((t, k) => t.slice(0, k.start) + " " + t.slice(k.end), info.prompt);
  if (contentWords(outside).length < 2) return null;
  // The guide's own voice ("We have learned lessons and work in the confident expectation …") is
  // opinion, not a fact to test.
  if (/\b(?:we|us|our|ourselves)\b/i.test(info.prompt)) return null;
  if (!wantFalse) {
    const id = questionId(info.lessonSlug, "true_false", info.evidence, "true");
    return {
      question: {
        ...common(info, keys[0]?.kind ?? "term"),
        id,
        type: "true_false",
        prompt: TF_PREFIX + info.prompt,
        choices: ["True", "False"],
        answer: "True",
        difficulty: difficulty(0.25, info, null),
      },
      // A statement that carries a specific fact (a person, date, number, place, organisation,
      // document) teaches something; one whose only name is a ubiquitous event or group ("The road
      // to the October Revolution had been long and filled with diversions.") is trivially true.
      score: keys.some(factBearing) ? 0.55 + 0.1 * Math.min(1, keys.length / 3) : MIN_TF_VAGUE,
      sentences: [info.index],
      fact: `${info.index}:tf`,
    };
  }
  for (const key of keys) {
    if (!blankable(info, key)) continue;
    // Swaps of terms, groups and parties are often still arguable ("the Bolsheviks" vs "the Reds").
    if (key.kind === "term" || key.kind === "group" || key.subkind === "party") continue;
    // A statement made false by a changed date, count, title or place tests that detail, not the
    // claim; so does a changed source ("According to Makhno" for Maximov). Only the actor may change:
    // a person or body acting in the sentence.
    if (key.kind !== "person" && key.kind !== "organisation") continue;
    if (/\b(?:according to|as|writes|notes|argues|cites|in)\s*$/i.test(info.prompt.slice(0, key.start)))
      continue;
    if (
      /^\s*(?:'s\s+)?(?:writes|wrote|argues|argued|notes|noted|observes|observed|estimates|cites|points out|recalls|emphasizes|describes|terms)\b/.test(
        info.prompt.slice(key.end),
      )
    )
      continue;
    if (key.entity?.subkind === "publication") continue;
    // A body stands in only for a body of the same head noun ("Seventh Congress" ↔ "Eighth
    // Congress"): "the 1920 CheKa was the first to allow …" is false at a glance.
    const head = (t: string) => (/(\p{Lu}\p{L}+)(?: of [\p{L}' ]+)?$/u.exec(t)?.[1] ?? "").toLowerCase();
    const blanked = blankedPrompt(info, key);
    const ds = distractorsFor(key, blanked, info.prompt.slice(0, key.start), ctx, `${info.evidence}|tf`);
    if (!ds) continue;
    // Never a substitute the lesson also connects to this context (it could be true as well).
    const window = contentWords(
      info.prompt.slice(Math.max(0, key.start - 60), Math.min(info.prompt.length, key.end + 60)),
    ).filter((w) => !key.text.toLowerCase().includes(w));
    const sub = ds.find(
      (d) =>
        (key.kind !== "organisation" || head(d) === head(key.text)) &&
        // A name the lesson never mentions makes a statement about something it never discusses.
        (key.entity === null || lessonSentences.some((s) => visibleIn(s.prompt, d))) &&
        // Nor one the lesson ties to another name of this statement ("Dzherzhinsky" with the Red
        // Terror): the swap would not be clearly false.
        !lessonSentences.some(
          (s) =>
            s.index !== info.index &&
            visibleIn(s.prompt, d) &&
            keys.some(
              (k) =>
                k !== key && k.entity !== null && k.entity.spellings.some((sp) => visibleIn(s.prompt, sp)),
            ),
        ) &&
        !lessonSentences.some(
          (s) =>
            s.index !== info.index &&
            visibleIn(s.prompt, d) &&
            window.filter((w) => s.prompt.toLowerCase().includes(w)).length >= 2,
        ),
    );
    if (!sub) continue;
    // "The Soviet formed a Petrograd Soviet": a substitute sharing a name word with the rest of the
    // sentence reads as nonsense, false at a glance.
    const rest = (info.prompt.slice(0, key.start) + " " + info.prompt.slice(key.end)).toLowerCase();
    if (
      sub
        .split(/[\s-]+/)
        .some(
          (w) =>
            /^\p{Lu}\p{Ll}{3,}/u.test(w) && new RegExp(`\\b${w.toLowerCase().replace(/'s$/, "")}`).test(rest),
        )
    )
      continue;
    const statement = info.prompt.slice(0, key.start) + sub + info.prompt.slice(key.end);
    const id = questionId(
      info.lessonSlug,
      "true_false",
      info.evidence,
      `false:${key.text}@${key.start}>${sub}`,
    );
    return {
      question: {
        ...common(info, key.kind),
        id,
        type: "true_false",
        prompt: TF_PREFIX + statement,
        choices: ["True", "False"],
        answer: "False",
        difficulty: difficulty(0.35, info, key),
      },
      score: keyScore(info, key),
      sentences: [info.index],
      fact: `${info.index}:tf`,
    };
  }
  return sidesReversed(info, keys);
}

/** Past-tense verbs of stance and their opposites ("supported" ↔ "opposed"). */
const OPPOSITE_VERBS: Record<string, string> = {
  supported: "opposed",
  opposed: "supported",
  accepted: "rejected",
  rejected: "accepted",
  welcomed: "condemned",
  condemned: "welcomed",
  favored: "opposed",
  favoured: "opposed",
  gained: "lost",
  won: "lost",
  lost: "won",
  allowed: "banned",
  banned: "allowed",
  defended: "attacked",
  strengthened: "weakened",
  weakened: "strengthened",
  increased: "decreased",
  decreased: "increased",
  abolished: "introduced",
  succeeded: "failed",
  failed: "succeeded",
  approved: "rejected",
  praised: "criticized",
  criticized: "praised",
  criticised: "praised",
  encouraged: "discouraged",
  discouraged: "encouraged",
  helped: "hindered",
  trusted: "distrusted",
};

/**
 * "Anarchists opposed the overthrow of the Provisional Government": a statement whose one verb of
 * stance is turned into its opposite, which the lesson plainly contradicts. Only one such verb, no
 * negation in the sentence (a double negative is not clearly false).
 */
export function verbReversed(info: SentenceInfo): Candidate | null {
  if (!info.standalone || info.words > 35 || info.quoteFraction > 0.2) return null;
  if (/\b(?:not|never|no|nor|neither|n't|without|we|our|us)\b/i.test(info.prompt)) return null;
  const hits = [...info.prompt.matchAll(/\b([a-z]+)\b/g)].filter((m) => OPPOSITE_VERBS[m[1]!] !== undefined);
  if (hits.length !== 1) return null;
  const m = hits[0]!;
  // The verb must follow its subject: not a participle leading the sentence.
  if ((m.index ?? 0) < 8) return null;
  const statement =
    info.prompt.slice(0, m.index) + OPPOSITE_VERBS[m[1]!]! + info.prompt.slice((m.index ?? 0) + m[1]!.length);
  return {
    question: {
      ...common(info, info.keys[0]?.kind ?? "term"),
      id: questionId(info.lessonSlug, "true_false", info.evidence, `opposite:${m[1]}`),
      type: "true_false",
      prompt: TF_PREFIX + statement,
      choices: ["True", "False"],
      answer: "False",
      difficulty: difficulty(0.35, info, null),
    },
    score: info.keys.some(factBearing) ? 0.6 : MIN_TF_VAGUE,
    sentences: [info.index],
    fact: `${info.index}:tf`,
  };
}

/**
 * "The Makhnovists conspired to crush the Reds": a sentence in which one side acts on another,
 * with the two sides exchanged. Who did what to whom is the claim, and the lesson states the
 * opposite. Only two plural sides of different camps, written alike, with a verb between them.
 */
export function sidesReversed(info: SentenceInfo, keys: readonly Key[]): Candidate | null {
  if (!info.standalone) return null;
  const sides = keys
    .filter((k) => k.entity && SIDE[k.entity.canonical] !== undefined)
    .sort((x, y) => x.start - y.start);
  if (sides.length < 2) return null;
  // The first two sides named, in one clause (no comma between them).
  const [a, b] = sides as [Key, Key];
  if (SIDE[a.entity!.canonical] === SIDE[b.entity!.canonical]) return null;
  const plural = (k: Key) => /^\p{Lu}[\p{L}-]*s$/u.test(k.text);
  if (!plural(a) || !plural(b)) return null;
  const between = info.prompt.slice(a.end, b.start);
  // "the Reds and the Makhnovists": coordinated sides do nothing to each other.
  if (/^\s*(?:and|or|,|\/|-)/.test(between) || /[,;:]/.test(between) || contentWords(between).length < 2)
    return null;
  if (/\b(?:and|with|alongside|together)\s+(?:the\s+)?$/.test(between)) return null;
  const statement = info.prompt.slice(0, a.start) + b.text + between + a.text + info.prompt.slice(b.end);
  return {
    question: {
      ...common(info, a.kind),
      id: questionId(info.lessonSlug, "true_false", info.evidence, `reversed:${a.text}<>${b.text}`),
      type: "true_false",
      prompt: TF_PREFIX + statement,
      choices: ["True", "False"],
      answer: "False",
      difficulty: difficulty(0.35, info, a),
    },
    score: keyScore(info, a),
    sentences: [info.index],
    fact: `${info.index}:tf`,
  };
}

/** An explaining clause after a comma ("…, in the sense that …", "…, because …"). */
const SUBORDINATE = /,\s*(?:in the sense that|because|since|so that|as|for|which|who)\b/;

/** Negations a statement can drop and stay grammatical: "could not" → "could", "no longer" → "still". */
const DROPPED_NEGATION =
  /\b(did|does|do|was|were|is|are|could|would|can|will|must|should|had|has|have) not\b|\b(was|were|is|are) no longer\b/g;

/**
 * "They could self-organize openly as long as Nicholas II ruled" (text: could not): a statement
 * whose one negation is dropped, so it says what the lesson denies. Only one negative word in the
 * sentence (a double negative or a "not … but …" is not clearly false), no first person (the
 * authors' own words are quoted, never altered).
 */
export function negationDropped(info: SentenceInfo): Candidate | null {
  if (!info.standalone || info.words > 35 || info.quoteFraction > 0.2) return null;
  const negatives =
    info.prompt.match(/\b(?:not|never|no|nor|neither|none|untrue|without|n't|unlike)\b/gi) ?? [];
  if (negatives.length !== 1) return null;
  // A negative quantifier or adverb is a second negative: "very little … that did not exist" loses
  // its sense, not its truth, when the "not" goes.
  if (/\b(?:(?<!\ba )little|(?<!\ba )few|hardly|scarcely|seldom|rarely|barely)\b/i.test(info.prompt))
    return null;
  if (/\b(?:we|our|us|but|only|until|unless|except|rather than|instead)\b/i.test(info.prompt)) return null;
  const hits = [...info.prompt.matchAll(DROPPED_NEGATION)];
  if (hits.length !== 1) return null;
  const m = hits[0]!;
  // The auxiliary must follow its subject, not open the sentence ("Not only was …").
  if ((m.index ?? 0) < 8) return null;
  // Nor sit in a clause that explains the one before: dropped inside "…, in the sense that they
  // could not …" it contradicts the rest of the sentence, which gives the statement away.
  if (SUBORDINATE.test(info.prompt.slice(0, m.index))) return null;
  const replacement = m[1] ? m[1] : `${m[2]!} still`;
  const statement =
    info.prompt.slice(0, m.index) + replacement + info.prompt.slice((m.index ?? 0) + m[0].length);
  return falseStatement(info, statement, `negation:${m[0]}`);
}

/**
 * "The Basmachi resistance came to represent an anti-communist campaign rather than a Muslim
 * struggle against Russians": the two sides of a "X rather than Y" (or "X, not Y") exchanged, so
 * the statement prefers what the lesson rejects. Both sides must be phrases of one form (two noun
 * phrases with an article, or two bare phrases of at most six words) and the sentence end there.
 */
export function contrastReversed(info: SentenceInfo): Candidate | null {
  if (!info.standalone || info.words > 35 || info.quoteFraction > 0.2) return null;
  if (/\b(?:we|our|us)\b/i.test(info.prompt)) return null;
  const m = /\b(\w+) ((?:an?|the) [^,;:"]{3,60}?) rather than ((?:an?|the) [^,;:"]{3,60}?)([.!]?)$/.exec(
    info.prompt,
  );
  if (!m) return null;
  // The first phrase opens after its verb, not inside another phrase ("the role of the party").
  if (/^(?:of|in|on|at|by|for|from|to|with|against|over|under|the|a|an)$/i.test(m[1]!)) return null;
  if (/\b(?:an?|the)\b/i.test(m[2]!.replace(/^\S+ /, "")) || wordCountOf(m[2]!) > 8 || wordCountOf(m[3]!) > 8)
    return null;
  const at = (m.index ?? 0) + m[1]!.length + 1;
  const statement = `${info.prompt.slice(0, at)}${m[3]} rather than ${m[2]}${m[4]}`;
  return falseStatement(info, statement, `contrast:${m[2]}`);
}

function wordCountOf(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function falseStatement(info: SentenceInfo, statement: string, tag: string): Candidate {
  return {
    question: {
      ...common(info, info.keys[0]?.kind ?? "term"),
      id: questionId(info.lessonSlug, "true_false", info.evidence, tag),
      type: "true_false",
      prompt: TF_PREFIX + statement,
      choices: ["True", "False"],
      answer: "False",
      difficulty: difficulty(0.35, info, null),
      skill: "claim",
    },
    score: info.keys.some(factBearing) ? 0.62 : Math.max(MIN_TF_VAGUE, 0.5),
    sentences: [info.index],
    fact: `${info.index}:tf`,
  };
}

/** A qualifier of a figure ("over 5 million"): the question asks "roughly", the options go without. */
const ROUGHLY = String.raw`(?:(?:over|nearly|almost|some|about|around|roughly|at least|more than|up to) )?`;
const FIGURE = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)? million|\d+|[a-z]+(?:[ -][a-z]+)? (?:thousand|million)`;
/** A word of the noun phrase a toll belongs to: no article inside, no pronoun. */
const NP_WORD = String.raw`(?!(?:the|a|an|which|that|he|she|it|they|his|her|its|their|this|these|those)\b)[\p{L}\d'-]+`;
/** "the 1921 famine, which took the lives of over 5 million people" */
const TOOK_LIVES = new RegExp(
  String.raw`(?:^|[\s,])((?:the|an?) (?:${NP_WORD} ){0,3}${NP_WORD}),? (?:which )?(took|cost|claimed) the lives of ${ROUGHLY}(${FIGURE})(?= (?:people|persons|lives)\b|[,.;]|$)`,
  "u",
);
/** "200,000 lives were taken directly by the Red Terror" */
const LIVES_TAKEN = new RegExp(
  String.raw`(?:^|[\s,])${ROUGHLY}(${FIGURE}) (?:lives|people) were (taken|lost|claimed|killed)((?: directly)?) by (the \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,3})`,
  "u",
);
const BASE_VERB: Record<string, string> = { took: "take", cost: "cost", claimed: "claim" };

/** Powers of ten around a toll: options an order of magnitude apart, within what history records. */
function tollOptions(value: number, seed: string): number[] | null {
  const sets = [
    [0.001, 0.01, 0.1],
    [0.01, 0.1, 10],
    [0.1, 10, 100],
    [10, 100, 1000],
  ]
    .map((fs) => fs.map((f) => Math.round(value * f)))
    .filter((vs) => vs.every((v) => v >= 100 && v <= 100_000_000));
  if (sets.length === 0) return null;
  return sets[parseInt(hash64(seed).slice(0, 4), 16) % sets.length]!;
}

/** A number written as the key is ("5 million", "200,000", "three thousand"). */
function formatLike(key: string, n: number): string | null {
  if (/^[a-z]/.test(key)) return numberToWords(n);
  if (/million$/.test(key) && n >= 1_000_000) {
    const m = n / 1_000_000;
    return Number.isInteger(m) || Number.isInteger(m * 10) ? `${m} million` : null;
  }
  return withThousands(n);
}

/**
 * "Roughly how many lives did the 1921 famine take?": the scale of a death toll the lesson gives
 * (a thousand or more), asked as a question with options an order of magnitude apart. Not a
 * copied sentence with its figure blanked (recall of the exact figure is trivia): the learner has to
 * know whether it was thousands or millions. The period the sentence sets ("From 1917 to 1924")
 * goes into the question; a single year's toll is not asked.
 */
export function deathTollQuestion(info: SentenceInfo): Candidate | null {
  if (!info.standalone || info.quoteFraction > 0.3) return null;
  const text = info.prompt;
  let ask: string;
  let figure: string;
  let at: number;
  const took = TOOK_LIVES.exec(text);
  const taken = took ? null : LIVES_TAKEN.exec(text);
  if (took) {
    figure = took[3]!;
    at = took.index + took[0].lastIndexOf(figure);
    ask = `roughly how many lives did ${took[1]} ${BASE_VERB[took[2]!]}`;
  } else if (taken) {
    figure = taken[1]!;
    at = taken.index + taken[0].indexOf(figure);
    ask = `roughly how many lives were ${taken[2]}${taken[3]} by ${taken[4]}`;
  } else return null;
  const value = parseNumber(figure);
  if (value === null || value < 1000) return null;
  // The period the sentence sets before the figure, unless the question already names a year.
  const period = [
    ...text.slice(0, at).matchAll(/\b(?:[Ff]rom (1[89]\d\d) to (1[89]\d\d)|[Ii]n (1[89]\d\d)(?: alone)?),/g),
  ].pop();
  // One year's share of a toll ("In 1919 alone, … 25,000") is a detail of the record; the toll of
  // a whole event or period is what a learner should carry.
  if (period?.[3]) return null;
  if (period && !/\b1[89]\d\d\b/.test(ask)) ask += ` from ${period[1]} to ${period[2]}`;
  const seed = `${info.lessonSlug}|${info.evidence}|toll`;
  const others = tollOptions(value, seed)?.map((n) => formatLike(figure, n));
  if (!others || others.some((o) => o === null)) return null;
  const byValue = (s: string) => parseNumber(s) ?? 0;
  const choices = [figure, ...(others as string[])].sort((a, b) => byValue(a) - byValue(b));
  const key = info.keys.find((k) => k.kind === "number" && k.start <= at && at < k.end);
  return {
    question: {
      ...common(info, "number"),
      id: questionId(info.lessonSlug, "multiple_choice", info.evidence, `toll@${figure}`),
      type: "multiple_choice",
      prompt: `According to the lesson, ${ask}?`,
      choices,
      answer: figure,
      difficulty: 0.4,
    },
    score: 0.9,
    sentences: [info.index],
    fact: `${info.index}:${key?.start ?? at}`,
  };
}
